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

export const UrgentDirectiveSchema = Type.Object(
  {
    ...CommonFields,
    /** The base organisation that reported ("Đảng bộ Sở Tài chính"). */
    reportingUnit: Text,
    /** What the matter is, as the unit summed it up ("trích yếu"). */
    subject: Text,
    /** The day the matter occurred, and which direction this is (1 for the first, then 2, 3… as Thường trực follows up). */
    occurredAt: DocumentDate,
    round: Type.Integer({ minimum: 1, maximum: 1000 }),
    direction: Type.Array(Text, { minItems: 1 }),
    assignments: Type.Array(
      Type.Object({ unit: Text, task: Text, dueDate: DocumentDate }, { additionalProperties: false }),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
export type UrgentDirectiveData = Static<typeof UrgentDirectiveSchema>;

export const URGENT_DIRECTIVE_TYPE = 'Thông báo ý kiến chỉ đạo của Thường trực Đảng ủy Khối';

/**
 * "Thông báo ý kiến chỉ đạo của Thường trực Đảng ủy Khối về …" (Art. 10.3): what a base organisation reported
 * directly, Thường trực's direction, and who handles what by when. A further direction is a new notice ("tiếp tục").
 */
export async function generateUrgentDirective(input: UrgentDirectiveData): Promise<Buffer> {
  // Typed for callers, checked anyway: the data comes from process variables.
  const data = checkDocumentData(URGENT_DIRECTIVE_TYPE, UrgentDirectiveSchema, input);
  const rows = data.assignments.map((assignment, index) => [
    String(index + 1),
    assignment.task,
    assignment.unit,
    formatDate(requireInstant(assignment.dueDate)),
  ]);
  const occurredOn = formatDate(requireInstant(data.occurredAt));
  return packPartyDocument(`Thông báo ý kiến chỉ đạo về ${data.subject}`, [
    headingBlock({ number: data.number, issuedAt: requireInstant(data.issuedAt) }),
    ...titleBlock('THÔNG BÁO', [
      `ý kiến chỉ đạo của Thường trực Đảng ủy Khối${data.round > 1 ? ' (tiếp theo)' : ''}`,
      `về ${data.subject}`,
    ]),
    bodyParagraph(
      `${data.reportingUnit} báo cáo đột xuất với Ban Thường vụ, Thường trực Đảng ủy Khối về ${data.subject} ` +
        `(xảy ra ngày ${occurredOn}), theo Điều 10.3 Quy chế công tác dân vận ban hành kèm theo Quyết định số ` +
        `926-QĐ/ĐUK.` +
        (data.round > 1 ? ` Sau khi xem xét kết quả xử lý của các đơn vị,` : '') +
        ` Thường trực Đảng ủy Khối có ý kiến chỉ đạo như sau:`,
    ),
    ...data.direction.map((paragraph, index) =>
      bodyParagraph(data.direction.length > 1 ? `${index + 1}. ${paragraph}` : paragraph),
    ),
    bodyParagraph('Phân công xử lý:'),
    dataTable(['STT', 'Nội dung xử lý', 'Đơn vị xử lý', 'Hạn báo cáo'], rows, [0.08, 0.5, 0.26, 0.16]),
    bodyParagraph(
      'Các đơn vị được giao khẩn trương xử lý, báo cáo kết quả về Thường trực Đảng ủy Khối đúng hạn. ' +
        'Văn phòng Đảng ủy Khối thông báo để các đơn vị biết, thực hiện./.',
    ),
    closingBlock(data.recipients, data.signature),
  ]);
}
