/**
 * Issue 14, point 6: every process's deadlines, the start table and the document symbols are one versioned, audited
 * settings document, validated on the server field by field. A version saved before the new sections existed reads
 * with their defaults; a saved start rule decides who may start at the next request.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { ProcessSettings, ProcessSettingsValues } from '../../../src/shared/contracts/index.js';
import { HttpClient, eventually, startTestService, useBeforeAll } from '../../support/harness/index.js';

const stack = useBeforeAll(() => startTestService({ clock: '2027-04-01T02:00:00.000Z' }));

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

const fieldsOf = (body: Record<string, unknown>) =>
  Object.fromEntries((body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));

async function startable(username: string): Promise<string[]> {
  const client = await signedIn(username);
  const list = await client.get('/api/processes/startable/summary');
  expect(list.status).toBe(200);
  return (list.body.items as { processId: string }[]).map((item) => item.processId);
}

describe('the settings sections', () => {
  it('are for administrators only, choices included', async () => {
    const staff = await signedIn('btg.canbo');
    expect((await staff.get('/api/admin/settings/choices')).status).toBe(403);
    const admin = await signedIn('admin');
    const values = ((await admin.get('/api/admin/settings')).body as unknown as ProcessSettings).values;
    expect(
      (await staff.request('PUT', '/api/admin/settings', { baseVersion: 0, values, note: 'x' })).status,
    ).toBe(403);
    const choices = await admin.get('/api/admin/settings/choices');
    expect(choices.body.processes).toContainEqual({
      processId: 'y-kien-nhan-su',
      name: 'Đề nghị cho ý kiến về nhân sự',
    });
  });

  it('answer every bad field at its own path, and save nothing', async () => {
    const admin = await signedIn('admin');
    const current = (await admin.get('/api/admin/settings')).body as unknown as ProcessSettings;
    expect(current.values.giaoBanQuy.quy.briefDaysBeforeMeeting).toBe(5);
    expect(current.values.documentSymbols.processes['bao-cao-dan-van']).toBe('BC');

    const shapeless = structuredClone(current.values);
    shapeless.yKienNhanSu.checkDays = 181;
    shapeless.giaoBanQuy.quy.proposalDays = 2.5;
    shapeless.documentSymbols.issuer = 'đuk';
    shapeless.documentSymbols.processes['giao-ban-quy'] = '';
    shapeless.startRules[0]!.roles = [];
    const refused = await admin.request('PUT', '/api/admin/settings', {
      baseVersion: 0,
      values: shapeless,
      note: 'x',
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(fieldsOf(refused.body))).toEqual(
      expect.arrayContaining([
        '/values/yKienNhanSu/checkDays',
        '/values/giaoBanQuy/quy/proposalDays',
        '/values/documentSymbols/issuer',
        '/values/documentSymbols/processes/giao-ban-quy',
        '/values/startRules/0/roles',
      ]),
    );

    const unreal = structuredClone(current.values);
    unreal.danhGiaKhenThuong.nam.evaluationDue = '02-30';
    unreal.giaoBanQuy.quy.cutoffDaysBeforeMeeting = 6;
    unreal.yKienNhanSu.decisionDays = 10;
    unreal.startRules[1]!.units = ['van-phong', 'ban-khong-co'];
    unreal.startRules.push({ processId: 'quy-trinh-la', units: [], kinds: ['ban'], roles: ['staff'] });
    const wrong = await admin.request('PUT', '/api/admin/settings', {
      baseVersion: 0,
      values: unreal,
      note: 'x',
    });
    expect(wrong.status).toBe(400);
    const fields = fieldsOf(wrong.body);
    expect(fields['/values/danhGiaKhenThuong/nam/evaluationDue']).toMatch(/không phải ngày có thật/);
    expect(fields['/values/giaoBanQuy/quy/cutoffDaysBeforeMeeting']).toMatch(/Hạn chốt nhận/);
    expect(fields['/values/yKienNhanSu/decisionDays']).toMatch(/bước sau/);
    expect(fields['/values/startRules/1/units/1']).toBe('Không có đơn vị mã "ban-khong-co".');
    expect(fields[`/values/startRules/${unreal.startRules.length - 1}/processId`]).toMatch(/quy-trinh-la/);
    expect(((await admin.get('/api/admin/settings')).body as unknown as ProcessSettings).version).toBe(0);
  });

  it('read a version saved before the new sections with their defaults, then version and audit the next', async () => {
    // What the first settings version stored: the report deadlines only.
    const old: Partial<ProcessSettingsValues> = {
      baoCaoDanVan: {
        '6-thang': {
          reportDue: '05-25',
          reminderDaysBefore: 3,
          collectionGraceDays: 10,
          synthesisDays: 10,
          approvalDays: 7,
        },
        nam: {
          reportDue: '11-20',
          reminderDaysBefore: 3,
          collectionGraceDays: 10,
          synthesisDays: 10,
          approvalDays: 7,
        },
      },
    };
    await stack.service.connection
      .collection('process_settings_versions')
      .insertOne({ _id: 1 as never, values: old, updatedBy: 'admin', updatedAt: new Date(), note: 'cũ' });
    const admin = await signedIn('admin');
    const read = (await admin.get('/api/admin/settings')).body as unknown as ProcessSettings;
    expect(read.version).toBe(1);
    expect(read.values.baoCaoDanVan['6-thang'].reportDue).toBe('05-25');
    expect(read.values.danhGiaKhenThuong.nam.evaluationDue).toBe('12-05');
    expect(read.values.yKienNhanSu.issueDays).toBe(35);
    expect(read.values.startRules.map((rule) => rule.processId)).toContain('bao-cao-dot-xuat');
    expect(read.values.documentSymbols.issuer).toBe('ĐUK');

    // Who may start: bao-cao-dan-van moves from Ban Tuyên giáo to Văn phòng.
    expect(await startable('btg.canbo')).toContain('bao-cao-dan-van');
    expect(await startable('vanphong.canbo')).not.toContain('bao-cao-dan-van');
    const values = structuredClone(read.values);
    const rule = values.startRules.find((r) => r.processId === 'bao-cao-dan-van')!;
    rule.units = ['van-phong'];
    values.yKienNhanSu.checkDays = 7;
    const saved = await admin.request('PUT', '/api/admin/settings', {
      baseVersion: 1,
      values,
      note: 'Văn phòng khởi tạo báo cáo dân vận',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(await startable('vanphong.canbo')).toContain('bao-cao-dan-van');
    expect(await startable('btg.canbo')).not.toContain('bao-cao-dan-van');
    const btg = await signedIn('btg.canbo');
    expect((await btg.request('POST', '/api/processes/bao-cao-dan-van/start', { data: {} })).status).toBe(
      403,
    );

    const history = (await admin.get('/api/admin/settings/history')).body.items as ProcessSettings[];
    expect(history.map((entry) => [entry.version, entry.note])).toEqual([
      [2, 'Văn phòng khởi tạo báo cáo dân vận'],
      [1, 'cũ'],
    ]);
    expect(history[0]!.values.yKienNhanSu.checkDays).toBe(7);
    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?action=settings.update');
      const entries = audit.body.items as { actor: string; detail: { version: string; note: string } }[];
      expect(entries[0]?.detail).toMatchObject({ version: '2', note: 'Văn phòng khởi tạo báo cáo dân vận' });
    });
  }, 90_000);
});
