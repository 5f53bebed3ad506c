import { Type, type Static } from '@sinclair/typebox';
import { AlignmentType, Paragraph } from 'docx';
import { CommonFields, DocumentDate, Text } from './document-data.js';
import { checkDocumentData } from './document-input.js';
import { bodyParagraph, closingBlock, headingBlock, packPartyDocument, run } from './party-layout.js';
import { formatDate, requireInstant } from '../../shared/vn-date.js';

export const ComplaintReplySchema = Type.Object(
  {
    ...CommonFields,
    /** The committee that answers, as a body ("Đảng ủy Sở Tài chính", "Chi bộ Công ty …"). */
    committee: Text,
    /** "khiếu nại", "tố cáo", "kiến nghị" or "phản ánh": the kind the committee classified it as. */
    kind: Type.Union([
      Type.Literal('khiếu nại'),
      Type.Literal('tố cáo'),
      Type.Literal('kiến nghị'),
      Type.Literal('phản ánh'),
    ]),
    sender: Type.Object({ name: Text, address: Text }, { additionalProperties: false }),
    receivedAt: DocumentDate,
    /** What the letter is about, as the unit summed it up ("trích yếu"). */
    subject: Text,
    /** Art. 6 and 4.3: the answer follows Ủy ban Kiểm tra's advice and Thường trực's direction. */
    advisedByInspection: Type.Boolean(),
    answer: Type.Array(Text, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ComplaintReplyData = Static<typeof ComplaintReplySchema>;

export const COMPLAINT_REPLY_TYPE = 'Văn bản trả lời đơn';

/** Lines of the issuing body in the heading: whole words, at most as wide as "ĐẢNG ỦY KHỐI CÁC CƠ QUAN". */
export function issuerLines(name: string, width = 24): string[] {
  const lines: string[] = [];
  for (const word of name.toLocaleUpperCase('vi-VN').split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The superior of every base organisation of the Bloc, on two whole lines as the Bloc's own name is set. */
const BLOC_PARTY = ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH'];

/**
 * "Văn bản trả lời đơn" (a công văn, Art. 8.3): the base organisation's committee answers the person who sent a
 * complaint, denunciation, petition or feedback, over its own heading and its Secretary's signature.
 */
export async function generateComplaintReply(input: ComplaintReplyData): Promise<Buffer> {
  // Typed for callers, checked anyway: the data comes from process variables.
  const data = checkDocumentData(COMPLAINT_REPLY_TYPE, ComplaintReplySchema, input);
  const receivedOn = formatDate(requireInstant(data.receivedAt));
  const basis = data.advisedByInspection
    ? `Thực hiện ý kiến chỉ đạo của Thường trực Đảng ủy Khối, trên cơ sở tham mưu của Ủy ban Kiểm tra Đảng ủy Khối, `
    : '';
  return packPartyDocument(`${COMPLAINT_REPLY_TYPE} ${data.kind}`, [
    headingBlock({
      number: data.number,
      issuedAt: requireInstant(data.issuedAt),
      subject: `V/v trả lời đơn ${data.kind}`,
      issuer: { superior: BLOC_PARTY, name: issuerLines(data.committee) },
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 240 },
      children: [run('Kính gửi: '), run(`Ông (bà) ${data.sender.name}`)],
    }),
    bodyParagraph(
      `Ngày ${receivedOn}, ${data.committee} nhận được đơn ${data.kind} của ông (bà) ${data.sender.name} ` +
        `(địa chỉ: ${data.sender.address}) về việc ${data.subject}.`,
    ),
    bodyParagraph(
      `${basis}${data.committee} ` +
        `đã xem xét, giải quyết theo Điều 8.3 Quy chế công tác dân vận ban hành kèm theo Quyết định số 926-QĐ/ĐUK ` +
        `của Ban Thường vụ Đảng ủy Khối và trả lời như sau:`,
    ),
    ...data.answer.map((paragraph) => bodyParagraph(paragraph)),
    bodyParagraph(`${data.committee} trả lời để ông (bà) được biết./.`),
    closingBlock(data.recipients, data.signature),
  ]);
}
