// The period dashboard's public entry (issue 15, point 4).
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { RouteDefinition } from '../http/route.types.js';
import { ProcessStartStore } from '../process-start/index.js';
import { documentVisibleTo, RecordStore } from '../records/index.js';
import { camundaPeriodEngine } from './camunda-period-engine.js';
import { PeriodDashboardService } from './period-dashboard.service.js';
import { periodRoutes } from './period.routes.js';

export { deriveUnitStatus, type UnitFacts, type UnitTaskFact, type PeriodClock } from './unit-status.js';
export { PERIOD_PROFILES } from './period-profiles.js';
export { periodProcessesOf } from './period-access.js';
export { EXPORT_COLUMNS } from './period-export.js';
export { STATUS_LABELS_VI } from './status-labels.js';

export interface PeriodModuleDependencies {
  connection: Connection;
  clock: Clock;
  rest: CamundaClientLoose;
  fullNamesOf(usernames: readonly string[]): Promise<Map<string, string>>;
  unitNameOf(code: string): Promise<string | undefined>;
  loadForm(formId: string): Promise<unknown>;
}

/** The dashboard over the engine's REST v2 searches and the app's records (reports, documents, start audit). */
export function createPeriodModule(deps: PeriodModuleDependencies): { routes: RouteDefinition[] } {
  const records = new RecordStore(deps.connection);
  const starts = new ProcessStartStore(deps.connection);
  const service = new PeriodDashboardService({
    engine: camundaPeriodEngine(deps.rest),
    clock: deps.clock,
    fullNamesOf: deps.fullNamesOf,
    unitNameOf: deps.unitNameOf,
    records: {
      reportsOfInstance: (key) => records.reportsOfInstance(key),
      // The dashboard's readers are Bloc bodies and supervisors: they see every non-personnel document.
      documentsOfInstance: async (key) =>
        (await records.documentHeaders({ processInstanceKey: key }))
          .filter((d) => documentVisibleTo(d, { supervisor: true, groups: [] }))
          .map((d) => ({
            id: d.key,
            soKyHieu: d.soKyHieu,
            tenTep: d.tenTep,
            createdAt: new Date(d.createdAt).toISOString(),
          })),
      startersOf: async (keys) => {
        const wanted = new Set(keys);
        const map = new Map<string, string>();
        for (const start of await starts.all())
          if (wanted.has(start.processInstanceKey)) map.set(start.processInstanceKey, start.actorName);
        return map;
      },
    },
  });
  return { routes: periodRoutes({ service, clock: deps.clock, loadForm: deps.loadForm }) };
}
