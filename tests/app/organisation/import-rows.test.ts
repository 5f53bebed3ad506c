import { describe, expect, it } from 'vitest';
import { readRows } from '../../../src/app/organisation/import/import-rows.js';
import { parseCsv, readSheet } from '../../../src/app/organisation/import/sheet-reader.js';
import { csvOf, HEADER } from './support/org-sheet.js';

describe('reading an organisation sheet', () => {
  it('parses CSV as Excel writes it: BOM, quotes, doubled quotes, semicolons, CRLF, Vietnamese', () => {
    expect(parseCsv('\uFEFFa;b;c\r\n"Sở ""Tài chính""; tỉnh";2;\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['Sở "Tài chính"; tỉnh', '2', ''],
    ]);
    expect(parseCsv('a,b\n"x\ny",z')).toEqual([
      ['a', 'b'],
      ['x\ny', 'z'],
    ]);
    expect(() => parseCsv('a,"b')).toThrow(/ngoặc kép/);
  });

  it('keeps leading zeros of phone numbers and skips blank rows, counting rows as the sheet does', async () => {
    const sheet = await readSheet(
      csvOf([
        ['van-phong', 'Văn phòng', 'Ban', '', 'vp.a', 'Nguyễn An', 'Cán bộ', '', '0912 345 678'],
        ['', '', '', '', '', '', '', '', ''],
        ['van-phong', '', '', '', 'vp.b', 'Trần Bình', 'lãnh đạo', '', ''],
      ]),
    );
    expect(sheet.rows.map((row) => row.row)).toEqual([2, 4]);
    const content = readRows(sheet);
    expect(content.errors).toEqual([]);
    expect(content.people.get('vp.a')?.phone).toBe('0912 345 678');
    expect([...(content.people.get('vp.b')?.memberships.get('van-phong') ?? [])]).toEqual(['head']);
  });

  it('matches headers without regard to case or accents, and refuses unknown or repeated ones', async () => {
    const loose = await readSheet(
      csvOf([['ban-a', 'Ban A', 'ban']], ['ma don vi', 'TÊN ĐƠN VỊ', 'Loai don vi']),
    );
    expect(readRows(loose).errors).toEqual([]);
    const repeated = await readSheet(csvOf([['x', 'y']], ['Mã đơn vị', 'Mã đơn vị']));
    expect(readRows(repeated).errors.map((e) => e.message)).toEqual([
      'Dòng 1 (tiêu đề): Cột "Mã đơn vị" có hai lần.',
    ]);
  });

  it('refuses one unit described two ways, and one username given two names', async () => {
    const sheet = await readSheet(
      csvOf([
        ['ban-a', 'Ban A', 'Ban', '', 'a.b', 'Lê A', 'Cán bộ', '', ''],
        ['ban-a', 'Ban B', 'Ban', '', '', '', '', '', ''],
        ['ban-a', 'Ban A', 'Đoàn thể', '', '', '', '', '', ''],
        ['ban-a', '', '', '', 'a.b', 'Lê B', 'Lãnh đạo', '', ''],
      ]),
    );
    expect(readRows(sheet).errors.map((e) => e.message)).toEqual([
      'Dòng 3, cột "Tên đơn vị": khác tên đã ghi cho "ban-a" ở dòng 2.',
      'Dòng 4, cột "Loại đơn vị": khác loại đã ghi cho "ban-a" ở dòng 2.',
      'Dòng 5, cột "Họ và tên": "a.b" đã ghi là "Lê A" ở dòng 2.',
    ]);
    expect(HEADER[0]).toBe('Mã đơn vị');
  });
});
