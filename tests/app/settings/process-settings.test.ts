/**
 * Issue 14, point 6: the report deadlines are settings, versioned, validated and audited, and the worker reads them
 * at run time: a period started after a change gets the new deadline, one started before keeps the old one.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { ProcessSettings } from '../../../src/shared/contracts/index.js';
import {
  HttpClient,
  eventually,
  noWait,
  startTestService,
  useBeforeAll,
} from '../../support/harness/index.js';

const stack = useBeforeAll(() => startTestService({ clock: '2027-04-01T02:00:00.000Z' }));

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

async function reportDueOf(processInstanceKey: string): Promise<string> {
  const rest = stack.service.engineClients.rest;
  return eventually(async () => {
    const found = await rest.searchVariables(
      { filter: { processInstanceKey, name: 'reportDueDate' } } as never,
      noWait,
    );
    const item = (found.items as { value?: string }[])[0];
    expect(item?.value).toBeTruthy();
    return JSON.parse(item!.value!) as string;
  });
}

const startPeriod = async () =>
  String(
    (
      await stack.service.engineClients.zeebe.createProcessInstance({
        bpmnProcessId: 'bao-cao-dan-van',
        variables: { loaiKy: '6-thang', nam: 2027 },
      })
    ).processInstanceKey,
  );

describe('process settings', () => {
  it('are for administrators only', async () => {
    const staff = await signedIn('btv.canbo');
    expect((await staff.get('/api/admin/settings')).status).toBe(403);
    expect((await staff.get('/api/admin/settings/history')).status).toBe(403);
    expect((await staff.request('PUT', '/api/admin/settings', {})).status).toBe(403);
  });

  it('are validated, versioned and audited, and a period started after a change uses the new deadline', async () => {
    const admin = await signedIn('admin');
    const current = (await admin.get('/api/admin/settings')).body as unknown as ProcessSettings;
    expect(current.version).toBe(0);
    expect(current.values.baoCaoDanVan['6-thang'].reportDue).toBe('05-20');

    const before = await startPeriod();
    expect(await reportDueOf(before)).toContain('2027-05-20');

    const values = structuredClone(current.values);
    values.baoCaoDanVan['6-thang'].reportDue = '02-30';
    const impossible = await admin.request('PUT', '/api/admin/settings', {
      baseVersion: 0,
      values,
      note: 'x',
    });
    expect(impossible.status).toBe(400);
    expect(impossible.body.detail).toMatch(/không phải ngày có thật/);
    values.baoCaoDanVan['6-thang'].reportDue = '05-25';
    const malformed = await admin.request('PUT', '/api/admin/settings', {
      baseVersion: 0,
      values: { ...values, extra: 1 },
      note: 'x',
    });
    expect(malformed.status).toBe(400);

    const saved = await admin.request('PUT', '/api/admin/settings', {
      baseVersion: 0,
      values,
      note: 'Hạn báo cáo 6 tháng lùi đến 25/05',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const stale = await admin.request('PUT', '/api/admin/settings', { baseVersion: 0, values, note: 'lại' });
    expect(stale.status).toBe(409);

    const after = await startPeriod();
    expect(await reportDueOf(after)).toContain('2027-05-25');
    expect(await reportDueOf(before)).toContain('2027-05-20');

    const history = (await admin.get('/api/admin/settings/history')).body.items as ProcessSettings[];
    expect(history.map((entry) => entry.version)).toEqual([1]);
    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?action=settings.update');
      expect((audit.body.items as { detail: { version: string } }[])[0]?.detail.version).toBe('1');
    });
  }, 90_000);
});
