/**
 * Điều 11.4 Quy chế công tác Dân vận (926-QĐ/ĐUK): every year the base organisations and mass organisations evaluate
 * their mass-mobilisation work; outstanding collectives and individuals are commended, lack of responsibility is
 * criticised and handled.
 */
import { describe, expect, it } from 'vitest';
import { openDocx } from '../app/documents/docx-reader.js';
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
