/**
 * Điều 11.4 Quy chế công tác Dân vận (926-QĐ/ĐUK): every year the base organisations and mass organisations evaluate
 * their mass-mobilisation work; outstanding collectives and individuals are commended, lack of responsibility is
 * criticised and handled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission, type FormJsSchema } from '../../src/app/forms/index.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { readOnlyShowing, reviewOf } from './support/review-form.js';
import { drive } from './support/drive.js';
import { eventually, useScenario, type UserTask } from './support/scenario-harness.js';

const h = useScenario('2026-11-16T02:00:00.000Z', { organisation: true });

const RATING: Record<string, string> = {
  'co-so:so-tai-chinh': 'hoan-thanh-xuat-sac',
  'co-so:so-y-te': 'hoan-thanh-tot',
  'doan-the:doan-thanh-nien': 'hoan-thanh-xuat-sac',
};

function selfEvaluation(task: UserTask): Record<string, unknown> {
  const group = task.candidateGroups?.[0] ?? '';
  const outstanding = group === 'co-so:so-tai-chinh';
  return {
    mucXepLoai: RATING[group],
    tuDanhGia:
      'Đơn vị đã triển khai đầy đủ các nhiệm vụ công tác dân vận, thực hiện tốt Quy chế dân chủ ở cơ sở.',
    soMoHinhDanVanKheo: outstanding ? 3 : 1,
    deNghiKhenThuong: outstanding
      ? [
          {
            loaiDoiTuong: 'ca-nhan',
            tenDoiTuong: 'Phạm Thị Mai',
            chucVuDonVi: 'Chuyên viên, Sở Tài chính',
            thanhTich: 'Xây dựng mô hình Dân vận khéo trong cải cách hành chính.',
            hinhThuc: 'giay-khen',
          },
        ]
      : [],
    coPhanAnhThieuTrachNhiem: group === 'co-so:so-y-te',
    phanAnhThieuTrachNhiem:
      group === 'co-so:so-y-te'
        ? [{ tenToChucCaNhan: 'Chi bộ Phòng X', bieuHien: 'Không tổ chức hội nghị người lao động.' }]
        : [],
    nguoiLap: 'Nguyễn Thị Lập',
  };
}

const LIST = [
  {
    loaiDoiTuong: 'tap-the',
    tenDoiTuong: 'Đảng bộ Sở Tài chính',
    chucVuDonVi: 'Đảng bộ cơ sở',
    thanhTich: 'Hoàn thành xuất sắc nhiệm vụ công tác dân vận năm 2026.',
    hinhThuc: 'giay-khen',
    donViDeNghi: 'Đảng bộ Sở Tài chính',
  },
  {
    loaiDoiTuong: 'ca-nhan',
    tenDoiTuong: 'Phạm Thị Mai',
    chucVuDonVi: 'Chuyên viên, Sở Tài chính',
    thanhTich: 'Xây dựng mô hình Dân vận khéo trong cải cách hành chính.',
    hinhThuc: 'giay-khen',
    donViDeNghi: 'Đảng bộ Sở Tài chính',
  },
];

describe('danh-gia-khen-thuong (Art. 11.4)', () => {
  it('self-evaluations compiled, UBKT consulted, BTV returns then decides the list; the decision is issued after a restart', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'danh-gia-khen-thuong',
      variables: { nam: 2026, hanTuDanhGia: '2026-12-05' },
    });
    const answers = {
      Task_TuDanhGia: selfEvaluation,
      Task_TruongDonViDuyet: { quyetDinh: 'dong-y' },
      Task_KhenThuongDonVi: { khenThuongDonVi: [] },
      Task_BtgXemXet: { quyetDinh: 'tiep-nhan', nhanXet: 'Đạt yêu cầu.' },
      Task_DeXuat: {
        nhanXetChung:
          'Các đơn vị đã thực hiện nghiêm túc việc tự đánh giá; nhiều mô hình Dân vận khéo được nhân rộng trong Khối.',
        danhSachKhenThuong: LIST,
        coPhanAnhThieuTrachNhiem: true,
        deXuatXuLyThieuTrachNhiem: 'Đề nghị phê bình Chi bộ Phòng X.',
      },
      Task_Ubkt: { hinhThucXuLyDeXuat: 'phe-binh', yKienUbkt: 'Thống nhất phê bình Chi bộ Phòng X.' },
      Task_Btv: (_task: UserTask, round: number) =>
        round === 0
          ? { quyetDinh: 'tra-lai', yKienTraLai: 'Đề nghị rà soát lại thành tích của tập thể.' }
          : { quyetDinh: 'dong-y', ketLuanXuLy: 'Phê bình Chi bộ Phòng X.' },
    };
    const log: string[] = [];
    await drive(h, pik, answers, async () => log.includes('Task_DeXuat'), log);

    const tongHop = await h.variable<Record<string, unknown>>(pik, 'tongHop');
    expect(tongHop).toMatchObject({
      soDonViDaBaoCao: 3,
      xepLoai: { 'hoan-thanh-xuat-sac': 2, 'hoan-thanh-tot': 1 },
      soDeNghiKhenThuong: 1,
      soPhanAnhThieuTrachNhiem: 1,
      tong: { soMoHinhDanVanKheo: 5 },
    });

    await h.restartService();

    await drive(
      h,
      pik,
      answers,
      async () => (await h.openTasks(pik)).some((t) => t.elementId === 'Task_BanHanh'),
      log,
    );
    expect(log.filter((e) => e === 'Task_Btv')).toHaveLength(2);
    expect(log.filter((e) => e === 'Task_DeXuat')).toHaveLength(2);
    expect(log).toContain('Task_Ubkt');

    await h.complete(pik, 'Task_BanHanh', {
      soKyHieu: '210-QĐ/ĐUK',
      ngayBanHanh: '2026-12-20',
      nguoiKy: 'Nguyễn Văn An',
      chucVuNguoiKy: 'Phó Bí thư Thường trực',
    });
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));

    const decision = await h.records.findRecord(`${pik}-khen-thuong`);
    expect(decision?.data).toMatchObject({
      ketLuanXuLy: 'Phê bình Chi bộ Phòng X.',
      danhSachKhenThuong: LIST,
    });
    const vanBan = await h.variable<{ id: string }>(pik, 'vanBan');
    const docx = openDocx((await h.records.findDocument(vanBan.id))!.content);
    expect(docx.text).toContain('Phạm Thị Mai');
    expect(docx.text).toContain('Đảng bộ Sở Tài chính');
    await eventually(async () =>
      expect(h.smtp.mails.some((m) => m.to.includes('so-y-te@dukh.vn'))).toBe(true),
    );
  }, 240_000);

  it('Art. 11.4: a self-evaluation its head approved by the cut-off is not lost: counted as sent, Ban Tuyên giáo reviews it after collection closes', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'danh-gia-khen-thuong',
      variables: { nam: 2025, hanTuDanhGia: '2026-11-25', hanThuThap: '2026-11-27' },
    });
    const group = 'co-so:so-tai-chinh';
    const drafted = await h.waitForTask(pik, 'Task_TuDanhGia', group);
    await h.rest.completeUserTask({
      userTaskKey: drafted.userTaskKey,
      variables: selfEvaluation(drafted),
    } as never);
    await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${group}:lanh-dao`);
    await h.complete(pik, 'Task_KhenThuongDonVi', { khenThuongDonVi: [] }, `${group}:lanh-dao`);
    await h.waitForTask(pik, 'Task_BtgXemXet', 'ban-tuyen-giao');

    // The collection closes at 2026-11-27 17:00 (+07) before Ban Tuyên giáo has reviewed it.
    h.clock.set('2026-11-27T10:30:00Z');
    await h.complete(
      pik,
      'Task_BtgXemXetSauHan',
      { nhanXet: 'Tiếp nhận sau hạn thu thập.' },
      'ban-tuyen-giao',
    );
    await h.waitForTask(pik, 'Task_DeXuat', 'ban-tuyen-giao');
    const tongHop = await h.variable<Record<string, unknown>>(pik, 'tongHop');
    expect(tongHop).toMatchObject({
      soDonViDaBaoCao: 1,
      soDonViChuaBaoCao: 2,
      xepLoai: { 'hoan-thanh-xuat-sac': 1 },
      soDeNghiKhenThuong: 1,
    });
    await eventually(async () =>
      expect((await h.openTasks(pik)).map((t) => t.elementId)).toEqual(['Task_DeXuat']),
    );
  }, 120_000);
});

describe("danh-gia-khen-thuong: the units' own prompt commendation (Art. 11.4)", () => {
  const HUNG = {
    loaiDoiTuong: 'ca-nhan',
    tenDoiTuong: 'Nguyễn Văn Hùng',
    thanhTich: 'Vận động người lao động tham gia hiến máu tình nguyện.',
    hinhThuc: 'giay-khen-don-vi',
    soQuyetDinh: '12-QĐ/ĐU',
    ngayQuyetDinh: '2026-06-01',
  };

  it('Art. 11.4: a unit commends promptly at its own level, not waiting for BTV; it survives a return and Ban Tuyên giáo sees it in the annual synthesis', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'danh-gia-khen-thuong',
      variables: { nam: 2024, hanTuDanhGia: '2026-12-15' },
    });
    const group = 'co-so:so-tai-chinh';
    const draft = await h.waitForTask(pik, 'Task_TuDanhGia', group);
    await h.rest.completeUserTask({
      userTaskKey: draft.userTaskKey,
      variables: selfEvaluation(draft),
    } as never);
    await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${group}:lanh-dao`);
    // The head's own decision, right after approving: no Bloc body has decided anything yet.
    await h.complete(pik, 'Task_KhenThuongDonVi', { khenThuongDonVi: [HUNG] }, `${group}:lanh-dao`);
    await h.complete(
      pik,
      'Task_BtgXemXet',
      { quyetDinh: 'tra-lai', yKienTraLai: 'Đề nghị bổ sung kết quả nổi bật.' },
      'ban-tuyen-giao',
    );
    // Revised and approved again: the head's commendation is still there, offered again as recorded.
    const again = await h.waitForTask(pik, 'Task_TuDanhGia', group);
    await h.rest.completeUserTask({
      userTaskKey: again.userTaskKey,
      variables: selfEvaluation(again),
    } as never);
    await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${group}:lanh-dao`);
    const second = await reviewOf(h, pik, 'Task_KhenThuongDonVi', `${group}:lanh-dao`);
    expect(second.variables.khenThuongDonVi).toEqual([HUNG]);
    await h.rest.completeUserTask({
      userTaskKey: second.userTaskKey,
      variables: { khenThuongDonVi: [HUNG] },
    } as never);
    await h.complete(pik, 'Task_BtgXemXet', { quyetDinh: 'tiep-nhan' }, 'ban-tuyen-giao');
    for (const other of ['co-so:so-y-te', 'doan-the:doan-thanh-nien']) {
      const task = await h.waitForTask(pik, 'Task_TuDanhGia', other);
      await h.rest.completeUserTask({
        userTaskKey: task.userTaskKey,
        variables: selfEvaluation(task),
      } as never);
      await h.complete(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${other}:lanh-dao`);
      await h.complete(pik, 'Task_KhenThuongDonVi', { khenThuongDonVi: [] }, `${other}:lanh-dao`);
      await h.complete(pik, 'Task_BtgXemXet', { quyetDinh: 'tiep-nhan' }, 'ban-tuyen-giao');
    }

    const [stored] = (await h.records.reportsOf('tu-danh-gia', '2024-DG')).filter(
      (r) => r.unitCode === 'so-tai-chinh',
    );
    expect(stored?.baoCao.khenThuongDonVi).toEqual([HUNG]);
    const proposal = await reviewOf(h, pik, 'Task_DeXuat', 'ban-tuyen-giao');
    expect(proposal.variables.tongHop).toMatchObject({
      soKhenThuongDonVi: 1,
      khenThuongDonVi: [{ donVi: 'Đảng bộ Sở Tài chính', ...HUNG }],
    });
    expect(readOnlyShowing(proposal, 'Đảng bộ Sở Tài chính | Cá nhân | Nguyễn Văn Hùng')).not.toEqual([]);
    expect(readOnlyShowing(proposal, 'Giấy khen của đơn vị | 12-QĐ/ĐU')).not.toEqual([]);
  }, 180_000);

  it("the four-level rating is the committee's practice, not Art. 11.4's: on by default, a round started without it asks for no rating", () => {
    const read = (id: string) =>
      JSON.parse(
        readFileSync(path.resolve(import.meta.dirname, `../../forms/${id}.form`), 'utf8'),
      ) as FormJsSchema;
    const start = read('danh-gia-khen-thuong-khoi-tao').components.find((c) => c.key === 'xepLoaiBonMuc');
    expect(start).toMatchObject({ type: 'checkbox', defaultValue: true });
    expect(String(start?.description)).toContain('không quy định');
    const form = compileForm(read('danh-gia-khen-thuong-tu-danh-gia'));
    const { mucXepLoai: _rating, ...unrated } = selfEvaluation({
      candidateGroups: ['co-so:so-y-te'],
    } as UserTask);
    const errors = (context: Record<string, unknown>) => {
      const result = validateSubmission(form, unrated, context);
      return result.ok ? [] : result.errors.map((error) => `${error.field}:${error.code}`);
    };
    expect(errors({})).toContain('mucXepLoai:FORM_REQUIRED');
    expect(errors({ xepLoaiBonMuc: true })).toContain('mucXepLoai:FORM_REQUIRED');
    expect(errors({ xepLoaiBonMuc: false })).toEqual([]);
  });
});
