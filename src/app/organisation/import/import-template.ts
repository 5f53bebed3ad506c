import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './import-columns.js';

const EXAMPLE_ROWS: string[][] = [
  [
    'van-phong',
    'Văn phòng Đảng ủy Khối',
    'Ban',
    '',
    'vp.lanhdao',
    'Nguyễn Văn An',
    'Lãnh đạo',
    'an.nv@example.vn',
    '0912 345 678',
  ],
  ['van-phong', '', '', '', 'vp.canbo', 'Trần Thị Bình', 'Cán bộ', '', ''],
  ['doan-thanh-nien', 'Đoàn Thanh niên Khối', 'Đoàn thể', '', '', '', '', '', ''],
  [
    'so-tai-chinh',
    'Đảng bộ Sở Tài chính',
    'Tổ chức cơ sở đảng',
    'Cơ quan',
    'stc.lanhdao',
    'Lê Văn Cường',
    'Lãnh đạo',
    '',
    '',
  ],
];

const GUIDE: string[] = [
  'Mỗi dòng là một đơn vị, hoặc một người trong một đơn vị. Dòng 1 là tiêu đề: giữ nguyên tên các cột.',
  'Mã đơn vị: chữ thường không dấu, số, dấu gạch nối (ví dụ so-tai-chinh). Bắt buộc ở mọi dòng.',
  'Tên đơn vị và Loại đơn vị: ghi ở ít nhất một dòng của đơn vị mới; các dòng sau của cùng đơn vị có thể để trống.',
  'Loại đơn vị: Ban, Đoàn thể hoặc Tổ chức cơ sở đảng. Khối (chỉ cho tổ chức cơ sở đảng): Cơ quan, Đơn vị sự nghiệp, Doanh nghiệp.',
  'Tên đăng nhập: 3–40 ký tự, chữ thường không dấu, số, dấu chấm, gạch. Vai trò: Lãnh đạo hoặc Cán bộ.',
  'Một người giữ vai trò ở nhiều đơn vị: ghi nhiều dòng cùng tên đăng nhập và họ tên.',
  'Nhập lại cùng tệp không tạo trùng: đơn vị và tài khoản đã có được giữ nguyên, chỉ thêm phần còn thiếu.',
  'Tài khoản mới chưa có mật khẩu: quản trị viên đặt mật khẩu tạm ở trang Người dùng; người dùng đổi mật khẩu khi đăng nhập lần đầu.',
  'Nếu có dòng sai, không có gì được ghi; danh sách lỗi nêu từng dòng và cột.',
];

/** The template offered on the units page: the columns, four example rows, and a guide on a second sheet. */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tổ chức');
  sheet.columns = Object.values(IMPORT_COLUMNS).map((header) => ({
    header,
    width: 24,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of EXAMPLE_ROWS) sheet.addRow(row);
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 120;
  guide.addRow(['Hướng dẫn nhập danh sách tổ chức']).font = { bold: true };
  for (const line of GUIDE) guide.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
