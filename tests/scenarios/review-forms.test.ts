/**
 * Issue 16, "Reviewers see what they judge": every review or approval form of the four processes shows, read-only,
 * what the step before it produced — the report texts, the "Dân vận khéo" models, the pressing issues (Art. 10.2,
 * 11.3, 5.3), the briefs and the conclusions (Art. 4.2), the nominee's particulars and the bodies' opinions (Art. 4.2,
 * 6), the self-evaluations with their nominees and the units' own commendations (Art. 11.4). Each process is driven to
 * each of those tasks; the task's form and variables are read as the inbox reads them, and what the form shows is
 * computed from them (read-only fields, tables, text templates) — nothing the reviewer types.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT, reportOf } from './support/report-fixture.js';
import { readOnlyShowing, reviewOf, everythingShown, type ReviewView } from './support/review-form.js';
import { eventually, loose, noWait, useScenario } from './support/scenario-harness.js';

const h = useScenario('2026-05-01T02:00:00.000Z', { organisation: true });

/** Every review or approval form of processes/README.md's audit table ("Reviewers see what they judge"). */
const REVIEW_FORMS = [
  ...(readFileSync(path.resolve(import.meta.dirname, '../../processes/README.md'), 'utf8')
    .split('## Reviewers see what they judge')[1]
    ?.split('\n## ')[0]
    ?.matchAll(/^\| `([a-z-]+)`/gm) ?? []),
].map((match) => match[1]);
const checked = new Set<string>();

async function review(pik: string, elementId: string, formId: string, group?: string) {
  const view = await reviewOf(h, pik, elementId, group);
  expect(view.formId, elementId).toBe(formId);
  checked.add(formId);
  return view;
}

/** Shown read-only (a read-only field or a table computed from the variables), not typed by the reviewer. */
function expectReadOnly(view: ReviewView, ...texts: string[]): void {
  for (const text of texts)
    expect(readOnlyShowing(view, text), `${view.formId} shows "${text}" read-only`).not.toEqual([]);
}

/** A read-only field bound to `binding`, whose variable holds `text`, shows it. */
function expectField(view: ReviewView, binding: string, text: string): void {
  const bound = view.shown.find((item) => item.kind === 'field' && item.binding === binding);
  expect(bound, `${view.formId}: a read-only field bound to ${binding}`).toBeDefined();
  expect(bound!.text).toContain(text);
  const value = binding
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], view.variables);
  expect(String(value)).toContain(text);
}

async function answer(view: { userTaskKey: string }, variables: Record<string, unknown>): Promise<void> {
  await h.rest.completeUserTask(loose({ userTaskKey: view.userTaskKey, variables }));
  await eventually(async () =>
    expect(
      (
        await h.rest.searchUserTasks(
          loose({ filter: { userTaskKey: view.userTaskKey, state: 'CREATED' } }),
          noWait,
        )
      ).items,
    ).toHaveLength(0),
  );
}

async function completeTask(
  pik: string,
  elementId: string,
  variables: Record<string, unknown>,
  group?: string,
) {
  const task = await h.waitForTask(pik, elementId, group);
  await answer(task, variables);
}

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
  ngayVaoDang: '2010-05-19',
  trinhDoChuyenMon: 'Cử nhân Luật',
  trinhDoLyLuanChinhTri: 'trung-cap',
  tomTatQuaTrinhCongTac:
    'Công tác tại Đoàn Thanh niên Khối từ năm 2012, nhiều năm hoàn thành xuất sắc nhiệm vụ.',
  nhanXetDanhGia: 'Có bản lĩnh chính trị vững vàng, năng lực tổ chức phong trào tốt.',
  taiLieuKemTheo: ['so-yeu-ly-lich', 'ke-khai-tai-san'],
  nguoiLienHe: 'Lê Thị Hoa',
  dienThoaiLienHe: '0912000111',
};

