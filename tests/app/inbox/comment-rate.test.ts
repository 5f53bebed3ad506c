/**
 * Issue 13: the comment rate is counted in the database, so two app replicas (here two limiters on two connections)
 * count the same comments, and parallel posts through either never pass the limit.
 */
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_RATE, CommentRateLimit } from '../../../src/app/inbox/comment-rate.js';
import { TestClock } from '../../../src/lib/clock.js';
import { createTestDatabase, type TestDatabase } from '../../support/harness/index.js';

let db: TestDatabase;
let connections: Connection[] = [];
const clock = new TestClock('2026-06-10T02:00:00.000Z');
let replicas: CommentRateLimit[];

beforeAll(async () => {
  db = createTestDatabase('comment_rate');
  connections = await Promise.all([0, 1].map(() => mongoose.createConnection(db.uri).asPromise()));
  replicas = connections.map((connection) => new CommentRateLimit(connection, clock));
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await db.drop();
});

describe('the comment rate', () => {
  it('is shared by replicas: comments through one count on the other', async () => {
    for (let i = 0; i < COMMENT_RATE.perMinute; i++) {
      clock.advance(1_000);
      expect(await replicas[i % 2]!.take('lan')).toBe(true);
    }
    expect(await replicas[0]!.take('lan')).toBe(false);
    expect(await replicas[1]!.take('lan')).toBe(false);
    // Someone else is not limited by lan's comments; lan may write again once the minute has passed.
    expect(await replicas[1]!.take('hung')).toBe(true);
    clock.advance(61_000);
    expect(await replicas[1]!.take('lan')).toBe(true);
  });

  it('lets through no more than the minute allows when many posts arrive at once through both', async () => {
    clock.advance(3_600_000);
    const answers = await Promise.all(
      Array.from({ length: 2 * COMMENT_RATE.perMinute }, (_, i) => replicas[i % 2]!.take('mai')),
    );
    const taken = answers.filter(Boolean).length;
    expect(taken).toBeLessThanOrEqual(COMMENT_RATE.perMinute);
    // Refused posts give their slots back: what was taken is all that counts.
    clock.advance(1_000);
    const more = COMMENT_RATE.perMinute - taken;
    for (let i = 0; i < more; i++) expect(await replicas[0]!.take('mai')).toBe(true);
    expect(await replicas[1]!.take('mai')).toBe(false);
  });

  it('limits the hour across replicas too', async () => {
    clock.advance(3_600_000);
    for (let i = 0; i < COMMENT_RATE.perHour; i++) {
      clock.advance(7_000);
      expect(await replicas[i % 2]!.take('tuan'), `comment ${i}`).toBe(true);
    }
    clock.advance(61_000);
    expect(await replicas[0]!.take('tuan')).toBe(false);
  });
});
