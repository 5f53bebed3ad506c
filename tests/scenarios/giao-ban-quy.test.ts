/**
 * Điều 4.2 Quy chế công tác Dân vận (926-QĐ/ĐUK): a quarterly briefing between Thường trực and the leaders of the mass
 * organisations; their situation is reported, conclusions are notified and the actions assigned are followed up.
 */
import { describe, expect, it } from 'vitest';
import { openDocx } from '../app/documents/docx-reader.js';
import { drive } from './support/drive.js';
import { eventually, loose, noWait, useScenario, type UserTask } from './support/scenario-harness.js';

const h = useScenario('2026-06-01T02:00:00.000Z', { organisation: true });

const PLAN = {
  ngayHop: '2026-06-15',
  gioHop: '08:00',
  diaDiem: 'Hội trường Đảng ủy Khối',
  noiDungHop: 'Đánh giá tình hình đoàn viên, hội viên quý II; chỉ đạo giải quyết vấn đề bức xúc.',
  thanhPhanMoi: 'Thường trực Đảng ủy Khối, lãnh đạo các Đoàn thể Khối.',
};
const ACTIONS = [
  {
    noiDung: 'Tổng hợp kiến nghị của đoàn viên gửi Thường trực.',
    donViChuTri: 'van-phong',
    hanHoanThanh: '2026-06-30',
  },
  {
    noiDung: 'Tổ chức diễn đàn thanh niên với cấp ủy.',
    donViChuTri: 'doan-the:doan-thanh-nien',
    hanHoanThanh: '2026-07-31',
  },
];

