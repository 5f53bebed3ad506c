import path from 'node:path';
import type { Camunda8 } from '@camunda8/sdk';
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock.js';
import { underLease, type Lease } from '../lib/lease.js';
import { deployProcessesAndForms, type DeploymentSummary, type TakenOver } from '../app/deployment/index.js';
import { Notifier, TaskNotifier, type UserTaskSearchClient } from '../app/notifications/index.js';
import type { OrganisationDirectory } from '../app/organisation/index.js';
import { RecordStore } from '../app/records/index.js';
import { WORKERS } from './registry.js';
import { startWorkers, type WorkerLog } from './runtime/worker-runtime.js';
import type { WorkerDeps } from './runtime/worker-definition.js';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface ProcessAutomationOptions {
  zeebe: ZeebeClient;
  connection: Connection;
  directory: OrganisationDirectory;
  clock: Clock;
  /** SMTP_URL; without it notices are only written in-app. */
  smtpUrl: string | undefined;
  /** The directory holding processes/ and forms/ (the repository root). */
  resourceRoot: string;
  log?: WorkerLog;
  pollIntervalMs?: number;
  /** The REST v2 client: with it, candidate groups are told of new tasks and near due dates. */
  rest?: UserTaskSearchClient;
  /** How often open tasks are checked for notices (ms); 30 s by default. */
  taskNoticeIntervalMs?: number;
  /** Deploy processes/ and forms/ first (DEPLOY_AT_START); true by default. */
  deployAtStart?: boolean;
  /** The resources administrators have deployed through the studio: their seed files are not deployed again. */
  takenOver?: () => Promise<TakenOver>;
  /** The process settings the workers read at run time (deadlines, reminders). */
  settings?: WorkerDeps['settings'];
  /**
   * Beside other replicas on one database: a lease by name, so deploying at start and the task notices run in one
   * process at a time. Without it both run here unguarded (one process, or a test).
   */
  lease?: (name: 'deploy-at-start' | 'task-notices') => Lease;
}

export interface ProcessAutomation {
  /** What was deployed at start; undefined when deploying at start is off. */
  deployment: DeploymentSummary | undefined;
  records: RecordStore;
  notifier: Notifier;
  close(): Promise<void>;
}

/** What `npm start` adds for the processes: deploy processes and forms, then run every job worker. */
export async function startProcessAutomation(options: ProcessAutomationOptions): Promise<ProcessAutomation> {
  const deploy = async () =>
    deployProcessesAndForms(
      options.zeebe,
      {
        processes: path.join(options.resourceRoot, 'processes'),
        forms: path.join(options.resourceRoot, 'forms'),
      },
      await options.takenOver?.(),
    );
  // Replicas deploy one after another: the first deploys, the next find the engine keeping every unchanged version.
  const deployment =
    options.deployAtStart === false
      ? undefined
      : options.lease
        ? await underLease(options.lease('deploy-at-start'), deploy)
        : await deploy();
  const records = new RecordStore(options.connection);
  const notifier = new Notifier({
    connection: options.connection,
    directory: options.directory,
    clock: options.clock,
    smtpUrl: options.smtpUrl,
  });
  await Promise.all([records.ensureIndexes(), notifier.ensureIndexes()]);
  const workers = startWorkers(
    options.zeebe,
    WORKERS,
    {
      records,
      directory: options.directory,
      notifier,
      clock: options.clock,
      ...(options.settings ? { settings: options.settings } : {}),
    },
    {
      ...(options.log ? { log: options.log } : {}),
      ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    },
  );
  const tasks = options.rest ? new TaskNotifier(options.rest, notifier, options.clock) : undefined;
  const logError = (error: unknown) =>
    options.log?.error(`task notices: ${error instanceof Error ? error.message : String(error)}`);
  // Every replica polls; the one holding the lease sends, so no notice goes out twice.
  const noticesLease = tasks ? options.lease?.('task-notices') : undefined;
  noticesLease?.keep(logError);
  tasks?.start(
    options.taskNoticeIntervalMs ?? 30_000,
    logError,
    noticesLease ? () => noticesLease.holds() : undefined,
  );
  return {
    deployment,
    records,
    notifier,
    async close() {
      await tasks?.stop();
      await noticesLease?.close();
      await workers.close();
      notifier.close();
    },
  };
}
