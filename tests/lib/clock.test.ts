import { describe, expect, it } from 'vitest';
import { systemClock, TestClock } from '../../src/lib/clock.js';
import { AppError, problemOf } from '../../src/lib/errors.js';

describe('clock', () => {
  it('a test clock moves only when told, and hands out copies', () => {
    const clock = new TestClock('2026-06-15T00:00:00.000Z');
    const first = clock.now();
    first.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-06-15T00:00:00.000Z');
    clock.advanceMinutes(90);
    expect(clock.now().toISOString()).toBe('2026-06-15T01:30:00.000Z');
    clock.set('2026-12-31T17:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('the system clock follows real time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(1_000);
  });
});

describe('problem bodies', () => {
  it('carry type, title, status, code, detail, instance and field errors, never a stack', () => {
    const error = new AppError(400, 'validation_failed', 'Dữ liệu gửi lên không hợp lệ.', [
      { field: '/name', message: 'Trường bắt buộc.' },
    ]);
    const body = problemOf(error, '/api/admin/units');
    expect(body).toEqual({
      type: 'urn:dan-van:problem:validation_failed',
      title: 'Yêu cầu không hợp lệ',
      status: 400,
      code: 'validation_failed',
      detail: 'Dữ liệu gửi lên không hợp lệ.',
      instance: '/api/admin/units',
      errors: [{ field: '/name', message: 'Trường bắt buộc.' }],
    });
    expect(JSON.stringify(body)).not.toContain('stack');
  });
});
