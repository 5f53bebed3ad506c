import { ControllableClock } from '../../../src/engine/clock/controllable-clock.js';
import { createEngine } from '../../../src/engine/engine.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { useBeforeAll } from './lifecycle.js';

/** The engine core in this process, without its gateways: what the runtime tests drive directly. */
export type EngineCore = Awaited<ReturnType<typeof createEngine>>;

/** The engine core on a fresh database with a clock the test moves; errors it logs go to the console. */
export interface TestEngineCore {
  engine: EngineCore;
  clock: ControllableClock;
  database: TestDatabase;
  /** Starts another engine on the same database (after closing the first): a restart. */
  restart(): Promise<EngineCore>;
  /** Closes the engine, then drops the database. */
  close(): Promise<void>;
}

export async function startEngineCore(start = '2026-03-01T00:00:00Z'): Promise<TestEngineCore> {
  const database = createTestDatabase('rt');
  const clock = new ControllableClock(start);
  const logger = (level: string, message: string, data?: unknown) => {
    if (level === 'error') console.error(message, data);
  };
  const core: TestEngineCore = {
    engine: await createEngine({ mongoUri: database.uri, clock, logger }),
    clock,
    database,
    async restart() {
      await core.engine.close();
      core.engine = await createEngine({ mongoUri: database.uri, clock, logger });
      return core.engine;
    },
    async close() {
      await core.engine.close();
      await database.drop();
    },
  };
  return core;
}

/** The state of one process instance as the engine's search reports it. */
export async function instanceState(
  engine: EngineCore,
  processInstanceKey: string,
): Promise<string | undefined> {
  const result = await engine.searchProcessInstances({ filter: { processInstanceKey } });
  return result.items[0]?.state;
}

/** The engine core for the tests of a file or describe block: started before them (then `setUp`), closed after. */
export function useEngineCore(setUp?: (core: TestEngineCore) => Promise<void>): TestEngineCore {
  return useBeforeAll(async () => {
    const core = await startEngineCore();
    try {
      await setUp?.(core);
    } catch (error) {
      await core.close();
      throw error;
    }
    return core;
  });
}
