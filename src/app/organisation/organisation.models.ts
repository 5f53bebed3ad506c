import { Schema, type Connection, type Model } from 'mongoose';
import { ROLES, SECTORS, UNIT_KINDS, type UnitRecord, type UserRecord } from './organisation.types.js';

const unitSchema = new Schema<UnitRecord>(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: UNIT_KINDS },
    sector: { type: String, enum: SECTORS },
    active: { type: Boolean, required: true },
    history: [{ _id: false, at: { type: Date, required: true }, active: { type: Boolean, required: true } }],
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'units', versionKey: false },
);

const userSchema = new Schema<UserRecord>(
  {
    username: { type: String, required: true, unique: true },
    fullName: { type: String, required: true },
    email: String,
    phone: String,
    passwordHash: { type: String, required: true },
    memberships: [
      { _id: false, unitCode: { type: String, required: true }, roles: [{ type: String, enum: ROLES }] },
    ],
    active: { type: Boolean, required: true },
    mustChangePassword: { type: Boolean, default: false },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date, default: null },
    passwordChangedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'users', versionKey: false },
);

export interface OrganisationModels {
  Unit: Model<UnitRecord>;
  User: Model<UserRecord>;
}

/** Models bound to one connection (not mongoose's global one), so tests and services can hold several. */
export function organisationModels(connection: Connection): OrganisationModels {
  return {
    Unit:
      (connection.models.Unit as Model<UnitRecord> | undefined) ??
      connection.model<UnitRecord>('Unit', unitSchema),
    User:
      (connection.models.User as Model<UserRecord> | undefined) ??
      connection.model<UserRecord>('User', userSchema),
  };
}
