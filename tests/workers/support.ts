import mongoose, { type Connection } from 'mongoose';
import { Notifier } from '../../src/app/notifications/index.js';
import { OrganisationDirectory } from '../../src/app/organisation/index.js';
import { RecordStore } from '../../src/app/records/index.js';
import { TestClock } from '../../src/lib/clock.js';
import type { JobContext, WorkerDeps } from '../../src/workers/runtime/worker-definition.js';
import { startSmtpSink, type SmtpSink } from '../scenarios/support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../support/harness/index.js';

export interface WorkerBench {
  deps: WorkerDeps;
  clock: TestClock;
  connection: Connection;
  smtp: SmtpSink;
  close(): Promise<void>;
}

const plainHasher = {
  hash: async (p: string) => `plain:${p}`,
  verify: async (h: string, p: string) => h === `plain:${p}`,
};

/** Real app modules on a fresh database and a real SMTP server, for calling worker handlers directly. */
export async function startBench(start = '2026-05-01T02:00:00Z'): Promise<WorkerBench> {
  const database: TestDatabase = createTestDatabase('workers');
  const clock = new TestClock(start);
  const connection = await mongoose.createConnection(database.uri).asPromise();
  const directory = new OrganisationDirectory(connection, clock, plainHasher);
  const smtp = await startSmtpSink();
  const notifier = new Notifier({ connection, directory, clock, smtpUrl: smtp.url });
  return {
    deps: { records: new RecordStore(connection), directory, notifier, clock },
    clock,
    connection,
    smtp,
    async close() {
      notifier.close();
      await smtp.close();
      await connection.close();
      await database.drop();
    },
  };
}

export function job<V>(
  variables: V,
  headers: Record<string, string> = {},
  keys: Partial<JobContext<V>> = {},
): JobContext<unknown> {
  return {
    variables,
    headers,
    jobKey: '1001',
    processInstanceKey: '2001',
    elementInstanceKey: '3001',
    bpmnProcessId: 'test',
    elementId: 'Task_Test',
    ...keys,
  };
}
