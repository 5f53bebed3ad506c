import type { Signature } from './document-data.js';
import { formatLongDate } from '../../shared/vn-date.js';

/**
 * The rules of a Party document's format (Hướng dẫn 36-HD/VPTW) in one place. `party-layout.ts` turns them into
 * docx objects; the documents never state a size, a margin or a line of the heading themselves.
 *
 * - Page: A4, margins top 20, bottom 20, left 30, right 15 mm; Times New Roman; body 14 pt.
 * - Heading: a borderless table. Left: the superior Party body ("ĐẢNG BỘ TỈNH TUYÊN QUANG", upright), the issuing
 *   body ("ĐẢNG ỦY KHỐI …", bold), "*", then "Số …" (and, for a công văn, the "V/v …" line). Right: "ĐẢNG CỘNG SẢN
 *   VIỆT NAM" (bold, underlined), then the place and date in italics on the number's row.
 * - Each heading line is one phrase: kept whole (non-breaking spaces) in a column wide enough for it; so is the
 *   place-date line.
 * - Title centred and bold; body justified with a first-line indent.
 * - "Nơi nhận:" bottom-left (italic, underlined), one "- …," line per recipient as the clerk typed it, closed by
 *   "- Lưu Văn phòng Đảng ủy Khối." (unless the clerk typed the archive line).
 * - Signature bottom-right: "T/M <collective>" then the signer's position (as in Quyết định 926-QĐ/ĐUK: "T/M BAN
 *   THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC"), or "T/L <collective>" then the official's title; space to sign; the name.
 */
export const PAGE = {
  // A4 in twips, as Word writes it (converting 210 × 297 mm would round one twip short).
  sizeTwips: { width: 11906, height: 16838 },
  widthMm: 210,
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  firstLineIndentMm: 12.7,
} as const;

export const FONT = 'Times New Roman';

/** Sizes in half-points, as docx counts them. */
export const SIZE = { body: 28, heading: 30, issuer: 28, small: 24, recipients: 22, table: 26 } as const;

export const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right;

/**
 * The heading table: it reaches 8 mm into the wide left margin and its cells have no inner margins, so that
 * "ĐẢNG ỦY KHỐI CÁC CƠ QUAN" (bold 14 pt) fits its column and the place-date line fits the other. Columns in parts
 * of the table's width.
 */
export const HEADING = { outdentMm: 8, columns: [0.47, 0.53] } as const;
/** "Nơi nhận" and the signature block share the width evenly. */
export const CLOSING_COLUMNS = [0.5, 0.5] as const;

export const ISSUER = {
  superior: 'ĐẢNG BỘ TỈNH TUYÊN QUANG',
  /** One line per phrase: the guide never splits "CÁC CƠ QUAN" or "DOANH NGHIỆP TỈNH". */
  name: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH'],
  place: 'Tuyên Quang',
  party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  archive: 'Lưu Văn phòng Đảng ủy Khối.',
} as const;

const NBSP = '\u00a0';

/** A heading phrase that must stay on one line: its spaces become non-breaking. */
export const unbreakable = (phrase: string): string => phrase.replace(/ /g, NBSP);

/** "Số 125-BC/ĐUK": the number and symbol exactly as the clerk typed them (a leading "Số" is not doubled). */
export function numberLine(symbol: string): string {
  return `Số ${symbol.trim().replace(/^số\s*/i, '')}`;
}

/** "Tuyên Quang, ngày 15 tháng 6 năm 2026" */
export function placeDateLine(issuedAt: Date): string {
  return unbreakable(`${ISSUER.place}, ${formatLongDate(issuedAt)}`);
}

/**
 * The "Nơi nhận" lines as typed, each starting with "- "; a line without closing punctuation gets the guide's ","
 * and the archive line is added when the clerk did not type one.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const lines = recipients
    .map((recipient) => recipient.trim())
    .filter(Boolean)
    .map((recipient) => `- ${recipient.replace(/^[-–•+]\s*/, '')}`);
  const typedArchive = lines.some((line) => /^- lưu\b/i.test(line));
  const withCommas = lines.map((line) =>
    /^- lưu\b/i.test(line) || /[,.;:]$/.test(line) ? line : `${line},`,
  );
  return typedArchive ? withCommas : [...withCommas, `- ${ISSUER.archive}`];
}

/** The lines of the signature block above the space to sign, in capitals. */
export function signatureLines(signature: Signature): string[] {
  const { authority } = signature;
  const upper = (text: string) => text.trim().toLocaleUpperCase('vi-VN');
  if (authority.kind === 'on-behalf')
    return [`T/M ${upper(authority.collective)}`, upper(authority.position)];
  return [`T/L ${upper(authority.collective)}`, upper(authority.title)];
}
