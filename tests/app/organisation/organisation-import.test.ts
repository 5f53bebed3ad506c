import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type HttpClient, startTestApp, type TestApp } from '../../support/harness/index.js';
import { csvOf, HEADER, importBody, organisationRows, xlsxOf } from './support/org-sheet.js';

let h: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  h = await startTestApp({ SESSION_TTL_MINUTES: '600' });
  await h.user('quantri', [{ unitCode: 'van-phong', roles: ['admin'] }]);
  admin = h.client();
  await admin.signIn('quantri');
});
afterAll(async () => h?.close());

const counts = async () => ({
  units: await h.connection.collection('units').countDocuments(),
  users: await h.connection.collection('users').countDocuments(),
});

describe('importing the organisation from a spreadsheet', () => {
  it('offers a template whose columns the import reads', async () => {
    const response = await fetch(`${h.url}/api/admin/organisation/import-template`, {
      headers: { cookie: admin.cookie ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('mau-nhap-to-chuc.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const header = (workbook.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(HEADER);
    // The template's own example rows pass the check.
    const template = Buffer.from(await workbook.xlsx.writeBuffer());
    const checked = await admin.post(
      '/api/admin/organisation/import',
      importBody('mau.xlsx', template, false),
    );
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      applied: false,
      summary: { unitsCreated: 2, unitsRenamed: 1, usersCreated: 3 },
    });
  });

  it('refuses a bad sheet with an error per row in Vietnamese, and writes nothing', async () => {
    const before = await counts();
    const rows = organisationRows(5);
    rows[2] = ['Sai Ma', 'Tên', 'Ban', '', '', '', '', '', ''];
    rows[4] = [
      'don-vi-03',
      'Đảng bộ Đơn vị số 3',
      'Ban',
      'Cơ quan',
      'x',
      'Ai đó',
      'Chủ tịch',
      'khong-phai-email',
      '',
    ];
    rows.push(['don-vi-99', '', '', '', 'dv99.canbo', 'Người Mới', 'Cán bộ', '', '']);
    const response = await admin.post(
      '/api/admin/organisation/import',
      importBody('sai.xlsx', await xlsxOf(rows), true),
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('import_invalid');
    expect(response.body.detail).toContain('chưa có gì được ghi');
    const messages = (response.body.errors ?? []).map((error) => error.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Dòng 4, cột "Mã đơn vị": "Sai Ma" không hợp lệ/),
        expect.stringMatching(/^Dòng 6, cột "Khối": chỉ dùng cho tổ chức cơ sở đảng/),
        expect.stringMatching(/^Dòng 6, cột "Tên đăng nhập": "x" không hợp lệ/),
        expect.stringMatching(/^Dòng 6, cột "Vai trò": "Chủ tịch" không hợp lệ/),
        expect.stringMatching(/^Dòng 6, cột "Email"/),
      ]),
    );
    expect(response.body.errors?.[0]?.field).toBe('/rows/4/Mã đơn vị');
    expect(await counts()).toEqual(before);

    // A sheet whose rows are each fine but which names an unknown unit without describing it: refused as a whole.
    const unknown = await admin.post(
      '/api/admin/organisation/import',
      importBody(
        'thieu.csv',
        csvOf([...organisationRows(3), ['don-vi-77', '', '', '', 'a.b', 'An Bình', 'Cán bộ', '', '']]),
        true,
      ),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.map((e) => e.message)).toEqual([
      expect.stringContaining('Dòng 8, cột "Mã đơn vị": chưa có đơn vị "don-vi-77"'),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a sector given to a unit that cannot have one, even on another row, before writing anything', async () => {
    const before = await counts();
    const sheet = csvOf([
      ['ban-moi', 'Ban Mới', 'Ban', '', '', '', '', '', ''],
      ['ban-moi', '', '', 'Cơ quan', '', '', '', '', ''],
      ['van-phong', '', '', 'Doanh nghiệp', '', '', '', '', ''],
    ]);
    const response = await admin.post('/api/admin/organisation/import', importBody('khoi.csv', sheet, true));
    expect(response.status).toBe(422);
    expect(response.body.errors?.map((e) => e.message)).toEqual([
      'Dòng 2, cột "Khối": chỉ dùng cho tổ chức cơ sở đảng.',
      'Dòng 4, cột "Khối": chỉ dùng cho tổ chức cơ sở đảng.',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses what is not a spreadsheet, and headers it does not know, as 4xx', async () => {
    const garbage = await admin.post(
      '/api/admin/organisation/import',
      importBody('x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), true),
    );
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('import_unreadable');
    const header = await admin.post(
      '/api/admin/organisation/import',
      importBody('x.csv', csvOf([['a']], ['Mã số thuế']), true),
    );
    expect(header.status).toBe(422);
    expect(header.body.errors?.map((e) => e.message)).toEqual([
      'Dòng 1 (tiêu đề): Cột "Mã số thuế" không có trong tệp mẫu.',
      'Dòng 1 (tiêu đề): Thiếu cột "Mã đơn vị".',
    ]);
    const notBase64 = await admin.post('/api/admin/organisation/import', {
      fileName: 'x.csv',
      contentBase64: '***',
      apply: true,
    });
    expect(notBase64.status).toBe(400);
  });

  it('imports 30 units with their heads and staff, from CSV as from .xlsx, and a second run changes nothing', async () => {
    const before = await counts();
    const rows = organisationRows(30);
    const checked = await admin.post(
      '/api/admin/organisation/import',
      importBody('to-chuc.csv', csvOf(rows, HEADER, ';'), false),
    );
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      applied: false,
      rows: 60,
      summary: { unitsCreated: 30, usersCreated: 60 },
    });
    expect(await counts()).toEqual(before);

    const applied = await admin.post(
      '/api/admin/organisation/import',
      importBody('to-chuc.csv', csvOf(rows, HEADER, ';'), true),
    );
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, summary: { unitsCreated: 30, usersCreated: 60 } });
    expect(await counts()).toEqual({ units: before.units + 30, users: before.users + 60 });

    const head = await admin.get('/api/admin/users/dv7.lanhdao');
    expect(head.body).toMatchObject({
      fullName: 'Nguyễn Văn Lãnh 7',
      memberships: [{ unitCode: 'don-vi-07', roles: ['head'] }],
      active: true,
      mustChangePassword: true,
      hasPassword: false,
    });
    const unit = await admin.get('/api/admin/units/don-vi-07');
    expect(unit.body).toMatchObject({ kind: 'co-so', sector: 'don-vi-su-nghiep', active: true });
    // No password: nobody can sign in to an imported account until an administrator sets a temporary one.
    expect((await h.client().signIn('dv7.lanhdao', '')).status).toBeGreaterThanOrEqual(400);

    // The same organisation again, as .xlsx, with one more role: only that role is written.
    const again = await admin.post(
      '/api/admin/organisation/import',
      importBody(
        'to-chuc.xlsx',
        await xlsxOf([
          ...rows,
          ['don-vi-08', '', '', '', 'dv7.lanhdao', 'Nguyễn Văn Lãnh 7', 'Cán bộ', '', ''],
        ]),
        true,
      ),
    );
    expect(again.body).toMatchObject({
      summary: {
        unitsCreated: 0,
        unitsUnchanged: 30,
        usersCreated: 0,
        membershipsAdded: 1,
        usersUnchanged: 59,
      },
    });
    expect(await counts()).toEqual({ units: before.units + 30, users: before.users + 60 });
    expect((await admin.get('/api/admin/users/dv7.lanhdao')).body.memberships).toEqual([
      { unitCode: 'don-vi-07', roles: ['head'] },
      { unitCode: 'don-vi-08', roles: ['staff'] },
    ]);
    // The trail is written once the answer has gone out: read until it is there.
    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?action=organisation.import');
      expect(audit.body.total).toBe(2);
      expect((audit.body.items as { detail: Record<string, string> }[])[1]?.detail).toMatchObject({
        unitsCreated: '30',
      });
    });
  });

  it('completes an import interrupted after part of its writes when the same file is imported again', async () => {
    const rows = organisationRows(34).slice(60);
    const file = csvOf(rows);
    // What a crash half-way leaves: the journal open, one of the two units and one account written.
    await h.connection.collection('organisation_imports').insertOne({
      _id: 'x'.repeat(64) as never,
      fileName: 'gian-doan.csv',
      by: 'quantri',
      status: 'writing',
      startedAt: new Date('2026-12-01T01:00:00Z'),
      summary: {},
    });
    await h.module.directory.units.ensure({
      code: 'don-vi-31',
      name: 'Đảng bộ Đơn vị số 31',
      kind: 'co-so',
      sector: 'don-vi-su-nghiep',
    });
    await h.module.directory.users.ensureWithoutPassword({
      username: 'dv31.lanhdao',
      fullName: 'Nguyễn Văn Lãnh 31',
    });
    const interrupted = await admin.get('/api/admin/organisation/imports/interrupted');
    expect(interrupted.body.items).toEqual([expect.objectContaining({ fileName: 'gian-doan.csv' })]);
    expect(JSON.stringify(interrupted.body.items)).not.toContain('to-chuc');

    const resumed = await admin.post(
      '/api/admin/organisation/import',
      importBody('gian-doan.csv', file, true),
    );
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({
      summary: { unitsCreated: 3, unitsUnchanged: 1, usersCreated: 7, membershipsAdded: 1 },
    });
    expect((await admin.get('/api/admin/users/dv31.lanhdao')).body.memberships).toEqual([
      { unitCode: 'don-vi-31', roles: ['head'] },
    ]);
  });

  it('lets only administrators check, import or download the template', async () => {
    await h.user('canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
    await h.user('giamsat2', [{ unitCode: 'ubkt', roles: ['supervisor'] }]);
    for (const username of ['canbo', 'giamsat2']) {
      const client = h.client();
      await client.signIn(username);
      expect((await client.get('/api/admin/organisation/import-template')).status).toBe(403);
      const body = importBody('a.csv', csvOf(organisationRows(1)), true);
      expect((await client.post('/api/admin/organisation/import', body)).status).toBe(403);
    }
    expect(await h.connection.collection('units').countDocuments({ code: 'don-vi-01' })).toBe(1);
  });
});
