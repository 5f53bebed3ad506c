import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { unitRefOf } from './candidate-groups.js';
import { organisationImportRoutes } from './import/organisation-import.routes.js';
import type { OrganisationImportService } from './import/organisation-import.service.js';
import type { OrganisationDirectory } from './organisation.directory.js';
import { unitRoutes } from './units.routes.js';
import { userRoutes } from './users.routes.js';

export function organisationRoutes(
  directory: OrganisationDirectory,
  imports: OrganisationImportService,
): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/organisation/units',
      permission: SIGNED_IN,
      summary: 'Active units with their candidate groups, for names and pickers in the browser',
      handler: async ({ res }) => {
        const units = await directory.units.list();
        res.json({ items: units.map((unit) => ({ ...unitRefOf(unit), sector: unit.sector })) });
      },
    }),
    ...unitRoutes(directory.units),
    ...userRoutes(directory.users),
    ...organisationImportRoutes(imports),
  ];
}
