/**
 * Quy chế công tác Dân vận (926-QĐ/ĐUK) — the "Dân vận khéo" emulation movement: base Party organisations lead the
 * mass organisations in pushing it (Art. 8.4) and it is deployed widely (Art. 9.2); Ban Tuyên giáo is the standing
 * body of its steering board (Art. 5). Units register models, Ban Tuyên giáo reviews and follows them, and recognises
 * them; the recognised ones are kept for the yearly praise and commendation (Art. 11.4). How a model is recognised is
 * the committee's practice (processes/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission, type FormJsSchema } from '../../src/app/forms/index.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { eventually, loose, noWait, useScenario, type UserTask } from './support/scenario-harness.js';

const h = useScenario('2026-06-01T02:00:00.000Z', { organisation: true });

const UNION = {
  code: 'doan-thanh-nien',
  kind: 'doan-the',
  name: 'Đoàn Thanh niên Khối',
  group: 'doan-the:doan-thanh-nien',
  headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
};
const FINANCE = {
  code: 'so-tai-chinh',
  kind: 'co-so',
  name: 'Đảng bộ Sở Tài chính',
  group: 'co-so:so-tai-chinh',
  headGroup: 'co-so:so-tai-chinh:lanh-dao',
};
const MODEL = {
  tenMoHinh: 'Thanh niên Khối chung tay xây dựng nông thôn mới',
  linhVuc: 'cham-lo-doi-song',
  mucTieu: 'Huy động đoàn viên giúp các xã khó khăn làm đường, sửa nhà cho hộ nghèo.',
  noiDungCachLam:
    'Mỗi chi đoàn nhận đỡ đầu một thôn; tổ chức ngày thứ Bảy tình nguyện hằng tháng; báo cáo kết quả quý.',
  doiTuongThamGia: 'Đoàn viên thanh niên các cơ quan, doanh nghiệp trong Khối',
  soNguoiThamGiaDuKien: 300,
  ngayBatDau: '2026-01-15',
  ngayBaoCaoKetQua: '2026-10-30',
  nguoiPhuTrach: 'Hoàng Minh Đức',
  chucVuNguoiPhuTrach: 'Bí thư Đoàn Thanh niên Khối',
  dienThoaiLienHe: '0912 345 678',
};
const RESULTS = {
  soNguoiThamGia: 320,
  soDangVienThamGia: 85,
  ketQuaDatDuoc:
    'Làm 4 km đường bê tông, sửa 6 nhà cho hộ nghèo; trao 25 suất quà.\nĐoàn viên tham gia đều đặn.',
  baiHocKinhNghiem: 'Gắn việc tình nguyện với sinh hoạt chi đoàn.',
};
const ISSUE = {
  soKyHieu: '15-TB/ĐUK',
  ngayBanHanh: '2026-11-05',
  nguoiKy: 'Hà Văn Tuấn',
  chucVuNguoiKy: 'Trưởng Ban Tuyên giáo',
  noiNhan: '- Đoàn Thanh niên Khối\n- Ban Tuyên giáo Đảng ủy Khối',
};

const formOf = (id: string): FormJsSchema =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../forms', `${id}.form`), 'utf8'),
  ) as FormJsSchema;

/** The variables a user task shows its form, by name, parsed; the task's own scope first, as Camunda 8.8 answers. */
async function taskVariables(task: UserTask): Promise<Record<string, unknown>> {
  const found = await h.rest.searchUserTaskVariables(
    loose({ userTaskKey: task.userTaskKey, truncateValues: false }),
    noWait,
  );
  const values: Record<string, unknown> = {};
  for (const v of found.items)
    if (!(v.name in values)) values[v.name] = JSON.parse(String(v.value)) as unknown;
  return values;
}

async function notices(kind: string, processInstanceKey: string) {
  return h.connection.collection('notifications').find({ kind, processInstanceKey }).toArray();
}

async function register(unit: typeof UNION, model: Record<string, unknown> = MODEL): Promise<string> {
  const { processInstanceKey } = await h.zeebe.createProcessInstance({
    bpmnProcessId: 'dan-van-kheo',
    variables: { unit, ...model },
  });
  return processInstanceKey;
}

