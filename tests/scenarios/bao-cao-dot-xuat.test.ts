/**
 * Điều 10.3 Quy chế công tác Dân vận (926-QĐ/ĐUK): in an urgent case concerning cadres, Party members, workers or
 * members of the mass organisations, a base Party organisation reports directly to Ban Thường vụ / Thường trực, who
 * direct its handling promptly; Thường trực follows the handling up until it closes the matter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission, type FormJsSchema } from '../../src/app/forms/index.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { eventually, loose, noWait, useScenario, type UserTask } from './support/scenario-harness.js';

const h = useScenario('2026-06-01T02:00:00.000Z', { organisation: true });

const UNIT = {
  code: 'so-tai-chinh',
  kind: 'co-so',
  name: 'Đảng bộ Sở Tài chính',
  group: 'co-so:so-tai-chinh',
  headGroup: 'co-so:so-tai-chinh:lanh-dao',
};
const YOUTH = 'doan-the:doan-thanh-nien';
const REPORT = {
  tieuDe: 'Người lao động Công ty Xổ số ngừng việc tập thể',
  doiTuongLienQuan: ['nguoi-lao-dong', 'dang-vien'],
  mucDoKhan: 'thuong-khan',
  ngayXayRa: '2026-05-31',
  diaDiemXayRa: 'Công ty Xổ số kiến thiết tỉnh',
  noiDung: '45 người lao động ngừng việc, kiến nghị về việc chậm trả lương tháng 4 và tháng 5 năm 2026.',
  soNguoiLienQuan: 45,
  soDangVienLienQuan: 3,
  bienPhapDaXuLy: 'Đảng ủy đã gặp gỡ, đối thoại với người lao động; đề nghị Giám đốc công ty giải trình.',
  deXuatKienNghi: 'Đề nghị Thường trực chỉ đạo các cơ quan liên quan hỗ trợ giải quyết tiền lương.',
  hanDeNghiChiDao: '2026-06-03',
  nguoiBaoCao: 'Phạm Văn Long',
  chucVuNguoiBaoCao: 'Phó Bí thư Đảng ủy Sở Tài chính',
  dienThoaiLienHe: '0912 345 678',
};
const ISSUE = {
  nguoiKy: 'Lê Minh Tuấn',
  chucVuNguoiKy: 'Chánh Văn phòng',
  noiNhan: '- Đảng bộ Sở Tài chính\n- Đoàn Thanh niên Khối',
};

const formOf = (id: string): FormJsSchema =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../forms', `${id}.form`), 'utf8'),
  ) as FormJsSchema;

/** The variables a user task shows its form, by name, parsed. */
async function taskVariables(task: UserTask): Promise<Record<string, unknown>> {
  const found = await h.rest.searchUserTaskVariables(
    loose({ userTaskKey: task.userTaskKey, truncateValues: false }),
    noWait,
  );
  // Camunda 8.8 answers one entry per scope holding a name, the task's own scope first: the innermost wins, as in
  // the form the inbox shows.
  const values: Record<string, unknown> = {};
  for (const v of found.items)
    if (!(v.name in values)) values[v.name] = JSON.parse(String(v.value)) as unknown;
  return values;
}

/** A filed document's text, once the worker has filed it. */
const filedDocument = (id: string) =>
  eventually(async () => {
    const found = await h.records.findDocument(id);
    expect(found, id).toBeDefined();
    return openDocx(found!.content);
  });

async function notices(kind: string, processInstanceKey: string) {
  return h.connection.collection('notifications').find({ kind, processInstanceKey }).toArray();
}

