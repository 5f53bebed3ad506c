import type { OrganisationDirectory } from '../../../src/app/organisation/index.js';

/** Three reporting units and the Bloc bodies, each with a member (and a head) with an e-mail address. */
export async function seedOrganisation(directory: OrganisationDirectory): Promise<void> {
  const bodies = ['ban-tuyen-giao', 'van-phong', 'thuong-truc', 'btv', 'ban-to-chuc', 'ubkt'];
  for (const code of bodies) {
    await directory.units.create({ code, name: code, kind: 'ban' });
    await directory.users.create({
      username: `nv.${code}`,
      fullName: `Cán bộ ${code}`,
      email: `${code}@dukh.vn`,
      password: 'mat-khau-123',
      memberships: [{ unitCode: code, roles: ['staff'] }],
    });
  }
  const units = [
    {
      code: 'so-tai-chinh',
      name: 'Đảng bộ Sở Tài chính',
      kind: 'co-so' as const,
      sector: 'co-quan' as const,
    },
    { code: 'so-y-te', name: 'Đảng bộ Sở Y tế', kind: 'co-so' as const, sector: 'co-quan' as const },
    { code: 'doan-thanh-nien', name: 'Đoàn Thanh niên Khối', kind: 'doan-the' as const },
  ];
  for (const unit of units) {
    await directory.units.create(unit);
    await directory.users.create({
      username: `nv.${unit.code}`,
      fullName: `Cán bộ ${unit.name}`,
      email: `${unit.code}@dukh.vn`,
      password: 'mat-khau-123',
      memberships: [{ unitCode: unit.code, roles: ['staff'] }],
    });
    await directory.users.create({
      username: `lanhdao.${unit.code}`,
      fullName: `Lãnh đạo ${unit.name}`,
      email: `lanhdao.${unit.code}@dukh.vn`,
      password: 'mat-khau-123',
      memberships: [{ unitCode: unit.code, roles: ['head'] }],
    });
  }
}
