/**
 * The inbox against an engine that reads like a Camunda 8.8 cluster (ENGINE_PROFILE=camunda-8.8): searches 2 s
 * behind, long values cut, transient task states. Each case failed on the app before it was made ready for Camunda
 * (issue #13): the cut value was JSON.parsed, and a claim answered before the engine's reads showed it.
 */
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxService } from '../../../src/app/inbox/inbox.service.js';
import { InboxStore } from '../../../src/app/inbox/inbox.store.js';
import type { TaskTaker } from '../../../src/app/inbox/task-access.js';
import { TestClock } from '../../../src/lib/clock.js';
import { startTaskEngineFixture, type TaskEngineFixture } from './support/task-engine-fixture.js';
import { createTestDatabase, loose, noWait, type TestDatabase } from '../../support/harness/index.js';

const LAG_MS = 2_000;
let db: TestDatabase;
let connection: Connection;
let fixture: TaskEngineFixture;
let inbox: InboxService;

beforeAll(async () => {
  db = createTestDatabase('inbox_c88');
  connection = await mongoose.createConnection(db.uri).asPromise();
  fixture = await startTaskEngineFixture('inbox_c88', { name: 'camunda-8.8', searchLagMs: LAG_MS });
  inbox = new InboxService(
    fixture.engine,
    new InboxStore(connection),
    new TestClock('2026-06-10T02:00:00.000Z'),
  );
});
afterAll(async () => {
  await fixture?.close();
  await connection?.close();
  await db?.drop();
});

const lan: TaskTaker = { username: 'lan', groups: ['ban-tuyen-giao'] };

describe('the inbox under the camunda-8.8 profile', () => {
  it('opens a task whose variables exceed 8,191 characters with their whole values (a 60-unit list, a 20,000-character report)', async () => {
    const units = Array.from({ length: 60 }, (_, index) => ({
      code: `don-vi-co-so-so-${index}`,
      name: `Đảng bộ cơ sở số ${index} thuộc Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh`,
      head: `lanh-dao-${index}`,
      sector: 'doanh-nghiep',
    }));
    const report = 'Kết quả công tác dân vận. '.repeat(800);
    expect(JSON.stringify(units).length).toBeGreaterThan(8191);
    const { key } = await fixture.task({ groups: ['ban-tuyen-giao'], variables: { units, report } });

    // The engine's own search cuts them, as Camunda's does.
    const cut = await fixture.clients.rest.searchUserTaskVariables(
      loose({ userTaskKey: key, filter: { name: 'report' } }),
      noWait,
    );
    expect(cut.items[0]).toMatchObject({ isTruncated: true });

    const detail = await inbox.get(lan, key);
    expect(detail.data.units).toEqual(units);
    expect(detail.data.report).toBe(report);
  });

  it('claims, then saves and completes at once: the claim answers when the engine shows it', async () => {
    const { key } = await fixture.task({ groups: ['ban-tuyen-giao'] });
    await new Promise((resolve) => setTimeout(resolve, LAG_MS + 200));
    const started = performance.now();
    await inbox.claim(lan, key);
    // The engine shows the claim only after its lag: the claim waited for it.
    expect(performance.now() - started).toBeGreaterThan(LAG_MS * 0.8);
    const detail = await inbox.get(lan, key);
    expect(detail.assignee).toBe('lan');
    expect(detail.canComplete).toBe(true);
    await inbox.saveDraft(lan, key, { a: 'nháp' });
    await inbox.complete(lan, key, { a: 'xong' });
    const after = await inbox.get(lan, key);
    expect(after.open).toBe(false);
  });

  it('lists a task the engine shows as CREATING as updating, and refuses to act on it until it settles', async () => {
    const { key } = await fixture.task({ groups: ['ban-tuyen-giao'] });
    const seen = await fixture.engine.get(key);
    if (seen?.state === 'CREATING') {
      const detail = await inbox.get(lan, key);
      expect(detail.updating).toBe(true);
      expect(detail.open).toBe(true);
      expect(detail.canClaim).toBe(false);
    }
    const settled = await fixture.engine.getWhen(key, (task) => task?.state === 'CREATED', LAG_MS * 2);
    expect(settled?.state).toBe('CREATED');
    expect((await inbox.get(lan, key)).updating).toBe(false);
  });
});
