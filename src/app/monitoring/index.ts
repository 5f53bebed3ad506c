// The supervisors' cockpit: instances, one instance, one process — over the engine's REST v2 API only.
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { AdminAuditStore } from '../audit/index.js';
import type { Principal, RouteDefinition } from '../http/route.types.js';
import { watcherOf } from './monitor-access.js';
import { InstanceDetailService, type PeopleNames } from './instance-detail.service.js';
import { InstanceListService, type UnitLister } from './instance-list.service.js';
import { MonitorEngine } from './monitor-engine.js';
import { monitorRoutes } from './monitor.routes.js';

export interface MonitorModuleDependencies {
  connection: Connection;
  clock: Clock;
  rest: CamundaClientLoose;
  people: PeopleNames;
  units: UnitLister;
}

/** Whether a cockpit user may read an instance's data; 404 (AppError) when they do not watch it. */
export type InstanceDataAccess = (
  principal: Principal,
  key: string,
) => Promise<{ readable: boolean; personnel: boolean }>;

export { mayWatchAnything } from './monitor-access.js';
export { instanceNotFound } from './instance-detail.service.js';

export function createMonitorModule(deps: MonitorModuleDependencies): {
  routes: RouteDefinition[];
  /** For other modules that show an instance's data in the cockpit (its attached files). */
  dataAccess: InstanceDataAccess;
} {
  const engine = new MonitorEngine(deps.rest);
  const detail = new InstanceDetailService(
    engine,
    deps.connection,
    new AdminAuditStore(deps.connection, deps.clock),
    deps.people,
  );
  return {
    routes: monitorRoutes({
      list: new InstanceListService(engine, deps.units, () => deps.clock.now().getTime()),
      detail,
    }),
    dataAccess: (principal, key) => detail.dataAccess(watcherOf(principal), key),
  };
}
