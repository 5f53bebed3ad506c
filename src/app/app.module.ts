import type { Express } from 'express';
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock.js';
import { ChangeSignal } from '../lib/change-signal.js';
import type { Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { argon2Hasher, type PasswordHasher } from '../lib/password.js';
import { AuthService } from './auth/auth.service.js';
import { authRoutes } from './auth/auth.routes.js';
import { LoginLimits } from './auth/login-throttle.js';
import { SessionAuthenticator } from './auth/session.authenticator.js';
import { SessionService } from './auth/session.service.js';
import { createApp } from './http/app.factory.js';
import { healthRoutes } from './http/health.routes.js';
import { Readiness } from './http/readiness.js';
import type { RouteDefinition } from './http/route.types.js';
import {
  OrganisationDirectory,
  OrganisationImportService,
  organisationRoutes,
} from './organisation/index.js';
import { documentListRoutes, documentRoutes, RecordStore } from './records/index.js';
import { notificationRoutes } from './notifications/index.js';
import { AdminAuditStore, auditRoutes } from './audit/index.js';

export interface AppModuleDependencies {
  config: Config;
  logger: Logger;
  clock: Clock;
  connection: Connection;
  hasher?: PasswordHasher;
  /** Routes of modules built elsewhere (inbox, process start, web); they go through the same guard. */
  extraRoutes?: readonly RouteDefinition[];
}

/** The app's own services, built before the modules that need them (the inbox asks the directory for groups). */
export interface AppServices {
  directory: OrganisationDirectory;
  sessions: SessionService;
  readiness: Readiness;
  /** The routes of the app's own modules: health, auth, organisation, documents, notifications, audit. */
  routes: RouteDefinition[];
  /**
   * Starts the periodic housekeeping (session purge, throttle sweep, and the change signal that makes other replicas'
   * changes seen here); returns the function that stops it.
   */
  startHousekeeping(): () => void;
  /** Builds the express app over these services' routes and the given ones (a catch-all route goes last). */
  httpApp(extraRoutes: readonly RouteDefinition[]): Express;
  /** Called when users, units or sessions changed in any replica, for other copies kept in memory (the notices' roster). */
  onSharedChange(listener: () => void): void;
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

export function createAppServices(deps: Omit<AppModuleDependencies, 'extraRoutes'>): AppServices {
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
  const limits = new LoginLimits(connection, clock, {
    accountMaxFailures: config.loginMaxFailures,
    accountLockoutMinutes: config.loginLockoutMinutes,
    ipMaxAttempts: config.loginIpMaxAttempts,
    ipWindowMinutes: config.loginIpWindowMinutes,
  });
  directory.users.onUnlock((username) => limits.clearAccount(username));
  const changes = sharedCacheSignal(connection, logger, directory, sessions);
  const auth = new AuthService(directory, sessions, limits, hasher);

  const readiness = new Readiness();
  readiness.add({
    name: 'database',
    check: async () => {
      if (!connection.db) throw new Error('chưa kết nối cơ sở dữ liệu');
      await connection.db.admin().command({ ping: 1 });
    },
  });

  const auditTrail = new AdminAuditStore(connection, clock);
  auth.onSignIn(async ({ username, ip, outcome, requestId }) => {
    await auditTrail.record({
      actor: username,
      action: 'auth.sign-in',
      target: username,
      detail: { outcome },
      requestId,
      ip,
    });
  });
  const routes = [
    ...healthRoutes(readiness),
    ...authRoutes({ auth, sessions, directory, config }),
    ...organisationRoutes(directory, new OrganisationImportService(directory, connection, clock)),
    ...documentRoutes(new RecordStore(connection), (username) => directory.candidateGroupsOfUser(username)),
    // The documents list (issue 15, point 5): the same audience rule as the download.
    ...documentListRoutes(new RecordStore(connection), (username) =>
      directory.candidateGroupsOfUser(username),
    ),
    ...notificationRoutes(connection),
    ...auditRoutes(auditTrail),
  ];
  const authenticator = new SessionAuthenticator(sessions, directory);

  return {
    directory,
    sessions,
    readiness,
    routes,
    startHousekeeping() {
      const housekeeping = setInterval(() => {
        limits.sweep().catch((error: unknown) => logger.warn({ err: error }, 'sign-in limits sweep failed'));
        sessions
          .purgeExpired()
          .catch((error: unknown) => logger.warn({ err: error }, 'session purge failed'));
      }, HOUSEKEEPING_MS);
      housekeeping.unref();
      changes.start((error: unknown) => logger.warn({ err: error }, 'reading the change signal failed'));
      return () => {
        clearInterval(housekeeping);
        void changes.stop();
      };
    },
    onSharedChange: (listener) => changes.onChange(listener),
    httpApp: (extraRoutes) =>
      createApp({ config, logger, authenticator, auditTrail, routes: [...routes, ...extraRoutes] }),
  };
}

/**
 * What every replica keeps in memory of users, units and sessions, forgotten when another replica changes any of them
 * (issue 13: a role removed through one replica is refused by the others within seconds).
 */
function sharedCacheSignal(
  connection: Connection,
  logger: Logger,
  directory: OrganisationDirectory,
  sessions: SessionService,
): ChangeSignal {
  const changes = new ChangeSignal(connection, 'directory-and-sessions');
  // The write itself has succeeded; a failed announcement only delays other replicas to their caches' expiry.
  const announce = () =>
    changes
      .announce()
      .catch((error: unknown) => logger.warn({ err: error }, 'announcing a change to other replicas failed'));
  directory.users.onChange(announce);
  directory.units.onChange(announce);
  sessions.onChange(announce);
  changes.onChange(() => {
    directory.users.forgetAll();
    directory.units.forgetAll();
    sessions.forgetAll();
  });
  return changes;
}

/** The app's services and its express app in one step, for callers whose extra routes need none of the services. */
export function createAppModule(deps: AppModuleDependencies): AppModule {
  const services = createAppServices(deps);
  const app = services.httpApp(deps.extraRoutes ?? []);
  const stop = services.startHousekeeping();
  return {
    app,
    directory: services.directory,
    sessions: services.sessions,
    readiness: services.readiness,
    stop,
  };
}
