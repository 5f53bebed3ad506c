import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/engine/feel/compile-expression.js';
import { nextCronTime, parseCron } from '../../../src/engine/timer/cron-expression.js';
import { DEFAULT_TIME_ZONE } from '../../../src/engine/timer/default-time-zone.js';

describe('default time zone', () => {
  it("is the process's zone, used when callers name none", () => {
    expect(DEFAULT_TIME_ZONE).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    const cron = parseCron('0 0 8 * * MON');
    if (typeof cron === 'string') throw new Error(cron);
    const after = Date.parse('2026-11-27T00:00:00Z');
    expect(nextCronTime(cron, after)).toBe(nextCronTime(cron, after, DEFAULT_TIME_ZONE));
    const today = compileExpression('=today()');
    if (!today.ok) throw new Error(today.message);
    const now = Date.parse('2026-03-31T20:30:00Z');
    expect(today.value.evaluate({ variables: {}, now })).toEqual(
      today.value.evaluate({ variables: {}, now, timeZone: DEFAULT_TIME_ZONE }),
    );
  });
});
