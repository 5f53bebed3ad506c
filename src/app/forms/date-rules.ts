const vietnamDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Vietnam as form-js writes dates ("2026-06-15"), whatever the server's time zone. */
export function vietnamToday(now: Date): string {
  return vietnamDayFormat.format(now);
}

/** The value formats form-js's datetime field submits. */
export type DateSubtype = 'date' | 'time' | 'datetime';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Time as form-js serialises it: "HH:mm", then nothing, "Z" or an offset, depending on timeSerializingFormat.
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isValidFormDate(subtype: DateSubtype, value: string): boolean {
  if (subtype === 'date') return isCalendarDate(value);
  if (subtype === 'time') return TIME.test(value);
  const [datePart, timePart, ...rest] = value.split('T');
  return (
    rest.length === 0 &&
    datePart !== undefined &&
    timePart !== undefined &&
    isCalendarDate(datePart) &&
    TIME.test(timePart)
  );
}
