import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { inject } from 'vitest';

export interface TestDatabase {
  /** Full connection string including the database name. */
  uri: string;
  name: string;
  /** Drops the database. Call it in afterAll. */
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the run's test server. */
export function createTestDatabase(prefix = 't'): TestDatabase {
  const base = inject('mongoBaseUri');
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const [host, query] = base.split('?') as [string, string | undefined];
  const uri = `${host}${name}${query ? `?${query}` : ''}`;
  return {
    uri,
    name,
    async drop() {
      const client = await MongoClient.connect(uri);
      try {
        await client.db(name).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
