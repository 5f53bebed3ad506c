import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMongoServer, type MongoServerHandle } from '../../src/lib/db/mongo-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the test database server, without a database name. */
    mongoBaseUri: string;
  }
}

let server: MongoServerHandle | undefined;
let dataDir: string | undefined;

/** One database server for the whole run (MONGODB_URI if set, else one started here); each test file makes its own database. */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoBaseUri', external.replace(/\/[^/?]*(\?.*)?$/, '/$1'));
    return;
  }
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dan-van-test-db-'));
  server = await startMongoServer({ dataDir, log: (message) => console.log(`[test-db] ${message}`) });
  project.provide('mongoBaseUri', server.uri);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
