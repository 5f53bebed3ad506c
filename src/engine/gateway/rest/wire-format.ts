/** Epoch ms as Camunda's ISO 8601 date-time; absent stays absent (the API omits unknown dates, never null). */
export function isoDate(epochMs: number | null | undefined): string | undefined {
  return epochMs === null || epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

/** ISO 8601 text from a request as epoch ms; '' clears (null), absent or null leaves unchanged (undefined). */
export function epochFromIso(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === '') return null;
  return Date.parse(value);
}

/** Drops null and undefined members, so optional fields are omitted as the API's schemas expect. */
export function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const result: Record<string, unknown> = {};
  for (const [field, member] of Object.entries(value)) {
    if (member !== null && member !== undefined) result[field] = member;
  }
  return result as { [K in keyof T]: Exclude<T[K], null> };
}
