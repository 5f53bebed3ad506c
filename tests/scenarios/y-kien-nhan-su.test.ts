/**
 * Điều 4.2, Điều 6 Quy chế công tác Dân vận (926-QĐ/ĐUK): Ban Thường vụ gives its opinion on the key leaders the mass
 * organisations nominate; Ban Tổ chức appraises, Ủy ban Kiểm tra gives its opinion; BTV may ask for more information.
 */
import { describe, expect, it } from 'vitest';
import { openDocx } from '../app/documents/docx-reader.js';
import { drive } from './support/drive.js';
import { eventually, loose, noWait, useScenario } from './support/scenario-harness.js';

const h = useScenario('2026-06-01T02:00:00.000Z', { organisation: true });

const UNIT = {
  code: 'doan-thanh-nien',
  kind: 'doan-the',
  name: 'Đoàn Thanh niên Khối',
  group: 'doan-the:doan-thanh-nien',
  headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
};
const NOMINATION = {
  chucDanh: 'bi-thu-doan-thanh-nien-khoi',
  hinhThuc: 'bau-cu',
  nhiemKy: '2026-2031',
  hoTenUngVien: 'Trần Văn Bình',
  ngaySinh: '1988-04-12',
  gioiTinh: 'nam',
  chucVuHienTai: 'Phó Bí thư Đoàn Thanh niên Khối',
  donViCongTac: 'Đoàn Thanh niên Khối',
  tomTatQuaTrinhCongTac:
    'Công tác tại Đoàn Thanh niên Khối từ năm 2012, nhiều năm hoàn thành xuất sắc nhiệm vụ.',
  nhanXetDanhGia: 'Có bản lĩnh chính trị vững vàng, năng lực tổ chức phong trào tốt.',
  nguoiLienHe: 'Lê Thị Hoa',
  dienThoaiLienHe: '0912000111',
};

