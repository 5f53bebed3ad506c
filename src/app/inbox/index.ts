// The inbox module's public entry.
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { RouteDefinition } from '../http/route.types.js';
import { createCamundaTaskEngine } from './camunda-task-engine.js';
import { inboxRoutes } from './inbox.routes.js';
import { InboxService } from './inbox.service.js';
import { InboxStore } from './inbox.store.js';
import type { TaskEngine } from './task-engine.port.js';

export { InboxService } from './inbox.service.js';
export { createCamundaTaskEngine } from './camunda-task-engine.js';
export type { TaskEngine, EngineTask } from './task-engine.port.js';

export interface InboxModuleDependencies {
  connection: Connection;
  clock: Clock;
  /** The candidate groups of a user (OrganisationDirectory.candidateGroupsOfUser); read at each request. */
  groupsOf(username: string): Promise<string[]>;
  /** The engine's REST v2 address (ZEEBE_REST_ADDRESS), or a TaskEngine (tests). */
  engine: string | TaskEngine;
}

export function createInboxModule(deps: InboxModuleDependencies): {
  routes: RouteDefinition[];
  close(): Promise<void>;
} {
  const engine = typeof deps.engine === 'string' ? createCamundaTaskEngine(deps.engine) : deps.engine;
  const inbox = new InboxService(engine, new InboxStore(deps.connection), deps.clock);
  return {
    routes: inboxRoutes({ inbox, groupsOf: (username) => deps.groupsOf(username) }),
    close: async () => {
      if ('close' in engine && typeof engine.close === 'function')
        await (engine.close as () => Promise<void>)();
    },
  };
}
