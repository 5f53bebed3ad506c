import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitRefOf } from '../../../src/app/organisation/index.js';
import {
  createProcessStartModule,
  formsDirectoryLoader,
  ProcessStartStore,
  type ProcessStarter,
} from '../../../src/app/process-start/index.js';
import type { RouteDefinition } from '../../../src/app/http/route.types.js';
import { addDays, vietnamToday } from '../../../src/shared/vn-date.js';
import { startTestApp, type TestApp } from '../../support/harness/index.js';

const started: { processId: string; variables: Record<string, unknown> }[] = [];
const fakeStarter: ProcessStarter = {
  start(processId, variables) {
    started.push({ processId, variables });
    return Promise.resolve(String(2251799813685000 + started.length));
  },
};

describe('starting a process from its start form', () => {
  let h: TestApp;

  beforeAll(async () => {
    // The harness takes its routes when it starts; these delegate to the module built over its connection.
    const late: { routes?: RouteDefinition[] } = {};
    const paths = [
      { method: 'get', path: '/api/processes/startable' },
      { method: 'post', path: '/api/processes/:processId/start' },
    ] as const;
    const delegates: RouteDefinition[] = paths.map(({ method, path: routePath }, index) => ({
      method,
      path: routePath,
      permission: { kind: 'policy', name: 'signed-in', allows: () => true },
      summary: 'delegate',
      ...(method === 'post'
        ? { body: Type.Object({ data: Type.Record(Type.String(), Type.Unknown()) }) }
        : {}),
      handler: (ctx) => late.routes?.[index]?.handler(ctx),
    }));
    h = await startTestApp({}, delegates);
    const module = createProcessStartModule({
      connection: h.connection,
      clock: h.clock,
      starter: fakeStarter,
      loadForm: formsDirectoryLoader(path.resolve(import.meta.dirname, '../../../forms')),
      unitOf: async (code) => {
        const unit = await h.module.directory.units.find(code);
        return unit?.active ? unitRefOf(unit) : undefined;
      },
    });
    late.routes = module.routes;
    await h.module.directory.units.create({
      code: 'doan-thanh-nien',
      name: 'Đoàn Thanh niên Khối',
      kind: 'doan-the',
    });
    await h.user('btg.canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
    await h.user('dtn.canbo', [{ unitCode: 'doan-thanh-nien', roles: ['staff'] }]);
    await h.user('vp.quantri', [{ unitCode: 'van-phong', roles: ['admin'] }]);
    await h.module.directory.units.create({
      code: 'so-tai-chinh',
      name: 'Đảng bộ Sở Tài chính',
      kind: 'co-so',
      sector: 'co-quan',
    });
    await h.user('stc.canbo', [{ unitCode: 'so-tai-chinh', roles: ['staff'] }]);
  });
  afterAll(async () => h.close());

  it('lists only what the user may start, with Vietnamese names and the start form', async () => {
    const btg = h.client();
    await btg.signIn('btg.canbo');
    const list = await btg.get('/api/processes/startable');
    expect(list.status).toBe(200);
    const items = list.body.items as { processId: string; name: string; form: { components: unknown[] } }[];
    expect(items.map((item) => item.processId)).toEqual([
      'bao-cao-dan-van',
      'giao-ban-quy',
      'danh-gia-khen-thuong',
    ]);
    expect(items[0]?.name).toBe('Báo cáo công tác dân vận');
    expect(items[0]?.form.components.length).toBeGreaterThan(0);
    const admin = h.client();
    await admin.signIn('vp.quantri');
    expect((await admin.get('/api/processes/startable')).body.items).toEqual([]);
  });

  it('starts for an allowed user, with the validated values, and audits it', async () => {
    const btg = h.client();
    await btg.signIn('btg.canbo');
    const before = started.length;
    const res = await btg.post('/api/processes/bao-cao-dan-van/start', {
      data: { loaiKy: 'nam', nam: 2026 },
    });
    expect(res.status).toBe(201);
    expect(res.body.processInstanceKey).toMatch(/^\d+$/);
    expect(started.length).toBe(before + 1);
    expect(started.at(-1)).toMatchObject({
      processId: 'bao-cao-dan-van',
      variables: { loaiKy: 'nam', nam: 2026 },
    });
    const audit = await new ProcessStartStore(h.connection).all();
    expect(audit.at(-1)).toMatchObject({ actor: 'btg.canbo', processId: 'bao-cao-dan-van' });
  });

  it('refuses a user whose unit or role does not allow it (403), and an unknown process (404)', async () => {
    const dtn = h.client();
    await dtn.signIn('dtn.canbo');
    const before = started.length;
    expect(
      (await dtn.post('/api/processes/bao-cao-dan-van/start', { data: { loaiKy: 'nam', nam: 2026 } })).status,
    ).toBe(403);
    const admin = h.client();
    await admin.signIn('vp.quantri');
    expect(
      (await admin.post('/api/processes/giao-ban-quy/start', { data: { quy: '1', nam: 2026 } })).status,
    ).toBe(403);
    expect((await dtn.post('/api/processes/khong-co/start', { data: {} })).status).toBe(404);
    expect(started.length).toBe(before);
  });

  it('refuses invalid data with errors per field and starts nothing (422)', async () => {
    const btg = h.client();
    await btg.signIn('btg.canbo');
    const before = started.length;
    const res = await btg.post('/api/processes/bao-cao-dan-van/start', {
      data: { loaiKy: 'quy', nam: 1999 },
    });
    expect(res.status).toBe(422);
    const fields = (res.body.errors ?? []).map((error) => error.field);
    expect(fields).toContain('loaiKy');
    expect(fields).toContain('nam');
    expect(started.length).toBe(before);
  });

  it('Art. 10.2, 11.4: a deadline already past, or a collection closing before the due date, is refused on its field in Vietnamese; nothing starts', async () => {
    const btg = h.client();
    await btg.signIn('btg.canbo');
    const before = started.length;
    const today = vietnamToday(h.clock.now());
    const past = await btg.post('/api/processes/bao-cao-dan-van/start', {
      data: { loaiKy: 'nam', nam: 2026, hanNopBaoCao: addDays(today, -1) },
    });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ field: 'hanNopBaoCao', message: 'Không được chọn ngày đã qua.' }]);
    const reversed = await btg.post('/api/processes/danh-gia-khen-thuong/start', {
      data: { nam: 2026, hanTuDanhGia: addDays(today, 20), hanThuThap: addDays(today, 10) },
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors).toEqual([
      { field: 'hanThuThap', message: 'Hạn kết thúc thu thập không được trước hạn gửi tự đánh giá.' },
    ]);
    expect(started.length).toBe(before);
    // A collection closing on the due date itself is fine.
    const ok = await btg.post('/api/processes/danh-gia-khen-thuong/start', {
      data: { nam: 2026, hanTuDanhGia: addDays(today, 20), hanThuThap: addDays(today, 20) },
    });
    expect(ok.status).toBe(201);
  });

  it('sets `unit` of y-kien-nhan-su from the membership, never from the form', async () => {
    const dtn = h.client();
    await dtn.signIn('dtn.canbo');
    const forged = { code: 'ban-to-chuc', kind: 'ban', name: 'Giả mạo', group: 'ban-to-chuc' };
    const nomination = {
      chucDanh: 'bi-thu-doan-thanh-nien-khoi',
      hinhThuc: 'bau-cu',
      nhiemKy: '2025-2030',
      hoTenUngVien: 'Nguyễn Văn An',
      ngaySinh: '1990-05-01',
      gioiTinh: 'nam',
      chucVuHienTai: 'Phó Bí thư',
      donViCongTac: 'Đoàn Thanh niên Khối',
      ngayVaoDang: '2012-03-26',
      trinhDoChuyenMon: 'Cử nhân',
      trinhDoLyLuanChinhTri: 'trung-cap',
      tomTatQuaTrinhCongTac: 'Công tác tại Đoàn Thanh niên Khối từ năm 2012.',
      nhanXetDanhGia: 'Hoàn thành tốt nhiệm vụ, có uy tín trong tập thể.',
      taiLieuKemTheo: ['so-yeu-ly-lich'],
      nguoiLienHe: 'Triệu Thị Mai',
      dienThoaiLienHe: '+84912345678',
    };
    const valid = await dtn.post('/api/processes/y-kien-nhan-su/start', { data: nomination });
    expect(valid.body.errors ?? []).toEqual([]);
    expect(valid.status).toBe(201);
    expect(started.at(-1)?.variables.unit).toEqual({
      code: 'doan-thanh-nien',
      kind: 'doan-the',
      name: 'Đoàn Thanh niên Khối',
      group: 'doan-the:doan-thanh-nien',
      headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
    });
    const res = await dtn.post('/api/processes/y-kien-nhan-su/start', {
      data: { ...nomination, unit: forged },
    });
    // Refused as a field the form does not have, or accepted with the server's unit: never the forged one.
    expect([201, 422]).toContain(res.status);
    expect(started.at(-1)?.variables.unit).toMatchObject({ code: 'doan-thanh-nien', kind: 'doan-the' });
    for (const call of started) expect(call.variables.unit).not.toMatchObject({ name: 'Giả mạo' });
  });

  it('Art. 10.3: a base organisation reports urgently as itself; a mass organisation may not; figures that disagree or a past day are refused on their field', async () => {
    const stc = h.client();
    await stc.signIn('stc.canbo');
    const listed = (await stc.get('/api/processes/startable')).body.items as { processId: string }[];
    expect(listed.map((item) => item.processId)).toEqual([
      'bao-cao-dot-xuat',
      'dan-van-kheo',
      'don-thu-kien-nghi',
    ]);
    const today = vietnamToday(h.clock.now());
    const report = {
      tieuDe: 'Người lao động ngừng việc tập thể',
      doiTuongLienQuan: ['nguoi-lao-dong'],
      mucDoKhan: 'khan',
      ngayXayRa: today,
      noiDung: 'Người lao động ngừng việc, kiến nghị về việc chậm trả lương hai tháng.',
      soNguoiLienQuan: 20,
      soDangVienLienQuan: 2,
      bienPhapDaXuLy: 'Đảng ủy đã đối thoại với người lao động.',
      hanDeNghiChiDao: addDays(today, 2),
      nguoiBaoCao: 'Phạm Văn Long',
      chucVuNguoiBaoCao: 'Phó Bí thư Đảng ủy',
      dienThoaiLienHe: '0912345678',
    };
    const before = started.length;
    const refused = await stc.post('/api/processes/bao-cao-dot-xuat/start', {
      data: { ...report, soDangVienLienQuan: 21, hanDeNghiChiDao: addDays(today, -1) },
    });
    expect(refused.status).toBe(422);
    const errors = refused.body.errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['hanDeNghiChiDao', 'soDangVienLienQuan']);
    expect(errors.find((e) => e.field === 'soDangVienLienQuan')?.message).toBe(
      'Số đảng viên liên quan không được lớn hơn số người liên quan.',
    );
    expect(started.length).toBe(before);

    const res = await stc.post('/api/processes/bao-cao-dot-xuat/start', { data: report });
    expect(res.body.errors ?? []).toEqual([]);
    expect(res.status).toBe(201);
    expect(started.at(-1)).toMatchObject({
      processId: 'bao-cao-dot-xuat',
      variables: {
        tieuDe: report.tieuDe,
        unit: { code: 'so-tai-chinh', kind: 'co-so', group: 'co-so:so-tai-chinh' },
      },
    });

    const dtn = h.client();
    await dtn.signIn('dtn.canbo');
    expect((await dtn.post('/api/processes/bao-cao-dot-xuat/start', { data: report })).status).toBe(403);
  });

  it('Art. 8.3: a base organisation enters a letter as itself; a mass organisation may not; a past due date or one before the day received is refused on its field', async () => {
    const stc = h.client();
    await stc.signIn('stc.canbo');
    const today = vietnamToday(h.clock.now());
    const letter = {
      loaiDon: 'kien-nghi',
      hinhThucTiepNhan: 'don-thu',
      ngayTiepNhan: today,
      hoTenNguoiGui: 'Nguyễn Văn Bình',
      doiTuongNguoiGui: 'nguoi-lao-dong',
      diaChiLienHe: 'Phòng Kế hoạch, Sở Tài chính',
      tomTat: 'Chế độ làm thêm giờ của người lao động',
      noiDung: 'Người lao động chưa được thanh toán tiền làm thêm giờ tháng 4 và tháng 5.',
      hanGiaiQuyet: addDays(today, 10),
    };
    const before = started.length;
    const path = '/api/processes/don-thu-kien-nghi/start';
    const past = await stc.post(path, { data: { ...letter, hanGiaiQuyet: addDays(today, -1) } });
    expect(past.status).toBe(422);
    expect((past.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['hanGiaiQuyet']);
    const early = await stc.post(path, { data: { ...letter, ngayTiepNhan: addDays(today, 12) } });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        field: 'hanGiaiQuyet',
        message: 'Hạn giải quyết không được trước ngày tiếp nhận đơn thư.',
      }),
    ]);
    expect(started.length).toBe(before);

    const res = await stc.post(path, { data: letter });
    expect(res.status).toBe(201);
    expect(started.at(-1)).toMatchObject({
      processId: 'don-thu-kien-nghi',
      variables: { tomTat: letter.tomTat, unit: { code: 'so-tai-chinh', kind: 'co-so' } },
    });
    const dtn = h.client();
    await dtn.signIn('dtn.canbo');
    expect((await dtn.post(path, { data: letter })).status).toBe(403);
  });
});
