import ExcelJS from 'exceljs';
import type { PeriodDashboard, UnitStatusRow } from '../../shared/contracts/index.js';
import { formatDate, formatDateTime } from '../../shared/vn-date.js';
import { STATUS_LABELS_VI, STATUS_ORDER } from './status-labels.js';

/** The export's columns, in Vietnamese as the committee files them; the test reads them back by these headers. */
export const EXPORT_COLUMNS = [
  'STT',
  'Đơn vị',
  'Trạng thái',
  'Nộp muộn',
  'Người đang giữ',
  'Ngày giao',
  'Ngày gửi',
  'Ngày tiếp nhận',
  'Hạn gửi',
  'Vấn đề nổi cộm, bức xúc',
] as const;

const RETURNED_BY: Record<string, string> = {
  'truong-don-vi': 'trưởng đơn vị trả lại',
  'ban-tuyen-giao': 'Ban Tuyên giáo trả lại',
};

const dateOrEmpty = (iso: string | null) => (iso ? formatDate(iso) : '');

function holderOf(row: UnitStatusRow): string {
  if (!row.holder) return '';
  return row.holder.fullName ?? row.holder.groupNames.join(', ');
}

function statusText(row: UnitStatusRow): string {
  const base = STATUS_LABELS_VI[row.status];
  if (row.status === 'late' && row.stage !== 'not-started') return `${base} (${STATUS_LABELS_VI[row.stage]})`;
  if (row.returnedBy) return `${base} (${RETURNED_BY[row.returnedBy] ?? row.returnedBy})`;
  return base;
}

/** The dashboard as an .xlsx workbook: one sheet of units, one of totals. */
export async function periodWorkbook(dashboard: PeriodDashboard, exportedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dân vận — Đảng ủy Khối';
  workbook.created = exportedAt;
  const title = `Tình hình thực hiện ${dashboard.period.label || dashboard.period.processName}`;

  const sheet = workbook.addWorksheet('Đơn vị');
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([
    `${dashboard.period.processName} · Hạn gửi: ${dateOrEmpty(dashboard.dueDate)} · Hết hạn thu thập: ${dateOrEmpty(dashboard.collectionDeadline)} · Xuất lúc ${formatDateTime(exportedAt.toISOString())}`,
  ]);
  sheet.addRow([]);
  const header = sheet.addRow([...EXPORT_COLUMNS]);
  header.font = { bold: true };
  dashboard.rows.forEach((row, index) => {
    sheet.addRow([
      index + 1,
      row.unitName,
      statusText(row),
      row.late ? 'Có' : '',
      holderOf(row),
      dateOrEmpty(row.openedAt),
      dateOrEmpty(row.submittedAt),
      dateOrEmpty(row.acceptedAt),
      dateOrEmpty(row.dueDate),
      row.pressingIssue ?? '',
    ]);
  });
  sheet.columns.forEach((column, i) => {
    column.width = [6, 42, 34, 10, 26, 12, 12, 14, 12, 50][i] ?? 14;
  });

  const totals = workbook.addWorksheet('Tổng hợp');
  totals.addRow([title]).font = { bold: true };
  totals.addRow(['Trạng thái', 'Số đơn vị']).font = { bold: true };
  for (const code of STATUS_ORDER) totals.addRow([STATUS_LABELS_VI[code], dashboard.totals[code]]);
  totals.addRow(['Tổng số', dashboard.unitCount]).font = { bold: true };
  totals.getColumn(1).width = 34;
  totals.getColumn(2).width = 12;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
