/** Each worker on its own, with the real app modules: outputs per processes/README.md, and a retried job does no harm. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesise } from '../../src/workers/support/synthesis.js';
import { guiThongBao } from '../../src/workers/jobs/gui-thong-bao.worker.js';
import { luuBaoCao } from '../../src/workers/jobs/luu-bao-cao.worker.js';
import { taoVanBan } from '../../src/workers/jobs/tao-van-ban.worker.js';
import { xacDinhKyBaoCao } from '../../src/workers/jobs/xac-dinh-ky-bao-cao.worker.js';
import { xacDinhKyDanhGia } from '../../src/workers/jobs/xac-dinh-ky-danh-gia.worker.js';
import { xacDinhKyGiaoBan } from '../../src/workers/jobs/xac-dinh-ky-giao-ban.worker.js';
import { xacDinhHanGiaoBan } from '../../src/workers/jobs/xac-dinh-han-giao-ban.worker.js';
import { danhSachDonViGiaoViec } from '../../src/workers/jobs/danh-sach-don-vi-giao-viec.worker.js';
import { tiepNhanBaoCaoDotXuat } from '../../src/workers/jobs/tiep-nhan-bao-cao-dot-xuat.worker.js';
import { BadInputError } from '../../src/workers/runtime/business-error.js';
import { inputChecker } from '../../src/workers/runtime/input-validation.js';
import { TestClock } from '../../src/lib/clock.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { job, startBench, type WorkerBench } from './support.js';

let bench: WorkerBench;
beforeAll(async () => {
  bench = await startBench();
  await bench.deps.directory.units.create({
    code: 'so-y-te',
    name: 'Đảng bộ Sở Y tế',
    kind: 'co-so',
    sector: 'co-quan',
  });
  await bench.deps.directory.users.create({
    username: 'nv.so-y-te',
    fullName: 'Cán bộ Sở Y tế',
    email: 'so-y-te@dukh.vn',
    password: 'mat-khau-123',
    memberships: [{ unitCode: 'so-y-te', roles: ['staff'] }],
  });
}, 60_000);
afterAll(async () => bench?.close());

const PERIOD = {
  code: '2026-6T',
  kind: '6-thang',
  year: 2026,
  label: '6 tháng đầu năm 2026',
  startDate: '2026-01-01',
  endDate: '2026-06-30',
};
const UNIT = {
  code: 'so-y-te',
  kind: 'co-so',
  name: 'Đảng bộ Sở Y tế',
  group: 'co-so:so-y-te',
  headGroup: 'co-so:so-y-te:lanh-dao',
};

describe('period workers', () => {
  it('xac-dinh-ky-bao-cao derives the period from today on a timer start (May → six-monthly)', async () => {
    const out = await xacDinhKyBaoCao.handle(job({}), bench.deps);
    expect(out).toMatchObject({
      period: { code: '2026-6T', kind: '6-thang', label: '6 tháng đầu năm 2026', endDate: '2026-06-30' },
      reportDueDate: '2026-05-20T17:00:00+07:00',
      reminderDate: '2026-05-17T17:00:00+07:00',
    });
  });

  it('xac-dinh-ky-bao-cao opened after its usual date gives units two weeks from today, and no reminder today', async () => {
    const late = new TestClock('2026-11-27T03:00:00.000Z');
    const deps = { ...bench.deps, clock: late };
    const sixMonthly = await xacDinhKyBaoCao.handle(job({ loaiKy: '6-thang', nam: 2026 }), deps);
    expect(sixMonthly).toMatchObject({
      reportDueDate: '2026-12-11T17:00:00+07:00',
      reminderDate: '2026-12-08T17:00:00+07:00',
      collectionDeadline: '2026-12-21T17:00:00+07:00',
    });
    const shortReminder = await xacDinhKyBaoCao.handle(
      job({ loaiKy: 'nam', nam: 2026, hanNopBaoCao: '2026-11-28', soNgayNhacTruoc: 10 }),
      deps,
    );
    expect(shortReminder).toMatchObject({
      reportDueDate: '2026-11-28T17:00:00+07:00',
      reminderDate: '2026-11-28T17:00:00+07:00',
    });
    expect(
      await xacDinhKyDanhGia.handle(job({ nam: 2026 }), {
        ...deps,
        clock: new TestClock('2026-12-01T03:00:00.000Z'),
      }),
    ).toMatchObject({
      evaluationDueDate: '2026-12-15T17:00:00+07:00',
    });
  });

  it('xac-dinh-ky-bao-cao keeps the collection deadline at or after the due date', async () => {
    const out = await xacDinhKyBaoCao.handle(
      job({
        loaiKy: 'nam',
        nam: 2026,
        hanNopBaoCao: '2026-11-25',
        hanThuThap: '2026-11-20',
        soNgayNhacTruoc: 5,
      }),
      bench.deps,
    );
    expect(out).toMatchObject({
      period: { code: '2026-N', label: 'năm 2026' },
      reminderDate: '2026-11-20T17:00:00+07:00',
      collectionDeadline: '2026-11-25T17:00:00+07:00',
    });
  });

  it('xac-dinh-ky-giao-ban and xac-dinh-ky-danh-gia name their periods', async () => {
    expect(await xacDinhKyGiaoBan.handle(job({ quy: '4', nam: 2026 }), bench.deps)).toMatchObject({
      period: {
        code: '2026-Q4',
        quarter: 4,
        label: 'Quý IV năm 2026',
        startDate: '2026-10-01',
        endDate: '2026-12-31',
      },
    });
    expect(await xacDinhKyDanhGia.handle(job({}), bench.deps)).toMatchObject({
      period: { code: '2026-DG', label: 'năm 2026' },
      evaluationDueDate: '2026-12-05T17:00:00+07:00',
    });
  });

  it('xac-dinh-han-giao-ban counts the briefs back from the meeting date (Art. 4.2), shortened when the meeting is near', async () => {
    const deps = { ...bench.deps, clock: new TestClock('2026-07-01T03:00:00.000Z') };
    expect(await xacDinhHanGiaoBan.handle(job({ ngayHop: '2026-07-20' }), deps)).toEqual({
      briefDueDate: '2026-07-15T17:00:00+07:00',
      briefReminderDate: '2026-07-13T17:00:00+07:00',
      briefCutoffDate: '2026-07-18T17:00:00+07:00',
    });
    // A meeting three days away: due tomorrow, never reminded before tomorrow, closed two days before the meeting.
    expect(await xacDinhHanGiaoBan.handle(job({ ngayHop: '2026-07-04' }), deps)).toEqual({
      briefDueDate: '2026-07-02T17:00:00+07:00',
      briefReminderDate: '2026-07-02T17:00:00+07:00',
      briefCutoffDate: '2026-07-02T17:00:00+07:00',
    });
    // A meeting today: nothing falls after it.
    expect(await xacDinhHanGiaoBan.handle(job({ ngayHop: '2026-07-01' }), deps)).toMatchObject({
      briefDueDate: '2026-07-01T17:00:00+07:00',
      briefCutoffDate: '2026-07-01T17:00:00+07:00',
    });
  });

  it('danh-sach-don-vi-giao-viec offers every active unit as an action owner, by candidate group', async () => {
    const out = (await danhSachDonViGiaoViec.handle(job({}), bench.deps)) as {
      donViGiaoViec: { label: string; value: string }[];
    };
    expect(out.donViGiaoViec).toContainEqual({ label: 'Đảng bộ Sở Y tế', value: 'co-so:so-y-te' });
  });

  it('the input check names a bad date in a start form value', () => {
    expect(inputChecker(xacDinhKyBaoCao.input)({ hanNopBaoCao: '20/5/2026' })).toContain('"hanNopBaoCao"');
  });
});

describe('idempotence', () => {
  it('luu-bao-cao twice for the same unit and period stores one report', async () => {
    const variables = { period: PERIOD, unit: UNIT, baoCao: { soBuoiQuanTriet: 4 }, quaHan: false };
    const first = await luuBaoCao.handle(job(variables, { loaiBaoCao: 'bao-cao-dan-van' }), bench.deps);
    const second = await luuBaoCao.handle(
      job(variables, { loaiBaoCao: 'bao-cao-dan-van' }, { jobKey: '1002' }),
      bench.deps,
    );
    expect(second).toEqual(first);
    expect(await bench.deps.records.reportsOf('bao-cao-dan-van', '2026-6T')).toHaveLength(1);
  });

  it('gui-thong-bao retried on the same element instance sends one e-mail and one in-app notice', async () => {
    const variables = {
      nhomNhan: ['co-so:so-y-te'],
      period: PERIOD,
      unit: UNIT,
      reportDueDate: '2026-05-20T17:00:00+07:00',
    };
    await guiThongBao.handle(job(variables, { loaiThongBao: 'nhac-han' }), bench.deps);
    await guiThongBao.handle(job(variables, { loaiThongBao: 'nhac-han' }, { jobKey: '1003' }), bench.deps);
    expect(bench.smtp.mails.filter((m) => m.to.includes('so-y-te@dukh.vn'))).toHaveLength(1);
    const inbox = await bench.connection
      .collection('notifications')
      .find({ username: 'nv.so-y-te' })
      .toArray();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.text).toContain('17:00 ngày 20/05/2026');
  });

  it('tao-van-ban regenerating the same document replaces it', async () => {
    const variables = {
      soKyHieu: '7-BC/ĐUK',
      ngayBanHanh: '2026-06-10',
      nguoiKy: 'Nguyễn Văn An',
      chucVuNguoiKy: 'Trưởng Ban Tuyên giáo',
      period: PERIOD,
      tongHop: synthesise(
        'bao-cao-dan-van',
        [UNIT],
        await bench.deps.records.reportsOf('bao-cao-dan-van', '2026-6T'),
      ),
    };
    const first = await taoVanBan.handle(
      job(variables, { mauVanBan: 'bao-cao-tong-hop-dan-van' }),
      bench.deps,
    );
    const second = await taoVanBan.handle(
      job(variables, { mauVanBan: 'bao-cao-tong-hop-dan-van' }),
      bench.deps,
    );
    expect(second).toEqual(first);
    const vanBan = first.vanBan as { id: string };
    const docx = openDocx((await bench.deps.records.findDocument(vanBan.id))!.content);
    expect(docx.text).toContain('Có 1/1 đơn vị đã gửi báo cáo');
    expect(docx.text).toContain('TRƯỞNG BAN TUYÊN GIÁO');
  });
});

describe('tiep-nhan-bao-cao-dot-xuat (Art. 10.3)', () => {
  const report = { unit: UNIT, tieuDe: 'Người lao động ngừng việc', soNguoiLienQuan: 20 };

  it('files the report once and gives Thường trực until 17:00 of the day the unit asked for, never a past day', async () => {
    // Today in the bench is 1 May 2026.
    const asked = await tiepNhanBaoCaoDotXuat.handle(
      job({ ...report, hanDeNghiChiDao: '2026-05-04' }, {}, { processInstanceKey: '2101' }),
      bench.deps,
    );
    expect(asked).toEqual({
      baoCaoDotXuatId: '2101-bao-cao-dot-xuat-gui',
      directiveDueDate: '2026-05-04T17:00:00+07:00',
      lanChiDao: 1,
      lichSuXuLy: [],
    });
    // Started after the day the form allowed (a queued start): due today, not in the past.
    const late = await tiepNhanBaoCaoDotXuat.handle(
      job({ ...report, hanDeNghiChiDao: '2026-04-28' }, {}, { processInstanceKey: '2102' }),
      bench.deps,
    );
    expect(late.directiveDueDate).toBe('2026-05-01T17:00:00+07:00');
    // A retried job keeps the report as first filed.
    await tiepNhanBaoCaoDotXuat.handle(
      job(
        { ...report, soNguoiLienQuan: 99, hanDeNghiChiDao: '2026-05-04' },
        {},
        { processInstanceKey: '2101' },
      ),
      bench.deps,
    );
    const filed = await bench.deps.records.findRecord('2101-bao-cao-dot-xuat-gui');
    expect(filed?.data).toMatchObject({
      unit: { code: 'so-y-te' },
      tieuDe: report.tieuDe,
      soNguoiLienQuan: 20,
    });
  });

  it('refuses a unit that is not a base Party organisation (Art. 10.3 gives it to them)', async () => {
    const union = { ...UNIT, code: 'doan-thanh-nien', kind: 'doan-the', group: 'doan-the:doan-thanh-nien' };
    await expect(
      tiepNhanBaoCaoDotXuat.handle(
        job({ ...report, unit: union, hanDeNghiChiDao: '2026-05-04' }, {}, { processInstanceKey: '2103' }),
        bench.deps,
      ),
    ).rejects.toBeInstanceOf(BadInputError);
    expect(await bench.deps.records.findRecord('2103-bao-cao-dot-xuat-gui')).toBeUndefined();
  });
});
