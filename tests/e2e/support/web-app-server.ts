import mongoose, { type Connection } from 'mongoose';
import { createAppModule, type AppModule } from '../../../src/app/app.composition.js';
import { startHttpServer, type HttpServerHandle } from '../../../src/app/http/http-server.js';
import { seedOrganisation } from '../../../src/app/seed/seed.service.js';
import { webRoutes } from '../../../src/app/web/web.routes.js';
import { systemClock } from '../../../src/lib/clock.js';
import { loadConfig } from '../../../src/lib/config.js';
import { createLogger } from '../../../src/lib/logger.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

export { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';

/** The demo accounts the browser tests sign in as (README lists them all). */
export const people = {
  staff: { username: 'btg.canbo', fullName: 'Nguyễn Thị Lan', unit: 'ban-tuyen-giao' },
  locked: { username: 'vanphong.canbo', fullName: 'Đỗ Thị Hương', unit: 'van-phong' },
} as const;

export interface WebAppServer {
  url: string;
  module: AppModule;
  close(): Promise<void>;
}

/** The real app (auth, organisation, the SPA routes last) on port 0 over a fresh database with the demo seed. */
export async function startWebAppServer(distDir: string): Promise<WebAppServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
  });
  const db: TestDatabase = createTestDatabase('e2e');
  const connection: Connection = await mongoose.createConnection(db.uri).asPromise();
  const module = createAppModule({
    config,
    logger: createLogger({ level: config.logLevel }),
    clock: systemClock,
    connection,
    extraRoutes: webRoutes({ distDir }),
  });
  await connection.syncIndexes();
  await seedOrganisation(module.directory, { demoAccounts: true });
  const server: HttpServerHandle = await startHttpServer(module.app, { port: 0, shutdownTimeoutMs: 2_000 });
  return {
    url: server.url,
    module,
    async close() {
      module.stop();
      await server.close();
      await connection.close();
      await db.drop();
    },
  };
}
