import type { OrganisationDirectory } from '../organisation/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { SEED_UNITS } from './organisation.seed-data.js';

export interface SeedResult {
  unitsCreated: number;
  usersCreated: number;
}

export interface SeedOptions {
  /** Also create the demo accounts (never in production unless asked for explicitly). */
  demoAccounts: boolean;
}

/**
 * Creates whatever of the seed organisation and demo accounts is missing, and touches nothing that exists: running it
 * twice changes nothing, and an administrator's later edits (renames, deactivations, roles) survive it.
 */
export async function seedOrganisation(
  directory: OrganisationDirectory,
  options: SeedOptions,
): Promise<SeedResult> {
  const result: SeedResult = { unitsCreated: 0, usersCreated: 0 };
  for (const unit of SEED_UNITS) {
    if (await directory.units.find(unit.code)) continue;
    await directory.units.create(unit);
    result.unitsCreated++;
  }
  if (!options.demoAccounts) return result;
  // argon2id is slow on purpose; the demo accounts share one published password, so one hash serves them all.
  let demoHash: Promise<string> | undefined;
  for (const account of DEMO_ACCOUNTS) {
    if (await directory.users.find(account.username)) continue;
    demoHash ??= directory.users.hashPassword(DEMO_PASSWORD);
    await directory.users.create(
      {
        username: account.username,
        fullName: account.fullName,
        password: DEMO_PASSWORD,
        memberships: account.memberships,
        mustChangePassword: false,
      },
      { passwordHash: await demoHash },
    );
    result.usersCreated++;
  }
  return result;
}

/** True when no unit exists yet: the first start of a fresh database. */
export async function isOrganisationEmpty(directory: OrganisationDirectory): Promise<boolean> {
  return (await directory.units.list({ includeInactive: true })).length === 0;
}
