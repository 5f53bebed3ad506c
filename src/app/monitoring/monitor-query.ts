import type { InstanceQuery, InstanceSort, InstanceState } from '../../shared/contracts/index.js';
import { AppError } from '../../lib/errors.js';

export const PAGE_SIZE = 20;
const STATES: readonly InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED'];
const SORTS: readonly InstanceSort[] = ['startDate', 'endDate', 'processDefinitionId', 'state'];
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PERIOD = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^\d{1,19}$/;

const invalid = (field: string, message: string): AppError =>
  new AppError(400, 'invalid_query', `Bộ lọc không hợp lệ: ${message}`, [{ field, message }]);

function text(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(name, 'chỉ được một giá trị.');
  return value;
}

function day(query: Record<string, unknown>, name: string): string | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00+07:00`)))
    throw invalid(name, 'ngày phải có dạng yyyy-MM-dd.');
  return value;
}

/** The list's query string; a value that cannot be meant (a bad date, an unknown state) is a 400, not a guess. */
export function parseInstanceQuery(
  query: Record<string, unknown>,
): Required<Pick<InstanceQuery, 'page'>> & InstanceQuery {
  const parsed: InstanceQuery & { page: number } = { page: 1 };
  const process = text(query, 'process');
  if (process !== undefined) {
    if (!CODE.test(process)) throw invalid('process', 'mã quy trình không đúng.');
    parsed.process = process;
  }
  const version = text(query, 'version');
  if (version !== undefined) {
    if (!/^\d{1,6}$/.test(version) || Number(version) < 1) throw invalid('version', 'phiên bản là số dương.');
    parsed.version = Number(version);
  }
  const state = text(query, 'state');
  if (state !== undefined) {
    if (!(STATES as readonly string[]).includes(state)) throw invalid('state', 'trạng thái không đúng.');
    parsed.state = state as InstanceState;
  }
  const incidents = text(query, 'incidents');
  if (incidents !== undefined) {
    if (incidents !== 'true' && incidents !== 'false')
      throw invalid('incidents', 'chỉ nhận true hoặc false.');
    parsed.incidents = incidents === 'true';
  }
  parsed.from = day(query, 'from');
  parsed.to = day(query, 'to');
  if (parsed.from && parsed.to && parsed.from > parsed.to)
    throw invalid('to', 'ngày kết thúc phải sau ngày bắt đầu.');
  const unit = text(query, 'unit');
  if (unit !== undefined) {
    if (!CODE.test(unit)) throw invalid('unit', 'mã đơn vị không đúng.');
    parsed.unit = unit;
  }
  const period = text(query, 'period');
  if (period !== undefined) {
    if (!PERIOD.test(period)) throw invalid('period', 'mã kỳ không đúng.');
    parsed.period = period;
  }
  const key = text(query, 'key');
  if (key !== undefined) {
    if (!KEY.test(key.trim())) throw invalid('key', 'số hồ sơ chỉ gồm chữ số.');
    parsed.key = key.trim();
  }
  const sort = text(query, 'sort');
  if (sort !== undefined) {
    if (!(SORTS as readonly string[]).includes(sort)) throw invalid('sort', 'cách sắp xếp không đúng.');
    parsed.sort = sort as InstanceSort;
  }
  const order = text(query, 'order');
  if (order !== undefined) {
    if (order !== 'asc' && order !== 'desc') throw invalid('order', 'chỉ nhận asc hoặc desc.');
    parsed.order = order;
  }
  const page = text(query, 'page');
  if (page !== undefined) {
    if (!/^\d{1,5}$/.test(page) || Number(page) < 1) throw invalid('page', 'trang là số dương.');
    parsed.page = Number(page);
  }
  return parsed;
}

/** A Vietnamese calendar day's first instant, as ISO text. */
export function startOfVietnamDay(day: string, plusDays = 0): string {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + plusDays * 86_400_000).toISOString();
}
