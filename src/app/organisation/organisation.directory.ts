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
    // Each unit by its code: a code not yet known (written by another process) is looked up again at once.
    const codes = [...new Set(user.memberships.map((membership) => membership.unitCode))];
    const found = await Promise.all(codes.map((code) => this.units.find(code)));
    const units = new Map(codes.map((code, index) => [code, found[index]]));
    return candidateGroupsOf(user, (code) => units.get(code));
  }

  /** Reporting units (kinds co-so and doan-the) active at a date, as `unit` process variables. */
  reportingUnitsAt(at: Date): Promise<UnitRef[]> {
    return this.units.reportingUnitsAt(at);
  }
}
