import { Type } from '@sinclair/typebox';
import { ROLES, SECTORS, UNIT_KINDS } from './organisation.types.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

export const unitCode = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 });
const unitName = Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' });
const role = literals(ROLES);

export const CreateUnitBody = Type.Object(
  { code: unitCode, name: unitName, kind: literals(UNIT_KINDS), sector: Type.Optional(literals(SECTORS)) },
  { additionalProperties: false },
);

export const UpdateUnitBody = Type.Object(
  { name: Type.Optional(unitName), sector: Type.Optional(literals(SECTORS)) },
  { additionalProperties: false, minProperties: 1 },
);

const membership = Type.Object(
  { unitCode, roles: Type.Array(role, { minItems: 1, uniqueItems: true }) },
  { additionalProperties: false },
);

const fullName = Type.String({ minLength: 2, maxLength: 120, pattern: '\\S' });
const email = Type.String({ format: 'email', maxLength: 200 });
const phone = Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$' });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,39}$' }),
    fullName,
    email: Type.Optional(email),
    phone: Type.Optional(phone),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    memberships: Type.Optional(Type.Array(membership)),
    mustChangePassword: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  { fullName: Type.Optional(fullName), email: Type.Optional(email), phone: Type.Optional(phone) },
  { additionalProperties: false, minProperties: 1 },
);

export const ResetPasswordBody = Type.Object(
  { temporaryPassword: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const RoleBody = Type.Object({ unitCode, role }, { additionalProperties: false });
