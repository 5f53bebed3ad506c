import { Type, type Static } from '@sinclair/typebox';
import { AlignmentType, Paragraph } from 'docx';
import { CommonFields, Text } from './document-data.js';
import { checkDocumentData } from './document-input.js';
import { DocumentDataError } from './document-errors.js';
import {
  bodyParagraph,
  closingBlock,
  dataTable,
  headingBlock,
  packPartyDocument,
  run,
  titleBlock,
} from './party-layout.js';
import { requireInstant } from '../../shared/vn-date.js';

export const CommendationDecisionSchema = Type.Object(
  {
    ...CommonFields,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    /** The legal bases, each without "Căn cứ" ("Điều lệ Đảng Cộng sản Việt Nam"). */
    bases: Type.Array(Text, { minItems: 1 }),
    /** Who proposed it; the Propaganda and Education Board unless said otherwise. */
    proposer: Type.Optional(Text),
    collectives: Type.Array(
      Type.Object(
        { name: Text, recognition: Text, achievement: Type.Optional(Text) },
        { additionalProperties: false },
      ),
    ),
    individuals: Type.Array(
      Type.Object(
        {
          fullName: Text,
          position: Type.Optional(Text),
          unit: Text,
          recognition: Text,
          achievement: Type.Optional(Text),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CommendationDecisionData = Static<typeof CommendationDecisionSchema>;

export const COMMENDATION_DECISION_TYPE = 'Quyết định khen thưởng';

/** "Quyết định khen thưởng …" (Art. 11.4): Điều 1 the list with the form of recognition, Điều 2 the reward, Điều 3 execution. */
export async function generateCommendationDecision(input: CommendationDecisionData): Promise<Buffer> {
  // Typed for callers, checked anyway: the data comes from process variables.
  const data = checkDocumentData(COMMENDATION_DECISION_TYPE, CommendationDecisionSchema, input);
  if (data.collectives.length + data.individuals.length === 0) {
    throw new DocumentDataError(COMMENDATION_DECISION_TYPE, [
      { field: 'collectives', message: 'Cần ít nhất một tập thể hoặc cá nhân được khen thưởng.' },
    ]);
  }
  const what = `có thành tích xuất sắc trong thực hiện công tác dân vận năm ${data.year}`;
  const counted = [
    data.collectives.length > 0 ? `${data.collectives.length} tập thể` : '',
    data.individuals.length > 0 ? `${data.individuals.length} cá nhân` : '',
  ]
    .filter(Boolean)
    .join(' và ');
  const lists = [];
  let section = 0;
  if (data.collectives.length > 0) {
    lists.push(bodyParagraph(`${++section}. Tập thể:`));
    lists.push(
      dataTable(
        ['STT', 'Tên tập thể', 'Hình thức khen thưởng'],
        data.collectives.map((entry, index) => [String(index + 1), entry.name, entry.recognition]),
        [0.08, 0.62, 0.3],
      ),
    );
  }
  if (data.individuals.length > 0) {
    lists.push(bodyParagraph(`${++section}. Cá nhân:`));
    lists.push(
      dataTable(
        ['STT', 'Họ và tên', 'Chức vụ, đơn vị', 'Hình thức khen thưởng'],
        data.individuals.map((entry, index) => [
          String(index + 1),
          entry.fullName,
          [entry.position, entry.unit].filter(Boolean).join(', '),
          entry.recognition,
        ]),
        [0.08, 0.28, 0.39, 0.25],
      ),
    );
  }
  const article = (number: number, text: string) =>
    bodyParagraph([run(`Điều ${number}. `, { bold: true }), text]);

  return packPartyDocument(`Quyết định khen thưởng công tác dân vận năm ${data.year}`, [
    headingBlock({ number: data.number, issuedAt: requireInstant(data.issuedAt) }),
    ...titleBlock('QUYẾT ĐỊNH', ['khen thưởng các tập thể, cá nhân', what]),
    ...data.bases.map((basis) =>
      bodyParagraph([run(`- Căn cứ ${basis.replace(/[;,.]\s*$/, '')};`, { italics: true })]),
    ),
    bodyParagraph([
      run(`- Xét đề nghị của ${data.proposer ?? 'Ban Tuyên giáo Đảng ủy Khối'},`, { italics: true }),
    ]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [
        run('BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI', { bold: true }),
        run('QUYẾT ĐỊNH', { bold: true, break: 1 }),
      ],
    }),
    article(1, `Khen thưởng ${counted} ${what}, gồm:`),
    ...lists,
    article(
      2,
      'Tiền thưởng kèm theo hình thức khen thưởng thực hiện theo quy định hiện hành về thi đua, khen thưởng.',
    ),
    article(
      3,
      'Văn phòng Đảng ủy Khối, Ban Tuyên giáo Đảng ủy Khối, các chi, đảng bộ cơ sở, các Đoàn thể Khối và các tập thể, ' +
        'cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành./.',
    ),
    closingBlock(data.recipients, data.signature),
  ]);
}
