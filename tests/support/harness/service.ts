import type { RouteDefinition } from '../../../src/app/http/route.types.js';
import { RecordStore } from '../../../src/app/records/index.js';
import { ControllableClock } from '../../../src/engine/index.js';
import type { Clock } from '../../../src/lib/clock.js';
import { loadConfig } from '../../../src/lib/config.js';
import { startService, type ServiceHandle } from '../../../src/main.js';
import { suiteClock, suiteEngineClock } from '../suite-clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServiceOptions {
  /** Routes composed ahead of the service's own (they pass through the same guard). */
  extraRoutes?: readonly RouteDefinition[];
  /**
   * One clock for the app and the engine (timers, due dates, notices); it stands still until the test moves it.
   * The suite's clock (tests/support/suite-clock.ts: today, or TEST_TODAY) when left out.
   */
  clock?: string | ControllableClock;
  /** Environment entries on top of the test's (NODE_ENV=test, silent logs, free ports, demo seed). */
  env?: Record<string, string>;
}

/** The whole service as `npm start` runs it, on a fresh database (the engine's in its sibling `<name>-engine`). */
export interface TestService {
  url: string;
  service: ServiceHandle;
  database: TestDatabase;
  clock: ControllableClock | undefined;
  /** The records the workers write (accepted reports, documents…), read from the service's database. */
  records: RecordStore;
  /** Stops the service, then drops both databases. */
  close(): Promise<void>;
}

/** The app's view of the engine's controllable clock. */
export function appClockOf(clock: ControllableClock): Clock {
  return { now: () => new Date(clock.now()) };
}

/**
 * `startService` (src/main.ts): the embedded engine, every process in processes/ and form in forms/ deployed, the
 * real workers, the inbox and process start, the demo organisation and accounts; every port picked free.
 */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const database = createTestDatabase('svc');
  database.sibling('-engine');
  const clock = typeof options.clock === 'string' ? new ControllableClock(options.clock) : options.clock;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ENGINE_GRPC_PORT: '0',
    ENGINE_REST_PORT: '0',
    MONGODB_URI: database.uri,
    SEED_DEMO: 'true',
    ...options.env,
  });
  const service = await startService(config, {
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(clock
      ? { clock: appClockOf(clock), engineClock: clock }
      : { clock: suiteClock, engineClock: suiteEngineClock }),
  });
  return {
    url: service.url,
    service,
    database,
    clock,
    records: new RecordStore(service.connection),
    async close() {
      await service.close();
      await database.drop();
    },
  };
}
