import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { ISSUER, documentNumber, type DocumentKind, type Signature } from './document-data.js';
import { formatLongDate } from '../../shared/vn-date.js';

/**
 * The Party's administrative layout (Hướng dẫn 36-HD/VPTW): A4, Times New Roman, heading block of two columns,
 * centred title, justified body with a first-line indent, recipients bottom-left and signature bottom-right.
 * Sizes are in half-points, as docx counts them.
 */
export const FONT = 'Times New Roman';
const SIZE = { body: 28, heading: 30, small: 24, recipients: 22 } as const;
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
// A4 in twips, as Word writes it (converting 210 × 297 mm would round one twip short).
const A4 = { width: 11906, height: 16838 } as const;
const TEXT_WIDTH = convertMillimetersToTwip(210 - MARGIN_MM.left - MARGIN_MM.right);
const FIRST_LINE_INDENT = convertMillimetersToTwip(12.7);

export interface RunStyle {
  bold?: boolean;
  /** Line breaks before the text, inside the same paragraph. */
  break?: number;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    // Composed form: decomposed Vietnamese (as some keyboards type it) renders badly in Times New Roman.
    text: text.normalize('NFC'),
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
    break: style.break,
  });
}

const centred = (text: string, style: RunStyle = {}, after = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, style)] });

/** A body paragraph: justified, first line indented, 6 pt after. Parts may mix styles ("Điều 1." in bold). */
export function bodyParagraph(parts: string | readonly (string | TextRun)[], indent = true): Paragraph {
  const children = (typeof parts === 'string' ? [parts] : parts).map((part) =>
    typeof part === 'string' ? run(part) : part,
  );
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
    spacing: { before: 0, after: 120, line: 300 },
    children,
  });
}

/** A section heading inside the body ("I. TÌNH HÌNH CHUNG"): bold, indented like the body. */
export function sectionHeading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 120, after: 120 },
    children: [run(text, { bold: true })],
  });
}

const cellWidth = (part: number) => ({ size: Math.round(TEXT_WIDTH * part), type: WidthType.DXA });

/** Rows of [left cell, right cell] in a table without any border, split at `split` of the text width. */
function borderlessTable(rows: readonly (readonly [Paragraph[], Paragraph[]])[], split: number): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * split), Math.round(TEXT_WIDTH * (1 - split))],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([left, right]) =>
        new TableRow({
          children: [
            new TableCell({ width: cellWidth(split), children: left }),
            new TableCell({ width: cellWidth(1 - split), children: right }),
          ],
        }),
    ),
  });
}

export interface HeadingOptions {
  kind: DocumentKind;
  number: number;
  issuedAt: Date;
  /** Công văn only: the subject line under the number ("V/v cho ý kiến về nhân sự"). */
  subject?: string;
}

/** Left: issuing body, "*", number. Right: "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined) and the place-date line. */
export function headingBlock(options: HeadingOptions): Table {
  const issuer = [
    centred(ISSUER.superior),
    ...ISSUER.name.map((line) => centred(line, { bold: true })),
    centred('*'),
  ];
  const number = [centred(documentNumber(options.number, options.kind))];
  if (options.subject) number.push(centred(options.subject, { italics: true, size: SIZE.small }));
  // Two rows, so that the number and the place-date line sit on the same line, as the guide lays them out.
  return borderlessTable(
    [
      [issuer, [centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: SIZE.heading })]],
      [number, [centred(`${ISSUER.place}, ${formatLongDate(options.issuedAt)}`, { italics: true })]],
    ],
    0.45,
  );
}

/** The document's name in capitals and its subject below, both bold and centred, then a short rule. */
export function titleBlock(title: string, subject: readonly string[] = []): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360 },
      children: [run(title, { bold: true, size: SIZE.heading })],
    }),
    ...subject.map((line) => centred(line, { bold: true })),
    centred('-----', {}, 240),
  ];
}

function signatureLines(signature: Signature): string[] {
  const { authority } = signature;
  if (authority.kind === 'secretary') return [`T/M ${authority.collective}`, 'BÍ THƯ'];
  if (authority.kind === 'deputy-secretary')
    return [`T/M ${authority.collective}`, 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'];
  return [`T/L ${authority.collective}`, authority.title];
}

/** Recipients bottom-left ("- …," each, the archive line last) and the signature block bottom-right. */
export function closingBlock(recipients: readonly string[], signature: Signature): Table {
  const item = (text: string) => new Paragraph({ children: [run(`- ${text}`, { size: SIZE.recipients })] });
  const left = [
    new Paragraph({
      spacing: { before: 240 },
      children: [run('Nơi nhận:', { italics: true, underline: true, size: SIZE.small })],
    }),
    ...recipients.map((recipient) => item(`${recipient.replace(/[,.;]\s*$/, '')},`)),
    item(ISSUER.archive),
  ];
  const right = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [] }),
    ...signatureLines(signature).map((line) => centred(line, { bold: true })),
    ...Array.from({ length: 4 }, () => centred('')),
    centred(signature.name, { bold: true }),
  ];
  return borderlessTable([[left, right]], 0.5);
}

/** A bordered data table; the first row is the header. `widths` are fractions of the text width. */
export function dataTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, column: number, isHeader: boolean) =>
    new TableCell({
      width: cellWidth(widths[column] ?? 0.1),
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: isHeader || column === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { bold: isHeader, size: SIZE.small + 2 })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((part) => Math.round(TEXT_WIDTH * part)),
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [header, ...rows].map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0,
          children: cells.map((text, column) => cell(text, column, index === 0)),
        }),
    ),
  });
}

/** Packs the parts into an A4 .docx with the guide's margins. */
export async function packPartyDocument(
  title: string,
  children: readonly (Paragraph | Table)[],
): Promise<Buffer> {
  const mm = convertMillimetersToTwip;
  const document = new Document({
    title,
    creator: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang',
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: mm(MARGIN_MM.top),
              bottom: mm(MARGIN_MM.bottom),
              left: mm(MARGIN_MM.left),
              right: mm(MARGIN_MM.right),
            },
          },
        },
        children: [...children],
      },
    ],
  });
  return Packer.toBuffer(document);
}
