import type { Request } from 'express';
import { badRequest } from '../../lib/errors.js';
import type { MigrationResult } from '../../shared/contracts/index.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import type { MigrationService } from './migration.service.js';
import { MigrationBody } from './studio.schemas.js';

const ADMIN = anyRole('admin');
const BASE = '/api/admin/studio/processes/:id/migration';

function idOf(req: Request): string {
  const id = String(req.params.id);
  if (!/^[A-Za-z_][\w.-]{0,127}$/.test(id)) throw badRequest('invalid_id', 'Mã quy trình không hợp lệ.');
  return id;
}

/** Moving running instances between versions of a process: a dry run, then the migration itself. Admins only. */
export function migrationRoutes(migration: MigrationService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: `${BASE}/preview`,
      permission: ADMIN,
      body: MigrationBody,
      summary:
        'Dry run of a migration: running instances, both versions’ elements, the mapping, what moves where',
      handler: async ({ req, res, body }) => {
        res.json(await migration.preview(idOf(req), body));
      },
    }),
    defineRoute({
      method: 'post',
      path: BASE,
      permission: ADMIN,
      body: MigrationBody,
      summary:
        "Migrate every running instance of a version to another; refusals listed with the engine's reason",
      audit: {
        action: 'process.migrate',
        detail: ({ res, body }) => {
          const result = res.locals.migrationResult as MigrationResult | undefined;
          return {
            from: String(body.sourceVersion),
            to: String(body.targetVersion),
            mapping: result?.sameIdMapping ? 'same-ids' : 'given',
            migrated: String(result?.migrated.length ?? 0),
            failed: String(result?.failed.length ?? 0),
          };
        },
      },
      handler: async ({ req, res, body }) => {
        const result = await migration.migrate(idOf(req), body);
        res.locals.migrationResult = result;
        res.json(result);
      },
    }),
  ];
}
