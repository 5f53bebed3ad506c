import type { FieldError } from '../../lib/errors.js';
import type { ProcessSettingsValues } from '../../shared/contracts/index.js';
import { START_RULES } from '../process-start/process-start.table.js';
import { DEFAULT_DOCUMENT_SYMBOLS } from './document-symbols.schemas.js';

/** A day of the month that exists in every year (30 February does not; 29 February is not a day every year). */
export function realDay(monthDay: string): boolean {
  const [month, day] = monthDay.split('-').map(Number);
  const date = new Date(Date.UTC(2027, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
}

const PERSONNEL_ORDER = [
  'checkDays',
  'appraisalDays',
  'standingReviewDays',
  'decisionDays',
  'issueDays',
] as const;

function deadlineErrors(values: ProcessSettingsValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const [kind, rules] of Object.entries(values.baoCaoDanVan))
    if (!realDay(rules.reportDue))
      errors.push({
        field: `/values/baoCaoDanVan/${kind}/reportDue`,
        message: 'Ngày này không phải ngày có thật.',
      });
  if (!realDay(values.danhGiaKhenThuong.nam.evaluationDue))
    errors.push({
      field: '/values/danhGiaKhenThuong/nam/evaluationDue',
      message: 'Ngày này không phải ngày có thật.',
    });
  const briefing = values.giaoBanQuy.quy;
  if (briefing.cutoffDaysBeforeMeeting > briefing.briefDaysBeforeMeeting)
    errors.push({
      field: '/values/giaoBanQuy/quy/cutoffDaysBeforeMeeting',
      message:
        'Hạn chốt nhận không được sớm hơn hạn gửi báo cáo (số ngày trước cuộc họp phải nhỏ hơn hoặc bằng).',
    });
  PERSONNEL_ORDER.slice(1).forEach((field, index) => {
    const before = PERSONNEL_ORDER[index]!;
    if (values.yKienNhanSu[field] < values.yKienNhanSu[before])
      errors.push({
        field: `/values/yKienNhanSu/${field}`,
        message: 'Hạn của bước sau không được sớm hơn hạn của bước trước.',
      });
  });
  return errors;
}

/** Start rules naming processes the code starts by hand and units that exist, one rule per process. */
function startRuleErrors(values: ProcessSettingsValues, unitCodes: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  values.startRules.forEach((rule, index) => {
    const at = `/values/startRules/${index}`;
    if (!START_RULES.some((known) => known.processId === rule.processId))
      errors.push({
        field: `${at}/processId`,
        message: `Quy trình "${rule.processId}" không khởi tạo thủ công được.`,
      });
    else if (seen.has(rule.processId))
      errors.push({ field: `${at}/processId`, message: `Quy trình "${rule.processId}" đã có quy tắc khác.` });
    seen.add(rule.processId);
    rule.units.forEach((unit, unitIndex) => {
      if (!unitCodes.has(unit))
        errors.push({ field: `${at}/units/${unitIndex}`, message: `Không có đơn vị mã "${unit}".` });
    });
  });
  return errors;
}

function symbolErrors(values: ProcessSettingsValues): FieldError[] {
  return Object.keys(values.documentSymbols.processes)
    .filter((processId) => !(processId in DEFAULT_DOCUMENT_SYMBOLS.processes))
    .map((processId) => ({
      field: `/values/documentSymbols/processes/${processId}`,
      message: `Quy trình "${processId}" không ban hành văn bản.`,
    }));
}

/**
 * What the schema cannot say: days that exist, deadlines in their order, start rules naming real processes and
 * units, symbols of processes that issue documents. Every problem is reported, each at its field.
 */
export function settingsErrors(values: ProcessSettingsValues, unitCodes: ReadonlySet<string>): FieldError[] {
  return [...deadlineErrors(values), ...startRuleErrors(values, unitCodes), ...symbolErrors(values)];
}
