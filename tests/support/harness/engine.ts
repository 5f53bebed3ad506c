import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import {
  ControllableClock,
  startEmbeddedEngine,
  type EmbeddedEngineOptions,
  type EngineProfile,
} from '../../../src/engine/index.js';
import { connectClients, type ClientOptions, type TestClients, type ZeebeClient } from './clients.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { useBeforeAll } from './lifecycle.js';

/** The embedded engine with its gRPC and REST gateways, as `startEmbeddedEngine` returns it. */
export type RunningEngine = Awaited<ReturnType<typeof startEmbeddedEngine>>;

export interface TestEngineOptions {
  /** Prefix of the fresh database's name. */
  database?: string;
  /** Where the engine's clock starts (it only moves when the test moves it); the system clock when left out. */
  clock?: string | ControllableClock;
  /** How the official clients are set up; CONFORMANCE_CLIENTS when left out. */
  clients?: ClientOptions;
  /** How REST reads behave; ENGINE_PROFILE (as `npm test` is run) when left out. */
  profile?: EngineProfile;
  /** Engine settings (auth, limits, timer floor; mongoUri to reach the database another way, e.g. a proxy). */
  engine?: Partial<Omit<EmbeddedEngineOptions, 'grpcPort' | 'restPort' | 'clock'>>;
}

/**
 * The engine's own reads, which answer at once (ENGINE_PROFILE=zeebe): pinned by tests of the embedded engine itself,
 * so that `ENGINE_PROFILE=camunda-8.8 npm test` proves the app's tolerance of Camunda's lag and leaves them alone.
 */
export const IMMEDIATE_READS: EngineProfile = { name: 'zeebe', searchLagMs: 0 };

/** Responses checked strictly against Camunda's schemas, job workers that poll often: what engine tests want. */
export const CONFORMANCE_CLIENTS: ClientOptions = {
  validation: 'req:none,res:strict',
  workerPollIntervalMs: 50,
  workerMaxBackoffMs: 500,
};

/** One embedded engine on a fresh database, on free ports, reached through the official clients over real sockets. */
export interface TestEngine {
  /** The engine's clock, when the options asked for one. */
  clock: ControllableClock | undefined;
  database: TestDatabase;
  grpcAddress: string;
  restAddress: string;
  clients: TestClients;
  zeebe: ZeebeClient;
  rest: CamundaClientLoose;
  /** Stops the engine and starts a new one on the same database, ports and clock; the clients stay connected. */
  restart(): Promise<void>;
  /** Closes, in reverse order of start: the clients, the engine, the database (dropped). */
  close(): Promise<void>;
}

const portOf = (address: string) => Number(address.split(':').pop());

/** A test engine whose clock the test moves. */
export type ClockedTestEngine = TestEngine & { clock: ControllableClock };

export function startTestEngine(
  options: TestEngineOptions & { clock: string | ControllableClock },
): Promise<ClockedTestEngine>;
export function startTestEngine(options?: TestEngineOptions): Promise<TestEngine>;
export async function startTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const database = createTestDatabase(options.database ?? 'engine');
  const clock = typeof options.clock === 'string' ? new ControllableClock(options.clock) : options.clock;
  const start = (ports: { grpc: number; rest: number }) =>
    startEmbeddedEngine({
      ...options.engine,
      mongoUri: options.engine?.mongoUri ?? database.uri,
      grpcPort: ports.grpc,
      restPort: ports.rest,
      ...(clock ? { clock } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    });
  let engine: RunningEngine = await start({ grpc: 0, rest: 0 });
  const ports = { grpc: portOf(engine.grpcAddress), rest: portOf(engine.restAddress) };
  const clients = connectClients(engine, options.clients ?? CONFORMANCE_CLIENTS);
  let closing: Promise<void> | undefined;
  return {
    clock,
    database,
    grpcAddress: engine.grpcAddress,
    restAddress: engine.restAddress,
    clients,
    zeebe: clients.zeebe,
    rest: clients.rest,
    async restart() {
      await engine.close();
      engine = await start(ports);
    },
    close: () =>
      (closing ??= (async () => {
        await clients.close();
        await engine.close();
        await database.drop();
      })()),
  };
}

/**
 * A test engine with a clock for the file's tests: started before them (then `setUp`, to deploy), closed after.
 */
export function useTestEngine(
  options: TestEngineOptions & { clock: string | ControllableClock },
  setUp?: (engine: ClockedTestEngine) => Promise<void>,
): ClockedTestEngine {
  return useBeforeAll(async () => {
    const engine = await startTestEngine(options);
    try {
      await setUp?.(engine);
    } catch (error) {
      await engine.close();
      throw error;
    }
    return engine;
  });
}
