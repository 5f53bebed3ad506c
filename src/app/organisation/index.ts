// The organisation module's public entry: other modules and workers import only from here.
export { OrganisationDirectory } from './organisation.directory.js';
export { candidateGroupsOf, groupOf, headGroupOf, unitRefOf } from './candidate-groups.js';
export { organisationRoutes } from './organisation.routes.js';
export { OrganisationImportService } from './import/organisation-import.service.js';
export type { PublicUser, NewUser } from './user.service.js';
export { NO_PASSWORD } from './user.service.js';
export type { NewUnit } from './unit.service.js';
export {
  ROLES,
  SECTORS,
  UNIT_KINDS,
  type MembershipRecord,
  type Role,
  type Sector,
  type UnitKind,
  type UnitRecord,
  type UnitRef,
  type UserRecord,
} from './organisation.types.js';
