import { describe, expect, it } from 'vitest';
import { candidateGroupsOf, groupOf, unitRefOf } from '../../../src/app/organisation/index.js';
import type { UnitKind } from '../../../src/app/organisation/index.js';

const units: Record<string, { code: string; kind: UnitKind; active: boolean }> = {
  btv: { code: 'btv', kind: 'ban', active: true },
  'ban-tuyen-giao': { code: 'ban-tuyen-giao', kind: 'ban', active: true },
  'doan-thanh-nien': { code: 'doan-thanh-nien', kind: 'doan-the', active: true },
  'so-tai-chinh': { code: 'so-tai-chinh', kind: 'co-so', active: true },
  'so-cu': { code: 'so-cu', kind: 'co-so', active: false },
};
const lookup = (code: string) => units[code];

describe('candidate groups', () => {
  it('names groups by the conventions', () => {
    expect(groupOf({ code: 'btv', kind: 'ban' })).toBe('btv');
    expect(groupOf({ code: 'doan-thanh-nien', kind: 'doan-the' })).toBe('doan-the:doan-thanh-nien');
    expect(unitRefOf({ code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính' })).toEqual({
      code: 'so-tai-chinh',
      kind: 'co-so',
      name: 'Đảng bộ Sở Tài chính',
      group: 'co-so:so-tai-chinh',
      headGroup: 'co-so:so-tai-chinh:lanh-dao',
    });
  });

  it('gives staff the unit group, heads also its lanh-dao group; admin/supervisor and inactive units add nothing', () => {
    const user = {
      active: true,
      memberships: [
        { unitCode: 'so-tai-chinh', roles: ['head' as const] },
        { unitCode: 'ban-tuyen-giao', roles: ['staff' as const] },
        { unitCode: 'btv', roles: ['admin' as const, 'supervisor' as const] },
        { unitCode: 'so-cu', roles: ['staff' as const] },
        { unitCode: 'doan-thanh-nien', roles: ['staff' as const, 'head' as const] },
      ],
    };
    expect(candidateGroupsOf(user, lookup)).toEqual([
      'ban-tuyen-giao',
      'co-so:so-tai-chinh',
      'co-so:so-tai-chinh:lanh-dao',
      'doan-the:doan-thanh-nien',
      'doan-the:doan-thanh-nien:lanh-dao',
    ]);
    expect(candidateGroupsOf({ ...user, active: false }, lookup)).toEqual([]);
  });
});
