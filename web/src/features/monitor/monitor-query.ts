import type { InstanceQuery } from '../../lib/contracts.js';

/** The list's filters live in the address (shareable, back-button friendly): the names the API takes. */
export const QUERY_FIELDS = [
  'process',
  'version',
  'state',
  'incidents',
  'from',
  'to',
  'unit',
  'period',
  'key',
  'sort',
  'order',
  'page',
] as const;

export type QueryField = (typeof QUERY_FIELDS)[number];
export type QueryText = Partial<Record<QueryField, string>>;

export function queryFromSearch(search: URLSearchParams): QueryText {
  const query: QueryText = {};
  for (const field of QUERY_FIELDS) {
    const value = search.get(field);
    if (value) query[field] = value;
  }
  return query;
}

export function searchOf(query: QueryText): string {
  const params = new URLSearchParams();
  for (const field of QUERY_FIELDS) {
    const value = query[field];
    if (value) params.set(field, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type { InstanceQuery };

/** dd/MM/yyyy as typed (the project's date format) to the address's yyyy-MM-dd; other text is passed on as is. */
export function isoOfTyped(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const found = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return found ? `${found[3]}-${found[2]!.padStart(2, '0')}-${found[1]!.padStart(2, '0')}` : text.trim();
}

export function typedOfIso(iso: string | undefined): string | undefined {
  const found = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return found ? `${found[3]}/${found[2]}/${found[1]}` : iso;
}
