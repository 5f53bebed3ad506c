/**
 * Issue 4, item 4: generated documents are stored and downloadable; a personnel opinion (Art. 6) only by the
 * bodies of the process and the nominating organisation.
 */
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentRoutes, RecordStore } from '../../src/app/records/index.js';
import { startHarness, type Harness } from '../app/support/app-harness.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { taoVanBan } from '../../src/workers/jobs/tao-van-ban.worker.js';
import { job } from './support.js';

let h: Harness;
let connection: Connection;
let records: RecordStore;
beforeAll(async () => {
  h = await startHarness(
    {},
    documentRoutes({ findDocument: (id) => records.findDocument(id) }, (username) =>
      h.module.directory.candidateGroupsOfUser(username),
    ),
  );
  connection = await mongoose.createConnection(h.db.uri).asPromise();
  records = new RecordStore(connection);
  await h.user('nv.btc', [{ unitCode: 'ban-to-chuc', roles: ['staff'] }]);
  await h.user('nv.btg', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
}, 60_000);
afterAll(async () => {
  await connection?.close();
  await h?.close();
});

const ISSUE = {
  soKyHieu: '45-CV/ĐUK',
  ngayBanHanh: '2026-06-22',
  nguoiKy: 'Nguyễn Văn An',
  chucVuNguoiKy: 'Phó Bí thư Thường trực',
};
const UNIT = {
  code: 'doan-thanh-nien',
  kind: 'doan-the',
  name: 'Đoàn Thanh niên Khối',
  group: 'doan-the:doan-thanh-nien',
  headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
};

describe('GET /api/documents/:id', () => {
  it('serves a personnel opinion as .docx to Ban Tổ chức and hides it from Ban Tuyên giáo', async () => {
    const deps = { records, clock: { now: () => new Date('2026-06-22T02:00:00Z') } } as never;
    const out = await taoVanBan.handle(
      job(
        {
          ...ISSUE,
          unit: UNIT,
          chucDanh: 'Bí thư Đoàn Thanh niên Khối',
          hoTenUngVien: 'Trần Văn Bình',
          nhiemKy: '2026-2031',
          quyetDinhBtv: 'dong-y',
        },
        { mauVanBan: 'van-ban-cho-y-kien-nhan-su' },
      ),
      deps,
    );
    const id = (out.vanBan as { id: string }).id;

    const btc = h.client();
    await btc.signIn('nv.btc');
    const response = await fetch(`${h.url}/api/documents/${encodeURIComponent(id)}`, {
      headers: { cookie: btc.cookie! },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    expect(response.headers.get('content-disposition')).toContain('.docx');
    const docx = openDocx(Buffer.from(await response.arrayBuffer()));
    expect(docx.text).toContain('Trần Văn Bình');

    const btg = h.client();
    await btg.signIn('nv.btg');
    const hidden = await btg.request('GET', `/api/documents/${encodeURIComponent(id)}`);
    expect(hidden.status).toBe(404);
    const anonymous = await h.client().request('GET', `/api/documents/${encodeURIComponent(id)}`);
    expect(anonymous.status).toBe(401);
  }, 60_000);
});
