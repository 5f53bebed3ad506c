import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { argon2Hasher, type PasswordHasher } from '../../lib/password.js';
import { candidateGroupsOf } from './candidate-groups.js';
import { organisationModels } from './organisation.models.js';
import type { UnitRef } from './organisation.types.js';
import { UnitService } from './unit.service.js';
import { UserService } from './user.service.js';

/** The organisation module as others use it: its services, plus the questions workers and the inbox ask. */
export class OrganisationDirectory {
  readonly units: UnitService;
  readonly users: UserService;

  constructor(connection: Connection, clock: Clock, hasher: PasswordHasher = argon2Hasher) {
    const models = organisationModels(connection);
    this.units = new UnitService(models.Unit, clock);
    this.users = new UserService(models.User, this.units, hasher, clock);
  }

  /** Candidate groups of a user by username; empty for unknown or inactive users. */
  async candidateGroupsOfUser(username: string): Promise<string[]> {
    const user = await this.users.find(username);
    if (!user) return [];
    const units = new Map(
      (await this.units.list({ includeInactive: true })).map((unit) => [unit.code, unit]),
    );
    return candidateGroupsOf(user, (code) => units.get(code));
  }

  /** Reporting units (kinds co-so and doan-the) active at a date, as `unit` process variables. */
  reportingUnitsAt(at: Date): Promise<UnitRef[]> {
    return this.units.reportingUnitsAt(at);
  }
}
