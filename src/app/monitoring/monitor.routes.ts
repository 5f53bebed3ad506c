import { Type } from '@sinclair/typebox';
import type { Response } from 'express';
import type { InstanceDetail, InstanceList, ProcessView } from '../../shared/contracts/index.js';
import { policy } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import { mayWatchAnything, watcherOf, type Watcher } from './monitor-access.js';
import { parseInstanceQuery } from './monitor-query.js';
import type { InstanceDetailService } from './instance-detail.service.js';
import { instanceNotFound } from './instance-detail.service.js';
import type { InstanceListService } from './instance-list.service.js';
import { processNotFound } from './instance-list.service.js';

/** Supervisors, and members of the bodies that own a process; a unit's clerk gets 403 on every cockpit route. */
const WATCHER = policy('monitor', (principal) => mayWatchAnything(principal));
const KEY = /^\d{1,19}$/;
const PROCESS_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PERSONNEL_READ = 'monitorPersonnelRead';

const CancelBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);
const VariablesBody = Type.Object(
  {
    variables: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Type.Unknown(), {
      minProperties: 1,
      maxProperties: 50,
    }),
  },
  { additionalProperties: false },
);

export interface MonitorRouteDependencies {
  list: InstanceListService;
  detail: InstanceDetailService;
}

function watcher(principal: Principal | null): Watcher {
  if (!principal) throw new Error('monitor route ran without a principal');
  return watcherOf(principal);
}

function keyOf(raw: unknown): string {
  const key = String(raw);
  if (!KEY.test(key)) throw instanceNotFound();
  return key;
}

const personnelRead = (res: Response): boolean =>
  (res.locals as Record<string, unknown>)[PERSONNEL_READ] === true;

export function monitorRoutes({ list, detail }: MonitorRouteDependencies): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/monitor/instances',
      permission: WATCHER,
      summary: 'Instances of the processes the user watches: filtered, sorted, paged, with counts per state',
      handler: async ({ req, res, principal }) => {
        const query = parseInstanceQuery(req.query as Record<string, unknown>);
        res.json((await list.list(watcher(principal), query)) satisfies InstanceList);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/instances/:key',
      permission: WATCHER,
      summary:
        'One instance: diagram with counts and path, incidents, data (personnel data only to its readers), history',
      audit: {
        action: 'personnel.instance-read',
        when: ({ res }) => personnelRead(res),
      },
      handler: async ({ req, res, principal }) => {
        const found = await detail.detail(watcher(principal), keyOf(req.params.key), () => {
          (res.locals as Record<string, unknown>)[PERSONNEL_READ] = true;
        });
        res.json(found satisfies InstanceDetail);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/monitor/instances/:key/incidents/:incidentKey/retry',
      permission: WATCHER,
      summary:
        "Retry an incident: the job gets one more try and the incident is resolved (the process's owners act)",
      audit: {
        action: 'monitor.incident-retry',
        target: ({ req }) => String(req.params.key),
        detail: ({ req }) => ({ incident: String(req.params.incidentKey) }),
      },
      handler: async ({ req, res, principal }) => {
        const incidentKey = String(req.params.incidentKey);
        if (!KEY.test(incidentKey)) throw instanceNotFound();
        await detail.retry(watcher(principal), keyOf(req.params.key), incidentKey);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/monitor/instances/:key/cancel',
      permission: WATCHER,
      body: CancelBody,
      summary: 'Cancel a running instance, with the reason kept in the audit trail',
      audit: {
        action: 'monitor.instance-cancel',
        target: ({ req }) => String(req.params.key),
        detail: ({ body }) => ({ reason: body.reason.trim() }),
      },
      handler: async ({ req, res, principal }) => {
        await detail.cancel(watcher(principal), keyOf(req.params.key));
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/monitor/instances/:key/variables',
      permission: WATCHER,
      body: VariablesBody,
      summary: "Correct a running instance's data (its own scope), e.g. before retrying an incident",
      audit: {
        action: 'monitor.variables-set',
        target: ({ req }) => String(req.params.key),
        // The names changed, never the values (they may be personal).
        detail: ({ body }) => ({ names: Object.keys(body.variables).join(', ') }),
      },
      handler: async ({ req, res, principal, body }) => {
        await detail.setVariables(watcher(principal), keyOf(req.params.key), body.variables);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/processes/:id',
      permission: WATCHER,
      summary:
        'A process: every version with its diagram, per-element counts across instances and running instances',
      handler: async ({ req, res, principal }) => {
        const id = String(req.params.id);
        if (!PROCESS_ID.test(id)) throw processNotFound();
        res.json((await list.process(watcher(principal), id)) satisfies ProcessView);
      },
    }),
  ];
}
