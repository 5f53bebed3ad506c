import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../../../src/app/organisation/import/import-columns.js';

export const HEADER = Object.values(IMPORT_COLUMNS);

/** A real organisation sheet: `units` units (a Bloc body, mass organisations, base organisations), each with a head and a clerk. */
export function organisationRows(units: number): string[][] {
  const rows: string[][] = [];
  for (let i = 1; i <= units; i++) {
    const code = `don-vi-${String(i).padStart(2, '0')}`;
    const kind = i === 1 ? 'Ban' : i <= 4 ? 'Đoàn thể' : 'Tổ chức cơ sở đảng';
    const sector = i <= 4 ? '' : (['Cơ quan', 'Đơn vị sự nghiệp', 'Doanh nghiệp'][i % 3] ?? '');
    rows.push([
      code,
      `Đảng bộ Đơn vị số ${i}`,
      kind,
      sector,
      `dv${i}.lanhdao`,
      `Nguyễn Văn Lãnh ${i}`,
      'Lãnh đạo',
      '',
      '',
    ]);
    rows.push([
      code,
      '',
      '',
      '',
      `dv${i}.canbo`,
      `Trần Thị Cán ${i}`,
      'Cán bộ',
      `canbo${i}@example.vn`,
      '0912 000 111',
    ]);
  }
  return rows;
}

export async function xlsxOf(rows: string[][], header: string[] = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tổ chức');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvOf(rows: string[][], header: string[] = HEADER, separator = ','): Buffer {
  const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = [header, ...rows].map((row) => row.map(quote).join(separator)).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export const importBody = (fileName: string, content: Buffer, apply: boolean) => ({
  fileName,
  contentBase64: content.toString('base64'),
  apply,
});
