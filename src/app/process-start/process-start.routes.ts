import type {
  StartableList,
  StartableProcess,
  StartableSummary,
  StartResponse,
} from '../../shared/contracts/index.js';
import { Type } from '@sinclair/typebox';
import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import type { ProcessStartService, Starter } from './process-start.service.js';

const StartBody = Type.Object(
  {
    data: Type.Record(Type.String({ maxLength: 200 }), Type.Unknown()),
    // The browser's id of this start, the same on each retry (see startOperationReference).
    requestId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' })),
  },
  { additionalProperties: false },
);

function starterOf(principal: Principal | null): Starter {
  if (!principal) throw new Error('process-start route ran without a principal');
  return principal;
}

/** Signed-in users reach these routes; the start table decides per process (403 for the others). */
export function processStartRoutes(service: ProcessStartService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/processes/startable',
      permission: SIGNED_IN,
      summary: 'The processes the user may start by hand, with their start forms',
      handler: async ({ res, principal }) => {
        res.json({
          items: await service.startable(starterOf(principal)),
        } satisfies StartableList<StartableProcess>);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes/:processId/start',
      permission: SIGNED_IN,
      body: StartBody,
      summary: 'Start a process from its start form (validated on the server, 422 per field)',
      handler: async ({ req, res, principal, body }) => {
        const started = await service.start(
          starterOf(principal),
          String(req.params.processId),
          body.data,
          body.requestId,
        );
        res.status(201).json(started satisfies StartResponse);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/startable/summary',
      permission: SIGNED_IN,
      summary: 'The processes the user may start by hand, names only (whether to offer "Khởi tạo quy trình")',
      handler: async ({ res, principal }) => {
        res.json({
          items: await service.startableSummary(starterOf(principal)),
        } satisfies StartableList<StartableSummary>);
      },
    }),
  ];
}
