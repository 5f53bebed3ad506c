/**
 * Issue 11, point 3's safety net: a record that cannot be serialised never crashes the process. Only the commit
 * that changed it is rejected; the rest of its batch is written and acknowledged. Real FerretDB.
 */
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOG_COLLECTION,
  PersistenceError,
  PersistenceLog,
  type LogDocument,
} from '../../../src/engine/state/persistence/persistence-log.js';
import { createTestDatabase } from '../../support/harness/index.js';

const database = createTestDatabase('persistence_log');
let client: MongoClient;
const logged: string[] = [];

beforeAll(async () => {
  client = await MongoClient.connect(database.uri);
});
afterAll(async () => {
  await client.close();
  await database.drop();
});

function overflowing(): string {
  // What a 5,000-deep variable document did to JSON.stringify in the write loop.
  let deep: Record<string, unknown> = {};
  for (let level = 0; level < 200_000; level += 1) deep = { a: deep };
  return JSON.stringify(deep);
}

describe('the persistence log writer', () => {
  it('rejects only the commit whose record cannot be serialised, writes the rest, and keeps working', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const log = new PersistenceLog(
        client.db(),
        0,
        () => 1,
        (_level, message) => logged.push(message),
      );
      log.markDirty('engine_test', 'good-1', () => JSON.stringify({ key: 'good-1' }));
      const good = log.commit();
      log.markDirty('engine_test', 'bad', overflowing);
      const bad = log.commit();
      log.markDirty('engine_test', 'good-2', () => JSON.stringify({ key: 'good-2' }));
      const alsoGood = log.commit();

      await expect(good).resolves.toBeUndefined();
      await expect(bad).rejects.toBeInstanceOf(PersistenceError);
      await expect(alsoGood).resolves.toBeUndefined();
      expect(logged.some((message) => message.includes('could not be serialised'))).toBe(true);

      const written = await client.db().collection<LogDocument>(LOG_COLLECTION).find({}).toArray();
      const keys = written.flatMap((document) => (JSON.parse(document.j) as { k: string }[]).map((c) => c.k));
      expect(keys.sort()).toEqual(['good-1', 'good-2']);

      // The writer is not stuck: a later commit goes through.
      log.markDirty('engine_test', 'later', () => JSON.stringify({ key: 'later' }));
      await expect(log.commit()).resolves.toBeUndefined();
      await log.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
