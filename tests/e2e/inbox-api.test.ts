import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/seed/demo-accounts.js';
import { startInboxStack, type InboxStack } from './support/inbox-stack.js';
import { HttpClient } from '../support/harness/index.js';

let stack: InboxStack;

beforeAll(async () => {
  stack = await startInboxStack();
}, 120_000);
afterAll(async () => stack?.close());

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  const answer = await client.signIn(username, DEMO_PASSWORD);
  expect(answer.status).toBe(200);
  return client;
}

interface ListBody {
  items: { id: string; name: string; assignee: string | null }[];
  total: number;
  counts: { mine: number; unclaimed: number; all: number };
}

/** The task of a new report instance, as the staff member sees it once the engine has it searchable. */
async function newReportTask(client: HttpClient): Promise<string> {
  const before = new Set(
    ((await client.get('/api/inbox/tasks?scope=all')).body as unknown as ListBody).items.map((t) => t.id),
  );
  await stack.startReport(reportVariables);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const list = (await client.get('/api/inbox/tasks?scope=unclaimed')).body as unknown as ListBody;
    const fresh = list.items.find((task) => !before.has(task.id));
    if (fresh) return fresh.id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the new task did not appear in the inbox');
}

const reportVariables = {
  kyBaoCao: '6 tháng đầu năm 2026',
  unit: { code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính', group: 'co-so:so-tai-chinh' },
  period: { code: '2026-6T', kind: '6-thang', year: 2026, label: '6 tháng đầu năm 2026' },
};

const valid = { tieuDe: 'Báo cáo 6 tháng', soMoHinh: 12, ketLuan: 'dat' };

describe('inbox API over the embedded engine', () => {
  it('lists a group task for its members only, with counts; outsiders get 404 on every task action (as if it did not exist)', async () => {
    const staff = await signedIn('btg.canbo');
    const outsider = await signedIn('vanphong.canbo');
    const key = await newReportTask(staff);

    const list = (await staff.get('/api/inbox/tasks?scope=unclaimed')).body as unknown as ListBody;
    expect(list.items.find((task) => task.id === key)).toMatchObject({
      name: 'Lập báo cáo công tác dân vận',
      assignee: null,
      processName: 'Báo cáo thử',
      unitName: 'Đảng bộ Sở Tài chính',
      period: '6 tháng đầu năm 2026',
    });
    expect(list.counts.unclaimed).toBeGreaterThanOrEqual(1);
    expect(list.counts.mine).toBe(0);

    const seen = (await outsider.get('/api/inbox/tasks?scope=all')).body as unknown as ListBody;
    expect(seen.items.map((task) => task.id)).not.toContain(key);
    for (const [method, path, body] of [
      ['GET', `/api/inbox/tasks/${key}`, undefined],
      ['POST', `/api/inbox/tasks/${key}/claim`, undefined],
      ['POST', `/api/inbox/tasks/${key}/unclaim`, undefined],
      ['PUT', `/api/inbox/tasks/${key}/draft`, { data: valid }],
      ['POST', `/api/inbox/tasks/${key}/complete`, { data: valid }],
    ] as const) {
      const answer = await outsider.request(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.code).toBe('task_not_found');
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('claims, keeps a draft, validates on the server (hidden fields not required, options enforced), completes once', async () => {
    const staff = await signedIn('btg.canbo');
    const head = await signedIn('btg.lanhdao');
    const key = await newReportTask(staff);

    expect((await staff.post(`/api/inbox/tasks/${key}/complete`, { data: valid })).status).toBe(409);
    expect((await staff.post(`/api/inbox/tasks/${key}/claim`)).status).toBe(204);
    // Another member of the group: the task is held, so claiming is a conflict and completing is forbidden.
    expect((await head.post(`/api/inbox/tasks/${key}/claim`)).status).toBe(409);
    expect((await head.post(`/api/inbox/tasks/${key}/complete`, { data: valid })).status).toBe(403);
    // The other members see who holds it by name, not by username.
    const held = await head.get(`/api/inbox/tasks/${key}`);
    expect(held.body).toMatchObject({ assignee: 'btg.canbo', assigneeName: 'Nguyễn Thị Lan' });

    const draft = await staff.request('PUT', `/api/inbox/tasks/${key}/draft`, { data: { tieuDe: 'Nháp' } });
    expect(draft.status).toBe(200);
    const detail = await staff.get(`/api/inbox/tasks/${key}`);
    expect(detail.body).toMatchObject({
      canComplete: true,
      canClaim: false,
      data: { tieuDe: 'Nháp', kyBaoCao: '6 tháng đầu năm 2026' },
    });
    expect((detail.body.form as { id: string }).id).toBe('bao-cao-thu-form');
    expect(detail.body.processName).toBe('Báo cáo thử');
    expect(detail.body).toMatchObject({ unitName: 'Đảng bộ Sở Tài chính', period: '6 tháng đầu năm 2026' });
    const diagram = detail.body.diagram as { bpmnXml: string; activeElementId: string };
    expect(diagram.activeElementId).toBe('lapBaoCao');
    expect(diagram.bpmnXml).toContain('<bpmn:userTask id="lapBaoCao"');
    expect((detail.body.history as { action: string }[]).map((entry) => entry.action)).toEqual([
      'Nhận việc',
      'Lưu nháp',
    ]);

    const refused = await staff.post(`/api/inbox/tasks/${key}/complete`, {
      data: { tieuDe: '', soMoHinh: 600, ketLuan: 'tot' },
    });
    expect(refused.status).toBe(422);
    const fields = (refused.body.errors ?? []).map((error) => error.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tieuDe/),
        expect.stringMatching(/soMoHinh/),
        expect.stringMatching(/ketLuan/),
      ]),
    );
    expect(fields.some((field) => field.includes('lyDo'))).toBe(false);
    expect(JSON.stringify(refused.body.errors)).toMatch(/bắt buộc|không nằm trong/);

    // lyDo is hidden unless ketLuan is "chua-dat": then it is required.
    const missingReason = await staff.post(`/api/inbox/tasks/${key}/complete`, {
      data: { ...valid, ketLuan: 'chua-dat' },
    });
    expect(missingReason.status).toBe(422);
    expect((missingReason.body.errors ?? []).map((error) => error.field).join()).toContain('lyDo');

    expect((await staff.post(`/api/inbox/tasks/${key}/complete`, { data: valid })).status).toBe(204);
    const again = await staff.post(`/api/inbox/tasks/${key}/complete`, { data: valid });
    expect(again.status).toBe(409);
  });

  it('refuses a forged completion without the CSRF token', async () => {
    const staff = await signedIn('btg.canbo');
    const key = await newReportTask(staff);
    const forged = await staff.request('POST', `/api/inbox/tasks/${key}/claim`, undefined, {
      'x-csrf-token': 'gia-mao',
    });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_rejected');
    const detail = await staff.get(`/api/inbox/tasks/${key}`);
    expect(detail.body.assignee).toBeNull();
  });
});
