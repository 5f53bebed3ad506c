// The supervisors' cockpit: instances, one instance, one process — over the engine's REST v2 API only.
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { AdminAuditStore } from '../audit/index.js';
import type { RouteDefinition } from '../http/route.types.js';
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

export function createMonitorModule(deps: MonitorModuleDependencies): { routes: RouteDefinition[] } {
  const engine = new MonitorEngine(deps.rest);
  return {
    routes: monitorRoutes({
      list: new InstanceListService(engine, deps.units, () => deps.clock.now().getTime()),
      detail: new InstanceDetailService(
        engine,
        deps.connection,
        new AdminAuditStore(deps.connection, deps.clock),
        deps.people,
      ),
    }),
  };
}
