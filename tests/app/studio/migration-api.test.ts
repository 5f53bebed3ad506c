/**
 * Issue 14, point 5 over HTTP: moving the running instances of an older version of a process to a newer one. A dry
 * run counts them and shows what moves where; the migration moves each instance the engine accepts and lists the
 * others with the engine's reason; bad requests are a 4xx and change nothing; staff get 403; it is audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { MigrationPreview, MigrationResult } from '../../../src/shared/contracts/index.js';
import {
  HttpClient,
  endEvent,
  eventually,
  loose,
  noWait,
  processResource,
  processXml,
  sequence,
  startEvent,
  startTestService,
  useBeforeAll,
  userTask,
} from '../../support/harness/index.js';

const stack = useBeforeAll(() => startTestService());
const PROCESS = 'chuyen-phien-ban';
const BASE = `/api/admin/studio/processes/${PROCESS}/migration`;

/** Version 1: review, then check. Version 2 drops the check: an instance waiting there cannot move by same ids. */
const version1 = processXml(PROCESS, [
  startEvent('start'),
  userTask('review', { name: 'Xem xét' }),
  userTask('check', { name: 'Kiểm tra' }),
  endEvent('end'),
  ...sequence('start', 'review', 'check', 'end'),
]);
const version2 = processXml(PROCESS, [
  startEvent('start'),
  userTask('review', { name: 'Xem xét (mới)' }),
  endEvent('end'),
  ...sequence('start', 'review', 'end'),
]);

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

const rest = () => stack.service.engineClients.rest;

/** The instance's version as the engine's reads show it (read again until it is readable and, if given, `expected`). */
async function versionOf(processInstanceKey: string, expected?: number): Promise<number> {
  return eventually(async () => {
    const instance = await rest().getProcessInstance(loose({ processInstanceKey }), noWait);
    const version = Number(instance.processDefinitionVersion);
    if (expected !== undefined) expect(version).toBe(expected);
    return version;
  });
}

async function openTask(processInstanceKey: string): Promise<{ userTaskKey: string; elementId: string }> {
  return eventually(async () => {
    const found = await rest().searchUserTasks(
      loose({ filter: { processInstanceKey, state: 'CREATED' } }),
      noWait,
    );
    expect(found.items).toHaveLength(1);
    const [task] = found.items;
    return { userTaskKey: String(task?.userTaskKey), elementId: String(task?.elementId) };
  });
}

/** Two instances of version 1: one waiting at review, one moved on to check; then version 2 is deployed. */
let instances: { atReview: string; atCheck: string };
beforeAll(async () => {
  const zeebe = stack.service.engineClients.zeebe;
  await zeebe.deployResource(processResource(`${PROCESS}.bpmn`, version1));
  const atReview = String(
    (await zeebe.createProcessInstance({ bpmnProcessId: PROCESS, variables: {} })).processInstanceKey,
  );
  const atCheck = String(
    (await zeebe.createProcessInstance({ bpmnProcessId: PROCESS, variables: {} })).processInstanceKey,
  );
  await rest().completeUserTask(loose({ userTaskKey: (await openTask(atCheck)).userTaskKey }));
  await eventually(async () => expect((await openTask(atCheck)).elementId).toBe('check'));
  await openTask(atReview);
  await zeebe.deployResource(processResource(`${PROCESS}.bpmn`, version2));
  instances = { atReview, atCheck };
}, 60_000);

