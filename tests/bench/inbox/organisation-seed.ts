import mongoose from 'mongoose';
import { argon2Hasher } from '../../../src/lib/password.js';
import {
  unitRefOf,
  type UnitRecord,
  type UnitRef,
  type UserRecord,
} from '../../../src/app/organisation/index.js';
import { organisationModels } from '../../../src/app/organisation/organisation.models.js';

/** The shared password of every bench account (never a real one: the database is the bench's own). */
export const BENCH_PASSWORD = 'bench-inbox-password-2026';

const SECTORS = ['co-quan', 'don-vi-su-nghiep', 'doanh-nghiep'] as const;

export interface BenchUser {
  username: string;
  unit: UnitRef;
  head: boolean;
}

export interface BenchOrganisation {
  units: UnitRef[];
  users: BenchUser[];
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * 200 base organisations (kind co-so) with 10 accounts each, the first of every unit its head. Written straight into
 * the app's database through the organisation module's own mongoose models (same schema, same validation, same
 * collections), with insertMany: UserService.create takes one account at a time (three round trips and, without a
 * given hash, one argon2 hash each), so 2,000 accounts over the admin API would take minutes. The password is hashed
 * once with the app's argon2 hasher (its default cost) and shared, as the demo seed does.
 */
export async function seedOrganisation(
  mongoUri: string,
  unitCount: number,
  usersPerUnit: number,
): Promise<BenchOrganisation> {
  const connection = await mongoose.createConnection(mongoUri, { autoIndex: false }).asPromise();
  try {
    const { Unit, User } = organisationModels(connection);
    const now = new Date();
    const unitRecords: UnitRecord[] = Array.from({ length: unitCount }, (_, index) => ({
      code: `bench-${pad(index + 1, 3)}`,
      name: `Đảng bộ cơ sở thử tải số ${index + 1}`,
      kind: 'co-so',
      sector: SECTORS[index % SECTORS.length],
      active: true,
      history: [{ at: now, active: true }],
      createdAt: now,
      updatedAt: now,
    }));
    await Unit.insertMany(unitRecords, { ordered: true });
    const passwordHash = await argon2Hasher.hash(BENCH_PASSWORD);
    const users: BenchUser[] = [];
    const userRecords: UserRecord[] = [];
    for (const unit of unitRecords) {
      for (let index = 0; index < usersPerUnit; index += 1) {
        const head = index === 0;
        const username = `${unit.code}-${pad(index + 1, 2)}`;
        users.push({ username, unit: unitRefOf(unit), head });
        userRecords.push({
          username,
          fullName: `${head ? 'Bí thư' : 'Cán bộ'} ${index + 1} ${unit.name}`,
          passwordHash,
          memberships: [{ unitCode: unit.code, roles: head ? ['head'] : ['staff'] }],
          active: true,
          mustChangePassword: false,
          failedLogins: 0,
          lockedUntil: null,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    for (let start = 0; start < userRecords.length; start += 500)
      await User.insertMany(userRecords.slice(start, start + 500), { ordered: true });
    const stored = await User.countDocuments({ username: { $regex: '^bench-' } });
    if (stored !== userRecords.length)
      throw new Error(`expected ${userRecords.length} bench users in the database, found ${stored}`);
    return { units: unitRecords.map(unitRefOf), users };
  } finally {
    await connection.close();
  }
}
