import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'mongoose';
import type { Express } from 'express';
import { createAppServices } from './app/app.module.js';
import { startHttpServer } from './app/http/http-server.js';
import type { RouteDefinition } from './app/http/route.types.js';
import { webRoutes } from './app/web/web.routes.js';
import {
  AttachmentStore,
  attachmentRoutes,
  StartSubmissionCheck,
  SubmissionCheck,
  sweepAbandonedUploads,
} from './app/attachments/index.js';
import { camundaTaskEngine, createInboxModule } from './app/inbox/index.js';
import { createMonitorModule } from './app/monitoring/index.js';
import {
  createProcessStartModule,
  formsDirectoryLoader,
  zeebeProcessStarter,
} from './app/process-start/index.js';
import { createPeriodModule } from './app/periods/index.js';
import { groupOf, headGroupOf, unitRefOf, type OrganisationDirectory } from './app/organisation/index.js';
import { startProcessAutomation, WORKERS } from './workers/index.js';
import { createStudioModule, jobTypeName } from './app/studio/index.js';
import { SettingsStore, settingsRoutes, suggestedSymbol } from './app/settings/index.js';
import { isOrganisationEmpty, seedOrganisation } from './app/seed/seed.service.js';
import { systemClock, type Clock } from './lib/clock.js';
import { ConfigError, loadConfig, type Config } from './lib/config.js';
import { openDatabase } from './lib/database.js';
import { Lease, underLease } from './lib/lease.js';
import { Lifecycle } from './lib/lifecycle.js';
import { createLogger, type Logger } from './lib/logger.js';
import { createEngineClients, type EngineClients } from './app/engine-client/engine-clients.js';
import { engineGatewaySettings, sdkAuthVariables } from './lib/engine-settings.js';
import { startEmbeddedEngine, type Clock as EngineClock, type EngineWithGateways } from './engine/index.js';

