import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContextWarmer } from '../../../src/app/inbox/context-warmer.js';
import { InboxService } from '../../../src/app/inbox/inbox.service.js';
import { InboxStore } from '../../../src/app/inbox/inbox.store.js';
import { parseInboxQuery } from '../../../src/app/inbox/inbox-query.js';
import type { TaskEngine } from '../../../src/app/inbox/task-engine.port.js';
import { TestClock } from '../../../src/lib/clock.js';
import { startTaskEngineFixture, type TaskEngineFixture } from './support/task-engine-fixture.js';
import { createTestDatabase, type TestDatabase } from '../../support/harness/index.js';

let db: TestDatabase;
let connection: Connection;
let fixture: TaskEngineFixture;

beforeAll(async () => {
  db = createTestDatabase('warmer');
  connection = await mongoose.createConnection(db.uri).asPromise();
  fixture = await startTaskEngineFixture('warmer');
});
afterAll(async () => {
  await fixture?.close();
  await connection?.close();
  await db?.drop();
});

describe('the context warmer', () => {
  it('reads the unit and period of new tasks ahead, so a list of them asks the engine for no variables', async () => {
    const variableReads: string[] = [];
    const engine: TaskEngine = {
      ...fixture.engine,
      variables: (key, names) => {
        variableReads.push(key);
        return fixture.engine.variables(key, names);
      },
    };
    const inbox = new InboxService(
      engine,
      new InboxStore(connection),
      new TestClock('2026-06-10T02:00:00.000Z'),
    );
    const warmer = new ContextWarmer(engine, inbox);
    const period = { code: '2026-6T', label: '6 tháng đầu năm 2026' };
    for (const name of ['Sở Y tế', 'Sở Tài chính', 'Sở Xây dựng'])
      await fixture.task({ groups: ['warm-group'], variables: { unit: { name }, period } });

    expect(await warmer.tick()).toBe(3);
    expect(variableReads).toHaveLength(3);
    expect(await warmer.tick()).toBe(0);

    const page = await inbox.list(
      { username: 'warm-user', groups: ['warm-group'] },
      parseInboxQuery({ scope: 'all', sort: 'created' }),
    );
    expect(page.items.map((task) => [task.unitName, task.period])).toEqual([
      ['Sở Xây dựng', period.label],
      ['Sở Tài chính', period.label],
      ['Sở Y tế', period.label],
    ]);
    expect(variableReads).toHaveLength(3);

    await fixture.task({ groups: ['warm-group'], variables: { unit: { name: 'Sở Nội vụ' }, period } });
    expect(await warmer.tick()).toBe(1);
  }, 60_000);
});
