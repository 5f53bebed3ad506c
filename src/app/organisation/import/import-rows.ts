import type { FieldError } from '../../../lib/errors.js';
import { searchable } from '../listing.js';
import type { Sector, UnitKind } from '../organisation.types.js';
import {
  columnIndex,
  IMPORT_COLUMNS,
  KIND_WORDS,
  ROLE_WORDS,
  SECTOR_WORDS,
  type ImportColumn,
} from './import-columns.js';
import type { Sheet } from './sheet-reader.js';

/** The units and people a sheet describes, merged across rows, before any comparison with the database. */
export interface SheetContent {
  units: Map<string, { row: number; name?: string; kind?: UnitKind; sector?: Sector }>;
  people: Map<
    string,
    {
      row: number;
      fullName: string;
      email?: string;
      phone?: string;
      memberships: Map<string, Set<'staff' | 'head'>>;
    }
  >;
  errors: FieldError[];
}

const UNIT_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 .-]{8,20}$/;

/** One refused cell, named `/rows/<row>/<column>`, its message saying row and column in Vietnamese. */
export function rowError(row: number, column: ImportColumn | undefined, message: string): FieldError {
  const label = column ? IMPORT_COLUMNS[column] : undefined;
  return {
    field: `/rows/${row}${label ? `/${label}` : ''}`,
    message: `Dòng ${row}${label ? `, cột "${label}"` : ''}: ${message}`,
  };
}

const sameText = (a: string, b: string): boolean =>
  a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Every row checked on its own and against the rows before it; all errors collected, none thrown. */
export function readRows(sheet: Sheet): SheetContent {
  const content: SheetContent = { units: new Map(), people: new Map(), errors: [] };
  const { index, problems } = columnIndex(sheet.header);
  for (const problem of problems)
    content.errors.push({ field: '/rows/1', message: `Dòng 1 (tiêu đề): ${problem}` });
  if (problems.length > 0) return content;
  if (sheet.rows.length === 0)
    content.errors.push({ field: '/rows', message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' });

  for (const { row, cells } of sheet.rows) {
    const cell = (column: ImportColumn): string => {
      const position = index[column];
      return position === undefined ? '' : (cells[position] ?? '').trim();
    };
    const fail = (column: ImportColumn | undefined, message: string) =>
      content.errors.push(rowError(row, column, message));
    const before = content.errors.length;

    const code = cell('unitCode');
    if (code === '') fail('unitCode', 'bắt buộc.');
    else if (!UNIT_CODE.test(code) || code.length < 2 || code.length > 80)
      fail(
        'unitCode',
        `"${code}" không hợp lệ: chỉ chữ thường không dấu, số và dấu gạch nối, ví dụ so-tai-chinh.`,
      );

    const name = cell('unitName');
    if (name !== '' && (name.length < 2 || name.length > 200)) fail('unitName', 'dài từ 2 đến 200 ký tự.');
    const kindText = cell('unitKind');
    const kind = kindText === '' ? undefined : KIND_WORDS[searchable(kindText)];
    if (kindText !== '' && !kind)
      fail('unitKind', `"${kindText}" không hợp lệ: dùng Ban, Đoàn thể hoặc Tổ chức cơ sở đảng.`);
    const sectorText = cell('sector');
    const sector = sectorText === '' ? undefined : SECTOR_WORDS[searchable(sectorText)];
    if (sectorText !== '' && !sector)
      fail('sector', `"${sectorText}" không hợp lệ: dùng Cơ quan, Đơn vị sự nghiệp hoặc Doanh nghiệp.`);
    if (kind === 'co-so' && !sector) fail('sector', 'bắt buộc với tổ chức cơ sở đảng.');
    if (kind && kind !== 'co-so' && sector) fail('sector', 'chỉ dùng cho tổ chức cơ sở đảng.');
    if (name !== '' && kindText === '') fail('unitKind', 'bắt buộc khi có tên đơn vị.');
    if (kind && name === '') fail('unitName', 'bắt buộc khi có loại đơn vị.');

    const username = cell('username').toLowerCase();
    const fullName = cell('fullName');
    const roleText = cell('role');
    const email = cell('email');
    const phone = cell('phone');
    const hasPerson = [username, fullName, roleText, email, phone].some((value) => value !== '');
    const role = roleText === '' ? undefined : ROLE_WORDS[searchable(roleText)];
    if (hasPerson) {
      if (username === '') fail('username', 'bắt buộc khi dòng có người.');
      else if (!USERNAME.test(username))
        fail('username', `"${username}" không hợp lệ: 3–40 ký tự, chữ thường không dấu, số, dấu chấm, gạch.`);
      if (fullName.length < 2 || fullName.length > 120) fail('fullName', 'bắt buộc, dài từ 2 đến 120 ký tự.');
      if (roleText === '') fail('role', 'bắt buộc khi dòng có người: Lãnh đạo hoặc Cán bộ.');
      else if (!role) fail('role', `"${roleText}" không hợp lệ: dùng Lãnh đạo hoặc Cán bộ.`);
      if (email !== '' && (!EMAIL.test(email) || email.length > 200))
        fail('email', `"${email}" không hợp lệ.`);
      if (phone !== '' && !PHONE.test(phone)) fail('phone', `"${phone}" không hợp lệ.`);
    }
    if (content.errors.length > before) continue;

    // Across rows: a unit described twice must be described alike; a person likewise.
    const unit = content.units.get(code);
    if (!unit)
      content.units.set(code, {
        row,
        ...(name ? { name } : {}),
        ...(kind ? { kind } : {}),
        ...(sector ? { sector } : {}),
      });
    else {
      if (name && unit.name && !sameText(name, unit.name))
        fail('unitName', `khác tên đã ghi cho "${code}" ở dòng ${unit.row}.`);
      else if (kind && unit.kind && kind !== unit.kind)
        fail('unitKind', `khác loại đã ghi cho "${code}" ở dòng ${unit.row}.`);
      else if (sector && unit.sector && sector !== unit.sector)
        fail('sector', `khác khối đã ghi cho "${code}" ở dòng ${unit.row}.`);
      else {
        if (name && !unit.name) unit.name = name;
        if (kind && !unit.kind) unit.kind = kind;
        if (sector && !unit.sector) unit.sector = sector;
      }
    }
    if (!hasPerson || !role) continue;
    const person = content.people.get(username);
    if (!person)
      content.people.set(username, {
        row,
        fullName,
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
        memberships: new Map([[code, new Set([role])]]),
      });
    else if (!sameText(person.fullName, fullName))
      fail('fullName', `"${username}" đã ghi là "${person.fullName}" ở dòng ${person.row}.`);
    else {
      const roles = person.memberships.get(code) ?? new Set();
      roles.add(role);
      person.memberships.set(code, roles);
    }
  }
  return content;
}
