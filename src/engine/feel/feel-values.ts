/**
 * Conversions between feelin's runtime values and the JSON-compatible values the engine stores as variables.
 * Zeebe serialises FEEL temporals as ISO 8601 strings; zoned date-times are written with their UTC offset so that
 * any client (and feelin itself, on the way back in) can parse them.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { Temporal } from 'temporal-polyfill';

function dateTimeToIso(value: FeelDateTime): string {
  const zone = value.zone;
  if (zone === null || !/^[A-Za-z]/.test(zone) || zone === 'UTC' || zone === 'Z') {
    return value.iso;
  }
  try {
    const zoned = value.unwrap().toZonedDateTime(zone);
    return zoned.toString({ timeZoneName: 'never' });
  } catch {
    return value.iso;
  }
}

/** Deep-converts a FEEL result into plain JSON data (temporals → ISO strings, functions and ranges → null). */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof FeelDateTime) return dateTimeToIso(value);
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDuration)
    return value.iso;
  if (typeof value === 'function') return null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    if (!isPlainObject(value)) return null;
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = toJsonValue(entry);
    return out;
  }
  return null;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The FEEL type name of a value, as Zeebe's messages print it (e.g. 'NULL', 'STRING'). */
export function feelTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (value instanceof FeelDate) return 'DATE';
  if (value instanceof FeelTime) return 'TIME';
  if (value instanceof FeelDuration) return 'DURATION';
  return 'OBJECT';
}

/** A FEEL date-time for an instant in a zone, as now() returns it. */
export function feelDateTimeAt(epochMs: number, timeZone: string): FeelDateTime {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  return new FeelDateTime(zoned.toPlainDateTime(), timeZone);
}

/** A FEEL date for the calendar day of an instant in a zone, as today() returns it. */
export function feelDateAt(epochMs: number, timeZone: string): FeelDate {
  return new FeelDate(
    Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate(),
  );
}
