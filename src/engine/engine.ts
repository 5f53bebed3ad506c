/**
 * The embedded engine's entry point: `createEngine({ mongoUri | db, clock?, logger? })` recovers state from MongoDB
 * and returns an EngineApi. See processing/engine-core.ts for how commands run and state/persistence for how they
 * are made durable.
 */
import { MongoClient, type Db } from 'mongodb';
import type {
  ActivateJobsCommand,
  ActivatedJob,
  Clock,
  EngineApi,
  InstanceResult,
  JobStreamHandle,
} from './engine-api.js';
import { EngineError } from './engine-api.js';
import { SystemClock } from './clock/system-clock.js';
import { PinnableClock } from './clock/pinnable-clock.js';
import { EngineCore, type EngineCoreLogger } from './processing/engine-core.js';
import type { BpmnParser } from './processing/commands/deployment.commands.js';
import type { LifecycleRecord } from './processing/record-stream.js';
import { EngineFacade } from './processing/engine-facade.js';
import { parseBpmn, type ParseOptions } from './model/parse-bpmn.js';
import { restoreRuntime } from './processing/restore-runtime.js';
import { scheduleRetention } from './state/history/history-purge.js';

export interface EngineOptions {
  /** Connection string including the database name; or pass `db`. */
  mongoUri?: string;
  db?: Db;
  clock?: Clock;
  logger?: EngineCoreLogger;
  /** Defaults to the model's parseBpmn. */
  parseBpmn?: BpmnParser;
  /** Shortest timer duration or cycle accepted at deploy and at run time; 1 s by default. */
  timerFloorMs?: number;
  /**
   * REST `PUT /v2/clock` and `POST /v2/clock/reset` may pin and reset the engine's clock (Camunda's
   * ZEEBE_CLOCK_CONTROLLED); refused otherwise. From ENGINE_CLOCK_CONTROLLED=true when not given.
   */
  clockControlled?: boolean;
  /** Finished instances are purged from the history this many days after they ended; unset keeps everything. */
  historyRetentionDays?: number;
}

/** The in-process engine (no gateways) plus what tests and the monitor may read beyond the protocol contract. */
export interface EngineWithRecords extends EngineApi {
  /** Lifecycle records (bounded, in memory), optionally of one process instance. */
  records(processInstanceKey?: string): LifecycleRecord[];
}

/** The model's parser, with its rejections turned into values. */
const defaultParser =
  (options: ParseOptions): BpmnParser =>
  async (xml, resourceName) => {
    try {
      return { ok: true, processes: await parseBpmn(xml, resourceName, options) };
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      const elementId = error.detail?.['elementId'];
      return { ok: false, message: error.message, ...(typeof elementId === 'string' ? { elementId } : {}) };
    }
  };

export async function createEngine(options: EngineOptions): Promise<EngineWithRecords> {
  const logger: EngineCoreLogger = options.logger ?? (() => undefined);
  let client: MongoClient | null = null;
  let db = options.db;
  if (!db) {
    if (!options.mongoUri) throw new EngineError('INVALID_ARGUMENT', 'createEngine needs mongoUri or db');
    // Fail fast when the database is away: the driver otherwise waits 30 s to select a server, and every command
    // with it. With 1 s a lost database is noticed (and commands refused) within the 2 s the engine promises.
    client = await MongoClient.connect(options.mongoUri, {
      serverSelectionTimeoutMS: 1_000,
      heartbeatFrequencyMS: 1_000,
    });
    db = client.db();
  }
  const parse = options.parseBpmn ?? defaultParser({ timerFloorMs: options.timerFloorMs });
  const reparse =
    options.parseBpmn ?? defaultParser({ timerFloorMs: options.timerFloorMs, checkStaticTimers: false });
  const baseClock = options.clock ?? new SystemClock();
  const controlled = options.clockControlled ?? process.env['ENGINE_CLOCK_CONTROLLED'] === 'true';
  const pinnable = controlled ? new PinnableClock(baseClock) : null;
  const core = new EngineCore(db, pinnable ?? baseClock, parse, logger);
  await restoreRuntime(db, core, reparse, logger);
  await core.operationReferences.load(db);
  core.log.startProbe();
  const retentionDays = options.historyRetentionDays ?? retentionFromEnvironment();
  const clock = core.clock;
  const stopRetention =
    retentionDays === undefined
      ? () => undefined
      : scheduleRetention(
          db,
          retentionDays,
          () => clock.now(),
          (message, data) => logger('info', message, data),
        );
  const facade = new EngineFacade(
    core,
    async () => {
      stopRetention();
      await client?.close();
    },
    pinnable,
  );
  core.scheduler.start();
  return facade;
}

/** ENGINE_HISTORY_RETENTION_DAYS: a positive number of days, or unset (keep everything). */
function retentionFromEnvironment(): number | undefined {
  const value = process.env['ENGINE_HISTORY_RETENTION_DAYS'];
  if (value === undefined || value === '') return undefined;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0)
    throw new EngineError(
      'INVALID_ARGUMENT',
      `ENGINE_HISTORY_RETENTION_DAYS must be a positive number, got '${value}'`,
    );
  return days;
}

export type { ActivateJobsCommand, ActivatedJob, InstanceResult, JobStreamHandle };
