/** Dates as Vietnamese documents write them, in the time zone of Tuyên Quang whatever the server's zone is. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar day an instant falls on in Vietnam. */
export function vietnamDay(instant: Date): CalendarDay {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Ngày giờ không hợp lệ.');
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

const two = (value: number): string => String(value).padStart(2, '0');

/**
 * "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 6 năm 2026": a day under 10 and the months 1 and 2 take a leading
 * zero, as Vietnamese administrative documents write them (so a month cannot be misread as 10, 11 or 12).
 */
export function formatLongVietnameseDate(instant: Date): string {
  const { year, month, day } = vietnamDay(instant);
  const monthText = month <= 2 ? two(month) : String(month);
  return `ngày ${two(day)} tháng ${monthText} năm ${year}`;
}

/** "15/06/2026". */
export function formatShortVietnameseDate(instant: Date): string {
  const { year, month, day } = vietnamDay(instant);
  return `${two(day)}/${two(month)}/${year}`;
}

/** "Tuyên Quang, ngày 15 tháng 6 năm 2026" — the place-and-date line of a document. */
export function placeDateLine(place: string, instant: Date): string {
  return `${place}, ${formatLongVietnameseDate(instant)}`;
}

/**
 * Reads a date from document data: a calendar date "2026-06-15" is that day (noon in Vietnam, so no zone can move
 * it); anything else must be an ISO instant.
 */
export function parseDocumentDate(text: string): Date {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const instant = calendar ? new Date(`${text}T12:00:00+07:00`) : new Date(text);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Ngày không hợp lệ: ${text}`);
  return instant;
}
