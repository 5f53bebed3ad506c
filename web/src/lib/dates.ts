/** Every date the app shows is in the committee's time zone, whatever the device's zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: Date | string): Record<string, string> | undefined {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return undefined;
  const out: Record<string, string> = {};
  for (const part of dateParts.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** dd/MM/yyyy in Asia/Ho_Chi_Minh; an empty string for a missing or invalid date. */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** HH:mm dd/MM/yyyy in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const p = parts(value);
  return p ? `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}` : '';
}

/** HH:mm in Asia/Ho_Chi_Minh. */
export function formatTime(value: Date | string): string {
  const p = parts(value);
  return p ? `${p.hour}:${p.minute}` : '';
}
