import { MongoClient } from 'mongodb';
import { PUBLIC } from '../../../src/app/http/permissions.js';
import { defineRoute, type RouteDefinition } from '../../../src/app/http/route.types.js';
import { RecordStore } from '../../../src/app/records/index.js';
import { sendFile } from '../../../src/app/web/send-file.js';
import { webRoutes } from '../../../src/app/web/web.routes.js';
import { loadConfig } from '../../../src/lib/config.js';
import { startService, type ServiceHandle } from '../../../src/main.js';
import { createTestDatabase } from '../../support/harness/index.js';

/** The browser app's pages (web/src/app/routes.tsx, plus "/" and "/sign-in", which lead to the inbox). */
const SPA_PAGES = [
  '/',
  '/sign-in',
  '/inbox',
  '/tasks/:taskId',
  '/processes/start',
  '/account/password',
  '/notifications',
];

/**
 * The SPA built by the test (buildWeb), served ahead of the service's own web routes, which read web/dist: its
 * hashed assets, and index.html for each page of the app. API paths are not matched here and reach the service.
 */
function builtWebRoutes(distDir: string): RouteDefinition[] {
  const [assets] = webRoutes({ distDir });
  const pages = SPA_PAGES.map((path) =>
    defineRoute({
      method: 'get',
      path,
      permission: PUBLIC,
      summary: `test: the browser app built for this run (${path})`,
      handler: ({ res }) => sendFile(res, 'index.html', { root: distDir, cacheControl: 'no-cache' }),
    }),
  );
  return [...(assets ? [assets] : []), ...pages];
}

export interface ServiceStack {
  url: string;
  service: ServiceHandle;
  /** The records the workers write (accepted reports, documents…), read from the service's database. */
  records: RecordStore;
  close(): Promise<void>;
}

/**
 * The whole service as `npm start` runs it (startService): the embedded engine, every process in processes/ and
 * form in forms/ deployed, the real workers, the inbox and process start, the demo organisation and accounts; on
 * a fresh test database (the engine's in its sibling), every port picked free.
 */
export async function startServiceStack(distDir: string): Promise<ServiceStack> {
  const db = createTestDatabase('e2e_svc');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ENGINE_GRPC_PORT: '0',
    ENGINE_REST_PORT: '0',
    MONGODB_URI: db.uri,
    SEED_DEMO: 'true',
  });
  const service = await startService(config, {
    extraRoutes: builtWebRoutes(distDir),
    clock: suiteClock,
    engineClock: suiteEngineClock,
  });
  const engineDatabase = `${db.name}-engine`;
  return {
    url: service.url,
    service,
    records: new RecordStore(service.connection),
    async close() {
      await service.close();
      await db.drop();
      const client = await MongoClient.connect(db.uri);
      try {
        await client.db(engineDatabase).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