export interface ServiceHandle {
  url: string;
  port: number;
  connection: Connection;
  /** The express app (for listing its routes). */
  app: Express;
  directory: OrganisationDirectory;
  /** The official Camunda clients, connected to the embedded engine or to ZEEBE_*_ADDRESS. */
  engineClients: EngineClients;
  /** What runs here (SERVICE_ROLE); with `workers` there is no HTTP server, and `url` is empty. */
  role: Config['serviceRole'];
  /** This replica among others on the database: the holder named in the `leases` it takes. */
  replicaId: string;
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

/** The repository's root, where processes/ and forms/ are. */
const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The root is the one place that knows the embedded engine exists: it starts it when no remote engine is
 * configured, and from then on everything talks to it through Camunda's clients only.
 */
async function startLocalEngine(
  config: Config,
  databaseUri: string,
  logger: Logger,
  clock: EngineClock | undefined,
): Promise<EngineWithGateways> {
  const engineLogger = logger.child({ component: 'engine' });
  const embedded = await startEmbeddedEngine({
    mongoUri: databaseUri,
    grpcPort: config.engineGrpcPort,
    restPort: config.engineRestPort,
    ...engineGatewaySettings(config),
    ...(clock ? { clock } : {}),
    logger: {
      debug: (message) => engineLogger.debug(message),
      info: (message) => engineLogger.info(message),
      warn: (message) => engineLogger.warn(message),
      error: (message) => engineLogger.error(message),
    },
  });
  logger.info({ grpc: embedded.grpcAddress, rest: embedded.restAddress }, 'embedded engine started');
  return embedded;
}

/** The official Camunda clients, at the configured remote engine or at the embedded one. */
function engineClientsFor(
  config: Config,
  embedded: EngineWithGateways | undefined,
  logger: Logger,
): EngineClients {
  if (embedded)
    return createEngineClients(
      { grpcAddress: embedded.grpcAddress, restAddress: embedded.restAddress },
      sdkAuthVariables(engineGatewaySettings(config)),
    );
  const remote = { grpcAddress: config.zeebeGrpcAddress ?? '', restAddress: config.zeebeRestAddress ?? '' };
  logger.info({ grpc: remote.grpcAddress, rest: remote.restAddress }, 'using a remote engine');
  return createEngineClients(remote);
}

/**
 * The composition root: builds the whole service in dependency order — database, engine and its clients, the app's
 * services, the modules that use them, the HTTP app, seed data, workers, the context warmer, the HTTP server — and
 * stops it in the reverse order. `npm start` and the tests call it.
 */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<ServiceHandle> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const life = new Lifecycle((name, error) => logger.error({ err: error }, `stopping ${name} failed`));
  try {
    const database = life.add(await openDatabase(config, logger), 'database', (db) => db.close());
    const { connection } = database;
    // Work that must run in one replica at a time holds a lease under this name (issue 13).
    const replicaId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    const leaseOf = (name: string) => new Lease(connection, name, { holder: replicaId });
    const engineDatabaseUri = database.siblingUri(`${connection.name}-engine`);
    const embedded = config.zeebeGrpcAddress
      ? undefined
      : life.add(
          await startLocalEngine(config, engineDatabaseUri, logger, options.engineClock),
          'engine',
          (e) => e.close(),
        );
    const engineClients = life.add(engineClientsFor(config, embedded, logger), 'engine clients', (c) =>
      c.close(),
    );

    const services = createAppServices({ config, logger, clock, connection });
    const { directory } = services;
    const taskEngine = camundaTaskEngine(engineClients.rest);
    // Files chosen in forms (issue 16, point 4): stored in the database, checked when the form is submitted.
    const attachmentStore = new AttachmentStore(connection);
    const settings = new SettingsStore(connection, clock, async () =>
      (await directory.units.list({ includeInactive: true })).map((unit) => unit.code),
    );
    const inbox = createInboxModule({
      connection,
      clock,
      engine: taskEngine,
      groupsOf: (username) => directory.candidateGroupsOfUser(username),
      people: { fullNamesOf: (usernames) => directory.users.fullNamesOf(usernames) },
      attachments: new SubmissionCheck(attachmentStore, clock),
      // The issuing form starts with the symbol the settings give the process's document ("-BC/ĐUK").
      suggestions: async (processId): Promise<Record<string, string>> => {
        const symbol = suggestedSymbol((await settings.current()).values.documentSymbols, processId);
        return symbol ? { soKyHieu: symbol } : {};
      },
    });
    const processStart = createProcessStartModule({
      connection,
      clock,
      starter: zeebeProcessStarter(engineClients.zeebe),
      loadForm: formsDirectoryLoader(path.join(REPOSITORY_ROOT, 'forms')),
      unitOf: async (code) => {
        const unit = await directory.units.find(code);
        return unit?.active ? unitRefOf(unit) : undefined;
      },
      attachments: new StartSubmissionCheck(attachmentStore, clock),
      // Who may start what is a setting (issue 14): read at each request, so a saved rule applies at once.
      startRules: async () => (await settings.current()).values.startRules,
    });
    // The supervisors' cockpit (issue 15), over the engine's REST v2 API.
    const monitor = createMonitorModule({
      connection,
      clock,
      rest: engineClients.rest,
      people: { fullNamesOf: (usernames) => directory.users.fullNamesOf(usernames) },
      units: { reportingUnits: () => directory.reportingUnitsAt(clock.now()) },
    });
    // The compliance dashboard of a period (issue 15, point 4): engine searches over REST v2 and the app's records.
    const periods = createPeriodModule({
      connection,
      clock,
      rest: engineClients.rest,
      fullNamesOf: (usernames) => directory.users.fullNamesOf(usernames),
      unitNameOf: async (code) => (await directory.units.find(code))?.name,
      loadForm: formsDirectoryLoader(path.join(REPOSITORY_ROOT, 'forms')),
    });
    const studio = createStudioModule({
      connection,
      clock,
      rest: engineClients.rest,
      zeebe: engineClients.zeebe,
      resourceRoot: REPOSITORY_ROOT,
      sources: {
        jobTypes: () => WORKERS.map((worker) => ({ type: worker.type, name: jobTypeName(worker.type) })),
        candidateGroups: async () =>
          (await directory.units.list()).flatMap((unit) => [groupOf(unit), headGroupOf(unit)]).sort(),
      },
    });
    // The browser app's catch-all route matches every GET left over, so it goes last.
    const app = services.httpApp([
      ...(options.extraRoutes ?? []),
      ...inbox.routes,
      ...attachmentRoutes({
        store: attachmentStore,
        clock,
        inbox: inbox.inbox,
        engine: taskEngine,
        groupsOf: (username) => directory.candidateGroupsOfUser(username),
        dataAccess: monitor.dataAccess,
        starts: processStart.service,
        maxBytes: config.attachmentMaxBytes,
      }),
      ...processStart.routes,
      ...periods.routes,
      ...monitor.routes,
      ...studio.routes,
      ...settingsRoutes(settings),
      ...webRoutes(),
    ]);
    services.readiness.add({ name: 'engine', check: () => engineClients.checkReachable() });
    life.add(services.startHousekeeping(), 'housekeeping', (stop) => stop());

    await Promise.all(Object.values(connection.models).map((model) => model.init()));
    await attachmentStore.ensureIndexes();
    life.add(sweepAbandonedUploads(attachmentStore, clock, logger), 'attachment sweep', (stop) => stop());
    // Replicas starting together (issue 13): one seeds, the others then find the organisation there.
    if (config.seedDemo)
      await underLease(leaseOf('seed-at-start'), async () => {
        if (!(await isOrganisationEmpty(directory))) return;
        const seeded = await seedOrganisation(directory, { demoAccounts: true });
        logger.info(seeded, 'empty database: seeded the organisation and demo accounts');
      });
    // SERVICE_ROLE: the app and the workers scale apart; by default one process runs both.
    const runsApp = config.serviceRole !== 'workers';
    const runsWorkers = config.serviceRole !== 'app';
    // Every start deploys processes/ and forms/: an unchanged file keeps its version, a changed one gets the next.
    const automation = runsWorkers
      ? life.add(
          await startProcessAutomation({
            zeebe: engineClients.zeebe,
            rest: engineClients.rest,
            connection,
            directory,
            clock,
            smtpUrl: config.smtpUrl,
            taskNoticeIntervalMs: config.taskNoticeIntervalMs,
            deployAtStart: config.deployAtStart,
            settings,
            takenOver: async () => ({
              processes: await studio.store.takenOver('process'),
              forms: await studio.store.takenOver('form'),
            }),
            resourceRoot: REPOSITORY_ROOT,
            log: { info: (message) => logger.info(message), error: (message) => logger.error(message) },
            // Deploy-at-start and task notices run in one replica at a time.
            lease: leaseOf,
          }),
          'workers',
          (workers) => workers.close(),
        )
      : undefined;
    // Who is in which group, kept for the notices, is read again after a change in any replica.
    if (automation) services.onSharedChange(() => automation.notifier.forgetRoster());
    if (!automation) logger.info('SERVICE_ROLE=app: no workers, task notices or deployment here');
    else if (automation.deployment)
      logger.info(
        { processes: automation.deployment.processes.map((p) => `${p.bpmnProcessId}@${p.version}`) },
        'processes deployed, workers started',
      );
    else logger.info('workers started; processes not deployed (DEPLOY_AT_START=false)');
    if (runsApp) {
      // One replica reads the new tasks' contexts; the others find them in the database (inbox.store.ts).
      const warmerLease = life.add(leaseOf('context-warmer'), 'context warmer lease', (lease) =>
        lease.close(),
      );
      warmerLease.keep((error) => logger.warn({ err: error }, 'keeping the context warmer lease failed'));
      inbox.contextWarmer.start(
        CONTEXT_WARM_INTERVAL_MS,
        (error) => logger.warn({ error: String(error) }, 'reading the context of new tasks failed; retrying'),
        () => warmerLease.holds(),
      );
      life.add(inbox.contextWarmer, 'context warmer', (warmer) => warmer.stop());
    }

    const http = !runsApp
      ? undefined
      : life.add(
          await startHttpServer(app, {
            port: config.port,
            host: config.host,
            shutdownTimeoutMs: config.shutdownTimeoutMs,
          }),
          'http server',
          (server) => server.close(),
        );
    // Stopped first: /readyz says "not ready" before the server stops taking requests.
    life.add(services.readiness, 'readiness', (readiness) => readiness.markStopping());
    if (http) logger.info({ url: http.url, replicaId }, `service listening on ${http.url}`);
    else logger.info('SERVICE_ROLE=workers: running without the HTTP app');
    return {
      url: http?.url ?? '',
      port: http?.port ?? 0,
      connection,
      app,
      directory,
      engineClients,
      role: config.serviceRole,
      replicaId,
      close: async () => {
        await life.stopAll();
        logger.info('service stopped');
      },
    };
  } catch (error) {
    await life.stopAll();
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
