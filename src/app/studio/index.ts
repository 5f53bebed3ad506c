// The administrators' studio: its public entry for the composition root.
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { Clock } from '../../lib/clock.js';
import type { ZeebeClient } from '../engine-client/engine-clients.js';
import type { RouteDefinition } from '../http/route.types.js';
import { DecisionEngine } from './decision-engine.js';
import { decisionStudioRoutes } from './decision-studio.routes.js';
import { DecisionStudioService } from './decision-studio.service.js';
import { FormCatalogue } from './form-catalogue.js';
import { formStudioRoutes } from './form-studio.routes.js';
import { FormStudioService } from './form-studio.service.js';
import { MigrationEngine } from './migration-engine.js';
import { migrationRoutes } from './migration.routes.js';
import { MigrationService } from './migration.service.js';
import { StudioEngine } from './studio-engine.js';
import { studioRoutes } from './studio.routes.js';
import { StudioService, type StudioSources } from './studio.service.js';
import { StudioStore } from './studio.store.js';

export { StudioStore } from './studio.store.js';
export type { StudioSources } from './studio.service.js';
export { jobTypeName } from './job-type-names.js';

export interface StudioModuleDependencies {
  connection: Connection;
  clock: Clock;
  rest: CamundaClientLoose;
  zeebe: ZeebeClient;
  /** The folder holding processes/ and forms/. */
  resourceRoot: string;
  sources: StudioSources;
}

export function createStudioModule(deps: StudioModuleDependencies): {
  routes: RouteDefinition[];
  service: StudioService;
  store: StudioStore;
} {
  const store = new StudioStore(deps.connection);
  const engine = new StudioEngine(deps.rest, deps.zeebe);
  const catalogue = new FormCatalogue(path.join(deps.resourceRoot, 'forms'), store);
  const service = new StudioService(store, engine, catalogue, deps.sources, deps.clock);
  const forms = new FormStudioService(store, engine, catalogue, deps.clock);
  const decisions = new DecisionStudioService(store, new DecisionEngine(deps.rest, deps.zeebe), deps.clock);
  const migration = new MigrationService(engine, new MigrationEngine(deps.rest));
  return {
    routes: [
      ...studioRoutes(service),
      ...formStudioRoutes(forms),
      ...decisionStudioRoutes(decisions),
      ...migrationRoutes(migration),
    ],
    service,
    store,
  };
}
