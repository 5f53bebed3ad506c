import { Type, type Static } from '@sinclair/typebox';
import { CommonFields, DocumentDate, Text } from './document-data.js';
import { checkDocumentData } from './document-input.js';
import {
  bodyParagraph,
  closingBlock,
  dataTable,
  headingBlock,
  packPartyDocument,
  titleBlock,
} from './party-layout.js';
import { formatDate, requireInstant } from '../../shared/vn-date.js';
import { roman } from './vn-number.js';

export const BriefingConclusionSchema = Type.Object(
  {
    ...CommonFields,
    quarter: Type.Integer({ minimum: 1, maximum: 4 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    meeting: Type.Object(
      {
        date: DocumentDate,
        place: Text,
        /**
         * Who chaired, as the notice names them: "đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Đảng ủy Khối".
         * Not the signer: the notice is usually signed by the Office (T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG).
         */
        chairedBy: Type.Optional(Text),
      },
      { additionalProperties: false },
    ),
    attendees: Type.Array(Text, { minItems: 1 }),
    conclusions: Type.Array(Text, { minItems: 1 }),
    actions: Type.Array(
      Type.Object({ content: Text, ownerUnit: Text, dueDate: DocumentDate }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type BriefingConclusionData = Static<typeof BriefingConclusionSchema>;

export const BRIEFING_CONCLUSION_TYPE = 'Thông báo kết luận giao ban công tác dân vận';

/** "Thông báo kết luận của Thường trực Đảng ủy Khối tại buổi giao ban công tác dân vận quý …" (Art. 4.2). */
export async function generateBriefingConclusion(input: BriefingConclusionData): Promise<Buffer> {
  // Typed for callers, checked anyway: the data comes from process variables.
  const data = checkDocumentData(BRIEFING_CONCLUSION_TYPE, BriefingConclusionSchema, input);
  const quarter = `quý ${roman(data.quarter)} năm ${data.year}`;
  const meetingDay = formatDate(requireInstant(data.meeting.date));
  const actionRows = data.actions.map((action, index) => [
    String(index + 1),
    action.content,
    action.ownerUnit,
    formatDate(requireInstant(action.dueDate)),
  ]);

  return packPartyDocument(`Thông báo kết luận giao ban công tác dân vận ${quarter}`, [
    headingBlock({ number: data.number, issuedAt: requireInstant(data.issuedAt) }),
    ...titleBlock('THÔNG BÁO', [
      'kết luận của Thường trực Đảng ủy Khối tại buổi giao ban',
      `công tác dân vận ${quarter}`,
    ]),
    bodyParagraph(
      `Ngày ${meetingDay}, tại ${data.meeting.place}, Thường trực Đảng ủy Khối tổ chức giao ban công tác dân vận ` +
        `${quarter} với các Đoàn thể Khối.` +
        (data.meeting.chairedBy ? ` ${capitalise(data.meeting.chairedBy)} chủ trì buổi giao ban.` : ''),
    ),
    bodyParagraph('Tham dự buổi giao ban có:'),
    ...data.attendees.map((attendee, index) =>
      bodyParagraph(`- ${attendee}${index === data.attendees.length - 1 ? '.' : ';'}`),
    ),
    bodyParagraph(
      `Sau khi nghe các Đoàn thể Khối báo cáo tình hình, kết quả công tác dân vận ${quarter} và ý kiến của các ` +
        `đại biểu dự họp, Thường trực Đảng ủy Khối kết luận như sau:`,
    ),
    ...data.conclusions.map((conclusion, index) => bodyParagraph(`${index + 1}. ${conclusion}`)),
    bodyParagraph('Phân công thực hiện:'),
    ...(actionRows.length > 0
      ? [
          dataTable(
            ['STT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Thời hạn'],
            actionRows,
            [0.08, 0.5, 0.26, 0.16],
          ),
        ]
      : [bodyParagraph('- Không có nhiệm vụ phân công.')]),
    bodyParagraph('Văn phòng Đảng ủy Khối thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.'),
    closingBlock(data.recipients, data.signature),
  ]);
}

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