describe('y-kien-nhan-su (Art. 4.2, 6)', () => {
  it('BTV asks for more information, the organisation completes it, BTV agrees; the written opinion is issued after a service restart', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'y-kien-nhan-su',
      variables: { unit: UNIT, ...NOMINATION },
    });
    const answers = {
      Task_KiemTraHoSo: { hoSoDayDu: 'day-du' },
      Task_ThamDinh: {
        ketQuaThamDinh: 'dat',
        nhanXetTieuChuan: 'Đáp ứng đầy đủ tiêu chuẩn chức danh theo quy định.',
        deXuatBanToChuc: 'Đề nghị Ban Thường vụ đồng ý.',
      },
      Task_YKienUbkt: {
        coDonThu: 'khong',
        coKyLuat: 'khong',
        ketLuanUbkt: 'dong-y',
        yKienUbkt: 'Không có đơn thư, kỷ luật.',
      },
      Task_ThuongTruc: { deXuatThuongTruc: 'dong-y', yKienThuongTruc: 'Trình Ban Thường vụ cho ý kiến.' },
      Task_Btv: (_task: unknown, round: number) =>
        round === 0
          ? { quyetDinhBtv: 'yeu-cau-bo-sung', yeuCauBoSung: 'Bổ sung bản kê khai tài sản, thu nhập.' }
          : { quyetDinhBtv: 'dong-y', ngayHopBtv: '2026-06-20', soThanhVienBtv: 11, soDongY: 11 },
      Task_BoSung: { ...NOMINATION, giaiTrinhBoSung: 'Đã bổ sung bản kê khai tài sản, thu nhập năm 2025.' },
    };
    const log: string[] = [];
    // Up to the request for more information and the organisation's answer.
    await drive(h, pik, answers, async () => log.includes('Task_BoSung'), log);
    expect(log.filter((e) => e === 'Task_Btv')).toHaveLength(1);
    // The supplemented dossier is recorded again (luu-ho-so-nhan-su) before Ban Tổ chức checks it once more.
    await h.waitForTask(pik, 'Task_KiemTraHoSo', 'ban-to-chuc');

    await h.restartService();

    await drive(
      h,
      pik,
      answers,
      async () => (await h.openTasks(pik)).some((t) => t.elementId === 'Task_BanHanh'),
      log,
    );
    expect(log.filter((e) => e === 'Task_Btv')).toHaveLength(2);
    expect(log.filter((e) => e === 'Task_KiemTraHoSo')).toHaveLength(2);

    await h.complete(pik, 'Task_BanHanh', {
      soKyHieu: '45-CV/ĐUK',
      ngayBanHanh: '2026-06-22',
      nguoiKy: 'Nguyễn Văn An',
      chucVuNguoiKy: 'Phó Bí thư Thường trực',
      noiNhan: '- Ban Thường vụ Đoàn Thanh niên Khối',
    });
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));

    const decision = await h.records.findRecord(`${pik}-y-kien-nhan-su`);
    expect(decision?.data).toMatchObject({ quyetDinhBtv: 'dong-y', soDongY: 11 });
    const file = await h.records.findRecord(`${pik}-ho-so`);
    expect(file?.data).toMatchObject({ hoTenUngVien: 'Trần Văn Bình' });

    const vanBan = await h.variable<{ id: string }>(pik, 'vanBan');
    const docx = openDocx((await h.records.findDocument(vanBan.id))!.content);
    expect(docx.text).toContain('Trần Văn Bình');
    expect(docx.text).toContain('2026-2031');
    await eventually(async () =>
      expect(h.smtp.mails.some((m) => m.to.includes('lanhdao.doan-thanh-nien@dukh.vn'))).toBe(true),
    );
  }, 240_000);

  it('Art. 4.2: Thường trực returns the nomination for more information; each body is reminded when its deadline passes; the supplemented dossier is recorded again with fresh deadlines', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'y-kien-nhan-su',
      variables: { unit: UNIT, ...NOMINATION, hoTenUngVien: 'Nguyễn Thị Cúc' },
    });
    expect(await h.variable(pik, 'appraisalDueDate')).toBe('2026-06-16T17:00:00+07:00');
    await h.complete(pik, 'Task_KiemTraHoSo', { hoSoDayDu: 'day-du' }, 'ban-to-chuc');
    await h.complete(
      pik,
      'Task_ThamDinh',
      {
        ketQuaThamDinh: 'dat',
        nhanXetTieuChuan: 'Đáp ứng tiêu chuẩn chức danh.',
        deXuatBanToChuc: 'Đồng ý.',
      },
      'ban-to-chuc',
    );

    // The appraisal deadline passes with Ủy ban Kiểm tra's opinion still missing: only it is reminded.
    const before = await h.connection
      .collection('notifications')
      .countDocuments({ kind: 'nhac-han-nhan-su' });
    h.clock.set('2026-06-16T10:30:00Z');
    const reminders = await eventually(async () => {
      const found = await h.connection
        .collection('notifications')
        .find({ kind: 'nhac-han-nhan-su' })
        .toArray();
      expect(found.length).toBeGreaterThan(before);
      return found.slice(before);
    });
    expect(new Set(reminders.map((n) => n.username))).toEqual(new Set(['nv.ubkt']));
    expect(reminders[0]?.subject).toContain('Nhắc hạn: Ủy ban Kiểm tra cho ý kiến');
    // No personnel particulars in a reminder.
    expect(JSON.stringify(reminders)).not.toContain('Nguyễn Thị Cúc');
    await eventually(async () => expect(h.smtp.mails.some((m) => m.to.includes('ubkt@dukh.vn'))).toBe(true));

    await h.complete(
      pik,
      'Task_YKienUbkt',
      {
        coDonThu: 'khong',
        coKyLuat: 'khong',
        ketLuanUbkt: 'dong-y',
        yKienUbkt: 'Không có đơn thư, kỷ luật.',
      },
      'ubkt',
    );
    const request = 'Bổ sung nhận xét của cấp ủy nơi công tác.';
    await h.complete(
      pik,
      'Task_ThuongTruc',
      { deXuatThuongTruc: 'yeu-cau-bo-sung', yeuCauBoSung: request },
      'thuong-truc',
    );

    // Back to the organisation, with what Thường trực asks for; BTV is not asked yet.
    const supplement = await h.waitForTask(pik, 'Task_BoSung', UNIT.group);
    const seen = await h.rest.searchUserTaskVariables(loose({ userTaskKey: supplement.userTaskKey }), noWait);
    expect(JSON.parse(String(seen.items.find((v) => v.name === 'yeuCauBoSung')?.value))).toBe(request);
    await eventually(async () =>
      expect((await h.openTasks(pik)).map((t) => t.elementId)).toEqual(['Task_BoSung']),
    );
    await h.rest.completeUserTask(
      loose({
        userTaskKey: supplement.userTaskKey,
        variables: {
          ...NOMINATION,
          hoTenUngVien: 'Nguyễn Thị Cúc',
          chucVuHienTai: 'Phó Bí thư Thường trực Đoàn Thanh niên Khối',
          giaiTrinhBoSung: 'Đã bổ sung nhận xét của Đảng ủy cơ quan.',
        },
      }),
    );

    // Recorded again as supplemented, and checked again with deadlines counted from today.
    await h.waitForTask(pik, 'Task_KiemTraHoSo', 'ban-to-chuc');
    const file = await h.records.findRecord(`${pik}-ho-so`);
    expect(file?.data).toMatchObject({ chucVuHienTai: 'Phó Bí thư Thường trực Đoàn Thanh niên Khối' });
    await eventually(async () =>
      expect(await h.variable(pik, 'checkDueDate')).toBe('2026-06-21T17:00:00+07:00'),
    );
  }, 120_000);
});
