// The process-start module's public entry.
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { FormJsSchema } from '../forms/index.js';
import type { RouteDefinition } from '../http/route.types.js';
import type { UnitRef } from '../organisation/index.js';
import type { ProcessStarter } from './process-start.port.js';
import { processStartRoutes } from './process-start.routes.js';
import { ProcessStartService, type ProcessStartDependencies } from './process-start.service.js';
import { ProcessStartStore } from './process-start.store.js';
import type { StartAttachments } from './start-attachments.port.js';

export { zeebeProcessStarter, formsDirectoryLoader, type ProcessStarter } from './process-start.port.js';
export { START_RULES, type StartRuleOverride } from './process-start.table.js';
export { ProcessStartStore } from './process-start.store.js';
export { ProcessStartService, type StartPlace, type Starter } from './process-start.service.js';
export type { StartAttachments } from './start-attachments.port.js';

export interface ProcessStartModuleDependencies {
  connection: Connection;
  clock: Clock;
  /** zeebeProcessStarter(engineClients.zeebe) in the service. */
  starter: ProcessStarter;
  loadForm(formId: string): Promise<FormJsSchema>;
  unitOf(code: string): Promise<UnitRef | undefined>;
  /** The check of the files a start form refers to (the attachments module); none accepted when not given. */
  attachments?: StartAttachments;
  /** The start rules in the settings, read at each request; the code's table when not given. */
  startRules?: ProcessStartDependencies['startRules'];
}

export function createProcessStartModule(deps: ProcessStartModuleDependencies): {
  routes: RouteDefinition[];
  /** For modules that act on start forms (attachments). */
  service: ProcessStartService;
} {
  const service = new ProcessStartService({ ...deps, store: new ProcessStartStore(deps.connection) });
  return { routes: processStartRoutes(service), service };
}
