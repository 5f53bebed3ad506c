/**
 * Điều 10.2, 11.3 Quy chế công tác Dân vận (926-QĐ/ĐUK): the units report six-monthly and yearly to the Standing
 * Committee through Ban Tuyên giáo, which follows up, compiles the synthesis and reports it.
 */
import { describe, expect, it } from 'vitest';
import { openDocx } from '../app/documents/docx-reader.js';
import { DRAFT, ISSUE, reportOf } from './support/report-fixture.js';
import { eventually, loose, noWait, useScenario } from './support/scenario-harness.js';

const h = useScenario('2026-05-01T02:00:00.000Z', { organisation: true });

const UNITS = [
  { code: 'so-tai-chinh', group: 'co-so:so-tai-chinh' },
  { code: 'so-y-te', group: 'co-so:so-y-te' },
  { code: 'doan-thanh-nien', group: 'doan-the:doan-thanh-nien' },
];

async function variable(processInstanceKey: string, name: string): Promise<unknown> {
  return eventually(async () => {
    const found = await h.rest.searchVariables(loose({ filter: { processInstanceKey, name } }), noWait);
    const item = found.items.find((v) => v.name === name);
    expect(item, `variable ${name}`).toBeDefined();
    return JSON.parse(String(item!.value)) as unknown;
  });
}

