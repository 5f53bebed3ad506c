/**
 * Issue 13: work that must run in one app replica of several (task notices, the context warmer, deploy-at-start)
 * holds a lease in the database, and caches learn of other replicas' writes through a change signal.
 */
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeSignal } from '../../src/lib/change-signal.js';
import { Lease, underLease } from '../../src/lib/lease.js';
import { createTestDatabase, type TestDatabase } from '../support/harness/index.js';

let db: TestDatabase;
let connection: Connection;
beforeAll(async () => {
  db = createTestDatabase('lease');
  connection = await mongoose.createConnection(db.uri).asPromise();
});
afterAll(async () => {
  await connection.close();
  await db.drop();
});

const TERM = 1_000;
/** A clock the test moves, shared by the "replicas" below. */
const time = { now: 50_000 };
const leaseOf = (name: string, holder: string) =>
  new Lease(connection, name, { holder, termMs: TERM, now: () => time.now });

describe('Lease', () => {
  it('is held by exactly one of many replicas asking at once', async () => {
    time.now = 50_100;
    const replicas = Array.from({ length: 8 }, (_, i) => leaseOf('race', `r${i}`));
    const answers = await Promise.all(replicas.map((lease) => lease.holds()));
    expect(answers.filter(Boolean)).toHaveLength(1);
    // Asked again, the same one holds it and nobody else does.
    const again = await Promise.all(replicas.map((lease) => lease.holds()));
    expect(again).toEqual(answers);
  });

  it('stays with a live holder from term to term, and passes to another when the holder stops asking', async () => {
    const a = leaseOf('notices', 'a');
    const b = leaseOf('notices', 'b');
    time.now = 60_100;
    expect(await a.holds()).toBe(true);
    expect(await b.holds()).toBe(false);
    // In the second half of its term the holder takes the next one ahead, so b, asking first in it, finds it taken.
    time.now = 60_700;
    expect(await a.holds()).toBe(true);
    time.now = 61_000;
    expect(await b.holds()).toBe(false);
    expect(await a.holds()).toBe(true);
    // a stops asking (it died): the term it took ahead ends, and b takes the one after.
    time.now = 62_000;
    expect(await b.holds()).toBe(true);
    expect(await a.holds()).toBe(false);
  });

  it('passes at once when released, and runs start-up work in one replica at a time', async () => {
    const a = leaseOf('deploy', 'a');
    const b = leaseOf('deploy', 'b');
    time.now = 70_100;
    expect(await a.holds()).toBe(true);
    await a.release();
    expect(await b.holds()).toBe(true);
    await b.release();

    let running = 0;
    let most = 0;
    const ran: string[] = [];
    const work = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      ran.push(name);
      running -= 1;
    };
    await Promise.all(['a', 'b', 'c'].map((name) => underLease(leaseOf('seed', name), work(name))));
    expect(ran.sort()).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
  });
});

describe('ChangeSignal', () => {
  it('tells every other process of a change within one poll, and stays quiet while nothing changes', async () => {
    const here = new ChangeSignal(connection, 'caches');
    const there = new ChangeSignal(connection, 'caches');
    let heard = 0;
    there.onChange(() => (heard += 1));
    await there.poll();
    // The first read forgets whatever was kept before it.
    expect(heard).toBe(1);
    await there.poll();
    expect(heard).toBe(1);
    await Promise.all([here.announce(), here.announce()]);
    await there.poll();
    expect(heard).toBe(2);
    await there.poll();
    expect(heard).toBe(2);
  });
});
