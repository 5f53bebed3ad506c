/**
 * Issue 14, points 1–3 over HTTP: the studio's processes and versions, drafts, lint (Camunda's rules and ours),
 * deploy with the linked forms and roll back, each in the audit trail; staff get 403 on every studio route.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { LintReport, StudioProcessList } from '../../../src/shared/contracts/index.js';
import { HttpClient, eventually, startTestService, useBeforeAll } from '../../support/harness/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const seedXml = await readFile(path.join(root, 'processes/bao-cao-dan-van.bpmn'), 'utf8');
const stack = useBeforeAll(() => startTestService());

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

const report = async (client: HttpClient, xml: string) =>
  (await client.post('/api/admin/studio/lint', { xml })).body as unknown as LintReport;

const versionsOf = async (client: HttpClient, id: string) => {
  const list = (await client.get('/api/admin/studio/processes')).body as unknown as StudioProcessList;
  return list.processes.find((p) => p.processDefinitionId === id)?.versions ?? [];
};

describe('the studio API', () => {
  it('answers 403 to staff on every studio route', async () => {
    const staff = await signedIn('btv.canbo');
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/studio/processes'],
      ['GET', '/api/admin/studio/catalogue'],
      ['GET', '/api/admin/studio/processes/bao-cao-dan-van/versions/1/xml'],
      ['POST', '/api/admin/studio/lint', { xml: seedXml }],
      ['GET', '/api/admin/studio/drafts/process/bao-cao-dan-van'],
      ['PUT', '/api/admin/studio/drafts/process/bao-cao-dan-van', { content: seedXml }],
      ['DELETE', '/api/admin/studio/drafts/process/bao-cao-dan-van'],
      ['POST', '/api/admin/studio/processes/bao-cao-dan-van/deploy', { xml: seedXml, note: 'x' }],
      ['POST', '/api/admin/studio/processes/bao-cao-dan-van/rollback', { version: 1, note: '' }],
    ];
    for (const [method, url, body] of calls)
      expect((await staff.request(method, url, body)).status, `${method} ${url}`).toBe(403);
  }, 60_000);

  it('lists every process with its versions; the seed lints clean; our rules flag forms, job types, groups, FEEL', async () => {
    const admin = await signedIn('admin');
    const list = (await admin.get('/api/admin/studio/processes')).body as unknown as StudioProcessList;
    expect(list.processes.map((p) => p.processDefinitionId)).toEqual([
      'bao-cao-dan-van',
      'bao-cao-dot-xuat',
      'dan-van-kheo',
      'danh-gia-khen-thuong',
      'don-thu-kien-nghi',
      'giao-ban-quy',
      'y-kien-nhan-su',
    ]);
    expect(list.processes[0]?.versions).toEqual([
      expect.objectContaining({ version: 1, deployedBy: null, running: 0 }),
    ]);
    const catalogue = (await admin.get('/api/admin/studio/catalogue')).body;
    expect(catalogue.jobTypes).toContainEqual({ type: 'luu-bao-cao', name: 'Lưu báo cáo' });

    const clean = await report(admin, seedXml);
    expect(clean.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(clean.deployable).toBe(true);

    const broken = seedXml
      .replace('formId="bao-cao-dan-van-lap"', 'formId="bao-cao-dan-van-lap-moi"')
      .replace('type="luu-bao-cao"', 'type="luu-bao-cao-cu"')
      .replace('candidateGroups="ban-tuyen-giao"', 'candidateGroups="ban-khong-co"');
    const flagged = await report(admin, broken);
    expect(flagged.deployable).toBe(false);
    const rules = flagged.problems.map((p) => `${p.rule}: ${p.message}`);
    expect(rules).toContain(
      'form-exists: Biểu mẫu "bao-cao-dan-van-lap-moi" không tồn tại (chưa được đưa vào sử dụng).',
    );
    expect(rules).toContain('job-has-worker: Loại công việc tự động "luu-bao-cao-cu" không có bộ xử lý nào.');
    expect(rules).toContain('group-exists: Nhóm được giao "ban-khong-co" không có trong tổ chức.');
    const feel = await report(
      admin,
      seedXml.replace('candidateGroups="=[unit.group]"', 'candidateGroups="=[unit.group"'),
    );
    expect(feel.problems.map((p) => p.rule)).toContain('feel-parses');

    const bad = await admin.post('/api/admin/studio/lint', { xml: '<khong-phai-bpmn' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/không phải sơ đồ BPMN hợp lệ/);
  }, 60_000);

  it('keeps one draft per administrator; refuses a draft of another process', async () => {
    const admin = await signedIn('admin');
    const url = '/api/admin/studio/drafts/process/bao-cao-dan-van';
    expect((await admin.get(url)).body).toBeNull();
    expect((await admin.request('PUT', url, { content: seedXml })).status).toBe(200);
    expect((await admin.get(url)).body.content).toBe(seedXml);
    const other = await admin.request('PUT', '/api/admin/studio/drafts/process/giao-ban-quy', {
      content: seedXml,
    });
    expect(other.status).toBe(400);
    expect((await admin.request('DELETE', url)).status).toBe(204);
    expect((await admin.get(url)).body).toBeNull();
  }, 60_000);

  it('deploys a new version with its forms, refuses one with lint errors, rolls back; all in the audit trail', async () => {
    const admin = await signedIn('admin');
    const deployUrl = '/api/admin/studio/processes/bao-cao-dan-van/deploy';
    const blocked = await admin.post(deployUrl, {
      xml: seedXml.replace('formId="bao-cao-dan-van-lap"', 'formId="khong-co"'),
      note: 'thử',
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors).toEqual([
      { field: 'Task_LapBaoCao', message: 'Biểu mẫu "khong-co" không tồn tại (chưa được đưa vào sử dụng).' },
    ]);

    // An instance started on version 1 stays there.
    await stack.service.engineClients.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: {},
    });
    const changed = seedXml.replace('name="Lập báo cáo', 'name="Lập báo cáo (sửa)');
    expect(changed).not.toBe(seedXml);
    const deployed = await admin.post(deployUrl, { xml: changed, note: 'Đổi tên bước lập báo cáo' });
    expect(deployed.status).toBe(201);
    expect(deployed.body).toMatchObject({ processDefinitionId: 'bao-cao-dan-van', version: 2 });
    expect((deployed.body.forms as { formId: string }[]).map((f) => f.formId)).toContain(
      'bao-cao-dan-van-lap',
    );

    await eventually(async () => {
      const versions = await versionsOf(admin, 'bao-cao-dan-van');
      expect(versions[0]).toMatchObject({
        version: 2,
        deployedBy: 'admin',
        note: 'Đổi tên bước lập báo cáo',
      });
      expect(versions[1]).toMatchObject({ version: 1, running: 1 });
    });
    const v2 = await admin.get('/api/admin/studio/processes/bao-cao-dan-van/versions/2/xml');
    expect(v2.body.xml).toContain('Lập báo cáo (sửa)');

    const rolledBack = await admin.post('/api/admin/studio/processes/bao-cao-dan-van/rollback', {
      version: 1,
      note: '',
    });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body.version).toBe(3);
    const v3 = await admin.get('/api/admin/studio/processes/bao-cao-dan-van/versions/3/xml');
    expect(v3.body.xml).toBe(seedXml);

    // The trail is written once the route has answered: read it until it shows both.
    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?actor=admin');
      const actions = (audit.body.items as { action: string; detail: Record<string, string> }[]).map(
        (entry) => `${entry.action} ${entry.detail.version ?? ''}`,
      );
      expect(actions).toEqual(expect.arrayContaining(['process.deploy 2', 'process.rollback 3']));
    });
  }, 90_000);
});
