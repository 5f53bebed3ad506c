import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganisationDirectory } from '../../../src/app/organisation/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { BASE_ORGANISATIONS } from '../../../src/app/seed/organisation.seed-data.js';
import { runSeedCommand } from '../../../src/app/seed/seed.command.js';
import { seedOrganisation } from '../../../src/app/seed/seed.service.js';
import { TestClock } from '../../../src/lib/clock.js';
import { argon2Hasher } from '../../../src/lib/password.js';
import { createTestDatabase, type TestDatabase } from '../../support/harness/index.js';

let db: TestDatabase;
let connection: Connection;
let directory: OrganisationDirectory;

beforeAll(async () => {
  db = createTestDatabase('seed');
  connection = await mongoose.createConnection(db.uri).asPromise();
  directory = new OrganisationDirectory(connection, new TestClock(), argon2Hasher);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

const lines = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};

describe('seed', () => {
  it('has at least 20 base organisations across agencies, public units and enterprises', () => {
    expect(BASE_ORGANISATIONS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(BASE_ORGANISATIONS.map((u) => u.sector))).toEqual(
      new Set(['co-quan', 'don-vi-su-nghiep', 'doanh-nghiep']),
    );
    for (const unit of BASE_ORGANISATIONS) expect(unit.name).toMatch(/^(Đảng bộ|Chi bộ) /);
  });

  it('refuses to run in production without --allow-production, and writes nothing', async () => {
    const { err, io } = lines();
    const code = await runSeedCommand(
      [],
      { NODE_ENV: 'production', MONGODB_URI: db.uri, LOG_LEVEL: 'silent' },
      io,
    );
    expect(code).toBe(3);
    expect(err.join('\n')).toContain('--allow-production');
    expect(await connection.collection('units').countDocuments()).toBe(0);
  });

  it('the npm seed script refuses production too', async () => {
    const run = promisify(execFile);
    const failure = await run('npx', ['tsx', 'src/app/seed/seed.cli.ts'], {
      env: { ...process.env, NODE_ENV: 'production', MONGODB_URI: db.uri },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failure as { code: number }).code).toBe(3);
    expect((failure as { stderr: string }).stderr).toContain('NODE_ENV=production');
    expect(await connection.collection('units').countDocuments()).toBe(0);
  });

  it('seeds with --allow-production, then is idempotent', async () => {
    const { out, io } = lines();
    const code = await runSeedCommand(
      ['--allow-production'],
      { NODE_ENV: 'production', MONGODB_URI: db.uri, LOG_LEVEL: 'silent' },
      io,
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Đã tạo \d+ đơn vị và \d+ tài khoản/);
    const units = await connection.collection('units').countDocuments();
    const users = await connection.collection('users').find({}).toArray();
    expect(units).toBeGreaterThanOrEqual(30);
    expect(users.length).toBe(DEMO_ACCOUNTS.length);

    const again = await seedOrganisation(directory, { demoAccounts: true });
    expect(again).toEqual({ unitsCreated: 0, usersCreated: 0 });
    const usersAfter = await connection.collection('users').find({}).toArray();
    expect(usersAfter.map((u) => [u.username, u.passwordHash, String(u.updatedAt)])).toEqual(
      users.map((u) => [u.username, u.passwordHash, String(u.updatedAt)]),
    );
    expect(await connection.collection('units').countDocuments()).toBe(units);
  }, 90_000);

  it('keeps an administrator’s changes when run again', async () => {
    await directory.units.setActive('so-xay-dung', false);
    await directory.units.update('so-tu-phap', { name: 'Đảng bộ Sở Tư pháp' });
    await seedOrganisation(directory, { demoAccounts: true });
    expect((await directory.units.get('so-xay-dung')).active).toBe(false);
    expect((await directory.units.get('so-tu-phap')).name).toBe('Đảng bộ Sở Tư pháp');
  });

  it('gives every role a demo account whose password works, with the expected candidate groups', async () => {
    const roles = new Set(DEMO_ACCOUNTS.flatMap((a) => a.memberships.flatMap((m) => m.roles)));
    expect(roles).toEqual(new Set(['staff', 'head', 'admin', 'supervisor']));
    for (const username of ['admin', 'btg.lanhdao', 'ximang.canbo']) {
      const user = await directory.users.get(username);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await argon2Hasher.verify(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await directory.candidateGroupsOfUser('btg.lanhdao')).toEqual([
      'ban-tuyen-giao',
      'ban-tuyen-giao:lanh-dao',
    ]);
    expect(await directory.candidateGroupsOfUser('sotaichinh.canbo')).toEqual(['co-so:so-tai-chinh']);
    expect(await directory.candidateGroupsOfUser('doanthanhnien.lanhdao')).toEqual([
      'doan-the:doan-thanh-nien',
      'doan-the:doan-thanh-nien:lanh-dao',
    ]);
    const reporting = await directory.reportingUnitsAt(new Date('2027-01-01'));
    expect(
      reporting
        .filter((u) => u.kind === 'doan-the')
        .map((u) => u.code)
        .sort(),
    ).toEqual(['cong-doan-vien-chuc', 'doan-thanh-nien', 'hoi-cuu-chien-binh']);
    expect(reporting.filter((u) => u.kind === 'co-so').length).toBe(BASE_ORGANISATIONS.length - 1); // so-xay-dung is inactive
  });
});
