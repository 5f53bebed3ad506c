/**
 * `npm run engine`: the embedded engine alone, on Camunda's default ports (gRPC 26500, REST 8080), configured like
 * `npm start` (src/lib/config.ts: ENGINE_*, MONGODB_URI, DATA_DIR, LOG_LEVEL). When MONGODB_URI is unset it starts
 * the local database itself, as `npm start` does, and keeps its state in the database `npm start`'s engine uses
 * (`dan-van-engine`), so the two commands share one engine's data.
 *
 * A composition root beside src/main.ts rather than a file of the engine: the engine imports nothing of ours, and
 * starting a database is lib's job.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from './lib/config.js';
import { DEFAULT_DATABASE_NAME, withDatabaseName } from './lib/database.js';
import { startMongoServer, type MongoServerHandle } from './lib/db/mongo-server.js';
import { engineGatewaySettings } from './lib/engine-settings.js';
import { createLogger } from './lib/logger.js';
import { startEmbeddedEngine } from './engine/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const level = process.env.ENGINE_LOG_LEVEL ?? config.logLevel;
  const logger = createLogger({ name: 'engine', level: level as typeof config.logLevel });
  const started = Date.now();
  let localServer: MongoServerHandle | undefined;
  let mongoUri = config.mongodbUri;
  if (!mongoUri) {
    localServer = await startMongoServer({
      dataDir: path.join(config.dataDir, 'mongo'),
      log: (message) => logger.info(message),
    });
    mongoUri = withDatabaseName(localServer.uri, `${DEFAULT_DATABASE_NAME}-engine`);
    logger.info(`local database started (${localServer.kind}) at ${localServer.uri}`);
  }
  const engine = await startEmbeddedEngine({
    mongoUri,
    grpcPort: config.engineGrpcPort,
    restPort: config.engineRestPort,
    ...engineGatewaySettings(config),
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
  }).catch(async (error: unknown) => {
    await localServer?.stop();
    throw error;
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
    engine
      .close()
      .then(() => localServer?.stop())
      .then(
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
  // A configuration mistake is the operator's: say which variable, without a stack trace.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`engine failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
