import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'mongoose';
import { createAppModule, type AppModule } from './app/app.composition.js';
import { startHttpServer } from './app/http/http-server.js';
import type { RouteDefinition } from './app/http/route.types.js';
import { webRoutes } from './app/web/web.routes.js';
import { camundaTaskEngine, createInboxModule } from './app/inbox/index.js';
import {
  createProcessStartModule,
  formsDirectoryLoader,
  zeebeProcessStarter,
} from './app/process-start/index.js';
import { unitRefOf, type OrganisationDirectory } from './app/organisation/index.js';
import { startProcessAutomation, type ProcessAutomation } from './workers/index.js';
import { isOrganisationEmpty, seedOrganisation } from './app/seed/seed.service.js';
import { systemClock, type Clock } from './lib/clock.js';
import { ConfigError, loadConfig, type Config } from './lib/config.js';
import { openDatabase } from './lib/database.js';
import { createLogger, type Logger } from './lib/logger.js';
import { createEngineClients, type EngineClients } from './app/engine-client/engine-clients.js';
import { startEmbeddedEngine, type Clock as EngineClock, type EmbeddedEngine } from './engine/index.js';

export interface ServiceHandle {
  url: string;
  port: number;
  connection: Connection;
  app: AppModule;
  /** The official Camunda clients, connected to the embedded engine or to ZEEBE_*_ADDRESS. */
  engineClients: EngineClients;
  /** Stops accepting requests, finishes in-flight ones, then closes the database (and the local server). */
  close(): Promise<void>;
}

/** How often the inbox reads the unit and period of tasks created since its last look. */
const CONTEXT_WARM_INTERVAL_MS = 5_000;

export interface ServiceOptions {
  clock?: Clock;
  logger?: Logger;
  /** Routes of modules composed by the caller; they pass through the same guard as all others. */
  extraRoutes?: readonly RouteDefinition[];
  /** The embedded engine's clock (timers, due dates, job deadlines); tests pass a controllable one. */
  engineClock?: EngineClock;
}

/**
 * The composition root is the one place that knows the embedded engine exists: it starts it when no remote
 * engine is configured, and from then on everything talks to it through Camunda's clients only.
 */
async function connectEngine(
  config: Config,
  databaseUri: string,
  logger: Logger,
  clock: EngineClock | undefined,
): Promise<{ clients: EngineClients; embedded: EmbeddedEngine | undefined }> {
  if (config.zeebeGrpcAddress && config.zeebeRestAddress) {
    logger.info({ grpc: config.zeebeGrpcAddress, rest: config.zeebeRestAddress }, 'using a remote engine');
    const clients = createEngineClients({
      grpcAddress: config.zeebeGrpcAddress,
      restAddress: config.zeebeRestAddress,
    });
    return { clients, embedded: undefined };
  }
  const engineLogger = logger.child({ component: 'engine' });
  const embedded = await startEmbeddedEngine({
    mongoUri: databaseUri,
    grpcPort: config.engineGrpcPort,
    restPort: config.engineRestPort,
    ...(clock ? { clock } : {}),
    logger: {
      debug: (message) => engineLogger.debug(message),
      info: (message) => engineLogger.info(message),
      warn: (message) => engineLogger.warn(message),
      error: (message) => engineLogger.error(message),
    },
  });
  logger.info({ grpc: embedded.grpcAddress, rest: embedded.restAddress }, 'embedded engine started');
  const clients = createEngineClients({
    grpcAddress: embedded.grpcAddress,
    restAddress: embedded.restAddress,
  });
  return { clients, embedded };
}

