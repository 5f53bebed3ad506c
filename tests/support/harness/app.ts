import mongoose, { type Connection } from 'mongoose';
import { createAppModule, type AppModule } from '../../../src/app/app.module.js';
import { startHttpServer, type HttpServerHandle } from '../../../src/app/http/http-server.js';
import type { RouteDefinition } from '../../../src/app/http/route.types.js';
import { TestClock } from '../../../src/lib/clock.js';
import { loadConfig, type Config } from '../../../src/lib/config.js';
import { createLogger } from '../../../src/lib/logger.js';
import { createArgon2Hasher } from '../../../src/lib/password.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { HttpClient, PASSWORD } from './http-client.js';

/** The app module (auth, organisation, HTTP) on a real port over a fresh database; no engine. */
export interface TestApp {
  config: Config;
  clock: TestClock;
  db: TestDatabase;
  connection: Connection;
  module: AppModule;
  server: HttpServerHandle;
  url: string;
  client(): HttpClient;
  /** Creates a user (and the units it needs) directly through the services. */
  user(
    username: string,
    memberships: { unitCode: string; roles: ('staff' | 'head' | 'admin' | 'supervisor')[] }[],
  ): Promise<void>;
  close(): Promise<void>;
}

/** Real argon2id at a lower cost than production, so the suite stays fast on two shared cores. */
export const TEST_HASHER = createArgon2Hasher({ memoryCost: 4_096, timeCost: 2, parallelism: 1 });

/** The app on a real port against a fresh real database, with a clock the test moves. */
export async function startTestApp(
  env: Record<string, string> = {},
  extraRoutes: RouteDefinition[] = [],
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ...env,
  });
  const clock = new TestClock();
  const db = createTestDatabase('app');
  const connection = await mongoose.createConnection(db.uri).asPromise();
  const logger = createLogger({ level: config.logLevel });
  const module = createAppModule({
    hasher: TEST_HASHER,
    config,
    logger,
    clock,
    connection,
    extraRoutes,
  });
  await Promise.all([module.directory.units.list(), connection.syncIndexes()]);
  const server = await startHttpServer(module.app, { port: 0, shutdownTimeoutMs: 2_000 });
  const units = module.directory.units;
  return {
    config,
    clock,
    db,
    connection,
    module,
    server,
    url: server.url,
    client: () => new HttpClient(server.url),
    async user(username, memberships) {
      for (const { unitCode } of memberships) {
        if (!(await units.find(unitCode)))
          await units.create({ code: unitCode, name: `Đơn vị ${unitCode}`, kind: 'ban' });
      }
      await module.directory.users.create({
        username,
        fullName: `Người dùng ${username}`,
        password: PASSWORD,
        memberships,
        mustChangePassword: false,
      });
    },
    /** Closes in reverse order of start: the app, the server, the connection; then drops the database. */
    async close() {
      module.stop();
      await server.close();
      await connection.close();
      await db.drop();
    },
  };
}