describe('giao-ban-quy (Art. 4.2)', () => {
  it('plan approved, brief sent, conclusions issued, actions followed up with an overdue notice, across a restart', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'giao-ban-quy',
      variables: { quy: '2', nam: 2026 },
    });
    const progress = new Map<string, number>();
    const answers = {
      Task_DeXuat: PLAN,
      Task_DuyetKeHoach: { ...PLAN, quyetDinh: 'dong-y' },
      Task_LapTinhHinh: {
        tinhHinhDoanVien: 'Đoàn viên yên tâm công tác, tích cực tham gia phong trào thi đua.',
        ketQuaNoiBat: 'Tổ chức thành công ngày hội thanh niên với văn hóa công sở.',
        soDoanVienHoiVien: 1200,
        soDonThuKienNghi: 3,
        coVanDeBucXuc: true,
        vanDeBucXuc: 'Chế độ cho cán bộ Đoàn kiêm nhiệm chưa thỏa đáng.',
        deXuatKienNghi: 'Đề nghị hỗ trợ kinh phí hoạt động.',
        nguoiLap: 'Hoàng Văn Nam',
      },
      Task_TaiLieu: {
        tomTatTinhHinh:
          'Tình hình đoàn viên, hội viên ổn định; có một vấn đề bức xúc về chế độ cán bộ Đoàn kiêm nhiệm.',
        deXuatNoiDungKetLuan: 'Giao Văn phòng tổng hợp kiến nghị; Đoàn Thanh niên tổ chức diễn đàn.',
      },
      Task_KetLuan: {
        thanhPhanThamDu: 'Thường trực Đảng ủy Khối\nLãnh đạo Đoàn Thanh niên Khối',
        soNguoiThamDu: 12,
        noiDungKetLuan:
          'Thường trực Đảng ủy Khối ghi nhận kết quả quý II, yêu cầu các Đoàn thể tiếp tục nắm chắc tình hình tư tưởng đoàn viên.',
        nhiemVu: ACTIONS,
      },
      Task_DuyetKetLuan: { quyetDinh: 'dong-y' },
    };
    const log: string[] = [];
    await drive(h, pik, answers, async () => log.includes('Task_LapTinhHinh'), log);
    const tongHopVars = await eventually(async () => {
      const found = await h.rest.searchVariables(
        loose({ filter: { processInstanceKey: pik, name: 'tongHop' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found;
    });
    const tongHop = JSON.parse(String(tongHopVars.items[0]!.value)) as Record<string, unknown>;
    expect(tongHop).toMatchObject({ soDonViDaBaoCao: 1, tong: { soDoanVienHoiVien: 1200 } });
    expect(tongHop.vanDeBucXuc).toHaveLength(1);
    // The invitation went to the heads of the mass organisations.
    expect(h.smtp.mails.some((m) => m.to.includes('lanhdao.doan-thanh-nien@dukh.vn'))).toBe(true);

    await h.restartService();

    await drive(
      h,
      pik,
      answers,
      async () => (await h.openTasks(pik)).some((t) => t.elementId === 'Task_BanHanh'),
      log,
    );
    await h.complete(pik, 'Task_BanHanh', {
      soKyHieu: '88-TB/ĐUK',
      ngayBanHanh: '2026-06-16',
      nguoiKy: 'Nguyễn Văn An',
      chucVuNguoiKy: 'Phó Bí thư Thường trực',
    });
    const owners = await eventually(async () => {
      const open = (await h.openTasks(pik)).filter((t) => t.elementId === 'Task_BaoCaoNhiemVu');
      expect(open).toHaveLength(2);
      return open;
    });
    expect(owners.flatMap((t) => t.candidateGroups ?? []).sort()).toEqual([
      'doan-the:doan-thanh-nien',
      'van-phong',
    ]);

    const vanBan = await h.variable<{ id: string }>(pik, 'vanBan');
    const docx = openDocx((await h.records.findDocument(vanBan.id))!.content);
    expect(docx.text).toContain('Tổ chức diễn đàn thanh niên với cấp ủy');
    expect(docx.text).toContain('Đoàn Thanh niên Khối');

    // Văn phòng's action passes its due date (30/6 17:00) still in progress: Văn phòng is told.
    const report = (task: UserTask): Record<string, unknown> => {
      const group = task.candidateGroups?.[0] ?? '';
      const round = progress.get(group) ?? 0;
      progress.set(group, round + 1);
      return group === 'van-phong' && round === 0
        ? {
            tinhTrang: 'dang-thuc-hien',
            ketQuaThucHien: 'Đã tổng hợp được một nửa kiến nghị.',
            lyDoChuaHoanThanh: 'Chờ số liệu các Đoàn thể.',
          }
        : {
            tinhTrang: 'hoan-thanh',
            ketQuaThucHien: 'Đã hoàn thành nhiệm vụ được giao.',
            ngayHoanThanh: '2026-07-05',
          };
    };
    const vanPhong = owners.find((t) => t.candidateGroups?.includes('van-phong'))!;
    await h.rest.completeUserTask(loose({ userTaskKey: vanPhong.userTaskKey, variables: report(vanPhong) }));
    await eventually(async () => {
      const again = (await h.openTasks(pik)).filter((t) => t.candidateGroups?.includes('van-phong'));
      expect(again).toHaveLength(1);
    });
    const before = h.smtp.mails.filter((m) => m.to.includes('van-phong@dukh.vn')).length;
    h.clock.set('2026-06-30T11:00:00Z');
    await eventually(async () =>
      expect(h.smtp.mails.filter((m) => m.to.includes('van-phong@dukh.vn')).length).toBe(before + 1),
    );

    await drive(
      h,
      pik,
      { Task_BaoCaoNhiemVu: report },
      async () => (await h.state(pik)) === 'COMPLETED',
      log,
    );
    const progressRecords = (await h.records.recordsOf('tien-do-nhiem-vu')).filter(
      (r) => r.processInstanceKey === pik,
    );
    expect(progressRecords.map((r) => (r.data.baoCao as { tinhTrang: string }).tinhTrang).sort()).toEqual([
      'dang-thuc-hien',
      'hoan-thanh',
      'hoan-thanh',
    ]);
  }, 240_000);

  it('Art. 4.2: briefs due counted back from the approved meeting date; Thường trực returns, then approves the conclusions before Văn phòng issues them; an action goes to any unit', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'giao-ban-quy',
      variables: { quy: '3', nam: 2026 },
    });
    const plan = { ...PLAN, ngayHop: '2026-07-20' };
    await h.complete(pik, 'Task_DeXuat', plan, 'van-phong');
    await h.complete(pik, 'Task_DuyetKeHoach', { ...plan, quyetDinh: 'dong-y' }, 'thuong-truc');
    // The organisations are asked for their briefs only now, due before the meeting.
    await h.waitForTask(pik, 'Task_LapTinhHinh', 'doan-the:doan-thanh-nien');
    expect(await h.variable(pik, 'briefDueDate')).toBe('2026-07-15T17:00:00+07:00');
    expect(await h.variable(pik, 'briefCutoffDate')).toBe('2026-07-18T17:00:00+07:00');
    expect(await h.variable(pik, 'briefReminderDate')).toBe('2026-07-13T17:00:00+07:00');
    // The invitation tells the organisations that date.
    const invited = await eventually(async () => {
      const found = await h.connection
        .collection('notifications')
        .find({ username: 'lanhdao.doan-thanh-nien', kind: 'moi-giao-ban', processInstanceKey: pik })
        .toArray();
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(invited.text).toContain('trước 17:00 ngày 15/07/2026');

    await h.complete(
      pik,
      'Task_LapTinhHinh',
      {
        tinhHinhDoanVien: 'Đoàn viên yên tâm công tác, tích cực tham gia phong trào thi đua.',
        ketQuaNoiBat: 'Ra quân tình nguyện hè tại các xã vùng cao.',
        soDoanVienHoiVien: 1210,
        soDonThuKienNghi: 0,
        coVanDeBucXuc: false,
        nguoiLap: 'Hoàng Văn Nam',
      },
      'doan-the:doan-thanh-nien',
    );
    await h.complete(
      pik,
      'Task_TaiLieu',
      {
        tomTatTinhHinh: 'Tình hình đoàn viên, hội viên ổn định; phong trào tình nguyện hè sôi nổi, hiệu quả.',
        deXuatNoiDungKetLuan: 'Giao Đảng bộ Sở Tài chính phối hợp hỗ trợ kinh phí tình nguyện.',
      },
      'ban-tuyen-giao',
    );

    // Any unit of the organisation is offered as the owner of an action, base organisations too.
    const record = await h.waitForTask(pik, 'Task_KetLuan', 'van-phong');
    const offered = await h.rest.searchUserTaskVariables(
      loose({ userTaskKey: record.userTaskKey, truncateValues: false }),
      noWait,
    );
    const options = JSON.parse(String(offered.items.find((v) => v.name === 'donViGiaoViec')?.value)) as {
      label: string;
      value: string;
    }[];
    expect(options).toContainEqual({ label: 'Đảng bộ Sở Tài chính', value: 'co-so:so-tai-chinh' });
    expect(options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['van-phong', 'doan-the:doan-thanh-nien']),
    );
    const conclusions = {
      thanhPhanThamDu: 'Thường trực Đảng ủy Khối\nLãnh đạo các Đoàn thể Khối',
      soNguoiThamDu: 10,
      noiDungKetLuan:
        'Thường trực Đảng ủy Khối ghi nhận kết quả quý III, đề nghị nhân rộng mô hình tình nguyện hè trong toàn Khối.',
      nhiemVu: [
        {
          noiDung: 'Hỗ trợ kinh phí cho đội hình tình nguyện hè.',
          donViChuTri: 'co-so:so-tai-chinh',
          hanHoanThanh: '2026-08-31',
        },
      ],
    };
    await h.rest.completeUserTask(loose({ userTaskKey: record.userTaskKey, variables: conclusions }));

    // Thường trực returns the conclusions: back to Văn phòng with its remark, nothing issued yet.
    const remark = 'Bổ sung nội dung biểu dương Đoàn Thanh niên Khối.';
    await h.complete(pik, 'Task_DuyetKetLuan', { quyetDinh: 'tra-lai', yKienTraLai: remark }, 'thuong-truc');
    const again = await h.waitForTask(pik, 'Task_KetLuan', 'van-phong');
    await eventually(async () =>
      expect((await h.openTasks(pik)).map((t) => t.elementId)).toEqual(['Task_KetLuan']),
    );
    const seen = await h.rest.searchUserTaskVariables(loose({ userTaskKey: again.userTaskKey }), noWait);
    expect(JSON.parse(String(seen.items.find((v) => v.name === 'yKienKetLuan')?.value))).toBe(remark);
    await h.rest.completeUserTask(
      loose({
        userTaskKey: again.userTaskKey,
        variables: {
          ...conclusions,
          noiDungKetLuan: `${conclusions.noiDungKetLuan} Biểu dương Đoàn Thanh niên Khối.`,
        },
      }),
    );
    await h.complete(pik, 'Task_DuyetKetLuan', { quyetDinh: 'dong-y' }, 'thuong-truc');
    await h.complete(pik, 'Task_BanHanh', {
      soKyHieu: '102-TB/ĐUK',
      ngayBanHanh: '2026-07-21',
      nguoiKy: 'Nguyễn Văn An',
      chucVuNguoiKy: 'Phó Bí thư Thường trực',
    });

    // The action is the base organisation's own task; the notice names it.
    await h.waitForTask(pik, 'Task_BaoCaoNhiemVu', 'co-so:so-tai-chinh');
    const vanBan = await h.variable<{ id: string }>(pik, 'vanBan');
    const docx = openDocx((await h.records.findDocument(vanBan.id))!.content);
    expect(docx.text).toContain('Biểu dương Đoàn Thanh niên Khối.');
    expect(docx.text).toContain('Đảng bộ Sở Tài chính');
  }, 120_000);
});
