import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from '../../lib/config.js';
import type { Logger } from '../../lib/logger.js';
import { BodyValidator } from './body-validator.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { jsonDepthGuard } from './json-depth.js';
import { infrastructure, mountRoutes, type AuditTrail, type Authenticator } from './route-mounter.js';
import type { RouteDefinition } from './route.types.js';

export interface AppDependencies {
  config: Pick<Config, 'bodyLimit' | 'trustProxy' | 'publicOrigin'>;
  logger: Logger;
  authenticator: Authenticator;
  /** Where routes that declare `audit` record their successful changes. */
  auditTrail?: AuditTrail;
  routes: readonly RouteDefinition[];
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The express app: security headers, request ids in logs, bounded JSON bodies, the guarded routes, problem+json errors. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(infrastructure(helmet()));
  app.use(
    infrastructure(
      pinoHttp({
        logger: deps.logger,
        genReqId: (req, res) => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          res.setHeader('x-request-id', id);
          return id;
        },
        customLogLevel: (_req, res, error) =>
          error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      }),
    ),
  );
  app.use(infrastructure(express.json({ limit: deps.config.bodyLimit, strict: true })));
  app.use(infrastructure(jsonDepthGuard));
  mountRoutes(app, deps.routes, {
    authenticator: deps.authenticator,
    auditTrail: deps.auditTrail,
    validator: new BodyValidator(),
    publicOrigin: deps.config.publicOrigin,
  });
  app.use(infrastructure(notFoundHandler));
  app.use(infrastructure(errorHandler(deps.logger)));
  return app;
}
