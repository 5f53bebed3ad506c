import { badRequest, type FieldError } from '../../lib/errors.js';

/** Folds Vietnamese text for search: "nguyen" finds "Nguyễn", "DANG" finds "Đặng". */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ListQuery {
  q: string;
  status: 'active' | 'inactive' | 'all';
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

/**
 * The common part of a list's query (?q=&status=&page=&pageSize=), checked: a malformed value is a 400 naming it,
 * never a silent default. `extra` checks the list's own filters into the same errors.
 */
export function listQueryOf(
  query: Record<string, unknown>,
  extra: (value: (name: string) => string | undefined, errors: FieldError[]) => void = () => undefined,
): ListQuery {
  const errors: FieldError[] = [];
  const value = (name: string): string | undefined => {
    const raw = query[name];
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw !== 'string') {
      errors.push({ field: name, message: 'Chỉ được có một giá trị.' });
      return undefined;
    }
    return raw;
  };
  const q = value('q') ?? '';
  if (q.length > 100) errors.push({ field: 'q', message: 'Từ khóa tìm kiếm dài tối đa 100 ký tự.' });
  const status = value('status') ?? 'active';
  if (status !== 'active' && status !== 'inactive' && status !== 'all')
    errors.push({ field: 'status', message: 'Trạng thái là active, inactive hoặc all.' });
  const number = (name: string, fallback: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < 1 || parsed > max) {
      errors.push({ field: name, message: `Cần một số nguyên từ 1 đến ${max}.` });
      return fallback;
    }
    return parsed;
  };
  const page = number('page', 1, 100_000);
  const pageSize = number('pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  extra(value, errors);
  if (errors.length > 0) throw badRequest('invalid_query', 'Điều kiện tìm kiếm không hợp lệ.', errors);
  return { q: searchable(q), status: status as ListQuery['status'], page, pageSize };
}

/** One page of items already filtered and sorted, with the total. */
export function pageOf<T>(items: readonly T[], query: Pick<ListQuery, 'page' | 'pageSize'>) {
  const start = (query.page - 1) * query.pageSize;
  return {
    items: items.slice(start, start + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function matchesStatus(active: boolean, status: ListQuery['status']): boolean {
  return status === 'all' || (status === 'active') === active;
}
