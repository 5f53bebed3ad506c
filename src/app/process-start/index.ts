// The process-start module's public entry.
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { FormJsSchema } from '../forms/index.js';
import type { RouteDefinition } from '../http/route.types.js';
import type { UnitRef } from '../organisation/index.js';
import type { ProcessStarter } from './process-start.port.js';
import { processStartRoutes } from './process-start.routes.js';
import { ProcessStartService } from './process-start.service.js';
import { ProcessStartStore } from './process-start.store.js';

export { zeebeProcessStarter, formsDirectoryLoader, type ProcessStarter } from './process-start.port.js';
export { START_RULES } from './process-start.table.js';
export { ProcessStartStore } from './process-start.store.js';

export interface ProcessStartModuleDependencies {
  connection: Connection;
  clock: Clock;
  /** zeebeProcessStarter(engineClients.zeebe) in the service. */
  starter: ProcessStarter;
  loadForm(formId: string): Promise<FormJsSchema>;
  unitOf(code: string): Promise<UnitRef | undefined>;
}

export function createProcessStartModule(deps: ProcessStartModuleDependencies): {
  routes: RouteDefinition[];
} {
  const service = new ProcessStartService({ ...deps, store: new ProcessStartStore(deps.connection) });
  return { routes: processStartRoutes(service) };
}
