import { describe, expect, it } from 'vitest';
import { hasTaskWork, homeOf, isAdministrator } from '../../web/src/features/admin/admin-access.js';

const user = (...memberships: [string, string[]][]) => ({
  username: 'u',
  fullName: 'U',
  mustChangePassword: false,
  memberships: memberships.map(([unitCode, roles]) => ({ unitCode, unitName: unitCode, roles })),
});

describe('where a user lands and what they are offered', () => {
  it('sends an administrator without staff work to /admin, and staff (even administrators) to their inbox', () => {
    expect(homeOf(user(['van-phong', ['admin']]))).toBe('/admin');
    expect(homeOf(user(['van-phong', ['admin']], ['ban-tuyen-giao', ['staff']]))).toBe('/inbox');
    expect(homeOf(user(['ban-tuyen-giao', ['head']]))).toBe('/inbox');
    // A supervisor has no staff work either: they land on the period dashboard.
    expect(homeOf(user(['ubkt', ['supervisor']]))).toBe('/monitor/periods');
  });

  it('offers the admin section only to the admin role, and the inbox only to staff and heads', () => {
    expect(isAdministrator(user(['van-phong', ['admin']]))).toBe(true);
    expect(isAdministrator(user(['van-phong', ['staff', 'head']], ['ubkt', ['supervisor']]))).toBe(false);
    expect(hasTaskWork(user(['van-phong', ['admin']], ['ubkt', ['supervisor']]))).toBe(false);
    expect(hasTaskWork(user(['btv', ['head']]))).toBe(true);
  });
});