describe('dan-van-kheo (Art. 5, 8.4, 9.2)', () => {
  it('Art. 8.4, 9.2, 5: a mass organisation registers a model, Ban Tuyên giáo accepts and follows it, then recognises it with a notice kept for the annual review (Art. 11.4)', async () => {
    const pik = await register(UNION);
    expect(await h.variable(pik, 'reportDueDate')).toBe('2026-10-30T17:00:00+07:00');
    const filed = await h.records.findRecord(`${pik}-dan-van-kheo-dang-ky`);
    expect(filed?.data).toMatchObject({ unit: { code: 'doan-thanh-nien' }, tenMoHinh: MODEL.tenMoHinh });
    await eventually(async () =>
      expect((await notices('dang-ky-dan-van-kheo', pik)).map((n) => n.username)).toEqual([
        'nv.ban-tuyen-giao',
      ]),
    );

    // Ban Tuyên giáo reviews with the whole registration in front of it.
    const review = await h.waitForTask(pik, 'Task_XemXetDangKy', 'ban-tuyen-giao');
    expect(await taskVariables(review)).toMatchObject({
      tenMoHinh: MODEL.tenMoHinh,
      noiDungCachLam: MODEL.noiDungCachLam,
      unit: { name: 'Đoàn Thanh niên Khối' },
      quyetDinh: null,
    });
    await h.rest.completeUserTask(
      loose({ userTaskKey: review.userTaskKey, variables: { quyetDinh: 'tiep-nhan' } }),
    );
    await eventually(async () =>
      expect(new Set((await notices('tiep-nhan-dan-van-kheo', pik)).map((n) => n.username))).toEqual(
        new Set(['nv.doan-thanh-nien', 'lanhdao.doan-thanh-nien']),
      ),
    );

    // Followed: the unit reports its results by its day; when the day passes the unit and Ban Tuyên giáo are told.
    const report = await h.waitForTask(pik, 'Task_BaoCaoKetQua', UNION.group);
    h.clock.set('2026-10-30T10:30:00Z');
    await eventually(async () =>
      expect(new Set((await notices('nhac-han-dan-van-kheo', pik)).map((n) => n.username))).toEqual(
        new Set(['nv.doan-thanh-nien', 'lanhdao.doan-thanh-nien', 'nv.ban-tuyen-giao']),
      ),
    );
    await h.rest.completeUserTask(loose({ userTaskKey: report.userTaskKey, variables: RESULTS }));

    // Ban Tuyên giáo assesses the results it is shown and recognises the model.
    const assess = await h.waitForTask(pik, 'Task_DanhGia', 'ban-tuyen-giao');
    expect(await taskVariables(assess)).toMatchObject({
      ketQuaDatDuoc: RESULTS.ketQuaDatDuoc,
      soNguoiThamGia: 320,
      tenMoHinh: MODEL.tenMoHinh,
    });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: assess.userTaskKey,
        variables: {
          quyetDinhCongNhan: 'cong-nhan',
          nhanXetDanhGia: 'Mô hình thiết thực, được đoàn viên và nhân dân hưởng ứng, có thể nhân rộng.',
        },
      }),
    );
    await h.complete(pik, 'Task_BanHanh', ISSUE, 'van-phong');
    const document = await eventually(async () => {
      const found = await h.records.findDocument(`${pik}-cong-nhan-dan-van-kheo`);
      expect(found).toBeDefined();
      return found!;
    });
    const notice = openDocx(document.content);
    expect(notice.paragraphs).toContain('Số 15-TB/ĐUK');
    expect(notice.text).toContain('công nhận mô hình “Dân vận khéo”');
    expect(notice.text).toContain(MODEL.tenMoHinh);
    expect(notice.text).toContain('Chăm lo đời sống người lao động, an sinh xã hội');
    expect(notice.text).toContain('Làm 4 km đường bê tông');
    expect(notice.text).toContain('TRƯỞNG BAN TUYÊN GIÁO');
    // Filed for the unit, so its staff find it among their documents.
    expect(document.meta?.units).toEqual([{ code: 'doan-thanh-nien', name: 'Đoàn Thanh niên Khối' }]);

    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));
    const outcome = await h.records.findRecord(`${pik}-dan-van-kheo`);
    expect(outcome?.kind).toBe('quyet-dinh:dan-van-kheo');
    expect(outcome?.data).toMatchObject({
      unit: { code: 'doan-thanh-nien' },
      tenMoHinh: MODEL.tenMoHinh,
      quyetDinhDangKy: 'tiep-nhan',
      quyetDinhCongNhan: 'cong-nhan',
      soKyHieu: '15-TB/ĐUK',
      ngayBanHanh: '2026-11-05',
    });
    // What the annual round reads: the recognised models among the outcomes.
    const recognised = (await h.records.recordsOf('quyet-dinh:dan-van-kheo')).filter(
      (r) => r.data.quyetDinhCongNhan === 'cong-nhan',
    );
    expect(recognised.map((r) => r.data.tenMoHinh)).toContain(MODEL.tenMoHinh);
    const told = await eventually(async () => {
      const found = await notices('ket-qua-dan-van-kheo', pik);
      expect(found.length).toBe(2);
      return found;
    });
    expect(told[0]?.text).toContain('được công nhận là mô hình "Dân vận khéo" (Thông báo 15-TB/ĐUK)');
  }, 240_000);

  it('Art. 5: Ban Tuyên giáo returns a registration for more information; the base organisation completes it and sends it again; the model is followed but not recognised', async () => {
    h.clock.set('2026-06-02T02:00:00Z');
    const pik = await register(FINANCE, {
      ...MODEL,
      tenMoHinh: 'Dân vận khéo trong thu ngân sách',
      linhVuc: 'nhiem-vu-chinh-tri',
    });
    const remark = 'Đề nghị nêu rõ cách làm và đối tượng tham gia của từng phòng.';
    await h.complete(
      pik,
      'Task_XemXetDangKy',
      { quyetDinh: 'tra-lai', yKienXemXet: remark },
      'ban-tuyen-giao',
    );

    // The unit gets its registration back, as sent, with Ban Tuyên giáo's remark; it is not yet followed.
    const completion = await h.waitForTask(pik, 'Task_BoSung', FINANCE.group);
    expect(await taskVariables(completion)).toMatchObject({
      yKienXemXet: remark,
      quyetDinhDangKy: 'tra-lai',
      tenMoHinh: 'Dân vận khéo trong thu ngân sách',
    });
    expect((await h.openTasks(pik)).map((t) => t.elementId)).toEqual(['Task_BoSung']);
    const better =
      'Mỗi phòng nhận một nhóm hộ kinh doanh, hướng dẫn kê khai; cán bộ, đảng viên gương mẫu nộp đúng hạn.';
    await h.rest.completeUserTask(
      loose({
        userTaskKey: completion.userTaskKey,
        variables: {
          ...MODEL,
          tenMoHinh: 'Dân vận khéo trong thu ngân sách',
          linhVuc: 'nhiem-vu-chinh-tri',
          noiDungCachLam: better,
        },
      }),
    );

    // Filed again and reviewed again, with the completed text and a blank decision.
    const again = await h.waitForTask(pik, 'Task_XemXetDangKy', 'ban-tuyen-giao');
    const seen = await taskVariables(again);
    expect(seen).toMatchObject({ noiDungCachLam: better, quyetDinh: null, yKienXemXet: null });
    expect((await h.records.findRecord(`${pik}-dan-van-kheo-dang-ky`))?.data.noiDungCachLam).toBe(better);
    await eventually(async () => expect((await notices('dang-ky-dan-van-kheo', pik)).length).toBe(2));
    await h.rest.completeUserTask(
      loose({ userTaskKey: again.userTaskKey, variables: { quyetDinh: 'tiep-nhan' } }),
    );

    await h.complete(pik, 'Task_BaoCaoKetQua', RESULTS, FINANCE.group);
    const assessment = 'Kết quả chưa rõ nét, chưa đủ căn cứ công nhận; đề nghị tiếp tục thực hiện.';
    await h.complete(
      pik,
      'Task_DanhGia',
      { quyetDinhCongNhan: 'khong-cong-nhan', nhanXetDanhGia: assessment },
      'ban-tuyen-giao',
    );
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));
    // Not recognised: no notice, the outcome kept, the unit told why.
    expect(await h.records.findDocument(`${pik}-cong-nhan-dan-van-kheo`)).toBeUndefined();
    expect((await h.records.findRecord(`${pik}-dan-van-kheo`))?.data).toMatchObject({
      quyetDinhDangKy: 'tiep-nhan',
      quyetDinhCongNhan: 'khong-cong-nhan',
      nhanXetDanhGia: assessment,
      soKyHieu: null,
    });
    await eventually(async () => {
      const told = await notices('ket-qua-dan-van-kheo', pik);
      expect(told.length).toBe(2);
      expect(told[0]?.text).toContain(assessment);
    });
  }, 240_000);

  it('Art. 5: Ban Tuyên giáo refuses a registration with its reason; nothing is followed', async () => {
    const pik = await register(FINANCE, { ...MODEL, tenMoHinh: 'Tổ chức liên hoan cuối năm' });
    const reason = 'Nội dung không phải mô hình công tác dân vận theo phong trào "Dân vận khéo".';
    await h.complete(
      pik,
      'Task_XemXetDangKy',
      { quyetDinh: 'khong-tiep-nhan', yKienXemXet: reason },
      'ban-tuyen-giao',
    );
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));
    expect(await h.openTasks(pik)).toEqual([]);
    expect(await notices('tiep-nhan-dan-van-kheo', pik)).toEqual([]);
    expect((await h.records.findRecord(`${pik}-dan-van-kheo`))?.data).toMatchObject({
      quyetDinhDangKy: 'khong-tiep-nhan',
      yKienXemXet: reason,
      quyetDinhCongNhan: null,
    });
    await eventually(async () => {
      const told = await notices('ket-qua-dan-van-kheo', pik);
      expect(new Set(told.map((n) => n.username))).toEqual(
        new Set(['nv.so-tai-chinh', 'lanhdao.so-tai-chinh']),
      );
      expect(told[0]?.text).toContain(reason);
    });
  }, 120_000);

  it('Art. 8.4, 9.2, 5: the forms refuse dates and figures that do not agree, and a refusal or return without its reason, on the server', () => {
    const now = new Date('2026-06-01T02:00:00.000Z');
    const registration = compileForm(formOf('dan-van-kheo-dang-ky'));
    expect(validateSubmission(registration, MODEL, {}, { now }).ok).toBe(true);
    // A results day already past, and one not after the start.
    const past = validateSubmission(registration, { ...MODEL, ngayBaoCaoKetQua: '2026-05-30' }, {}, { now });
    expect(past.ok ? [] : past.errors.map((e) => e.field)).toContain('ngayBaoCaoKetQua');
    const backwards = validateSubmission(
      registration,
      { ...MODEL, ngayBatDau: '2026-07-01', ngayBaoCaoKetQua: '2026-07-01' },
      {},
      { now },
    );
    expect(backwards.ok ? [] : backwards.errors.map((e) => [e.field, e.code, e.message])).toEqual([
      ['ngayBaoCaoKetQua', 'FORM_RULE', 'Ngày báo cáo kết quả phải sau ngày bắt đầu thực hiện.'],
    ]);
    // A field not in the list.
    expect(validateSubmission(registration, { ...MODEL, linhVuc: 'the-thao' }, {}, { now }).ok).toBe(false);

    const results = compileForm(formOf('dan-van-kheo-ket-qua'));
    const more = validateSubmission(results, { ...RESULTS, soDangVienThamGia: 321 }, {}, { now });
    expect(more.ok ? [] : more.errors.map((e) => [e.field, e.code])).toEqual([
      ['soDangVienThamGia', 'FORM_RULE'],
    ]);

    const review = compileForm(formOf('dan-van-kheo-xem-xet'));
    for (const quyetDinh of ['tra-lai', 'khong-tiep-nhan']) {
      const bare = validateSubmission(review, { quyetDinh }, {}, { now });
      expect(bare.ok ? [] : bare.errors.map((e) => e.field)).toEqual(['yKienXemXet']);
    }
    // Accepting needs no reason, and a hidden remark is not accepted with it.
    expect(validateSubmission(review, { quyetDinh: 'tiep-nhan' }, {}, { now }).ok).toBe(true);
  });
});
