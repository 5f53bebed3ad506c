import { describe, expect, it } from 'vitest';
import { startedWhat } from '../../web/src/features/process-start/started-summary.js';
import { vi } from '../../web/src/i18n/messages.vi.js';

describe('what the start confirmation names (never the engine’s number)', () => {
  it('names the period, the quarter, the year under review, the person or the urgent matter', () => {
    expect(startedWhat('bao-cao-dan-van', { loaiKy: '6-thang', nam: 2027 }, vi)).toBe(
      'kỳ báo cáo 6 tháng đầu năm 2027',
    );
    expect(startedWhat('bao-cao-dan-van', { loaiKy: 'nam', nam: 2027 }, vi)).toBe('kỳ báo cáo năm 2027');
    expect(startedWhat('giao-ban-quy', { quy: '2', nam: 2027 }, vi)).toBe('Quý II năm 2027');
    expect(startedWhat('danh-gia-khen-thuong', { nam: 2026 }, vi)).toBe('đánh giá năm 2026');
    expect(startedWhat('y-kien-nhan-su', { hoTenUngVien: ' Nguyễn Văn An ' }, vi)).toBe(
      'hồ sơ nhân sự Nguyễn Văn An',
    );
    expect(startedWhat('bao-cao-dot-xuat', { tieuDe: ' Người lao động ngừng việc ' }, vi)).toBe(
      'báo cáo đột xuất “Người lao động ngừng việc”',
    );
    expect(startedWhat('dan-van-kheo', { tenMoHinh: ' Dân vận khéo trong doanh nghiệp ' }, vi)).toBe(
      'mô hình “Dân vận khéo” “Dân vận khéo trong doanh nghiệp”',
    );
  });

  it('says nothing more when the form names none of these', () => {
    expect(startedWhat('bao-cao-dan-van', {}, vi)).toBe('');
    expect(vi.startDone('Giao ban quý')).toBe('Đã khởi tạo quy trình “Giao ban quý”.');
  });
});