/** Starts the whole service; tests call it too. Later parts (engine, workers) join here. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<ServiceHandle> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config, logger);
  let engine: Awaited<ReturnType<typeof connectEngine>> | undefined;
  let automation: ProcessAutomation | undefined;
  try {
    engine = await connectEngine(
      config,
      database.siblingUri(`${database.connection.name}-engine`),
      logger,
      options.engineClock,
    );
    const engineClients = engine.clients;
    // The inbox needs the directory that the app module creates; it only reads it per request, after start.
    const late: { directory?: OrganisationDirectory } = {};
    const inbox = createInboxModule({
      connection: database.connection,
      clock,
      engine: camundaTaskEngine(engineClients.rest),
      groupsOf: (username) => late.directory?.candidateGroupsOfUser(username) ?? Promise.resolve([]),
      people: {
        fullNamesOf: (usernames) =>
          late.directory?.users.fullNamesOf(usernames) ?? Promise.resolve(new Map()),
      },
    });
    const processStart = createProcessStartModule({
      connection: database.connection,
      clock,
      starter: zeebeProcessStarter(engineClients.zeebe),
      loadForm: formsDirectoryLoader(path.resolve(import.meta.dirname, '..', 'forms')),
      unitOf: async (code) => {
        const unit = await late.directory?.units.find(code);
        return unit?.active ? unitRefOf(unit) : undefined;
      },
    });
    const app = createAppModule({
      config,
      logger,
      clock,
      connection: database.connection,
      // The browser app's catch-all route matches every GET left over, so it goes last.
      extraRoutes: [...(options.extraRoutes ?? []), ...inbox.routes, ...processStart.routes, ...webRoutes()],
    });
    late.directory = app.directory;
    app.readiness.add({ name: 'engine', check: () => engineClients.checkReachable() });
    await Promise.all(Object.values(database.connection.models).map((model) => model.init()));
    if (config.seedDemo && (await isOrganisationEmpty(app.directory))) {
      const seeded = await seedOrganisation(app.directory, { demoAccounts: true });
      logger.info(seeded, 'empty database: seeded the organisation and demo accounts');
    }
    // Every start deploys processes/ and forms/: an unchanged file keeps its version, a changed one gets the next.
    automation = await startProcessAutomation({
      zeebe: engineClients.zeebe,
      rest: engineClients.rest,
      connection: database.connection,
      directory: app.directory,
      clock,
      smtpUrl: config.smtpUrl,
      taskNoticeIntervalMs: config.taskNoticeIntervalMs,
      resourceRoot: path.resolve(import.meta.dirname, '..'),
      log: { info: (message) => logger.info(message), error: (message) => logger.error(message) },
    });
    logger.info(
      { processes: automation.deployment.processes.map((p) => `${p.bpmnProcessId}@${p.version}`) },
      'processes deployed, workers started',
    );
    inbox.contextWarmer.start(CONTEXT_WARM_INTERVAL_MS, (error) =>
      logger.warn({ error: String(error) }, 'reading the context of new tasks failed; retrying'),
    );
    const http = await startHttpServer(app.app, {
      port: config.port,
      host: config.host,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
    logger.info({ url: http.url }, `service listening on ${http.url}`);
    let closing: Promise<void> | undefined;
    return {
      url: http.url,
      port: http.port,
      connection: database.connection,
      app,
      engineClients,
      close: () =>
        (closing ??= (async () => {
          app.readiness.markStopping();
          await http.close();
          await inbox.contextWarmer.stop();
          app.stop();
          await automation?.close();
          await engineClients.close();
          await engine?.embedded?.close();
          await database.close();
          logger.info('service stopped');
        })()),
    };
  } catch (error) {
    await automation?.close();
    await engine?.clients.close();
    await engine?.embedded?.close();
    await database.close();
    throw error;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  // Handlers go on in the same tick as the start, so a signal during start-up still stops the local database.
  const service = startService(config);
  let signals = 0;
  const stop = (signal: NodeJS.Signals): void => {
    if (++signals > 1) process.exit(1); // a second Ctrl-C means "now"
    console.error(`${signal}: đang dừng dịch vụ…`);
    service
      .then((handle) => handle.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await service;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
