import { parseCalendarDate } from '../../shared/vn-date.js';

/** The value formats form-js's datetime field submits. */
export type DateSubtype = 'date' | 'time' | 'datetime';

// Time as form-js serialises it: "HH:mm", then nothing, "Z" or an offset, depending on timeSerializingFormat.
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

const isCalendarDate = (text: string): boolean => parseCalendarDate(text) !== undefined;

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
