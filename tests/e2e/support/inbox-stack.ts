import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';
import mongoose, { type Connection } from 'mongoose';
import { createAppModule, type AppModule } from '../../../src/app/app.module.js';
import { startHttpServer, type HttpServerHandle } from '../../../src/app/http/http-server.js';
import { camundaTaskEngine, createInboxModule } from '../../../src/app/inbox/index.js';
import { unitRefOf } from '../../../src/app/organisation/index.js';
import {
  createProcessStartModule,
  formsDirectoryLoader,
  zeebeProcessStarter,
} from '../../../src/app/process-start/index.js';
import { seedOrganisation } from '../../../src/app/seed/seed.service.js';
import { webRoutes } from '../../../src/app/web/web.routes.js';
import { startEmbeddedEngine, type EngineWithGateways } from '../../../src/engine/index.js';
import { suiteClock, suiteEngineClock } from '../../support/suite-clock.js';
import { loadConfig } from '../../../src/lib/config.js';
import { createLogger } from '../../../src/lib/logger.js';
import { REPORT_PROCESS_ID, reportForm, reportProcessXml } from './report-process.js';
import { createTestDatabase, type TestDatabase } from '../../support/harness/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

type Zeebe = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface InboxStack {
  url: string;
  app: AppModule;
  /** The app's database connection (notices, drafts, audit). */
  connection: Connection;
  /** Starts one report instance; resolves with its process instance key once its task is searchable. */
  startReport(variables?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The embedded engine, and the app (auth, organisation, inbox over the engine's REST v2, the SPA when a dist is given)
 * over fresh databases with the demo seed; the report process deployed through the SDK's gRPC client.
 */
export async function startInboxStack(
  distDir?: string,
  options: { processStart?: boolean } = {},
): Promise<InboxStack> {
  const engineDb: TestDatabase = createTestDatabase('e2e_engine');
  const appDb: TestDatabase = createTestDatabase('e2e_app');
  const engine: EngineWithGateways = await startEmbeddedEngine({
    mongoUri: engineDb.uri,
    grpcPort: 0,
    restPort: 0,
    clock: suiteEngineClock,
  });
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${engine.grpcAddress}`,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    CAMUNDA_REST_ADDRESS: engine.restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  } as ConstructorParameters<typeof Camunda8>[0]);
  const zeebe: Zeebe = c8.getZeebeGrpcApiClient();
  await zeebe.deployResources([
    { name: `${REPORT_PROCESS_ID}.bpmn`, process: Buffer.from(reportProcessXml) },
    { name: `${REPORT_PROCESS_ID}.form`, form: Buffer.from(JSON.stringify(reportForm)) },
  ]);

  if (options.processStart) {
    // The real report process and its start form, for starting it by hand (no workers: it waits after the start).
    const read = (file: string) => readFile(path.join(repoRoot, file));
    await zeebe.deployResources([
      { name: 'bao-cao-dan-van.bpmn', process: await read('processes/bao-cao-dan-van.bpmn') },
      { name: 'bao-cao-dan-van-khoi-tao.form', form: await read('forms/bao-cao-dan-van-khoi-tao.form') },
    ]);
  }

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
  });
  const connection: Connection = await mongoose.createConnection(appDb.uri).asPromise();
  // The inbox asks the organisation (built with the app) for a user's groups at each request.
  const holder: { app?: AppModule } = {};
  const inbox = createInboxModule({
    connection,
    clock: suiteClock,
    engine: camundaTaskEngine(c8.getOrchestrationClusterApiClientLoose()),
    groupsOf: (username) => holder.app?.directory.candidateGroupsOfUser(username) ?? Promise.resolve([]),
    people: {
      fullNamesOf: (usernames) =>
        holder.app?.directory.users.fullNamesOf(usernames) ?? Promise.resolve(new Map()),
    },
  });
  const app = createAppModule({
    config,
    logger: createLogger({ level: config.logLevel }),
    clock: suiteClock,
    connection,
    extraRoutes: [
      ...inbox.routes,
      // Always composed, as in the service: the shell asks it what the user may start on every page.
      ...createProcessStartModule({
        connection,
        clock: suiteClock,
        starter: zeebeProcessStarter(zeebe),
        loadForm: formsDirectoryLoader(path.join(repoRoot, 'forms')),
        unitOf: async (code) => {
          const unit = await holder.app?.directory.units.find(code);
          return unit?.active ? unitRefOf(unit) : undefined;
        },
      }).routes,
      ...(distDir ? webRoutes({ distDir }) : []),
    ],
  });
  holder.app = app;
  await connection.syncIndexes();
  await seedOrganisation(app.directory, { demoAccounts: true });
  const server: HttpServerHandle = await startHttpServer(app.app, { port: 0, shutdownTimeoutMs: 2_000 });
  const module = app;

  return {
    url: server.url,
    app: module,
    connection,
    async startReport(variables = {}) {
      const created = await zeebe.createProcessInstance({
        bpmnProcessId: REPORT_PROCESS_ID,
        variables: variables as Parameters<Zeebe['createProcessInstance']>[0]['variables'],
      });
      return String(created.processInstanceKey);
    },
    async close() {
      module.stop();
      await server.close();
      await zeebe.close(2_000).catch(() => undefined);
      await c8.closeAllClients().catch(() => undefined);
      await engine.close();
      await connection.close();
      await Promise.all([appDb.drop(), engineDb.drop()]);
    },
  };
}
