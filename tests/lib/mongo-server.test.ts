import { describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { createTestDatabase } from '../support/harness/index.js';

describe('test database', () => {
  it('gives each caller its own database on a real MongoDB-compatible server', async () => {
    const first = createTestDatabase();
    const second = createTestDatabase();
    expect(first.name).not.toBe(second.name);
    const client = await MongoClient.connect(first.uri);
    try {
      await client.db(first.name).collection('probe').insertOne({ ok: 1 });
      expect(await client.db(first.name).collection('probe').countDocuments()).toBe(1);
      expect(await client.db(second.name).collection('probe').countDocuments()).toBe(0);
    } finally {
      await client.close();
      await first.drop();
    }
  });

  // FerretDB 1.24's SQLite backend scanned every collection for `_id` lookups until patched (src/lib/db/ferretdb-binary.ts).
  it('finds a document by _id through the _id index, not by scanning', async () => {
    const database = createTestDatabase();
    const client = await MongoClient.connect(database.uri);
    try {
      const db = client.db(database.name);
      await db.collection<{ _id: string }>('probe').insertMany([{ _id: 'a' }, { _id: 'b' }]);
      const plan = JSON.stringify(await db.command({ explain: { find: 'probe', filter: { _id: 'b' } } }));
      const ferretDb = plan.includes('ferretdbVersion');
      if (ferretDb) expect(plan).toMatch(/SEARCH \S+ USING INDEX/);
      else expect(plan).not.toContain('COLLSCAN');
      expect(await db.collection<{ _id: string }>('probe').findOne({ _id: 'b' })).toEqual({ _id: 'b' });
    } finally {
      await client.close();
      await database.drop();
    }
  });
});
