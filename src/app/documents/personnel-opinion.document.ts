import { Type, type Static } from '@sinclair/typebox';
import { AlignmentType, Paragraph } from 'docx';
import { CommonFields, Text } from './document-data.js';
import { checkDocumentData } from './document-input.js';
import { DocumentDataError } from './document-errors.js';
import { bodyParagraph, closingBlock, headingBlock, packPartyDocument, run } from './party-layout.js';
import { requireInstant } from '../../shared/vn-date.js';

export const PersonnelOpinionSchema = Type.Object(
  {
    ...CommonFields,
    /** "Ban Thường vụ Đoàn Thanh niên Khối" */
    addressee: Text,
    nomination: Type.Object(
      {
        organisation: Text,
        /** The nominating document, e.g. "Tờ trình số 15-TTr/ĐTN ngày 02/6/2026". */
        reference: Type.Optional(Text),
      },
      { additionalProperties: false },
    ),
    candidate: Type.Object(
      {
        fullName: Text,
        birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
        currentPosition: Text,
      },
      { additionalProperties: false },
    ),
    /** The position's name ("Bí thư Đoàn Thanh niên Khối"), never a form's code. */
    position: Text,
    /** Elected at a congress or conference, or appointed (chỉ định, bổ sung). */
    procedure: Type.Union([Type.Literal('election'), Type.Literal('appointment')]),
    term: Text,
    opinion: Type.Union([Type.Literal('agree'), Type.Literal('disagree')]),
    /** Required when the Standing Committee disagrees. */
    reasons: Type.Optional(Type.Array(Text)),
  },
  { additionalProperties: false },
);
export type PersonnelOpinionData = Static<typeof PersonnelOpinionSchema>;

export const PERSONNEL_OPINION_TYPE = 'Văn bản cho ý kiến về nhân sự';

/** "Văn bản cho ý kiến về nhân sự" (Art. 4.2, 6): BTV's written opinion on a mass organisation's nomination. */
export async function generatePersonnelOpinion(input: PersonnelOpinionData): Promise<Buffer> {
  // Typed for callers, checked anyway: the data comes from process variables.
  const data = checkDocumentData(PERSONNEL_OPINION_TYPE, PersonnelOpinionSchema, input);
  const reasons = data.reasons ?? [];
  if (data.opinion === 'disagree' && reasons.length === 0) {
    throw new DocumentDataError(PERSONNEL_OPINION_TYPE, [
      { field: 'reasons', message: 'Cần nêu lý do khi Ban Thường vụ không đồng ý.' },
    ]);
  }
  const { candidate, nomination } = data;
  const person =
    `đồng chí ${candidate.fullName}` +
    (candidate.birthYear ? `, sinh năm ${candidate.birthYear}` : '') +
    `, ${candidate.currentPosition}`;
  const from = nomination.reference ? ` tại ${nomination.reference}` : '';
  const toHold = `${data.procedure === 'election' ? 'bầu' : 'chỉ định'} giữ chức vụ ${data.position}`;
  const opinion =
    data.opinion === 'agree'
      ? [
          bodyParagraph(
            `Đồng ý giới thiệu ${person}, để ${nomination.organisation} tiến hành các thủ tục theo quy định ` +
              `để ${toHold}, nhiệm kỳ ${data.term}.`,
          ),
        ]
      : [
          bodyParagraph(`Không đồng ý giới thiệu ${person} để ${toHold}, nhiệm kỳ ${data.term}, với lý do:`),
          ...reasons.map((reason, index) =>
            bodyParagraph(`- ${reason}${index === reasons.length - 1 ? '.' : ';'}`),
          ),
        ];

  return packPartyDocument(PERSONNEL_OPINION_TYPE, [
    headingBlock({
      number: data.number,
      issuedAt: requireInstant(data.issuedAt),
      subject: 'V/v cho ý kiến về nhân sự',
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 240 },
      children: [run('Kính gửi: '), run(data.addressee)],
    }),
    bodyParagraph(
      `Xét đề nghị của ${nomination.organisation}${from} về việc giới thiệu nhân sự để ${toHold}, ` +
        `nhiệm kỳ ${data.term}; trên cơ sở ý kiến thẩm định của Ban Tổ chức Đảng ủy Khối và ý kiến của Ủy ban Kiểm tra ` +
        `Đảng ủy Khối, Ban Thường vụ Đảng ủy Khối có ý kiến như sau:`,
    ),
    ...opinion,
    bodyParagraph(
      `Đề nghị ${nomination.organisation} căn cứ ý kiến trên thực hiện các bước tiếp theo theo quy định./.`,
    ),
    closingBlock(data.recipients, data.signature),
  ]);
}
