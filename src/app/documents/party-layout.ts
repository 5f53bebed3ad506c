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
import type { Signature } from './document-data.js';
import {
  CLOSING_COLUMNS,
  FONT,
  HEADING,
  ISSUER,
  PAGE,
  SIZE,
  TEXT_WIDTH_MM,
  numberLine,
  placeDateLine,
  recipientLines,
  signatureLines,
  unbreakable,
} from './layout-rules.js';

/**
 * Builds the docx parts of a Party document from the rules in `layout-rules.ts` (Hướng dẫn 36-HD/VPTW): heading
 * table, title, body paragraphs, data tables, "Nơi nhận" and the signature block, and the A4 section.
 */
export { FONT };
const TEXT_WIDTH = convertMillimetersToTwip(TEXT_WIDTH_MM);
const FIRST_LINE_INDENT = convertMillimetersToTwip(PAGE.firstLineIndentMm);

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

/**
 * Rows of [left cell, right cell] in a table without any border, its columns in parts of its width; `outdent`
 * (twips) widens it into the left margin, and then its cells have no inner margins.
 */
function borderlessTable(
  rows: readonly (readonly [Paragraph[], Paragraph[]])[],
  columns: readonly [number, number],
  outdent = 0,
): Table {
  const width = TEXT_WIDTH + outdent;
  const widths = columns.map((part) => Math.round(width * part));
  const cell = (column: 0 | 1, children: Paragraph[]) =>
    new TableCell({ width: { size: widths[column] ?? 0, type: WidthType.DXA }, children });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    ...(outdent > 0
      ? { indent: { size: -outdent, type: WidthType.DXA }, margins: { left: 0, right: 0 } }
      : {}),
    rows: rows.map(([left, right]) => new TableRow({ children: [cell(0, left), cell(1, right)] })),
  });
}

export interface HeadingOptions {
  /** The number and symbol as typed ("125-BC/ĐUK"). */
  number: string;
  issuedAt: Date;
  /** Công văn only: the subject line under the number ("V/v cho ý kiến về nhân sự"). */
  subject?: string;
  /**
   * A base organisation's committee issuing its own document (a reply to a complaint, Art. 8.3): its superior and its
   * own name, each line kept whole. Absent: the Bloc's Party Committee (ISSUER).
   */
  issuer?: { superior: readonly string[]; name: readonly string[] };
}

/** Left: issuing body, "*", number. Right: "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined) and the place-date line. */
export function headingBlock(options: HeadingOptions): Table {
  const { superior, name } = options.issuer ?? { superior: [ISSUER.superior], name: ISSUER.name };
  const issuer = [
    ...superior.map((line) => centred(unbreakable(line), { size: SIZE.issuer })),
    ...name.map((line) => centred(unbreakable(line), { bold: true, size: SIZE.issuer })),
    centred('*'),
  ];
  const number = [centred(numberLine(options.number))];
  if (options.subject) number.push(centred(options.subject, { italics: true, size: SIZE.small }));
  // Two rows, so that the number and the place-date line sit on the same line, as the guide lays them out.
  return borderlessTable(
    [
      [issuer, [centred(unbreakable(ISSUER.party), { bold: true, underline: true, size: SIZE.heading })]],
      [number, [centred(placeDateLine(options.issuedAt), { italics: true })]],
    ],
    HEADING.columns,
    convertMillimetersToTwip(HEADING.outdentMm),
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

/** Recipients bottom-left ("- …," each, the archive line last) and the signature block bottom-right. */
export function closingBlock(recipients: readonly string[], signature: Signature): Table {
  const item = (text: string) => new Paragraph({ children: [run(text, { size: SIZE.recipients })] });
  const left = [
    new Paragraph({
      spacing: { before: 240 },
      children: [run('Nơi nhận:', { italics: true, underline: true, size: SIZE.small })],
    }),
    ...recipientLines(recipients).map(item),
  ];
  const right = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [] }),
    ...signatureLines(signature).map((line) => centred(line, { bold: true })),
    ...Array.from({ length: 4 }, () => centred('')),
    centred(signature.name, { bold: true }),
  ];
  return borderlessTable([[left, right]], CLOSING_COLUMNS);
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
          children: [run(text, { bold: isHeader, size: SIZE.table })],
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
            size: PAGE.sizeTwips,
            margin: {
              top: mm(PAGE.marginMm.top),
              bottom: mm(PAGE.marginMm.bottom),
              left: mm(PAGE.marginMm.left),
              right: mm(PAGE.marginMm.right),
            },
          },
        },
        children: [...children],
      },
    ],
  });
  return Packer.toBuffer(document);
}
