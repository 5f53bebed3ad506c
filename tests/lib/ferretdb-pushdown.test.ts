/**
 * FerretDB as this project builds it answers queries a `pushdown_` index covers from SQLite (WHERE, ORDER BY, LIMIT,
 * COUNT) instead of reading every document (tools/ferretdb/patches/pushdown_indexed.go). These tests hold the results
 * to what MongoDB's semantics give, computed here over the same documents, for filters the index covers wholly, in
 * part, or not at all, for "contains" tests (a `*literal*` LIKE as a regular expression, over strings and arrays),
 * and for values the pushdown must leave to the Go filter (quotes, HTML characters, numbers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient, type Collection, type Db, type Document, type Filter, type Sort } from 'mongodb';
import { createTestDatabase, type TestDatabase } from '../support/harness/index.js';

interface Probe {
  _id: string;
  k: string;
  kind?: string | null;
  owner?: string | number;
  done: boolean;
  text?: string | string[] | number;
}

const KINDS = ['PROCESS', 'TASK', 'Đơn vị "A"', 'a<b>&c', null, undefined];
const OWNERS = ['hanh', 'thanh', 'giám sát', 7];
/** Texts for the "contains" filters: JSON as variables hold it, a newline, an array, a number, HTML and Vietnamese. */
const TEXTS = [
  '[{"code":"don-vi-1","name":"Đoàn Thanh niên"},{"code":"don-vi-2"}]',
  '{"code":"2026-N","label":"năm 2026"}',
  'line one\n"code":"don-vi-1"',
  ['"code":"don-vi-1"', 'other'],
  42,
  'a<b>&c "code":"don-vi-12"',
  undefined,
];

let database: TestDatabase;
let client: MongoClient;
let db: Db;
let probes: Collection<Probe>;
const all: Probe[] = [];

