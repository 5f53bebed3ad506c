import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { inject } from 'vitest';

/** A database of its own on the run's test server (tests/support/global-setup.ts starts or names the server). */
export interface TestDatabase {
  /** Full connection string including the database name. */
  uri: string;
  name: string;
  /** Drops the database (and any sibling handed out by `sibling`). */
  drop(): Promise<void>;
  /** Another database on the same server whose name is this one's plus `suffix`; dropped along with this one. */
  sibling(suffix: string): TestDatabase;
}

function uriFor(name: string): string {
  const [host, query] = inject('mongoBaseUri').split('?') as [string, string | undefined];
  return `${host}${name}${query ? `?${query}` : ''}`;
}

async function dropNamed(uri: string, name: string): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

function databaseNamed(name: string): TestDatabase {
  const uri = uriFor(name);
  const siblings: TestDatabase[] = [];
  return {
    uri,
    name,
    async drop() {
      for (const sibling of siblings.reverse()) await sibling.drop();
      await dropNamed(uri, name);
    },
    sibling(suffix) {
      const sibling = databaseNamed(`${name}${suffix}`);
      siblings.push(sibling);
      return sibling;
    },
  };
}

/** A fresh, uniquely named database; one per test file (or per harness), dropped by its owner's close(). */
export function createTestDatabase(prefix = 't'): TestDatabase {
  return databaseNamed(`${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`);
}
