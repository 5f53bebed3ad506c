import { searchable } from '../listing.js';
import type { Role, Sector, UnitKind } from '../organisation.types.js';

/** The sheet's columns by their Vietnamese header (matched without regard to case or accents), in template order. */
export const IMPORT_COLUMNS = {
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  unitKind: 'Loại đơn vị',
  sector: 'Khối',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  role: 'Vai trò',
  email: 'Email',
  phone: 'Điện thoại',
} as const;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;

/** What a cell may say, each value by its code or its Vietnamese name. */
export const KIND_WORDS: Record<string, UnitKind> = {
  ban: 'ban',
  'ban dang uy khoi': 'ban',
  'co quan tham muu': 'ban',
  'doan-the': 'doan-the',
  'doan the': 'doan-the',
  'co-so': 'co-so',
  'co so': 'co-so',
  'to chuc co so dang': 'co-so',
};

export const SECTOR_WORDS: Record<string, Sector> = {
  'co-quan': 'co-quan',
  'co quan': 'co-quan',
  'don-vi-su-nghiep': 'don-vi-su-nghiep',
  'don vi su nghiep': 'don-vi-su-nghiep',
  'doanh-nghiep': 'doanh-nghiep',
  'doanh nghiep': 'doanh-nghiep',
};

/** Only task-taking roles come from a sheet: administrator and supervisor powers are granted one by one. */
export const ROLE_WORDS: Record<string, Extract<Role, 'staff' | 'head'>> = {
  staff: 'staff',
  'can bo': 'staff',
  head: 'head',
  'lanh dao': 'head',
  'lanh dao don vi': 'head',
};

/** Where each known column is in this sheet's header; unknown headers are reported, duplicates too. */
export function columnIndex(header: readonly string[]): {
  index: Partial<Record<ImportColumn, number>>;
  problems: string[];
} {
  const byWord = new Map(
    (Object.entries(IMPORT_COLUMNS) as [ImportColumn, string][]).map(([key, label]) => [
      searchable(label),
      key,
    ]),
  );
  const index: Partial<Record<ImportColumn, number>> = {};
  const problems: string[] = [];
  header.forEach((label, position) => {
    if (label === '') return;
    const key = byWord.get(searchable(label));
    if (!key) problems.push(`Cột "${label}" không có trong tệp mẫu.`);
    else if (index[key] !== undefined) problems.push(`Cột "${label}" có hai lần.`);
    else index[key] = position;
  });
  if (index.unitCode === undefined) problems.push(`Thiếu cột "${IMPORT_COLUMNS.unitCode}".`);
  return { index, problems };
}
