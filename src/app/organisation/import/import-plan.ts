import type { FieldError } from '../../../lib/errors.js';
import type { MembershipRecord, Sector, UnitKind, UnitRecord, UserRecord } from '../organisation.types.js';
import { rowError, type SheetContent } from './import-rows.js';

/** What an import will write: every step keyed by a unit code or a username, so running it again changes nothing. */
export interface ImportPlan {
  createUnits: { code: string; name: string; kind: UnitKind; sector?: Sector }[];
  updateUnits: { code: string; name: string; sector?: Sector }[];
  unchangedUnits: number;
  createUsers: { username: string; fullName: string; email?: string; phone?: string }[];
  /** Memberships to add (merged into what the user holds), per username; created users included. */
  addMemberships: { username: string; memberships: MembershipRecord[] }[];
  unchangedUsers: number;
}

const sameText = (a: string, b: string): boolean =>
  a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The sheet compared with the organisation as it is: errors for what cannot be done (an unknown unit without a name,
 * a unit changing its kind, a username of someone else, anything inactive), otherwise the plan.
 */
export function planImport(
  content: SheetContent,
  existingUnits: readonly UnitRecord[],
  existingUsers: readonly Pick<UserRecord, 'username' | 'fullName' | 'active' | 'memberships'>[],
): { plan: ImportPlan; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const plan: ImportPlan = {
    createUnits: [],
    updateUnits: [],
    unchangedUnits: 0,
    createUsers: [],
    addMemberships: [],
    unchangedUsers: 0,
  };
  const units = new Map(existingUnits.map((unit) => [unit.code, unit]));
  const users = new Map(existingUsers.map((user) => [user.username, user]));

  for (const [code, described] of content.units) {
    const existing = units.get(code);
    // The unit as the rows describe it together (kind on one row, sector on another): only base organisations have
    // a sector, and they must have one. Checked here so that no write can be refused half-way.
    const kind = described.kind ?? existing?.kind;
    if (kind && kind !== 'co-so' && described.sector) {
      errors.push(rowError(described.row, 'sector', 'chỉ dùng cho tổ chức cơ sở đảng.'));
      continue;
    }
    if (kind === 'co-so' && !existing && !described.sector) {
      errors.push(rowError(described.row, 'sector', 'bắt buộc với tổ chức cơ sở đảng.'));
      continue;
    }
    if (!existing) {
      if (!described.name || !described.kind)
        errors.push(
          rowError(
            described.row,
            'unitCode',
            `chưa có đơn vị "${code}"; ghi tên và loại đơn vị ở một dòng của nó.`,
          ),
        );
      else
        plan.createUnits.push({
          code,
          name: described.name,
          kind: described.kind,
          ...(described.sector ? { sector: described.sector } : {}),
        });
      continue;
    }
    if (!existing.active) {
      errors.push(
        rowError(described.row, 'unitCode', `đơn vị "${code}" đã ngừng hoạt động; hãy kích hoạt lại trước.`),
      );
      continue;
    }
    if (described.kind && described.kind !== existing.kind) {
      errors.push(
        rowError(
          described.row,
          'unitKind',
          `đơn vị "${code}" đã có với loại khác; không đổi loại đơn vị bằng tệp nhập.`,
        ),
      );
      continue;
    }
    const renamed = described.name !== undefined && !sameText(described.name, existing.name);
    const resectored = described.sector !== undefined && described.sector !== existing.sector;
    if (renamed || resectored)
      plan.updateUnits.push({
        code,
        name: described.name ?? existing.name,
        ...(described.sector ? { sector: described.sector } : {}),
      });
    else plan.unchangedUnits++;
  }

  for (const [username, person] of content.people) {
    const existing = users.get(username);
    const wanted: MembershipRecord[] = [...person.memberships].map(([unitCode, roles]) => ({
      unitCode,
      roles: [...roles].sort(),
    }));
    if (!existing) {
      plan.createUsers.push({
        username,
        fullName: person.fullName,
        ...(person.email ? { email: person.email } : {}),
        ...(person.phone ? { phone: person.phone } : {}),
      });
      plan.addMemberships.push({ username, memberships: wanted });
      continue;
    }
    if (!sameText(existing.fullName, person.fullName)) {
      errors.push(
        rowError(
          person.row,
          'username',
          `"${username}" đã là tài khoản của "${existing.fullName}", không phải "${person.fullName}".`,
        ),
      );
      continue;
    }
    if (!existing.active) {
      errors.push(
        rowError(
          person.row,
          'username',
          `tài khoản "${username}" đã ngừng hoạt động; hãy kích hoạt lại trước.`,
        ),
      );
      continue;
    }
    const missing = wanted
      .map(({ unitCode, roles }) => {
        const held = existing.memberships.find((m) => m.unitCode === unitCode)?.roles ?? [];
        return { unitCode, roles: roles.filter((role) => !held.includes(role)) };
      })
      .filter((m) => m.roles.length > 0);
    if (missing.length > 0) plan.addMemberships.push({ username, memberships: missing });
    else plan.unchangedUsers++;
  }
  return { plan, errors };
}
