import { describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { createTestDatabase } from '../support/database.js';

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
});
