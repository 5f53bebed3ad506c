import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganisationDirectory } from '../../../src/app/organisation/index.js';
import { TestClock } from '../../../src/lib/clock.js';
import { createTestDatabase, TEST_HASHER, type TestDatabase } from '../../support/harness/index.js';

let db: TestDatabase;
let connection: Connection;
let clock: TestClock;
let directory: OrganisationDirectory;

beforeAll(async () => {
  db = createTestDatabase('organisation_memory');
  connection = await mongoose.createConnection(db.uri).asPromise();
  clock = new TestClock('2026-06-01T02:00:00.000Z');
  directory = new OrganisationDirectory(connection, clock, TEST_HASHER);
  await directory.units.create({
    code: 'so-tai-chinh',
    name: 'Đảng bộ Sở Tài chính',
    kind: 'co-so',
    sector: 'co-quan',
  });
  await directory.users.create({
    username: 'lan',
    fullName: 'Nguyễn Thị Lan',
    password: 'Mat-khau-1234',
    memberships: [{ unitCode: 'so-tai-chinh', roles: ['staff'] }],
  });
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

describe('units and users kept in memory for the requests that read them', () => {
  it('sees its own changes at once, and a change written by another process within the keeping time', async () => {
    expect(await directory.candidateGroupsOfUser('lan')).toEqual(['co-so:so-tai-chinh']);
    // Another process (the seed CLI, say) renames the user and deactivates the unit behind our back.
    await connection.collection('users').updateOne({ username: 'lan' }, { $set: { fullName: 'Lan (đổi)' } });
    await connection.collection('units').updateOne({ code: 'so-tai-chinh' }, { $set: { active: false } });
    expect((await directory.users.find('lan'))?.fullName).toBe('Nguyễn Thị Lan');
    expect(await directory.candidateGroupsOfUser('lan')).toEqual(['co-so:so-tai-chinh']);
    clock.advance(61_000);
    expect((await directory.users.find('lan'))?.fullName).toBe('Lan (đổi)');
    expect(await directory.candidateGroupsOfUser('lan')).toEqual([]);

    // Through the services, at once.
    await directory.units.setActive('so-tai-chinh', true);
    expect(await directory.candidateGroupsOfUser('lan')).toEqual(['co-so:so-tai-chinh']);
    await directory.users.setActive('lan', false);
    expect((await directory.users.find('lan'))?.active).toBe(false);
    await directory.users.setActive('lan', true);
  });

  it('finds a unit another process has just created, and the groups of its users, without waiting', async () => {
    await directory.units.list();
    clock.advance(2_000);
    const at = clock.now();
    await connection.collection('units').insertOne({
      code: 'so-moi',
      name: 'Đảng bộ Sở Mới',
      kind: 'co-so',
      sector: 'co-quan',
      active: true,
      history: [{ at, active: true }],
      createdAt: at,
      updatedAt: at,
    });
    await connection.collection('users').insertOne({
      username: 'moi',
      fullName: 'Người mới',
      passwordHash: 'x',
      memberships: [{ unitCode: 'so-moi', roles: ['staff'] }],
      active: true,
      mustChangePassword: false,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: at,
      updatedAt: at,
      passwordChangedAt: at,
    });
    expect(await directory.candidateGroupsOfUser('moi')).toEqual(['co-so:so-moi']);
    expect((await directory.units.find('so-moi'))?.name).toBe('Đảng bộ Sở Mới');
  });

  it('hands out copies: changing what one caller got changes nothing for the next', async () => {
    const first = await directory.users.find('lan');
    first?.memberships.push({ unitCode: 'khac', roles: ['admin'] });
    expect((await directory.users.find('lan'))?.memberships).toEqual([
      { unitCode: 'so-tai-chinh', roles: ['staff'] },
    ]);
    const units = await directory.units.list();
    if (units[0]) units[0].name = 'đổi';
    expect((await directory.units.find('so-tai-chinh'))?.name).toBe('Đảng bộ Sở Tài chính');
  });
});
