import type { Express } from 'express';
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock.js';
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { argon2Hasher, type PasswordHasher } from '../lib/password.js';
import { AuthService } from './auth/auth.service.js';
import { authRoutes } from './auth/auth.routes.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { SessionAuthenticator } from './auth/session.authenticator.js';
import { SessionService } from './auth/session.service.js';
import { createApp } from './http/app.factory.js';
import { healthRoutes } from './http/health.routes.js';
import { Readiness } from './http/readiness.js';
import type { RouteDefinition } from './http/route.types.js';
import { OrganisationDirectory, organisationRoutes } from './organisation/index.js';
import { documentRoutes, RecordStore } from './records/index.js';
import { notificationRoutes } from './notifications/index.js';
import { AdminAuditStore, auditRoutes } from './audit/index.js';

export interface AppModuleDependencies {
  config: Config;
  logger: Logger;
  clock: Clock;
  connection: Connection;
  hasher?: PasswordHasher;
  /** Routes of modules built elsewhere (inbox, admin, monitoring); they go through the same guard. */
  extraRoutes?: readonly RouteDefinition[];
}

export interface AppModule {
  app: Express;
  directory: OrganisationDirectory;
  sessions: SessionService;
  readiness: Readiness;
  /** Stops the periodic jobs (session purge). */
  stop(): void;
}

/** All purges and sweeps run this often; expiry itself is checked on every request, so this only frees space. */
const HOUSEKEEPING_MS = 5 * 60_000;

export function createAppModule(deps: AppModuleDependencies): AppModule {
  const { config, logger, clock, connection } = deps;
  const hasher = deps.hasher ?? argon2Hasher;
  const directory = new OrganisationDirectory(connection, clock, hasher);
  const sessions = new SessionService(connection, clock, {
    idleMinutes: config.sessionTtlMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  directory.users.onAccessRevoked(async (username) => {
    await sessions.destroyAllOf(username);
  });
  const throttle = new LoginThrottle(clock, config.loginIpMaxAttempts, config.loginIpWindowMinutes);
  const auth = new AuthService(directory, sessions, throttle, hasher, config, () => clock.now());

  const readiness = new Readiness();
  readiness.add({
    name: 'database',
    check: async () => {
      if (!connection.db) throw new Error('chưa kết nối cơ sở dữ liệu');
      await connection.db.admin().command({ ping: 1 });
    },
  });

  const auditTrail = new AdminAuditStore(connection, clock);
  const routes = [
    ...healthRoutes(readiness),
    ...authRoutes({ auth, sessions, directory, config }),
    ...organisationRoutes(directory),
    ...documentRoutes(new RecordStore(connection), (username) => directory.candidateGroupsOfUser(username)),
    ...notificationRoutes(connection),
    ...auditRoutes(auditTrail),
    ...(deps.extraRoutes ?? []),
  ];
  const app = createApp({
    config,
    logger,
    authenticator: new SessionAuthenticator(sessions, directory),
    auditTrail,
    routes,
  });

  const housekeeping = setInterval(() => {
    throttle.sweep();
    sessions.purgeExpired().catch((error: unknown) => logger.warn({ err: error }, 'session purge failed'));
  }, HOUSEKEEPING_MS);
  housekeeping.unref();

  return { app, directory, sessions, readiness, stop: () => clearInterval(housekeeping) };
}
