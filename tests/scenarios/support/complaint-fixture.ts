/** The letters, answers and signatures of tests/scenarios/don-thu-kien-nghi.test.ts (Art. 8.3, 6, 4.3). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FormJsSchema } from '../../../src/app/forms/index.js';

export const UNIT = {
  code: 'so-tai-chinh',
  kind: 'co-so',
  name: 'Đảng bộ Sở Tài chính',
  group: 'co-so:so-tai-chinh',
  headGroup: 'co-so:so-tai-chinh:lanh-dao',
};
export const PETITION = {
  loaiDon: 'kien-nghi',
  hinhThucTiepNhan: 'tiep-cong-dan',
  nguoiTiepCongDan: 'Đặng Văn Bình, Bí thư Đảng ủy Sở',
  ngayTiepNhan: '2026-06-01',
  hoTenNguoiGui: 'Nguyễn Văn Bình',
  doiTuongNguoiGui: 'nguoi-lao-dong',
  diaChiLienHe: 'Phòng Kế hoạch, Sở Tài chính',
  dienThoaiNguoiGui: '0912 345 678',
  tomTat: 'Chế độ làm thêm giờ của người lao động',
  noiDung:
    'Người lao động Phòng Kế hoạch chưa được thanh toán tiền làm thêm giờ tháng 4 và tháng 5 năm 2026.',
  hanGiaiQuyet: '2026-06-15',
};
export const DENUNCIATION = {
  ...PETITION,
  loaiDon: 'to-cao',
  hinhThucTiepNhan: 'don-thu',
  nguoiTiepCongDan: undefined,
  hoTenNguoiGui: 'Trần Thị Hoa',
  doiTuongNguoiGui: 'dang-vien',
  tomTat: 'Tố cáo trưởng phòng nhận tiền của người lao động',
  noiDung: 'Đồng chí trưởng phòng là đảng viên đã nhận tiền của người lao động để bố trí công việc nhẹ hơn.',
  doiTuongBiKhieuNai: 'Đồng chí Lê Văn C, Trưởng phòng Hành chính',
};
export const REPLY = {
  ketQuaGiaiQuyet: 'Đã làm việc với Văn phòng Sở; tiền làm thêm giờ được chi trả ngày 10/6/2026.',
  ngayGiaiQuyet: '2026-06-10',
  noiDungTraLoi:
    'Sở Tài chính đã chi trả đủ tiền làm thêm giờ tháng 4 và tháng 5 năm 2026.\nĐảng ủy Sở yêu cầu chi trả đúng hạn.',
};
export const SIGNED = {
  quyetDinh: 'dong-y',
  soKyHieu: '15-CV/ĐU',
  ngayBanHanh: '2026-06-11',
  nguoiKy: 'Đặng Văn Bình',
  chucVuNguoiKy: 'Bí thư',
};

export const formOf = (id: string): FormJsSchema =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../../forms', `${id}.form`), 'utf8'),
  ) as FormJsSchema;
