/**
 * `npm run engine`: the embedded engine alone, on Camunda's default ports (gRPC 26500, REST 8080).
 * Environment: MONGODB_URI (required), ENGINE_GRPC_PORT, ENGINE_REST_PORT, ENGINE_HOST (default 127.0.0.1 — the
 * engine has no authentication, keep it on the loopback interface), ENGINE_LOG_LEVEL (debug|info|warn|error).
 */
import { startEmbeddedEngine } from './index.js';
import type { GatewayLogger } from './gateway/gateway-logger.js';

const levels = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof levels)[number];

function consoleLogger(minimum: Level): GatewayLogger {
  const enabled = (level: Level): boolean => levels.indexOf(level) >= levels.indexOf(minimum);
  const write = (level: Level) => (message: string) => {
    if (enabled(level))
      console.log(JSON.stringify({ time: new Date().toISOString(), level, name: 'engine', msg: message }));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535)
    throw new Error(`${name} must be a port number, got '${value}'`);
  return parsed;
}

async function main(): Promise<void> {
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) throw new Error('MONGODB_URI is required, e.g. mongodb://127.0.0.1:27017/engine');
  const level = (process.env.ENGINE_LOG_LEVEL ?? 'info') as Level;
  const logger = consoleLogger(levels.includes(level) ? level : 'info');
  const started = Date.now();
  const engine = await startEmbeddedEngine({
    mongoUri,
    grpcPort: port('ENGINE_GRPC_PORT', 26500),
    restPort: port('ENGINE_REST_PORT', 8080),
    host: process.env.ENGINE_HOST || '127.0.0.1',
    logger,
  });
  // One line a supervisor (or the benchmark) can wait for.
  logger.info(
    `engine ready in ${Date.now() - started} ms: grpc=${engine.grpcAddress} rest=${engine.restAddress}`,
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    engine.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