beforeAll(async () => {
  database = createTestDatabase();
  client = await MongoClient.connect(database.uri);
  db = client.db(database.name);
  probes = db.collection<Probe>('probes');
  for (let index = 0; index < 600; index++) {
    const probe: Probe = {
      _id: `p${index}`,
      k: String((index * 7919) % 600).padStart(20, '0'),
      done: index % 3 === 0,
    };
    const kind = KINDS[index % KINDS.length];
    if (kind !== undefined) probe.kind = kind;
    probe.owner = OWNERS[(index >> 1) % OWNERS.length] as string | number;
    const text = TEXTS[(index >> 2) % TEXTS.length];
    if (text !== undefined) probe.text = text;
    all.push(probe);
  }
  await probes.insertMany(all);
  await probes.createIndex({ kind: 1, owner: 1, k: 1 }, { name: 'pushdown_kind_owner_k' });
  await probes.createIndex({ done: 1, k: 1 }, { name: 'pushdown_done_k' });
  await probes.createIndex({ k: 1 }, { name: 'pushdown_k' });
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

/** MongoDB's equality on the fields used here (no arrays among them). */
function matches(probe: Probe, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([field, condition]) => {
    if (field === '$and')
      return (condition as Record<string, unknown>[]).every((each) => matches(probe, each));
    const actual = (probe as unknown as Record<string, unknown>)[field];
    if (condition !== null && typeof condition === 'object') {
      const operators = condition as { $eq?: unknown; $ne?: unknown; $in?: unknown[]; $regex?: string };
      if (operators.$regex !== undefined) {
        const pattern = new RegExp(operators.$regex);
        const values = Array.isArray(actual) ? actual : [actual];
        return values.some((value) => typeof value === 'string' && pattern.test(value));
      }
      if ('$eq' in operators) return actual === operators.$eq;
      if ('$ne' in operators) return actual !== operators.$ne;
      if (operators.$in) return operators.$in.includes(actual ?? null);
    }
    if (condition === null) return actual === null || actual === undefined;
    return actual === condition;
  });
}

function expected(
  filter: Record<string, unknown>,
  descending: boolean,
  skip: number,
  limit: number,
): string[] {
  const found = all.filter((probe) => matches(probe, filter)).sort((a, b) => a.k.localeCompare(b.k));
  if (descending) found.reverse();
  return found.slice(skip, limit ? skip + limit : undefined).map((probe) => probe._id);
}

const FILTERS: Record<string, unknown>[] = [
  {},
  { kind: 'PROCESS' },
  { kind: 'PROCESS', owner: 'hanh' },
  { owner: 'giám sát', kind: 'TASK' },
  { kind: { $eq: 'TASK' }, owner: 'thanh' },
  { kind: 'Đơn vị "A"' },
  { kind: 'a<b>&c', owner: 'hanh' },
  { kind: null },
  { kind: 'TASK', owner: 7 },
  { kind: 'PROCESS', done: true },
  { kind: 'PROCESS', owner: { $ne: 'hanh' } },
  { kind: { $in: ['PROCESS', 'TASK'] }, owner: 'hanh' },
  { kind: 'TASK', owner: { $in: ['hanh', 'giám sát', 'nobody'] } },
  { kind: { $in: ['PROCESS', null] } },
  { kind: { $in: ['Đơn vị "A"', 'TASK'] } },
  { done: false },
  { done: true, owner: 'thanh' },
  { owner: 'hanh' },
  { kind: 'nobody' },
  // "Contains" tests, served by SQLite's instr beside the index (a LIKE `*literal*` as the engine writes it).
  { text: { $regex: '^.*"code":"don\\-vi\\-1".*$' } },
  { kind: 'PROCESS', text: { $regex: '^.*"code":"don\\-vi\\-1".*$' } },
  { kind: 'TASK', owner: 'hanh', text: { $regex: '^.*"code":".*$' } },
  { text: { $regex: '^.*a<b>&c.*$' }, done: false },
  { text: { $regex: '^.*năm 2026.*$' } },
  { text: { $regex: '^.*\\.\\*.*$' } },
  { kind: { $in: ['PROCESS', 'TASK'] }, text: { $regex: '^.*code.*$' } },
  {
    $and: [{ text: { $regex: '^.*code.*$' } }, { text: { $regex: '^.*don-vi-1.*$' } }],
    kind: 'PROCESS',
  },
  // Not a plain "contains": left to Go, the results the same.
  { text: { $regex: '^.*don-vi-1[0-9].*$' } },
  { text: { $regex: '^"code".*$' } },
];

describe('FerretDB queries served by pushdown_ indexes', () => {
  it('finds, sorts, skips and limits exactly as MongoDB would, covered by an index or not', async () => {
    for (const filter of FILTERS)
      for (const descending of [false, true])
        for (const [skip, limit] of [
          [0, 0],
          [0, 5],
          [3, 4],
          [250, 20],
        ] as const) {
          let cursor = probes
            .find(filter as Filter<Probe>)
            .sort({ k: descending ? -1 : 1 } as Sort)
            .skip(skip);
          if (limit) cursor = cursor.limit(limit);
          const found = (await cursor.project<{ _id: string }>({ _id: 1 }).toArray()).map((each) => each._id);
          expect(found, JSON.stringify({ filter, descending, skip, limit })).toEqual(
            expected(filter, descending, skip, limit),
          );
        }
  });

  it('counts exactly with the count command, with skip and limit', async () => {
    for (const filter of FILTERS) {
      const total = all.filter((probe) => matches(probe, filter)).length;
      const counted = (await db.command({ count: 'probes', query: filter })) as Document;
      expect(counted['n'], JSON.stringify(filter)).toBe(total);
      const window = (await db.command({ count: 'probes', query: filter, skip: 2, limit: 3 })) as Document;
      expect(window['n'], JSON.stringify(filter)).toBe(Math.min(Math.max(total - 2, 0), 3));
    }
  });

  it('updates and deletes through a covered filter only what the filter matches', async () => {
    const before = all.filter((probe) => matches(probe, { kind: 'TASK', owner: 'hanh' })).length;
    const updated = await probes.updateMany({ kind: 'TASK', owner: 'hanh' }, { $set: { touched: true } });
    expect(updated.modifiedCount).toBe(before);
    expect(await probes.countDocuments({ touched: true })).toBe(before);
    const deleted = await probes.deleteMany({ kind: 'a<b>&c', owner: 'hanh' });
    expect(deleted.deletedCount).toBe(
      all.filter((probe) => matches(probe, { kind: 'a<b>&c', owner: 'hanh' })).length,
    );
  });

  it('counts a "contains" filter in SQLite, exactly', async () => {
    const info = (await db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
    const filter = { kind: 'PROCESS', text: { $regex: '^.*"code":"don\\-vi\\-1".*$' } };
    // The whole filter in SQL, the `kind` part read from the index.
    const plan = (await db.command({ explain: { find: 'probes', filter } })) as Document;
    if (info.ferretdbVersion) {
      expect(plan['filterPushdown']).toBe(true);
      expect(JSON.stringify(plan)).toMatch(/USING INDEX \S*pushdown_kind_owner_k/);
    }
    const total = all.filter((probe) => matches(probe, filter)).length;
    expect(total).toBeGreaterThan(0);
    expect(((await db.command({ count: 'probes', query: filter })) as Document)['n']).toBe(total);
  });

  it('reads a covered filter from its index, not by scanning the table', async () => {
    const info = (await db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
    const plan = JSON.stringify(
      await db.command({ explain: { find: 'probes', filter: { kind: 'PROCESS', owner: 'hanh' } } }),
    );
    // On MongoDB the index is its own; the plan names it either way.
    if (info.ferretdbVersion) expect(plan).toMatch(/SEARCH \S+ USING INDEX \S*pushdown_kind_owner_k/);
    else expect(plan).toContain('pushdown_kind_owner_k');
  });
});