describe('instance migration in the studio API', () => {
  it('answers 403 to staff on the dry run and the migration', async () => {
    const staff = await signedIn('btv.canbo');
    const body = { sourceVersion: 1, targetVersion: 2 };
    expect((await staff.post(`${BASE}/preview`, body)).status).toBe(403);
    expect((await staff.post(BASE, body)).status).toBe(403);
    expect(await versionOf(instances.atReview)).toBe(1);
  }, 60_000);

  it('refuses bad requests with a 4xx and moves nothing', async () => {
    const admin = await signedIn('admin');
    const cases: [unknown, number, RegExp][] = [
      [{ sourceVersion: 1, targetVersion: 1 }, 400, /phải khác nhau/],
      [{ sourceVersion: 1, targetVersion: 7 }, 404, /không có phiên bản 7/],
      [{ sourceVersion: 0, targetVersion: 2 }, 400, /./],
      [{ sourceVersion: 1, targetVersion: 2, force: true }, 400, /./],
      [
        {
          sourceVersion: 1,
          targetVersion: 2,
          mappingInstructions: [{ sourceElementId: 'nope', targetElementId: 'review' }],
        },
        400,
        /Phiên bản 1 không có phần tử "nope"/,
      ],
      [
        {
          sourceVersion: 1,
          targetVersion: 2,
          mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'check' }],
        },
        400,
        /Phiên bản 2 không có phần tử "check"/,
      ],
      [
        {
          sourceVersion: 1,
          targetVersion: 2,
          mappingInstructions: [
            { sourceElementId: 'check', targetElementId: 'review' },
            { sourceElementId: 'check', targetElementId: 'end' },
          ],
        },
        400,
        /được chuyển đến hai nơi/,
      ],
    ];
    for (const [body, status, detail] of cases) {
      for (const url of [`${BASE}/preview`, BASE]) {
        const answer = await admin.post(url, body);
        expect(answer.status, `${url} ${JSON.stringify(body)}`).toBe(status);
        expect(answer.body.detail).toMatch(detail);
      }
    }
    expect(
      (
        await admin.post('/api/admin/studio/processes/khong-co/migration', {
          sourceVersion: 1,
          targetVersion: 2,
        })
      ).status,
    ).toBe(404);
    expect(await versionOf(instances.atReview)).toBe(1);
    expect(await versionOf(instances.atCheck)).toBe(1);
  }, 60_000);

  it('dry-runs, migrates what the engine accepts, lists the refusal with its reason, then moves it by a mapping', async () => {
    const admin = await signedIn('admin');
    // The engine's searches may lag the instances (as Camunda's do): preview again until it shows both.
    const preview = (await eventually(async () => {
      const answer = await admin.post(`${BASE}/preview`, { sourceVersion: 1, targetVersion: 2 });
      expect(answer.status).toBe(200);
      expect(answer.body.instances).toBe(2);
      expect((answer.body as unknown as MigrationPreview).active).toHaveLength(2);
      return answer.body;
    })) as unknown as MigrationPreview;
    expect(preview.mappingInstructions).toEqual([
      { sourceElementId: 'start', targetElementId: 'start' },
      { sourceElementId: 'review', targetElementId: 'review' },
      { sourceElementId: 'end', targetElementId: 'end' },
    ]);
    expect(preview.sourceElements.map((e) => `${e.type}:${e.id}`)).toEqual([
      'startEvent:start',
      'userTask:review',
      'userTask:check',
      'endEvent:end',
    ]);
    expect(preview.targetElements.find((e) => e.id === 'review')?.name).toBe('Xem xét (mới)');
    expect(preview.active).toEqual([
      { elementId: 'check', instances: 1, targetElementId: null },
      { elementId: 'review', instances: 1, targetElementId: 'review' },
    ]);
    // A dry run changes nothing.
    expect(await versionOf(instances.atReview)).toBe(1);

    const run = await admin.post(BASE, { sourceVersion: 1, targetVersion: 2 });
    expect(run.status).toBe(200);
    const result = run.body as unknown as MigrationResult;
    expect(result.sameIdMapping).toBe(true);
    expect(result.migrated).toEqual([instances.atReview]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.processInstanceKey).toBe(instances.atCheck);
    expect(result.failed[0]?.reason).toMatch(/'check'/);
    expect(await versionOf(instances.atReview, 2)).toBe(2);
    expect(await versionOf(instances.atCheck)).toBe(1);

    // The one left behind moves with a mapping: its check becomes version 2's review. Preview first, as the page
    // does, until the searches no longer list the instance that moved.
    await eventually(async () =>
      expect(
        (await admin.post(`${BASE}/preview`, { sourceVersion: 1, targetVersion: 2 })).body.instances,
      ).toBe(1),
    );
    const mapped = await admin.post(BASE, {
      sourceVersion: 1,
      targetVersion: 2,
      mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'review' }],
    });
    expect(mapped.body).toMatchObject({ sameIdMapping: false, migrated: [instances.atCheck], failed: [] });
    expect(await versionOf(instances.atCheck, 2)).toBe(2);
    await eventually(async () => expect((await openTask(instances.atCheck)).elementId).toBe('review'));

    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?actor=admin');
      const entries = (audit.body.items as { action: string; detail: Record<string, string> }[])
        .filter((entry) => entry.action === 'process.migrate')
        .map((entry) => entry.detail);
      expect(entries).toEqual(
        expect.arrayContaining([
          { from: '1', to: '2', mapping: 'same-ids', migrated: '1', failed: '1' },
          { from: '1', to: '2', mapping: 'given', migrated: '1', failed: '0' },
        ]),
      );
    });
  }, 90_000);
});