describe('bao-cao-dot-xuat (Art. 10.3)', () => {
  it('Art. 10.3: a base organisation reports, Thường trực directs two units, follows up with a further direction, then closes the matter', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dot-xuat',
      variables: { unit: UNIT, ...REPORT },
    });
    expect(await h.variable(pik, 'directiveDueDate')).toBe('2026-06-03T17:00:00+07:00');
    // The report goes straight to Thường trực and Ban Thường vụ, with no Ban Tuyên giáo in between.
    await eventually(async () =>
      expect(new Set((await notices('bao-cao-dot-xuat', pik)).map((n) => n.username))).toEqual(
        new Set(['nv.thuong-truc', 'nv.btv']),
      ),
    );
    const filed = await h.records.findRecord(`${pik}-bao-cao-dot-xuat-gui`);
    expect(filed?.data).toMatchObject({ unit: { code: 'so-tai-chinh' }, soNguoiLienQuan: 45 });

    // Thường trực directs with the unit's report in front of it, and the units of the Bloc to choose from.
    const directive = await h.waitForTask(pik, 'Task_ChiDao', 'thuong-truc');
    expect(directive.candidateGroups).toEqual(['thuong-truc', 'btv']);
    const seen = await taskVariables(directive);
    expect(seen).toMatchObject({ noiDung: REPORT.noiDung, bienPhapDaXuLy: REPORT.bienPhapDaXuLy });
    expect(seen.donViGiaoViec).toContainEqual({ label: 'Đảng bộ Sở Tài chính', value: UNIT.group });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: directive.userTaskKey,
        variables: {
          huongXuLy: 'giao-xu-ly',
          yKienChiDao: 'Đảng ủy Sở Tài chính chủ trì đối thoại, giải quyết dứt điểm tiền lương.',
          phanCong: [
            {
              donViXuLy: UNIT.group,
              noiDungGiao: 'Đối thoại, giải quyết tiền lương.',
              hanXuLy: '2026-06-05',
            },
            { donViXuLy: YOUTH, noiDungGiao: 'Nắm tình hình đoàn viên tại công ty.', hanXuLy: '2026-06-08' },
          ],
        },
      }),
    );

    // Văn phòng issues the direction as a notice; then each unit gets its own handling task.
    await h.complete(
      pik,
      'Task_BanHanh',
      { ...ISSUE, soKyHieu: '21-TB/ĐUK', ngayBanHanh: '2026-06-02' },
      'van-phong',
    );
    const first = await filedDocument(`${pik}-y-kien-chi-dao-dot-xuat-lan-1`);
    expect(first.text).toContain('Đảng bộ Sở Tài chính');
    expect(first.text).toContain('Đoàn Thanh niên Khối');
    expect(first.text).toContain('Đối thoại, giải quyết tiền lương.');
    expect(first.paragraphs).toContain('Số 21-TB/ĐUK');
    // Filed for the reporting unit and the units it assigns, so their staff find it among their documents.
    const firstFiled = await h.records.findDocument(`${pik}-y-kien-chi-dao-dot-xuat-lan-1`);
    expect(firstFiled?.meta?.units).toEqual([
      { code: 'so-tai-chinh', name: 'Đảng bộ Sở Tài chính' },
      { code: 'doan-thanh-nien', name: 'Đoàn Thanh niên Khối' },
    ]);
    const handling = await eventually(async () => {
      const open = (await h.openTasks(pik)).filter((t) => t.elementId === 'Task_BaoCaoXuLy');
      expect(open).toHaveLength(2);
      return open;
    });
    expect(handling.flatMap((t) => t.candidateGroups ?? []).sort()).toEqual([UNIT.group, YOUTH]);
    const unitTask = handling.find((t) => t.candidateGroups?.includes(UNIT.group))!;
    // The unit sees the direction and its own assignment.
    expect(await taskVariables(unitTask)).toMatchObject({
      yKienChiDao: 'Đảng ủy Sở Tài chính chủ trì đối thoại, giải quyết dứt điểm tiền lương.',
      phanCongItem: { noiDungGiao: 'Đối thoại, giải quyết tiền lương.', hanXuLy: '2026-06-05' },
    });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: unitTask.userTaskKey,
        variables: {
          tinhTrang: 'dang-xu-ly',
          ketQuaXuLy: 'Đã đối thoại; công ty cam kết trả lương tháng 4.',
          khoKhanVuongMac: 'Công ty chưa có nguồn trả lương tháng 5.',
        },
      }),
    );

    // The Youth Union lets its deadline (8/6, 17:00) pass: Thường trực and the Union are told.
    h.clock.set('2026-06-08T11:00:00Z');
    await eventually(async () =>
      expect(new Set((await notices('nhac-han-dot-xuat', pik)).map((n) => n.username))).toEqual(
        // The Union's heads are members of its group too; Sở Tài chính, which reported in time, is not told.
        new Set(['nv.thuong-truc', 'nv.doan-thanh-nien', 'lanhdao.doan-thanh-nien']),
      ),
    );
    await h.complete(
      pik,
      'Task_BaoCaoXuLy',
      {
        tinhTrang: 'da-xu-ly-xong',
        ketQuaXuLy: 'Đoàn viên yên tâm, không tham gia ngừng việc.',
        ngayHoanThanh: '2026-06-08',
      },
      YOUTH,
    );

    // Thường trực sees what each unit reported, by name, and directs again: the follow-up loop.
    const review = await h.waitForTask(pik, 'Task_XemXet', 'thuong-truc');
    const reviewed = await taskVariables(review);
    expect(reviewed.ketQuaVong).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tenDonVi: 'Đảng bộ Sở Tài chính', tinhTrang: 'dang-xu-ly' }),
        expect.objectContaining({ tenDonVi: 'Đoàn Thanh niên Khối', tinhTrang: 'da-xu-ly-xong' }),
      ]),
    );
    expect(reviewed.noiDung).toBe(REPORT.noiDung);
    await h.rest.completeUserTask(
      loose({
        userTaskKey: review.userTaskKey,
        variables: {
          quyetDinh: 'chi-dao-tiep',
          nhanXet: 'Lương tháng 5 chưa được giải quyết.',
          yKienChiDaoTiep: 'Đảng ủy Sở Tài chính báo cáo phương án trả lương tháng 5.',
          phanCongTiep: [
            { donViXuLy: UNIT.group, noiDungGiao: 'Phương án trả lương tháng 5.', hanXuLy: '2026-06-15' },
          ],
        },
      }),
    );

    // A second notice, numbered afresh; the first one stays filed.
    const again = await h.waitForTask(pik, 'Task_BanHanh', 'van-phong');
    expect(await taskVariables(again)).toMatchObject({ soKyHieu: null, nguoiKy: ISSUE.nguoiKy });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: again.userTaskKey,
        variables: { ...ISSUE, soKyHieu: '25-TB/ĐUK', ngayBanHanh: '2026-06-09' },
      }),
    );
    const second = await h.waitForTask(pik, 'Task_BaoCaoXuLy', UNIT.group);
    const secondSeen = await taskVariables(second);
    // The unit sees the earlier round too.
    expect(secondSeen.lichSuXuLy).toEqual([
      expect.objectContaining({ lan: 1, nhanXet: 'Lương tháng 5 chưa được giải quyết.' }),
    ]);
    expect(secondSeen.lanChiDao).toBe(2);
    const secondNotice = await filedDocument(`${pik}-y-kien-chi-dao-dot-xuat-lan-2`);
    expect(secondNotice.text).toContain('(tiếp theo)');
    expect(secondNotice.text).toContain('Phương án trả lương tháng 5.');
    expect(await h.records.findDocument(`${pik}-y-kien-chi-dao-dot-xuat-lan-1`)).toBeDefined();
    await h.rest.completeUserTask(
      loose({
        userTaskKey: second.userTaskKey,
        variables: {
          tinhTrang: 'da-xu-ly-xong',
          ketQuaXuLy: 'Đã trả đủ lương tháng 5 cho người lao động.',
          ngayHoanThanh: '2026-06-12',
        },
      }),
    );

    // Thường trực closes the matter with its conclusion; the unit and Ban Thường vụ are told.
    await h.complete(
      pik,
      'Task_XemXet',
      {
        quyetDinh: 'ket-thuc',
        ketLuan: 'Vụ việc đã được giải quyết dứt điểm; Đảng ủy Sở tiếp tục nắm tình hình.',
      },
      'thuong-truc',
    );
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));
    const outcome = await h.records.findRecord(`${pik}-bao-cao-dot-xuat`);
    expect(outcome?.kind).toBe('quyet-dinh:bao-cao-dot-xuat');
    expect(outcome?.data).toMatchObject({
      tieuDe: REPORT.tieuDe,
      ketLuan: 'Vụ việc đã được giải quyết dứt điểm; Đảng ủy Sở tiếp tục nắm tình hình.',
    });
    const rounds = outcome?.data.lichSuXuLy as { lan: number; ketQua: unknown[] }[];
    expect(rounds.map((r) => [r.lan, r.ketQua.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    await eventually(async () =>
      expect(new Set((await notices('ket-thuc-dot-xuat', pik)).map((n) => n.username))).toEqual(
        new Set(['nv.so-tai-chinh', 'lanhdao.so-tai-chinh', 'nv.btv']),
      ),
    );
  }, 240_000);

  it('Art. 10.3: Thường trực is reminded when the day the unit asked for passes, and may take note of what the unit did and close', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dot-xuat',
      variables: {
        unit: UNIT,
        ...REPORT,
        tieuDe: 'Đảng viên bị hành hung khi làm nhiệm vụ',
        hanDeNghiChiDao: '2026-06-10',
      },
    });
    const directive = await h.waitForTask(pik, 'Task_ChiDao', 'thuong-truc');
    h.clock.set('2026-06-10T10:30:00Z');
    const reminded = await eventually(async () => {
      const found = await notices('nhac-han-dot-xuat', pik);
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(reminded.map((n) => n.username)).toEqual(['nv.thuong-truc']);
    expect(reminded[0]?.subject).toContain('Thường trực chỉ đạo xử lý báo cáo đột xuất');
    await h.rest.completeUserTask(
      loose({
        userTaskKey: directive.userTaskKey,
        variables: {
          huongXuLy: 'ghi-nhan',
          yKienChiDao: 'Ghi nhận biện pháp Đảng ủy Sở đã xử lý, kịp thời và đúng mức.',
        },
      }),
    );
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));
    expect((await h.openTasks(pik)).map((t) => t.elementId)).toEqual([]);
    const outcome = await h.records.findRecord(`${pik}-bao-cao-dot-xuat`);
    expect(outcome?.data).toMatchObject({ huongXuLy: 'ghi-nhan', lichSuXuLy: [], ketLuan: null });
  }, 120_000);

  it('Art. 10.3: the forms refuse figures, dates and assignments that do not agree, on the server', () => {
    const now = new Date('2026-06-01T02:00:00.000Z');
    const report = compileForm(formOf('bao-cao-dot-xuat-bao-cao'));
    expect(validateSubmission(report, REPORT, {}, { now }).ok).toBe(true);
    const wrong = validateSubmission(
      report,
      { ...REPORT, soDangVienLienQuan: 46, hanDeNghiChiDao: '2026-05-30' },
      {},
      { now },
    );
    expect(wrong.ok).toBe(false);
    const fields = wrong.ok ? [] : wrong.errors.map((e) => [e.field, e.code]);
    expect(fields).toContainEqual(['soDangVienLienQuan', 'FORM_RULE']);
    expect(fields.map(([field]) => field)).toContain('hanDeNghiChiDao');
    if (!wrong.ok)
      expect(wrong.errors.find((e) => e.field === 'soDangVienLienQuan')?.message).toBe(
        'Số đảng viên liên quan không được lớn hơn số người liên quan.',
      );

    // One unit twice in one direction is refused on the repeated line.
    const units = [
      { label: 'Đảng bộ Sở Tài chính', value: UNIT.group },
      { label: 'Đoàn Thanh niên Khối', value: YOUTH },
    ];
    const directive = compileForm(formOf('bao-cao-dot-xuat-chi-dao'));
    const twice = {
      huongXuLy: 'giao-xu-ly',
      yKienChiDao: 'Giao Đảng ủy Sở Tài chính xử lý.',
      phanCong: [
        { donViXuLy: UNIT.group, noiDungGiao: 'Đối thoại với người lao động.', hanXuLy: '2026-06-05' },
        { donViXuLy: UNIT.group, noiDungGiao: 'Báo cáo phương án trả lương.', hanXuLy: '2026-06-06' },
      ],
    };
    const refused = validateSubmission(directive, twice, { donViGiaoViec: units }, { now });
    expect(refused.ok ? [] : refused.errors.map((e) => [e.field, e.code])).toEqual([
      ['phanCong.0.donViXuLy', 'FORM_RULE'],
      ['phanCong.1.donViXuLy', 'FORM_RULE'],
    ]);
    const fixed = { ...twice, phanCong: [twice.phanCong[0], { ...twice.phanCong[1]!, donViXuLy: YOUTH }] };
    expect(validateSubmission(directive, fixed, { donViGiaoViec: units }, { now }).ok).toBe(true);
    // A unit outside the list offered is not accepted either.
    const outsider = { ...twice, phanCong: [{ ...twice.phanCong[0]!, donViXuLy: 'co-so:khong-co' }] };
    expect(validateSubmission(directive, outsider, { donViGiaoViec: units }, { now }).ok).toBe(false);

    // The handling cannot be finished before the matter occurred (a variable of the instance).
    const handling = compileForm(formOf('bao-cao-dot-xuat-ket-qua-xu-ly'));
    const early = validateSubmission(
      handling,
      { tinhTrang: 'da-xu-ly-xong', ketQuaXuLy: 'Đã giải quyết xong.', ngayHoanThanh: '2026-05-20' },
      { ngayXayRa: REPORT.ngayXayRa },
      { now },
    );
    expect(early.ok ? [] : early.errors.map((e) => [e.field, e.code])).toEqual([
      ['ngayHoanThanh', 'FORM_RULE'],
    ]);
  });
});