/** Drafted by the unit's committee, approved by its head, accepted by Ban Tuyên giáo. */
async function reportAccepted(pik: string, unit: (typeof UNITS)[number], n: number) {
  await h.complete(pik, 'Task_LapBaoCao', reportOf(n), unit.group);
  await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${unit.group}:lanh-dao`);
  await h.complete(
    pik,
    'Task_BtgXemXet',
    { quyetDinh: 'tiep-nhan', nhanXet: 'Báo cáo đầy đủ.' },
    'ban-tuyen-giao',
  );
}

const mailsTo = (address: string) => h.smtp.mails.filter((mail) => mail.to.includes(address));

describe('bao-cao-dan-van (Art. 10.2, 11.3)', () => {
  it('happy path: three units report, the synthesis totals equal the sum of their reports, the .docx is issued', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: '6-thang', nam: 2026, hanNopBaoCao: '2026-05-20', soNgayNhacTruoc: 3 },
    });
    expect(await variable(pik, 'reportDueDate')).toBe('2026-05-20T17:00:00+07:00');
    // The opening notice goes to every unit that must report.
    await eventually(async () => expect(mailsTo('so-y-te@dukh.vn').length).toBeGreaterThan(0));

    for (const [i, unit] of UNITS.entries()) await reportAccepted(pik, unit, i + 1);

    await h.waitForTask(pik, 'Task_DuThaoTongHop', 'ban-tuyen-giao');
    const tongHop = (await variable(pik, 'tongHop')) as Record<string, unknown>;
    expect(tongHop).toMatchObject({
      soDonViPhaiBaoCao: 3,
      soDonViDaBaoCao: 3,
      soDonViChuaBaoCao: 0,
      soDonViTre: 0,
    });
    // 1 + 2 + 3 times each unit's multiplier in reportOf.
    expect(tongHop.tong).toMatchObject({ soBuoiQuanTriet: 60, soLuotThamDu: 600, soDonThuTiepNhan: 12 });
    const stored = await h.records.reportsOf('bao-cao-dan-van', '2026-6T');
    expect(stored).toHaveLength(3);
    const sum = stored.reduce((total, report) => total + Number(report.baoCao.soLuotTiepCongDan), 0);
    expect((tongHop.tong as Record<string, number>).soLuotTiepCongDan).toBe(sum);
    expect(tongHop.kienNghi).toHaveLength(3);

    await h.complete(pik, 'Task_DuThaoTongHop', DRAFT);
    await h.complete(pik, 'Task_DuyetTongHop', { quyetDinh: 'dong-y' });
    await h.complete(pik, 'Task_BanHanh', ISSUE);
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));

    const vanBan = (await variable(pik, 'vanBan')) as { id: string; soKyHieu: string };
    expect(vanBan.soKyHieu).toBe('125-BC/ĐUK');
    const document = await h.records.findDocument(vanBan.id);
    const docx = openDocx(document!.content);
    expect(docx.text).toContain('tổng hợp kết quả công tác dân vận 6 tháng đầu năm 2026');
    expect(docx.text).toContain('Có 3/3 đơn vị đã gửi báo cáo');
    expect(docx.text).toContain('Kiến nghị số 2');
    expect(docx.text).toContain('600');
    // BTV, Thường trực and Ban Tuyên giáo are told the synthesis is issued.
    await eventually(async () => expect(mailsTo('btv@dukh.vn').length).toBeGreaterThan(0));
  }, 180_000);

  it('a report returned for revision is resent; a unit that never reports is reminded, escalated and listed missing; the service restarts midway', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: {
        loaiKy: 'nam',
        nam: 2025,
        hanNopBaoCao: '2026-05-10',
        hanThuThap: '2026-05-12',
        soNgayNhacTruoc: 3,
      },
    });
    const [first, second, silent] = UNITS as [
      (typeof UNITS)[number],
      (typeof UNITS)[number],
      (typeof UNITS)[number],
    ];

    // Returned by Ban Tuyên giáo, corrected and resent: the corrected figures are the ones stored.
    await h.complete(pik, 'Task_LapBaoCao', reportOf(1), first.group);
    await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${first.group}:lanh-dao`);
    await h.complete(
      pik,
      'Task_BtgXemXet',
      { quyetDinh: 'tra-lai', yKienTraLai: 'Đề nghị bổ sung số liệu tiếp công dân.' },
      'ban-tuyen-giao',
    );
    const redo = await h.waitForTask(pik, 'Task_LapBaoCao', first.group);
    const prefilled = await h.rest.searchUserTaskVariables(loose({ userTaskKey: redo.userTaskKey }), noWait);
    expect(prefilled.items.map((v) => v.name)).toContain('yKienTraLai');
    await h.rest.completeUserTask(
      loose({ userTaskKey: redo.userTaskKey, variables: reportOf(1, { soLuotTiepCongDan: 42 }) }),
    );
    await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${first.group}:lanh-dao`);
    await h.complete(pik, 'Task_BtgXemXet', { quyetDinh: 'tiep-nhan' }, 'ban-tuyen-giao');
    await eventually(async () =>
      expect(await h.records.reportsOf('bao-cao-dan-van', '2025-N')).toHaveLength(1),
    );

    // Reminder at 2026-05-07 17:00 (+07): only the units that have not sent.
    const before = mailsTo('doan-thanh-nien@dukh.vn').length;
    h.clock.set('2026-05-07T10:30:00Z');
    await eventually(async () => expect(mailsTo('doan-thanh-nien@dukh.vn').length).toBe(before + 1));
    expect(mailsTo('lanhdao.doan-thanh-nien@dukh.vn').length).toBeGreaterThan(0);
    const reminded = await h.connection.collection('notifications').find({ kind: 'nhac-han' }).toArray();
    expect(reminded.map((n) => n.username)).not.toContain('nv.so-tai-chinh');

    await h.restartService();

    // Overdue at 2026-05-10 17:00: escalation to Ban Tuyên giáo, copy to the unit.
    const btgBefore = mailsTo('ban-tuyen-giao@dukh.vn').length;
    h.clock.set('2026-05-10T10:30:00Z');
    // Two units are overdue: the silent one and the one that sends late.
    await eventually(async () => expect(mailsTo('ban-tuyen-giao@dukh.vn').length).toBe(btgBefore + 2));
    const inApp = await h.connection
      .collection('notifications')
      .find({ username: 'nv.ban-tuyen-giao', kind: 'qua-han' })
      .toArray();
    expect(inApp.map((n) => n.subject)).toContainEqual(expect.stringContaining('Đoàn Thanh niên Khối'));

    // Sent after the due date, still accepted before the collection closes: listed as late.
    await reportAccepted(pik, second, 2);
    // Its record is written by a worker after the acceptance: wait for it before the clock closes the collection.
    await eventually(async () =>
      expect(await h.records.reportsOf('bao-cao-dan-van', '2025-N')).toHaveLength(2),
    );

    // The collection closes at 2026-05-12 17:00 without the silent unit: the others were not blocked.
    h.clock.set('2026-05-12T10:30:00Z');
    await h.waitForTask(pik, 'Task_DuThaoTongHop', 'ban-tuyen-giao');
    const tongHop = (await variable(pik, 'tongHop')) as Record<string, unknown>;
    expect(tongHop).toMatchObject({
      soDonViPhaiBaoCao: 3,
      soDonViDaBaoCao: 2,
      soDonViChuaBaoCao: 1,
      donViChuaBaoCao: [{ code: silent.code, name: 'Đoàn Thanh niên Khối' }],
      soDonViTre: 1,
      donViTre: [{ code: second.code, name: 'Đảng bộ Sở Y tế' }],
    });
    expect((tongHop.tong as Record<string, number>).soLuotTiepCongDan).toBe(42 + 10);
  }, 240_000);

  it('Art. 10.2: a report its head approved by the cut-off is not lost: counted as sent, Ban Tuyên giáo reviews it after collection closes', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: '6-thang', nam: 2025, hanNopBaoCao: '2026-05-20', hanThuThap: '2026-05-22' },
    });
    const [approved, drafted] = UNITS as [(typeof UNITS)[number], (typeof UNITS)[number]];
    // Approved by its head before the cut-off; Ban Tuyên giáo has not reviewed it yet.
    await h.complete(pik, 'Task_LapBaoCao', reportOf(1), approved.group);
    await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${approved.group}:lanh-dao`);
    await h.waitForTask(pik, 'Task_BtgXemXet', 'ban-tuyen-giao');
    // Drafted but never approved by its head: not sent.
    await h.complete(pik, 'Task_LapBaoCao', reportOf(2), drafted.group);
    await h.waitForTask(pik, 'Task_TruongDonViDuyet', `${drafted.group}:lanh-dao`);

    // The collection closes at 2026-05-22 17:00 (+07).
    h.clock.set('2026-05-22T10:30:00Z');
    const late = await h.waitForTask(pik, 'Task_BtgXemXetSauHan', 'ban-tuyen-giao');
    const open = await eventually(async () => {
      const tasks = await h.openTasks(pik);
      // Drafting and approvals closed with the collection; only the review of the sent report remains.
      expect(tasks.map((t) => t.elementId)).toEqual(['Task_BtgXemXetSauHan']);
      return tasks;
    });
    expect(open[0]!.userTaskKey).toBe(late.userTaskKey);
    await h.rest.completeUserTask(
      loose({ userTaskKey: late.userTaskKey, variables: { nhanXet: 'Tiếp nhận sau hạn thu thập.' } }),
    );

    await h.waitForTask(pik, 'Task_DuThaoTongHop', 'ban-tuyen-giao');
    const tongHop = (await variable(pik, 'tongHop')) as Record<string, unknown>;
    expect(tongHop).toMatchObject({
      soDonViPhaiBaoCao: 3,
      soDonViDaBaoCao: 1,
      soDonViChuaBaoCao: 2,
      soDonViTre: 0,
      tong: { soBuoiQuanTriet: 10 },
    });
    expect((tongHop.donViChuaBaoCao as { code: string }[]).map((u) => u.code)).not.toContain(approved.code);
    const stored = await h.records.reportsOf('bao-cao-dan-van', '2025-6T');
    expect(stored.map((r) => [r.unitCode, r.nhanXetBanTuyenGiao])).toEqual([
      [approved.code, 'Tiếp nhận sau hạn thu thập.'],
    ]);
  }, 120_000);

  it('Art. 5.3: a pressing issue in a report becomes a task of Thường trực / Ban Thường vụ with its text, and the synthesis lists it', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: '6-thang', nam: 2024, hanNopBaoCao: '2026-05-28', hanThuThap: '2026-05-30' },
    });
    const issue = 'Người lao động bức xúc vì công ty chậm trả lương ba tháng liền.';
    for (const [i, unit] of UNITS.entries()) {
      const extra = i === 1 ? { coVanDeBucXuc: true, vanDeBucXuc: issue } : {};
      await h.complete(pik, 'Task_LapBaoCao', reportOf(i + 1, extra), unit.group);
      await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${unit.group}:lanh-dao`);
      await h.complete(pik, 'Task_BtgXemXet', { quyetDinh: 'tiep-nhan' }, 'ban-tuyen-giao');
    }

    // Its own task, for Thường trực and Ban Thường vụ, carrying the unit and the issue's text.
    const task = await h.waitForTask(pik, 'Task_ChiDaoVanDeBucXuc', 'thuong-truc');
    expect(task.candidateGroups).toEqual(['thuong-truc', 'btv']);
    const seen = await h.rest.searchUserTaskVariables(
      loose({ userTaskKey: task.userTaskKey, truncateValues: false }),
      noWait,
    );
    const vanDe = seen.items.find((v) => v.name === 'vanDe');
    expect(JSON.parse(String(vanDe?.value))).toEqual({ donVi: 'Đảng bộ Sở Y tế', noiDung: issue });
    // One task per issue: the units without one raise none.
    expect((await h.openTasks(pik)).filter((t) => t.elementId === 'Task_ChiDaoVanDeBucXuc')).toHaveLength(1);

    const tongHop = (await variable(pik, 'tongHop')) as Record<string, unknown>;
    expect(tongHop.vanDeBucXuc).toEqual([{ donVi: 'Đảng bộ Sở Y tế', noiDung: issue }]);
    const direction =
      'Giao Công đoàn Viên chức tỉnh phối hợp làm việc với doanh nghiệp, báo cáo trước ngày 15/6.';
    await h.rest.completeUserTask(
      loose({ userTaskKey: task.userTaskKey, variables: { yKienChiDao: direction } }),
    );

    await h.complete(pik, 'Task_DuThaoTongHop', DRAFT);
    await h.complete(pik, 'Task_DuyetTongHop', { quyetDinh: 'dong-y' });
    await h.complete(pik, 'Task_BanHanh', { ...ISSUE, soKyHieu: '131-BC/ĐUK' });
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));
    const vanBan = (await variable(pik, 'vanBan')) as { id: string };
    const docx = openDocx((await h.records.findDocument(vanBan.id))!.content);
    expect(docx.text).toContain('NHỮNG VẤN ĐỀ NỔI CỘM, BỨC XÚC');
    expect(docx.text).toContain(`${issue} (Đảng bộ Sở Y tế).`);
    expect(docx.text).toContain(direction);
  }, 120_000);

  it('the timer start on 1 November opens the annual period by itself (period derived from the date)', async () => {
    h.clock.set('2026-11-01T01:00:30Z');
    const period = await eventually(async () => {
      const found = await h.rest.searchVariables(
        loose({ filter: { name: 'period' }, page: { limit: 100 } }),
        noWait,
      );
      const annual = found.items
        .map((v) => JSON.parse(String(v.value)) as { code: string })
        .find((p) => p.code === '2026-N');
      expect(annual).toBeDefined();
      return annual!;
    });
    expect(period).toMatchObject({ kind: 'nam', label: 'năm 2026', endDate: '2026-12-31' });
  }, 60_000);
});
