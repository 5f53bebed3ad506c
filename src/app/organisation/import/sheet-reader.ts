import ExcelJS from 'exceljs';
import { badRequest } from '../../../lib/errors.js';

/** A sheet as plain text cells: the header row, then every row with its number in the sheet (the header is row 1). */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export const MAX_ROWS = 5_000;

const unreadable = (why: string) =>
  badRequest('import_unreadable', `Không đọc được tệp: ${why}. Hãy dùng tệp mẫu (.xlsx) hoặc CSV (UTF-8).`);

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), comma or semicolon separated (Excel in Vietnamese uses ";"). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (quoted) throw unreadable('một ô CSV mở ngoặc kép mà không đóng');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The displayed text of an .xlsx cell (a number stays as written, a date as dd/MM/yyyy, a formula as its result). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return cell.text;
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw unreadable('tệp không phải là bảng tính .xlsx hợp lệ');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('bảng tính không có trang nào');
  if (sheet.rowCount > MAX_ROWS + 1) throw unreadable(`tệp có quá ${MAX_ROWS} dòng`);
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, sheet.columnCount); column++)
      cells.push(cellText(row.getCell(column)));
    rows.push(cells);
  }
  return rows;
}

const isXlsx = (content: Buffer): boolean =>
  content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/** Reads an .xlsx (its first sheet) or a UTF-8 CSV, told apart by content, not by the name the browser sent. */
export async function readSheet(content: Buffer): Promise<Sheet> {
  let table: string[][];
  if (isXlsx(content)) table = await readXlsx(content);
  else {
    const text = content.toString('utf8');
    if (text.includes('\uFFFD') || text.includes('\u0000')) throw unreadable('tệp không phải văn bản UTF-8');
    table = parseCsv(text);
  }
  const trimmed = table.map((cells) => cells.map((cell) => cell.trim()));
  const [header, ...rest] = trimmed;
  if (!header || header.every((cell) => cell === '')) throw unreadable('tệp trống');
  if (rest.length > MAX_ROWS) throw unreadable(`tệp có quá ${MAX_ROWS} dòng`);
  return {
    header,
    rows: rest
      .map((cells, index) => ({ row: index + 2, cells }))
      .filter(({ cells }) => cells.some((cell) => cell !== '')),
  };
}
