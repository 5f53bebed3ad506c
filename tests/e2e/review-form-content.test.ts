/**
 * Issue 16, "Reviewers see what they judge", in the browser: the real review forms of forms/, drawn by the app's form
 * viewer (form-js) with the variables their task has, show the content under review read-only — form-js tables whose
 * rows the forms compute in FEEL from the variables (names, not codes), read-only fields holding the texts and the
 * nominee's particulars. Screenshots in test-artifacts/e2e/review-03-*.png, review-04-*.png.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import {
  buildFormHarness,
  HARNESS_ORIGIN,
  openFormHarness,
  removeHarness,
  type Harness,
} from './forms-support/form-harness.js';

let dist: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dist = await buildFormHarness();
  browser = await launchBrowser();
  ({ page } = await openPage(browser, HARNESS_ORIGIN));
  await openFormHarness(page, dist);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dist) await removeHarness(dist);
});

async function mount(formId: string, data: Record<string, unknown>): Promise<void> {
  const schema = JSON.parse(
    await readFile(new URL(`../../forms/${formId}.form`, import.meta.url), 'utf8'),
  ) as unknown;
  await page.evaluate(([schema, data]) => (globalThis as unknown as Harness).harness.mount(schema, data), [
    schema,
    data,
  ] as const);
  await page.waitForFunction(() => (globalThis as unknown as Harness).harness.ready());
}

/** The form-js field labelled so (its wrapper), e.g. a table or a read-only select. */
function fieldLabelled(label: string) {
  return page
    .locator('.fjs-form-field')
    .filter({ has: page.getByText(label, { exact: true }) })
    .last();
}

describe('review forms in the browser show what is judged, read-only', () => {
  it("Ban Thường vụ's commendation decision (Art. 11.4): the nominees by name, the units' own commendations, UBKT's opinion", async () => {
    await mount('danh-gia-khen-thuong-btv', {
      period: { label: 'năm 2026' },
      tongHop: {
        soDonViDaBaoCao: 3,
        soDonViPhaiBaoCao: 3,
        khenThuongDonVi: [
          {
            donVi: 'Đảng bộ Sở Tài chính',
            loaiDoiTuong: 'ca-nhan',
            tenDoiTuong: 'Nguyễn Văn Hùng',
            thanhTich: 'Vận động người lao động tham gia hiến máu tình nguyện.',
            hinhThuc: 'giay-khen-don-vi',
            soQuyetDinh: '12-QĐ/ĐU',
            ngayQuyetDinh: '2026-06-01',
          },
        ],
      },
      nhanXetChung: 'Các đơn vị đã thực hiện nghiêm túc việc tự đánh giá; nhiều mô hình được nhân rộng.',
      danhSachKhenThuong: [
        {
          loaiDoiTuong: 'ca-nhan',
          tenDoiTuong: 'Phạm Thị Mai',
          chucVuDonVi: 'Chuyên viên, Sở Tài chính',
          thanhTich: 'Xây dựng mô hình Dân vận khéo trong cải cách hành chính.',
          hinhThuc: 'de-nghi-cap-tren',
          donViDeNghi: 'Đảng bộ Sở Tài chính',
        },
      ],
      coPhanAnhThieuTrachNhiem: true,
      deXuatXuLyThieuTrachNhiem: 'Đề nghị phê bình Chi bộ Phòng X.',
      hinhThucXuLyDeXuat: 'phe-binh',
      yKienUbkt: 'Thống nhất phê bình Chi bộ Phòng X.',
    });
    const nominees = fieldLabelled('Danh sách đề nghị khen thưởng');
    const rows = await nominees.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Phạm Thị Mai');
    expect(rows[0]).toContain('Đề nghị cấp trên khen thưởng');
    expect(rows[0]).not.toContain('de-nghi-cap-tren');
    const own = await fieldLabelled('Đơn vị đã biểu dương, khen thưởng kịp thời (Điều 11.4)')
      .locator('tbody tr')
      .allTextContents();
    expect(own.join(' ')).toContain('Nguyễn Văn Hùng');
    expect(own.join(' ')).toContain('Giấy khen của đơn vị');
    expect(own.join(' ')).toContain('01/06/2026');
    const remark = page.getByRole('textbox', { name: 'Nhận xét chung của Ban Tuyên giáo', exact: true });
    expect(await remark.inputValue()).toContain('nhiều mô hình được nhân rộng');
    expect(await remark.isEditable()).toBe(false);
    expect(await fieldLabelled('Hình thức Ủy ban Kiểm tra đề xuất').textContent()).toContain('Phê bình');
    await screenshot(page, 'review-03-btv-commendation');
    // The decision is still BTV's to take: its own radio is editable and required.
    expect(await page.getByRole('radio', { name: 'Thông qua' }).isEditable()).toBe(true);
  });

  it("Ban Thường vụ's personnel opinion (Art. 4.2, 6): the nominee's particulars as named options, the appraisal and the opinions", async () => {
    await mount('y-kien-nhan-su-btv', {
      unit: { name: 'Đoàn Thanh niên Khối' },
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
      tomTatQuaTrinhCongTac: 'Công tác tại Đoàn Thanh niên Khối từ năm 2012.',
      nhanXetDanhGia: 'Có bản lĩnh chính trị vững vàng.',
      taiLieuKemTheo: ['so-yeu-ly-lich'],
      ketQuaThamDinh: 'dat',
      nhanXetTieuChuan: 'Đáp ứng đầy đủ tiêu chuẩn chức danh.',
      deXuatBanToChuc: 'Đề nghị Ban Thường vụ đồng ý.',
      coDonThu: 'khong',
      coKyLuat: 'khong',
      ketLuanUbkt: 'dong-y',
      yKienUbkt: 'Không có đơn thư, kỷ luật.',
      deXuatThuongTruc: 'dong-y',
      yKienThuongTruc: 'Trình Ban Thường vụ cho ý kiến đồng ý.',
    });
    const name = page.getByRole('textbox', { name: 'Họ và tên', exact: true });
    expect(await name.inputValue()).toBe('Trần Văn Bình');
    expect(await name.isEditable()).toBe(false);
    expect(await fieldLabelled('Chức danh').textContent()).toContain('Bí thư Đoàn Thanh niên Khối');
    expect(
      await page.getByRole('textbox', { name: 'Nhận xét theo tiêu chuẩn', exact: true }).inputValue(),
    ).toBe('Đáp ứng đầy đủ tiêu chuẩn chức danh.');
    expect(
      await page.getByRole('textbox', { name: 'Ý kiến của Thường trực', exact: true }).inputValue(),
    ).toContain('Trình Ban Thường vụ');
    await screenshot(page, 'review-04-btv-personnel');
  });
});
