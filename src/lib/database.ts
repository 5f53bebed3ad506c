import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import type { Config } from './config.js';
import { startMongoServer, type MongoServerHandle } from './db/mongo-server.js';
import type { Logger } from './logger.js';

export const DEFAULT_DATABASE_NAME = 'dan-van';

export interface DatabaseHandle {
  connection: Connection;
  /** Set when we started a local server because MONGODB_URI was unset. */
  localServer: MongoServerHandle | undefined;
  /** The connection string of another database on the same server (the embedded engine keeps its state apart). */
  siblingUri(databaseName: string): string;
  close(): Promise<void>;
}

/** Replaces (or adds) the database name of a MongoDB connection string, keeping hosts and options. */
export function withDatabaseName(uri: string, databaseName: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/([^?]*))?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`not a MongoDB connection string: ${uri}`);
  return `${match[1]}/${encodeURIComponent(databaseName)}${match[3] ?? ''}`;
}

function hasDatabaseName(uri: string): boolean {
  const afterHosts = uri.replace(/^mongodb(\+srv)?:\/\/[^/]*/, '');
  const name = afterHosts.replace(/^\//, '').split('?')[0] ?? '';
  return name.length > 0;
}

/**
 * Connects mongoose to MONGODB_URI, or first starts a local MongoDB-compatible server with its data in DATA_DIR/mongo
 * (it survives restarts).
 */
export async function openDatabase(
  config: Pick<Config, 'mongodbUri' | 'dataDir'>,
  logger: Logger,
): Promise<DatabaseHandle> {
  let localServer: MongoServerHandle | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    localServer = await startMongoServer({
      dataDir: path.join(config.dataDir, 'mongo'),
      log: (message) => logger.info(message),
    });
    uri = localServer.uri;
  }
  try {
    const connection = await mongoose
      .createConnection(uri, hasDatabaseName(uri) ? {} : { dbName: DEFAULT_DATABASE_NAME })
      .asPromise();
    const appUri = uri;
    return {
      connection,
      localServer,
      siblingUri: (databaseName) => withDatabaseName(appUri, databaseName),
      async close() {
        await connection.close();
        await localServer?.stop();
      },
    };
  } catch (error) {
    await localServer?.stop();
    throw error;
  }
}
