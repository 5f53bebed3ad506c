/**
 * Issue 14, point 4 over HTTP: decision tables in the studio. A DMN file is checked (DMN parser, FEEL of each cell),
 * deployed as a new version through DeployResource, rolled back, each in the audit trail; a file the engine cannot run
 * is refused with the engine's reason after a Vietnamese lead, and nothing is deployed; staff get 403.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { LintReport, StudioDecisionList } from '../../../src/shared/contracts/index.js';
import {
  HttpClient,
  decisionTable,
  dmnXml,
  eventually,
  loose,
  startTestService,
  useBeforeAll,
} from '../../support/harness/index.js';

const stack = useBeforeAll(() => startTestService());
const ID = 'dieu-kien-khen-thuong';
const BASE = `/api/admin/studio/decisions/${ID}`;

/** Commendation eligibility: a unit rated "xuat-sac" for `years` years in a row or more is eligible. */
const eligibility = (years: number, extra = '') =>
  dmnXml(
    ID,
    [
      decisionTable({
        id: 'du-dieu-kien-khen-thuong',
        name: 'Đủ điều kiện khen thưởng',
        hitPolicy: 'FIRST',
        inputs: [
          { id: 'in_xepLoai', label: 'Xếp loại', expression: 'xepLoai' },
          { id: 'in_soNam', label: 'Số năm liên tục', expression: 'soNam' },
        ],
        outputs: [{ id: 'out_duDieuKien', name: 'duDieuKien', label: 'Đủ điều kiện' }],
        rules: [
          { id: 'r_du', when: ['"xuat-sac"', `>= ${years}`], then: [`true${extra}`] },
          { id: 'r_khong', when: ['-', '-'], then: ['false'] },
        ],
      }),
    ],
    'Điều kiện khen thưởng',
  );

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

const listOf = async (client: HttpClient) =>
  ((await client.get('/api/admin/studio/decisions')).body as unknown as StudioDecisionList).decisions;

async function eligible(years: number): Promise<unknown> {
  const result = await stack.service.engineClients.rest.evaluateDecision(
    loose({
      decisionDefinitionId: 'du-dieu-kien-khen-thuong',
      variables: { xepLoai: 'xuat-sac', soNam: years },
    }),
  );
  return result.output === undefined ? undefined : JSON.parse(String(result.output));
}

