/** A unit's report as the drafter submits form `bao-cao-dan-van-lap` (numbers as numbers, so they can be summed). */
export function reportOf(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    soBuoiQuanTriet: 10 * n,
    soLuotThamDu: 100 * n,
    noiDungQuanTriet: 'Quán triệt Nghị quyết, Quy chế công tác dân vận đến toàn thể đảng viên.',
    soHoiNghiNguoiLaoDong: n,
    ketQuaQuyCheDanChu: 'Thực hiện nghiêm Quy chế dân chủ ở cơ sở, công khai tài chính.',
    soMoHinhDanVanKheo: n,
    moHinhDanVanKheo: [{ tenMoHinh: `Mô hình số ${n}`, linhVuc: 'Cải cách hành chính', ketQuaMoHinh: 'Tốt' }],
    tinhHinhTuTuong: 'Cán bộ, đảng viên yên tâm công tác, tin tưởng vào sự lãnh đạo của Đảng.',
    coVanDeBucXuc: false,
    soLuotTiepCongDan: 5 * n,
    soDonThuTiepNhan: 2 * n,
    soDonThuDaGiaiQuyet: n,
    kienNghiDeXuat: `Kiến nghị số ${n}: tăng cường tập huấn nghiệp vụ dân vận.`,
    nguoiLap: 'Nguyễn Thị Lập',
    dienThoaiLienHe: '0912345678',
    ...extra,
  };
}

export const ISSUE = {
  soKyHieu: '125-BC/ĐUK',
  ngayBanHanh: '2026-06-10',
  nguoiKy: 'Nguyễn Văn An',
  chucVuNguoiKy: 'Phó Bí thư Thường trực',
  noiNhan: '- Ban Thường vụ Đảng ủy Khối,\n- Các chi, đảng bộ cơ sở,',
};

export const DRAFT = {
  tieuDeBaoCao: 'Báo cáo tổng hợp kết quả công tác dân vận',
  danhGiaChung:
    'Các cấp ủy đã quan tâm lãnh đạo công tác dân vận, thực hiện tốt Quy chế dân chủ ở cơ sở trong toàn Đảng bộ Khối.',
  hanCheTonTai: 'Một số đơn vị gửi báo cáo chậm, nội dung còn sơ sài.',
  nhiemVuThoiGianToi: 'Tiếp tục nhân rộng các mô hình Dân vận khéo trong thời gian tới.',
  kienNghiTongHop: '',
};
