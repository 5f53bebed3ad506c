import type { Request } from 'express';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { groupOf, headGroupOf } from './candidate-groups.js';
import { CreateUnitBody, UpdateUnitBody } from './organisation.schemas.js';
import { listQueryOf, matchesStatus, pageOf, searchable } from './listing.js';
import { UNIT_KINDS, type UnitKind, type UnitRecord } from './organisation.types.js';
import type { UnitService } from './unit.service.js';

const ADMIN = anyRole('admin');
const ADMIN_OR_SUPERVISOR = anyRole('admin', 'supervisor');

function unitJson(unit: UnitRecord) {
  return { ...unit, group: groupOf(unit), headGroup: headGroupOf(unit) };
}

const codeOf = (req: Request): string => String(req.params.code);

export function unitRoutes(units: UnitService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/units',
      permission: ADMIN_OR_SUPERVISOR,
      summary:
        'Units, one page (?q= code or name, accents optional; &kind=; &status=active|inactive|all, ?all=true for all; &page=&pageSize=)',
      handler: async ({ req, res }) => {
        const raw = req.query as Record<string, unknown>;
        let kind: UnitKind | undefined;
        const query = listQueryOf(
          { ...raw, ...(raw.all === 'true' && raw.status === undefined ? { status: 'all' } : {}) },
          (value, errors) => {
            const given = value('kind');
            if (given === undefined) return;
            if ((UNIT_KINDS as readonly string[]).includes(given)) kind = given as UnitKind;
            else
              errors.push({ field: 'kind', message: `Loại đơn vị là một trong: ${UNIT_KINDS.join(', ')}.` });
          },
        );
        // A few hundred units at most, kept in memory by the service: filtered here, accent-insensitively.
        const matching = (await units.list({ includeInactive: true })).filter(
          (unit) =>
            matchesStatus(unit.active, query.status) &&
            (kind === undefined || unit.kind === kind) &&
            (query.q === '' || searchable(`${unit.code} ${unit.name}`).includes(query.q)),
        );
        const page = pageOf(matching, query);
        res.json({ ...page, items: page.items.map(unitJson) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/units/:code',
      permission: ADMIN_OR_SUPERVISOR,
      summary: 'One unit',
      handler: async ({ req, res }) => {
        res.json(unitJson(await units.get(codeOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/units',
      permission: ADMIN,
      body: CreateUnitBody,
      summary: 'Create a unit',
      audit: { action: 'unit.create', target: ({ body }) => body.code },
      handler: async ({ res, body }) => {
        res.status(201).json(unitJson(await units.create(body)));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/units/:code',
      permission: ADMIN,
      body: UpdateUnitBody,
      summary: 'Rename a unit or change its sector',
      audit: { action: 'unit.update', detail: ({ body }) => ({ fields: Object.keys(body).join(',') }) },
      handler: async ({ req, res, body }) => {
        res.json(unitJson(await units.update(codeOf(req), body)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/units/:code/deactivate',
      permission: ADMIN,
      summary: 'Deactivate a unit (never deleted)',
      audit: { action: 'unit.deactivate' },
      handler: async ({ req, res }) => {
        res.json(unitJson(await units.setActive(codeOf(req), false)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/units/:code/reactivate',
      permission: ADMIN,
      summary: 'Reactivate a unit',
      audit: { action: 'unit.reactivate' },
      handler: async ({ req, res }) => {
        res.json(unitJson(await units.setActive(codeOf(req), true)));
      },
    }),
  ];
}
