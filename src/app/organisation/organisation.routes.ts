import type { RouteDefinition } from '../http/route.types.js';
import type { OrganisationDirectory } from './organisation.directory.js';
import { unitRoutes } from './units.routes.js';
import { userRoutes } from './users.routes.js';

export function organisationRoutes(directory: OrganisationDirectory): RouteDefinition[] {
  return [...unitRoutes(directory.units), ...userRoutes(directory.users)];
}