describe('decision tables in the studio API', () => {
  it('answers 403 to staff on every decision route', async () => {
    const staff = await signedIn('btv.canbo');
    const xml = eligibility(2);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/studio/decisions'],
      ['GET', `${BASE}/versions/1/xml`],
      ['POST', `${BASE}/check`, { xml }],
      ['POST', `${BASE}/deploy`, { xml, note: 'x' }],
      ['POST', `${BASE}/rollback`, { version: 1, note: '' }],
      ['GET', `/api/admin/studio/drafts/decision/${ID}`],
      ['PUT', `/api/admin/studio/drafts/decision/${ID}`, { content: xml }],
    ];
    for (const [method, url, body] of calls)
      expect((await staff.request(method, url, body)).status, `${method} ${url}`).toBe(403);
    expect(await listOf(await signedIn('admin'))).toEqual([]);
  }, 60_000);

  it('refuses bad files with a 4xx and a Vietnamese reason, the engine’s own for what only it finds; nothing is deployed', async () => {
    const admin = await signedIn('admin');
    const notDmn = await admin.post(`${BASE}/check`, { xml: '<khong-phai-dmn' });
    expect(notDmn.status).toBe(400);
    expect(notDmn.body.detail).toMatch(/^Tệp không phải bảng quyết định DMN hợp lệ/);

    const other = await admin.post('/api/admin/studio/decisions/bang-khac/check', { xml: eligibility(2) });
    expect(other.status).toBe(400);
    expect(other.body.detail).toBe(`Tệp là của bảng quyết định "${ID}", không phải "bang-khac".`);

    expect((await admin.post(`${BASE}/check`, { xml: eligibility(2), extra: 1 })).status).toBe(400);
    expect(
      (await admin.post('/api/admin/studio/decisions/..%2Fx/check', { xml: eligibility(2) })).status,
    ).toBe(400);

    // A cell whose FEEL does not parse: the check names the row, and deploying is refused with the problems.
    const brokenCell = eligibility(2).replace('&gt;= 2', '&gt;= (2');
    expect(brokenCell).not.toBe(eligibility(2));
    const report = (await admin.post(`${BASE}/check`, { xml: brokenCell })).body as unknown as LintReport;
    expect(report.deployable).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ rule: 'feel-parses', message: 'Dòng 1: điều kiện ">= (2" không đọc được.' }),
    );
    const blocked = await admin.post(`${BASE}/deploy`, { xml: brokenCell, note: 'thử' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors?.[0]?.message).toBe('Dòng 1: điều kiện ">= (2" không đọc được.');

    // What passes our checks but the engine cannot run: an aggregation on a FIRST table. The engine's reason shows.
    const aggregated = eligibility(2).replace('hitPolicy="FIRST"', 'hitPolicy="FIRST" aggregation="SUM"');
    expect(
      ((await admin.post(`${BASE}/check`, { xml: aggregated })).body as unknown as LintReport).deployable,
    ).toBe(true);
    const refused = await admin.post(`${BASE}/deploy`, { xml: aggregated, note: 'thử' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('engine_rejected');
    expect(refused.body.detail).toMatch(
      /^Bộ máy quy trình từ chối tệp: .*needs the hit policy COLLECT, not FIRST/,
    );

    expect(await listOf(admin)).toEqual([]);
  }, 60_000);

  it('keeps a draft of a decision table per administrator; refuses one of another table', async () => {
    const admin = await signedIn('admin');
    const url = `/api/admin/studio/drafts/decision/${ID}`;
    expect((await admin.request('PUT', url, { content: eligibility(3) })).status).toBe(200);
    expect((await admin.get(url)).body.content).toBe(eligibility(3));
    const other = await admin.request('PUT', '/api/admin/studio/drafts/decision/bang-khac', {
      content: eligibility(3),
    });
    expect(other.status).toBe(400);
    const notDmn = await admin.request('PUT', url, { content: '<x/>' });
    expect(notDmn.status).toBe(400);
    expect((await admin.get(url)).body.content).toBe(eligibility(3));
  }, 60_000);

  it('deploys versions that the engine evaluates, lists them with who and why, rolls back; all audited', async () => {
    const admin = await signedIn('admin');
    const first = await admin.post(`${BASE}/deploy`, { xml: eligibility(2), note: 'Bảng ban đầu' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      decisionRequirementsId: ID,
      version: 1,
      decisions: [{ decisionDefinitionId: 'du-dieu-kien-khen-thuong', version: 1 }],
    });
    // Deploying discards the administrator's draft.
    expect((await admin.get(`/api/admin/studio/drafts/decision/${ID}`)).body).toBeNull();
    expect(await eligible(2)).toBe(true);

    const second = await admin.post(`${BASE}/deploy`, { xml: eligibility(3), note: 'Cần 3 năm liên tục' });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(await eligible(2)).toBe(false);
    expect(await eligible(3)).toBe(true);

    await eventually(async () => {
      const [resource] = await listOf(admin);
      expect(resource).toMatchObject({ decisionRequirementsId: ID, name: 'Điều kiện khen thưởng' });
      expect(resource?.versions.map((v) => [v.version, v.deployedBy, v.note])).toEqual([
        [2, 'admin', 'Cần 3 năm liên tục'],
        [1, 'admin', 'Bảng ban đầu'],
      ]);
      expect(resource?.versions[0]?.decisions).toEqual([
        { decisionDefinitionId: 'du-dieu-kien-khen-thuong', name: 'Đủ điều kiện khen thưởng' },
      ]);
    });
    const v1 = await admin.get(`${BASE}/versions/1/xml`);
    expect(v1.body.xml).toBe(eligibility(2));
    expect((await admin.get(`${BASE}/versions/9/xml`)).status).toBe(404);

    const rolledBack = await admin.post(`${BASE}/rollback`, { version: 1, note: '' });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body.version).toBe(3);
    expect(await eligible(2)).toBe(true);

    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?actor=admin');
      const actions = (audit.body.items as { action: string; detail: Record<string, string> }[]).map(
        (entry) => `${entry.action} ${entry.detail.version ?? ''} ${entry.detail.from ?? ''}`.trim(),
      );
      expect(actions).toEqual(
        expect.arrayContaining(['decision.deploy 1', 'decision.deploy 2', 'decision.rollback 3 1']),
      );
    });
  }, 90_000);
});
