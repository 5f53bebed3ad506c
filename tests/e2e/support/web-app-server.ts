import mongoose, { type Connection } from 'mongoose';
import { createAppModule, type AppModule } from '../../../src/app/app.composition.js';
import { startHttpServer, type HttpServerHandle } from '../../../src/app/http/http-server.js';
import { webRoutes } from '../../../src/app/web/web.routes.js';
import { systemClock } from '../../../src/lib/clock.js';
import { loadConfig } from '../../../src/lib/config.js';
import { createLogger } from '../../../src/lib/logger.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

export const DEMO_PASSWORD = 'Dan-van-2026';

/** The people the browser tests sign in as (a small part of the demo organisation). */
export const people = {
  staff: { username: 'canbo.tuyengiao', fullName: 'Nguyễn Thị Lan', unit: 'ban-tuyen-giao' },
  locked: { username: 'canbo.vanphong', fullName: 'Trần Văn Minh', unit: 'van-phong' },
} as const;

export interface WebAppServer {
  url: string;
  module: AppModule;
  close(): Promise<void>;
}

/** The real app (auth, organisation, the SPA routes last) on port 0 over a fresh database. */
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
  await module.directory.units.create({ code: 'ban-tuyen-giao', name: 'Ban Tuyên giáo', kind: 'ban' });
  await module.directory.units.create({ code: 'van-phong', name: 'Văn phòng', kind: 'ban' });
  for (const person of Object.values(people))
    await module.directory.users.create({
      username: person.username,
      fullName: person.fullName,
      password: DEMO_PASSWORD,
      memberships: [{ unitCode: person.unit, roles: ['staff'] }],
      mustChangePassword: false,
    });
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