describe('Reviewers see what they judge (issue 16): each review form shows the submitted content read-only', () => {
  it("y-kien-nhan-su (Art. 4.2, 6): the nominee's particulars to Ban Tổ chức, Thường trực and BTV; to UBKT who the nominee is, not the appraisal", async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'y-kien-nhan-su',
      variables: { unit: UNIT, ...NOMINATION },
    });
    const check = await review(pik, 'Task_KiemTraHoSo', 'y-kien-nhan-su-kiem-tra-ho-so', 'ban-to-chuc');
    expectField(check, 'hoTenUngVien', 'Trần Văn Bình');
    expectField(check, 'tomTatQuaTrinhCongTac', 'từ năm 2012');
    // Codes become the names the nomination form offered.
    expectReadOnly(check, 'Bí thư Đoàn Thanh niên Khối', 'Trung cấp', 'Sơ yếu lý lịch', '1988-04-12');
    await answer(check, { hoSoDayDu: 'day-du' });

    const appraisal = await review(pik, 'Task_ThamDinh', 'y-kien-nhan-su-tham-dinh', 'ban-to-chuc');
    expectField(appraisal, 'nhanXetDanhGia', 'bản lĩnh chính trị vững vàng');
    expectReadOnly(appraisal, 'Trần Văn Bình', 'Cử nhân Luật', '2010-05-19');
    await answer(appraisal, {
      ketQuaThamDinh: 'dat',
      nhanXetTieuChuan: 'Đáp ứng đầy đủ tiêu chuẩn chức danh theo quy định.',
      deXuatBanToChuc: 'Đề nghị Ban Thường vụ đồng ý.',
    });

    const ubkt = await review(pik, 'Task_YKienUbkt', 'y-kien-nhan-su-ubkt', 'ubkt');
    expectField(ubkt, 'hoTenUngVien', 'Trần Văn Bình');
    expectReadOnly(ubkt, '1988-04-12', 'Phó Bí thư Đoàn Thanh niên Khối');
    // Need to know: the inspection committee searches its records by identity; it is not shown the appraisal.
    expect(everythingShown(ubkt)).not.toContain('từ năm 2012');
    expect(everythingShown(ubkt)).not.toContain('bản lĩnh chính trị');
    await answer(ubkt, {
      coDonThu: 'co',
      noiDungDonThu: 'Một đơn phản ánh năm 2024, đã xác minh, không có cơ sở.',
      coKyLuat: 'khong',
      ketLuanUbkt: 'luu-y',
      yKienUbkt: 'Đồng ý, lưu ý đơn phản ánh đã được xác minh.',
    });

    const standing = await review(pik, 'Task_ThuongTruc', 'y-kien-nhan-su-thuong-truc', 'thuong-truc');
    expectField(standing, 'nhanXetTieuChuan', 'Đáp ứng đầy đủ tiêu chuẩn');
    expectField(standing, 'noiDungDonThu', 'không có cơ sở');
    expectField(standing, 'yKienUbkt', 'lưu ý đơn phản ánh');
    expectReadOnly(standing, 'Trần Văn Bình', 'từ năm 2012', 'Đạt tiêu chuẩn', 'Đồng ý, có lưu ý');
    await answer(standing, {
      deXuatThuongTruc: 'dong-y',
      yKienThuongTruc: 'Trình Ban Thường vụ cho ý kiến đồng ý.',
    });

    const btv = await review(pik, 'Task_Btv', 'y-kien-nhan-su-btv', 'btv');
    expectField(btv, 'yKienThuongTruc', 'Trình Ban Thường vụ');
    expectField(btv, 'deXuatBanToChuc', 'Đề nghị Ban Thường vụ đồng ý.');
    expectReadOnly(
      btv,
      'Trần Văn Bình',
      'bản lĩnh chính trị vững vàng',
      'lưu ý đơn phản ánh',
      'Đề nghị đồng ý',
    );
  }, 120_000);

  it('giao-ban-quy (Art. 4.2): Thường trực edits the proposal itself, Ban Tuyên giáo reads each brief, Văn phòng the pack, Thường trực the conclusions with the owners by name', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'giao-ban-quy',
      variables: { quy: '2', nam: 2026 },
    });
    const PLAN = {
      ngayHop: '2026-06-15',
      gioHop: '08:00',
      diaDiem: 'Hội trường Đảng ủy Khối',
      noiDungHop: 'Đánh giá tình hình đoàn viên, hội viên quý II.',
      thanhPhanMoi: 'Thường trực Đảng ủy Khối, lãnh đạo các Đoàn thể Khối.',
    };
    await completeTask(pik, 'Task_DeXuat', PLAN);
    const plan = await review(pik, 'Task_DuyetKeHoach', 'giao-ban-quy-duyet-ke-hoach', 'thuong-truc');
    // Thường trực approves by editing the same fields: they hold the proposal.
    expect(plan.variables).toMatchObject(PLAN);
    await answer(plan, { ...PLAN, quyetDinh: 'dong-y' });

    await completeTask(
      pik,
      'Task_LapTinhHinh',
      {
        tinhHinhDoanVien: 'Đoàn viên yên tâm công tác, tích cực tham gia phong trào thi đua.',
        ketQuaNoiBat: 'Tổ chức thành công ngày hội thanh niên với văn hóa công sở.',
        soDoanVienHoiVien: 1200,
        soDonThuKienNghi: 3,
        coVanDeBucXuc: true,
        vanDeBucXuc: 'Chế độ cho cán bộ Đoàn kiêm nhiệm chưa thỏa đáng.',
        deXuatKienNghi: 'Đề nghị hỗ trợ kinh phí hoạt động.',
        nguoiLap: 'Hoàng Văn Nam',
      },
      UNIT.group,
    );
    const pack = await review(pik, 'Task_TaiLieu', 'giao-ban-quy-tai-lieu', 'ban-tuyen-giao');
    expectReadOnly(
      pack,
      'Đoàn viên yên tâm công tác',
      'ngày hội thanh niên',
      'Chế độ cho cán bộ Đoàn kiêm nhiệm',
      'hỗ trợ kinh phí',
      'Đoàn Thanh niên Khối',
    );
    await answer(pack, {
      tomTatTinhHinh: 'Tình hình đoàn viên ổn định; một vấn đề bức xúc về chế độ cán bộ Đoàn kiêm nhiệm.',
      vanDeCanChiDao: 'Chế độ cán bộ Đoàn kiêm nhiệm.',
      deXuatNoiDungKetLuan: 'Giao Đoàn Thanh niên tổ chức diễn đàn.',
    });

    const minutes = await review(pik, 'Task_KetLuan', 'giao-ban-quy-ket-luan', 'van-phong');
    expectField(minutes, 'tomTatTinhHinh', 'Tình hình đoàn viên ổn định');
    expectField(minutes, 'deXuatNoiDungKetLuan', 'diễn đàn');
    await answer(minutes, {
      chuTri: 'Đồng chí Phó Bí thư Thường trực',
      thanhPhanThamDu: 'Thường trực Đảng ủy Khối\nLãnh đạo Đoàn Thanh niên Khối',
      soNguoiThamDu: 12,
      noiDungKetLuan: 'Thường trực ghi nhận kết quả quý II, yêu cầu nắm chắc tình hình tư tưởng đoàn viên.',
      nhiemVu: [
        {
          noiDung: 'Tổ chức diễn đàn thanh niên với cấp ủy.',
          donViChuTri: UNIT.group,
          hanHoanThanh: '2026-07-31',
        },
      ],
    });

    const conclusions = await review(pik, 'Task_DuyetKetLuan', 'giao-ban-quy-duyet-ket-luan', 'thuong-truc');
    expectField(conclusions, 'noiDungKetLuan', 'nắm chắc tình hình tư tưởng');
    // The owner by name (from donViGiaoViec), not its group code.
    expectReadOnly(
      conclusions,
      'Tổ chức diễn đàn thanh niên với cấp ủy. | Đoàn Thanh niên Khối | 31/07/2026',
    );
    expectReadOnly(conclusions, 'Chế độ cho cán bộ Đoàn kiêm nhiệm');
  }, 120_000);

  it("danh-gia-khen-thuong (Art. 11.4): the self-evaluation with its nominees to the head and Ban Tuyên giáo, every unit's nominees and own commendations to the proposal, UBKT and BTV", async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'danh-gia-khen-thuong',
      variables: { nam: 2026, hanTuDanhGia: '2026-12-05' },
    });
    const units = ['co-so:so-tai-chinh', 'co-so:so-y-te', 'doan-the:doan-thanh-nien'];
    for (const group of units) {
      const first = group === units[0];
      await completeTask(
        pik,
        'Task_TuDanhGia',
        {
          mucXepLoai: 'hoan-thanh-xuat-sac',
          tuDanhGia: `Đơn vị ${group} đã triển khai đầy đủ các nhiệm vụ công tác dân vận.`,
          ketQuaNoiBat: 'Nhân rộng mô hình Dân vận khéo trong cải cách hành chính.',
          soMoHinhDanVanKheo: 1,
          deNghiKhenThuong: first
            ? [
                {
                  loaiDoiTuong: 'ca-nhan',
                  tenDoiTuong: 'Phạm Thị Mai',
                  chucVuDonVi: 'Chuyên viên, Sở Tài chính',
                  thanhTich: 'Xây dựng mô hình Dân vận khéo trong cải cách hành chính.',
                  hinhThuc: 'de-nghi-cap-tren',
                },
              ]
            : [],
          coPhanAnhThieuTrachNhiem: first,
          phanAnhThieuTrachNhiem: first
            ? [{ tenToChucCaNhan: 'Chi bộ Phòng X', bieuHien: 'Không tổ chức hội nghị người lao động.' }]
            : [],
          nguoiLap: 'Nguyễn Thị Lập',
        },
        group,
      );
      if (first) {
        const head = await review(
          pik,
          'Task_TruongDonViDuyet',
          'danh-gia-khen-thuong-truong-don-vi-duyet',
          `${group}:lanh-dao`,
        );
        expectField(head, 'baoCao.tuDanhGia', 'đã triển khai đầy đủ');
        expectReadOnly(
          head,
          'Phạm Thị Mai | Chuyên viên, Sở Tài chính',
          'Đề nghị cấp trên khen thưởng',
          'Chi bộ Phòng X',
        );
        await answer(head, { quyetDinh: 'dong-y' });
        const own = await review(
          pik,
          'Task_KhenThuongDonVi',
          'danh-gia-khen-thuong-khen-thuong-don-vi',
          `${group}:lanh-dao`,
        );
        expectReadOnly(own, 'Phạm Thị Mai');
        await answer(own, {
          khenThuongDonVi: [
            {
              loaiDoiTuong: 'ca-nhan',
              tenDoiTuong: 'Nguyễn Văn Hùng',
              thanhTich: 'Vận động người lao động tham gia hiến máu tình nguyện.',
              hinhThuc: 'giay-khen-don-vi',
              soQuyetDinh: '12-QĐ/ĐU',
              ngayQuyetDinh: '2026-06-01',
            },
          ],
        });
        const btg = await review(pik, 'Task_BtgXemXet', 'danh-gia-khen-thuong-xem-xet', 'ban-tuyen-giao');
        expectField(btg, 'baoCao.ketQuaNoiBat', 'Nhân rộng mô hình');
        expectReadOnly(
          btg,
          'Phạm Thị Mai',
          'Nguyễn Văn Hùng | Vận động người lao động',
          'Giấy khen của đơn vị',
        );
        await answer(btg, { quyetDinh: 'tiep-nhan', nhanXet: 'Đạt yêu cầu.' });
      } else {
        await completeTask(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${group}:lanh-dao`);
        await completeTask(pik, 'Task_KhenThuongDonVi', { khenThuongDonVi: [] }, `${group}:lanh-dao`);
        await completeTask(pik, 'Task_BtgXemXet', { quyetDinh: 'tiep-nhan' }, 'ban-tuyen-giao');
      }
    }

    const proposal = await review(pik, 'Task_DeXuat', 'danh-gia-khen-thuong-de-xuat', 'ban-tuyen-giao');
    expectReadOnly(
      proposal,
      'Đảng bộ Sở Tài chính | Cá nhân | Phạm Thị Mai',
      'Đảng bộ Sở Tài chính | Cá nhân | Nguyễn Văn Hùng',
      'Chi bộ Phòng X',
    );
    const LIST = [
      {
        loaiDoiTuong: 'ca-nhan',
        tenDoiTuong: 'Phạm Thị Mai',
        chucVuDonVi: 'Chuyên viên, Sở Tài chính',
        thanhTich: 'Xây dựng mô hình Dân vận khéo trong cải cách hành chính.',
        hinhThuc: 'giay-khen',
        donViDeNghi: 'Đảng bộ Sở Tài chính',
      },
    ];
    await answer(proposal, {
      nhanXetChung: 'Các đơn vị đã thực hiện nghiêm túc việc tự đánh giá; nhiều mô hình được nhân rộng.',
      danhSachKhenThuong: LIST,
      coPhanAnhThieuTrachNhiem: true,
      deXuatXuLyThieuTrachNhiem: 'Đề nghị phê bình Chi bộ Phòng X.',
    });

    const ubkt = await review(pik, 'Task_Ubkt', 'danh-gia-khen-thuong-ubkt', 'ubkt');
    expectField(ubkt, 'deXuatXuLyThieuTrachNhiem', 'Đề nghị phê bình Chi bộ Phòng X.');
    expectReadOnly(ubkt, 'Đảng bộ Sở Tài chính | Chi bộ Phòng X | Không tổ chức hội nghị người lao động.');
    await answer(ubkt, { hinhThucXuLyDeXuat: 'phe-binh', yKienUbkt: 'Thống nhất phê bình Chi bộ Phòng X.' });

    const btv = await review(pik, 'Task_Btv', 'danh-gia-khen-thuong-btv', 'btv');
    expectField(btv, 'nhanXetChung', 'nhiều mô hình được nhân rộng');
    expectField(btv, 'yKienUbkt', 'Thống nhất phê bình');
    expectReadOnly(btv, 'Đảng bộ Sở Tài chính | Cá nhân | Phạm Thị Mai', 'Nguyễn Văn Hùng', 'Phê bình');
  }, 180_000);

  it("bao-cao-dan-van (Art. 10.2, 11.3, 5.3): the report texts, models and pressing issue to the head and Ban Tuyên giáo, also after the cut-off; the synthesis's lists to its drafter and approvers", async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: '6-thang', nam: 2026, hanNopBaoCao: '2026-05-20', hanThuThap: '2026-05-25' },
    });
    const ISSUE_TEXT = 'Người lao động bức xúc vì chế độ làm thêm giờ chưa được chi trả.';
    const unit = 'co-so:so-tai-chinh';
    await completeTask(
      pik,
      'Task_LapBaoCao',
      reportOf(1, { coVanDeBucXuc: true, vanDeBucXuc: ISSUE_TEXT }),
      unit,
    );
    const head = await review(
      pik,
      'Task_TruongDonViDuyet',
      'bao-cao-dan-van-truong-don-vi-duyet',
      `${unit}:lanh-dao`,
    );
    expectField(head, 'baoCao.noiDungQuanTriet', 'Quán triệt Nghị quyết');
    expectField(head, 'baoCao.ketQuaQuyCheDanChu', 'công khai tài chính');
    expectField(head, 'baoCao.vanDeBucXuc', ISSUE_TEXT);
    expectField(head, 'baoCao.kienNghiDeXuat', 'Kiến nghị số 1');
    expectReadOnly(head, 'Mô hình số 1 | Cải cách hành chính | Tốt');
    await answer(head, { quyetDinh: 'dong-y' });
    const btg = await review(pik, 'Task_BtgXemXet', 'bao-cao-dan-van-xem-xet', 'ban-tuyen-giao');
    expectField(btg, 'baoCao.tinhHinhTuTuong', 'yên tâm công tác');
    expectField(btg, 'baoCao.vanDeBucXuc', ISSUE_TEXT);
    expectReadOnly(btg, 'Mô hình số 1');
    await answer(btg, { quyetDinh: 'tiep-nhan', nhanXet: 'Báo cáo đầy đủ.' });

    await completeTask(pik, 'Task_LapBaoCao', reportOf(2), 'co-so:so-y-te');
    await completeTask(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, 'co-so:so-y-te:lanh-dao');
    await completeTask(pik, 'Task_BtgXemXet', { quyetDinh: 'tiep-nhan' }, 'ban-tuyen-giao');

    // The third report is approved by its head but not yet reviewed when the collection closes (2026-05-25 17:00 +07).
    await completeTask(pik, 'Task_LapBaoCao', reportOf(3), UNIT.group);
    await completeTask(pik, 'Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, UNIT.headGroup);
    await h.waitForTask(pik, 'Task_BtgXemXet', 'ban-tuyen-giao');
    h.clock.set('2026-05-25T10:30:00Z');
    const late = await review(pik, 'Task_BtgXemXetSauHan', 'xem-xet-sau-han-thu-thap', 'ban-tuyen-giao');
    expectField(late, 'baoCao.noiDungQuanTriet', 'Quán triệt Nghị quyết');
    expectField(late, 'baoCao.kienNghiDeXuat', 'Kiến nghị số 3');
    expectReadOnly(late, 'Mô hình số 3');
    // The self-evaluation's block stays hidden for a report.
    expect(late.shown.some((item) => item.binding.startsWith('baoCao.tuDanhGia'))).toBe(false);
    await answer(late, { nhanXet: 'Tiếp nhận sau hạn thu thập.' });

    const draft = await review(
      pik,
      'Task_DuThaoTongHop',
      'bao-cao-dan-van-du-thao-tong-hop',
      'ban-tuyen-giao',
    );
    expectReadOnly(
      draft,
      `Đảng bộ Sở Tài chính | ${ISSUE_TEXT}`,
      'Đảng bộ Sở Y tế | Mô hình số 2',
      'Đoàn Thanh niên Khối | Kiến nghị số 3',
    );
    // Totals are computed by the synthesis: 10 + 20 + 30 sessions.
    expect(everythingShown(draft)).toContain('| Hội nghị, buổi quán triệt, tuyên truyền | 60 |');
    await answer(draft, DRAFT);

    const issue = await review(pik, 'Task_ChiDaoVanDeBucXuc', 'bao-cao-dan-van-chi-dao-van-de');
    expect(everythingShown(issue)).toContain(ISSUE_TEXT);
    expect(everythingShown(issue)).toContain('Đảng bộ Sở Tài chính');

    const approval = await review(pik, 'Task_DuyetTongHop', 'bao-cao-dan-van-phe-duyet-tong-hop');
    expectField(approval, 'danhGiaChung', 'thực hiện tốt Quy chế dân chủ');
    expectField(approval, 'hanCheTonTai', 'gửi báo cáo chậm');
    expectField(approval, 'nhiemVuThoiGianToi', 'nhân rộng các mô hình');
    expectReadOnly(approval, ISSUE_TEXT, 'Mô hình số 3');
  }, 180_000);

  it('has checked every review form of the audit table (processes/README.md)', () => {
    expect(REVIEW_FORMS).toHaveLength(21);
    expect([...checked].sort()).toEqual([...REVIEW_FORMS].sort());
  });
});
