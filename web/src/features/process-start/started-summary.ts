import type { Messages } from '../../i18n/messages.types.js';
import type { FormData } from '../../lib/contracts.js';

const QUARTERS: Record<string, string> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/**
 * What a start created, in the users' words, from the start form's values (processes/README.md): the reporting
 * period, the quarter, the year under review, the person proposed, the urgent matter reported, or the letter received. Empty when the form says none of these (a
 * start without a period takes the current one, which the app cannot name before the engine has).
 */
export function startedWhat(processId: string, data: FormData, t: Messages): string {
  const year = text(data.nam);
  const quarter = QUARTERS[text(data.quy)];
  const candidate = text(data.hoTenUngVien);
  if (candidate) return t.startPersonnel(candidate);
  const subject = text(data.tieuDe);
  if (processId === 'bao-cao-dot-xuat' && subject) return t.startUrgentReport(subject);
  const model = text(data.tenMoHinh);
  if (processId === 'dan-van-kheo' && model) return t.startModel(model);
  // The register entry, by its summary: the sender's name stays in the task, not in a message on screen.
  const letter = text(data.tomTat);
  if (processId === 'don-thu-kien-nghi' && letter) return t.startComplaint(letter);
  if (quarter && year) return t.startPeriodQuarter(quarter, year);
  if (!year) return '';
  if (data.loaiKy === '6-thang') return t.startPeriodHalf(year);
  if (data.loaiKy === 'nam') return t.startPeriodYear(year);
  if (processId === 'danh-gia-khen-thuong') return t.startEvaluationYear(year);
  return '';
}
