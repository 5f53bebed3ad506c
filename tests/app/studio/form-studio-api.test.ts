/**
 * Issue 14, point 4 over HTTP: forms in the studio — which steps use each, validation by the server's form compiler,
 * deploy as a new version through DeployResource (audited), and the next process deploy carries the new version.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { FormStudioList, StudioFormDetail } from '../../../src/shared/contracts/index.js';
import { HttpClient, eventually, startTestService, useBeforeAll } from '../../support/harness/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const stack = useBeforeAll(() => startTestService());
const FORM = 'bao-cao-dan-van-lap';

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

describe('forms in the studio', () => {
  it('answers 403 to staff', async () => {
    const staff = await signedIn('btv.canbo');
    expect((await staff.get('/api/admin/studio/forms')).status).toBe(403);
    expect((await staff.get(`/api/admin/studio/forms/${FORM}`)).status).toBe(403);
    expect(
      (await staff.post(`/api/admin/studio/forms/${FORM}/deploy`, { content: '{}', note: '' })).status,
    ).toBe(403);
  });

  it('lists who uses each form, refuses bad schemas with a clear message, deploys a new version', async () => {
    const admin = await signedIn('admin');
    const list = (await admin.get('/api/admin/studio/forms')).body as unknown as FormStudioList;
    const form = list.forms.find((f) => f.formId === FORM);
    expect(form?.usedBy).toEqual([
      { processDefinitionId: 'bao-cao-dan-van', elementId: 'Task_LapBaoCao', name: 'Lập báo cáo' },
    ]);

    const detail = (await admin.get(`/api/admin/studio/forms/${FORM}`)).body as unknown as StudioFormDetail;
    expect(detail.content).toBe(await readFile(path.join(root, 'forms', `${FORM}.form`), 'utf8'));

    const notJson = await admin.post(`/api/admin/studio/forms/${FORM}/validate`, { content: '{khong' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.detail).toBe('Tệp biểu mẫu không phải JSON hợp lệ.');
    const noComponents = await admin.post(`/api/admin/studio/forms/${FORM}/validate`, {
      content: JSON.stringify({ id: FORM, type: 'default' }),
    });
    expect(noComponents.status).toBe(400);
    expect(noComponents.body.detail).toMatch(/components/);
    const otherId = await admin.post(`/api/admin/studio/forms/${FORM}/validate`, {
      content: JSON.stringify({ id: 'khac', components: [] }),
    });
    expect(otherId.status).toBe(400);

    const schema = JSON.parse(detail.content) as { components: object[] };
    schema.components.push({
      id: 'Field_ghiChuThem',
      key: 'ghiChuThem',
      label: 'Ghi chú thêm',
      type: 'textfield',
    });
    const deployed = await admin.post(`/api/admin/studio/forms/${FORM}/deploy`, {
      content: JSON.stringify(schema),
      note: 'Thêm trường ghi chú',
    });
    expect(deployed.status).toBe(201);
    expect(deployed.body).toEqual({ formId: FORM, version: 2 });

    const after = (await admin.get('/api/admin/studio/forms')).body as unknown as FormStudioList;
    expect(after.forms.find((f) => f.formId === FORM)?.versions).toEqual([
      expect.objectContaining({ version: 2, deployedBy: 'admin', note: 'Thêm trường ghi chú' }),
    ]);
    expect((await admin.get(`/api/admin/studio/forms/${FORM}`)).body.content as string).toContain(
      'ghiChuThem',
    );
    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?action=form.deploy');
      expect((audit.body.items as { detail: { version: string } }[])[0]?.detail.version).toBe('2');
    });
  }, 60_000);
});
