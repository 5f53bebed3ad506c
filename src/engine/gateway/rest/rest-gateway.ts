import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { EngineApi } from '../../engine-api.js';
import { silentLogger, type GatewayLogger } from '../gateway-logger.js';
import { bodyValidator } from './body-validator.js';
import { HttpProblem, problemFor } from './problem-detail.js';
import type { RestRoute } from './rest-route.js';
import { restRoutes } from './rest-routes.js';
import { refusalOf } from './refused-endpoints.js';
import { requestGuard } from './request-guard.js';
import type { GatewayAuth } from '../gateway-auth.js';
import {
  checkRequestVariables,
  defaultVariableLimits,
  valueDepth,
  type VariableLimits,
} from '../variable-limits.js';

/** Same ceiling as the gRPC gateway; larger bodies get 413. */
const bodyLimit = '4mb';

export interface RestGatewayOptions {
  engine: EngineApi;
  /**
   * 127.0.0.1 by default. The engine has no authentication of its own: the app in front of it authorises its
   * users, so this port must not be reachable from outside the machine.
   */
  host?: string;
  port?: number;
  logger?: GatewayLogger;
  /** Checked on every request's variable documents before its handler runs. */
  variableLimits?: VariableLimits;
  /** Credentials every request must carry; none by default. */
  auth?: GatewayAuth;
  /** Host names accepted in the Host header besides the loopback names and `host`. */
  allowedHosts?: readonly string[];
}

export interface RestGateway {
  /** http://host:port — what CAMUNDA_REST_ADDRESS / ZEEBE_REST_ADDRESS want. */
  address: string;
  port: number;
  close(): Promise<void>;
}

function sendProblem(res: Response, req: Request, error: unknown, logger: GatewayLogger): void {
  const problem = problemFor(error, req.originalUrl);
  if (problem.status >= 500 && problem.status !== 501) {
    logger.error(
      `REST ${req.method} ${req.originalUrl} failed: ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/**
 * Variables first, with the limit named; then the whole body, whose other members (search filters) are far
 * shallower, so that no deep body reaches a recursive validator.
 */
function checkBody(body: unknown, limits: VariableLimits): void {
  checkRequestVariables(body, limits);
  const slack = 8;
  if (valueDepth(body, limits.maxDepth + slack) > limits.maxDepth + slack)
    throw new HttpProblem(
      400,
      'INVALID_ARGUMENT',
      `Request body is nested deeper than ${limits.maxDepth + slack} levels (ENGINE_MAX_VARIABLE_DEPTH + ${slack})`,
    );
}

function mount(
  app: express.Express,
  entry: RestRoute,
  engine: EngineApi,
  logger: GatewayLogger,
  limits: VariableLimits,
): void {
  const validate = entry.body ? bodyValidator(entry.body) : undefined;
  const parse = entry.raw
    ? express.raw({ type: () => true, limit: bodyLimit })
    : express.json({ limit: bodyLimit, strict: false });
  app[entry.method](`/v2${entry.path}`, parse, (req: Request, res: Response) => {
    const raw = entry.raw
      ? {
          contentType: req.headers['content-type'] ?? '',
          payload: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        }
      : undefined;
    // Express 5 leaves req.body undefined when there is no body; Camunda's optional bodies default to {}.
    const body: unknown = raw ?? (req.body === undefined && entry.bodyOptional ? {} : req.body);
    Promise.resolve()
      .then(() => (raw ? undefined : checkBody(body, limits)))
      .then(() => validate?.(body))
      .then(() =>
        entry.handle({
          params: req.params as Record<string, string>,
          query: req.query as Record<string, unknown>,
          body,
          engine,
        }),
      )
      .then((answer) => {
        res.status(answer.status);
        if (answer.status === 204 || answer.body === undefined) res.end();
        else if (answer.contentType) res.type(answer.contentType).send(answer.body);
        else res.json(answer.body);
      })
      .catch((error: unknown) => sendProblem(res, req, error, logger));
  });
}

export async function startRestGateway(options: RestGatewayOptions): Promise<RestGateway> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const app = express();
  app.disable('x-powered-by');
  app.use(
    requestGuard({
      allowedHosts: ['localhost', '127.0.0.1', '::1', host, ...(options.allowedHosts ?? [])],
      auth: options.auth,
    }),
  );
  // Spring Boot actuator paths, as a Camunda 8.8 node answers them on its management port: ready means the
  // database answers, so commands are accepted.
  app.get('/actuator/health/readiness', (_req: Request, res: Response) => {
    const ready = options.engine.topology().health === 'HEALTHY';
    res.status(ready ? 200 : 503).json({ status: ready ? 'UP' : 'OUT_OF_SERVICE' });
  });
  app.get('/actuator/health/liveness', (_req: Request, res: Response) => {
    res.json({ status: 'UP' });
  });
  const limits = options.variableLimits ?? defaultVariableLimits;
  let advertised = { host, port: options.port ?? 0 };
  for (const entry of restRoutes(() => advertised)) mount(app, entry, options.engine, logger, limits);
  // Camunda's endpoints this engine does not serve: 501 with the reason (refused-endpoints.ts), not a bare 404.
  app.use('/v2', (req: Request, res: Response, next: NextFunction) => {
    const reason = refusalOf(req.path);
    if (!reason) return next();
    sendProblem(
      res,
      req,
      new HttpProblem(501, 'NOT_IMPLEMENTED', `${req.method} /v2${req.path}: ${reason}`),
      logger,
    );
  });
  app.use('/v2', (req: Request, res: Response) =>
    sendProblem(
      res,
      req,
      new HttpProblem(404, 'NOT_FOUND', `No such endpoint: ${req.method} ${req.path}`),
      logger,
    ),
  );
  // Body parser failures (malformed JSON, too large) arrive here with their HTTP status.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof HttpProblem) return sendProblem(res, req, error, logger);
    const status = (error as { status?: number }).status;
    if (status === 413)
      return sendProblem(
        res,
        req,
        new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${bodyLimit}`),
        logger,
      );
    if (status === 400)
      return sendProblem(
        res,
        req,
        new HttpProblem(400, 'INVALID_ARGUMENT', `Malformed request body: ${(error as Error).message}`),
        logger,
      );
    sendProblem(res, req, error, logger);
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const port = (server.address() as AddressInfo).port;
  advertised = { host, port };
  logger.info(`REST gateway listening on http://${host}:${port}/v2`);
  return {
    address: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
