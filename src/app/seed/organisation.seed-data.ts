import type { NewUnit } from '../organisation/index.js';

/** The Bloc's own bodies (kind `ban`): their codes are their candidate groups. */
export const BLOC_BODIES: readonly NewUnit[] = [
  { code: 'bch', kind: 'ban', name: 'Ban Chấp hành Đảng bộ Khối' },
  { code: 'btv', kind: 'ban', name: 'Ban Thường vụ Đảng ủy Khối' },
  { code: 'thuong-truc', kind: 'ban', name: 'Thường trực Đảng ủy Khối' },
  { code: 'ban-tuyen-giao', kind: 'ban', name: 'Ban Tuyên giáo Đảng ủy Khối' },
  { code: 'van-phong', kind: 'ban', name: 'Văn phòng Đảng ủy Khối' },
  { code: 'ban-to-chuc', kind: 'ban', name: 'Ban Tổ chức Đảng ủy Khối' },
  { code: 'ubkt', kind: 'ban', name: 'Ủy ban Kiểm tra Đảng ủy Khối' },
];

/** The Bloc's three mass organisations (kind `doan-the`). */
export const MASS_ORGANISATIONS: readonly NewUnit[] = [
  {
    code: 'doan-thanh-nien',
    kind: 'doan-the',
    name: 'Đoàn Thanh niên Khối các cơ quan và doanh nghiệp tỉnh',
  },
  {
    code: 'hoi-cuu-chien-binh',
    kind: 'doan-the',
    name: 'Hội Cựu chiến binh Khối các cơ quan và doanh nghiệp tỉnh',
  },
  { code: 'cong-doan-vien-chuc', kind: 'doan-the', name: 'Công đoàn Viên chức tỉnh Tuyên Quang' },
];

const agency = (code: string, name: string): NewUnit => ({ code, name, kind: 'co-so', sector: 'co-quan' });
const publicUnit = (code: string, name: string): NewUnit => ({
  code,
  name,
  kind: 'co-so',
  sector: 'don-vi-su-nghiep',
});
const enterprise = (code: string, name: string): NewUnit => ({
  code,
  name,
  kind: 'co-so',
  sector: 'doanh-nghiep',
});

/** A realistic sample of the Bloc's base Party organisations in Tuyên Quang (kind `co-so`). */
export const BASE_ORGANISATIONS: readonly NewUnit[] = [
  agency('so-tai-chinh', 'Đảng bộ Sở Tài chính'),
  agency('so-giao-duc-va-dao-tao', 'Đảng bộ Sở Giáo dục và Đào tạo'),
  agency('so-y-te', 'Đảng bộ Sở Y tế'),
  agency('so-noi-vu', 'Đảng bộ Sở Nội vụ'),
  agency('so-tu-phap', 'Chi bộ Sở Tư pháp'),
  agency('so-ke-hoach-va-dau-tu', 'Đảng bộ Sở Kế hoạch và Đầu tư'),
  agency('so-xay-dung', 'Chi bộ Sở Xây dựng'),
  agency('so-giao-thong-van-tai', 'Đảng bộ Sở Giao thông vận tải'),
  agency('so-nong-nghiep-va-phat-trien-nong-thon', 'Đảng bộ Sở Nông nghiệp và Phát triển nông thôn'),
  agency('so-van-hoa-the-thao-va-du-lich', 'Đảng bộ Sở Văn hóa, Thể thao và Du lịch'),
  agency('so-tai-nguyen-va-moi-truong', 'Đảng bộ Sở Tài nguyên và Môi trường'),
  agency('so-cong-thuong', 'Chi bộ Sở Công Thương'),
  agency('van-phong-ubnd-tinh', 'Đảng bộ Văn phòng Ủy ban nhân dân tỉnh'),
  agency('cuc-thue-tinh', 'Đảng bộ Cục Thuế tỉnh'),
  agency('kho-bac-nha-nuoc-tinh', 'Đảng bộ Kho bạc Nhà nước tỉnh'),
  agency('bao-hiem-xa-hoi-tinh', 'Đảng bộ Bảo hiểm xã hội tỉnh'),
  publicUnit('benh-vien-da-khoa-tinh', 'Đảng bộ Bệnh viện Đa khoa tỉnh'),
  publicUnit('truong-dai-hoc-tan-trao', 'Đảng bộ Trường Đại học Tân Trào'),
  publicUnit('truong-chinh-tri-tinh', 'Chi bộ Trường Chính trị tỉnh'),
  publicUnit('bao-tuyen-quang', 'Chi bộ Báo Tuyên Quang'),
  publicUnit('dai-phat-thanh-va-truyen-hinh-tinh', 'Đảng bộ Đài Phát thanh và Truyền hình tỉnh'),
  enterprise('cong-ty-dien-luc-tuyen-quang', 'Đảng bộ Công ty Điện lực Tuyên Quang'),
  enterprise('cong-ty-xi-mang-tan-quang', 'Chi bộ Công ty Cổ phần Xi măng Tân Quang'),
  enterprise('vien-thong-tuyen-quang', 'Đảng bộ Viễn thông Tuyên Quang'),
  enterprise(
    'agribank-tuyen-quang',
    'Đảng bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh Tuyên Quang',
  ),
  enterprise('cong-ty-thuy-dien-tuyen-quang', 'Đảng bộ Công ty Thủy điện Tuyên Quang'),
  enterprise('cong-ty-giay-an-hoa', 'Chi bộ Công ty Cổ phần Giấy An Hòa'),
  enterprise('cong-ty-duoc-pham-tuyen-quang', 'Chi bộ Công ty Cổ phần Dược phẩm Tuyên Quang'),
];

export const SEED_UNITS: readonly NewUnit[] = [...BLOC_BODIES, ...MASS_ORGANISATIONS, ...BASE_ORGANISATIONS];
