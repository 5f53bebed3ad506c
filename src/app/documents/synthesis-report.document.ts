import { Type, type Static } from '@sinclair/typebox';
import { CommonFields, DocumentDate, Text } from './document-data.js';
import { checkDocumentData } from './document-input.js';
import {
  bodyParagraph,
  closingBlock,
  dataTable,
  headingBlock,
  packPartyDocument,
  sectionHeading,
  titleBlock,
} from './party-layout.js';
import { formatDate, requireInstant } from '../../shared/vn-date.js';
import { formatVietnameseNumber } from './vn-number.js';

export const SynthesisReportSchema = Type.Object(
  {
    ...CommonFields,
    period: Type.Object(
      {
        kind: Type.Union([Type.Literal('first-half'), Type.Literal('year')]),
        year: Type.Integer({ minimum: 2000, maximum: 2100 }),
      },
      { additionalProperties: false },
    ),
    unitsExpected: Type.Integer({ minimum: 0 }),
    unitsReported: Type.Integer({ minimum: 0 }),
    /** Totals per heading of the report form, summed over the accepted reports. */
    headings: Type.Array(
      Type.Object(
        { label: Text, total: Type.Number(), unit: Type.Optional(Text) },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    lateUnits: Type.Array(
      Type.Object({ name: Text, submittedAt: DocumentDate }, { additionalProperties: false }),
    ),
    missingUnits: Type.Array(Text),
    proposals: Type.Array(Type.Object({ unit: Text, text: Text }, { additionalProperties: false })),
    /** "Những vấn đề nổi cộm, bức xúc" the units raised (Art. 5.3), with Thường trực's direction once given. */
    pressingIssues: Type.Optional(
      Type.Array(
        Type.Object(
          { unit: Text, text: Text, direction: Type.Optional(Text) },
          { additionalProperties: false },
        ),
      ),
    ),
    /** Ban Tuyên giáo's own assessment, one paragraph per entry. */
    assessment: Type.Optional(Type.Array(Text)),
  },
  { additionalProperties: false },
);
export type SynthesisReportData = Static<typeof SynthesisReportSchema>;

export const SYNTHESIS_REPORT_TYPE = 'Báo cáo tổng hợp kết quả công tác dân vận';

export function synthesisPeriodText(period: SynthesisReportData['period']): string {
  return period.kind === 'first-half' ? `6 tháng đầu năm ${period.year}` : `năm ${period.year}`;
}

/**
 * "Báo cáo tổng hợp kết quả công tác dân vận 6 tháng đầu năm / năm …" (Art. 10.2, 11.3): drafted by BTG, approved
 * by Thường trực and issued by the Bloc Party Committee (T/M BAN THƯỜNG VỤ), so it goes to the bodies above it and
 * to the units, not back to the Standing Committee that issues it.
 */
export async function generateSynthesisReport(input: SynthesisReportData): Promise<Buffer> {
  // Typed for callers, checked anyway: the data comes from process variables.
  const data = checkDocumentData(SYNTHESIS_REPORT_TYPE, SynthesisReportSchema, input);
  const period = synthesisPeriodText(data.period);
  const late = data.lateUnits.map((unit) =>
    bodyParagraph(`- ${unit.name} (gửi ngày ${formatDate(requireInstant(unit.submittedAt))});`),
  );
  const missing = data.missingUnits.map((name) => bodyParagraph(`- ${name};`));
  const none = (text: string) => [bodyParagraph(`- ${text}`)];
  const pressing = (data.pressingIssues ?? []).flatMap((issue, index) => [
    bodyParagraph(`${index + 1}. ${issue.text} (${issue.unit}).`),
    ...(issue.direction ? [bodyParagraph(`Ý kiến chỉ đạo của Thường trực: ${issue.direction}`)] : []),
  ]);
  const rows = data.headings.map((heading, index) => [
    String(index + 1),
    heading.label,
    formatVietnameseNumber(heading.total),
    heading.unit ?? '',
  ]);

  return packPartyDocument(`Báo cáo tổng hợp kết quả công tác dân vận ${period}`, [
    headingBlock({ number: data.number, issuedAt: requireInstant(data.issuedAt) }),
    ...titleBlock('BÁO CÁO', [`tổng hợp kết quả công tác dân vận ${period}`]),
    sectionHeading('I. TÌNH HÌNH CHUNG'),
    bodyParagraph(
      `Thực hiện Quy chế công tác dân vận ban hành kèm theo Quyết định số 926-QĐ/ĐUK ngày 12/7/2022 của Ban Thường vụ ` +
        `Đảng ủy Khối, trên cơ sở báo cáo của các chi, đảng bộ cơ sở và các Đoàn thể Khối do Ban Tuyên giáo Đảng ủy ` +
        `Khối tổng hợp, Ban Thường vụ Đảng ủy Khối báo cáo kết quả công tác dân vận ${period} như sau. Có ` +
        `${data.unitsReported}/${data.unitsExpected} đơn vị đã gửi báo cáo.`,
    ),
    ...(data.assessment ?? []).map((paragraph) => bodyParagraph(paragraph)),
    sectionHeading('II. KẾT QUẢ CÔNG TÁC DÂN VẬN'),
    dataTable(['STT', 'Nội dung', 'Kết quả', 'Đơn vị tính'], rows, [0.08, 0.57, 0.17, 0.18]),
    sectionHeading('III. TÌNH HÌNH GỬI BÁO CÁO'),
    bodyParagraph('1. Đơn vị gửi báo cáo muộn:'),
    ...(late.length > 0 ? late : none('Không có.')),
    bodyParagraph('2. Đơn vị chưa gửi báo cáo:'),
    ...(missing.length > 0 ? missing : none('Không có.')),
    sectionHeading('IV. NHỮNG VẤN ĐỀ NỔI CỘM, BỨC XÚC'),
    ...(pressing.length > 0 ? pressing : none('Không có.')),
    sectionHeading('V. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...(data.proposals.length > 0
      ? data.proposals.map((proposal, index) =>
          bodyParagraph(`${index + 1}. ${proposal.text} (${proposal.unit}).`),
        )
      : none('Không có kiến nghị, đề xuất.')),
    closingBlock(data.recipients, data.signature),
  ]);
}
