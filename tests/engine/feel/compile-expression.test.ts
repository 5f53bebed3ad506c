import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/engine/feel/compile-expression.js';
import { compileFastPath } from '../../../src/engine/feel/fast-path.js';
import type { Expression, FeelEvaluationContext } from '../../../src/engine/feel/feel-expression.js';

const NOW = Date.parse('2026-03-31T20:30:00Z');

function compile(source: string, options = {}): Expression {
  const result = compileExpression(source, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function run(
  source: string,
  variables: Record<string, unknown> = {},
  extra: Partial<FeelEvaluationContext> = {},
): unknown {
  const result = compile(source).evaluate({ variables, now: NOW, timeZone: 'UTC', ...extra });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('compileExpression', () => {
  it('treats values without = as static strings, and numbers for numeric attributes', () => {
    const text = compile('check-order');
    expect(text.isFeel).toBe(false);
    expect(text.evaluate({ variables: {}, now: NOW })).toEqual({ ok: true, value: 'check-order' });
    expect(compile('5', { numeric: true }).staticValue).toBe(5);
    const bad = compileExpression('five', { numeric: true });
    expect(bad.ok).toBe(false);
  });

  it('rejects static text where only FEEL is accepted, and empty FEEL', () => {
    expect(compileExpression('amount > 5', { feelOnly: true }).ok).toBe(false);
    const empty = compileExpression('=  ');
    expect(empty.ok === false && empty.message).toMatch(/expected a FEEL expression/);
  });

  it('reports syntax errors at compile time with the expression text', () => {
    const result = compileExpression('=amount >');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toContain("'amount >'");
  });

  it('evaluates paths, literals and full FEEL against variables', () => {
    expect(run('=order.customer.name', { order: { customer: { name: 'An' } } })).toBe('An');
    expect(run('=42')).toBe(42);
    expect(run('="tỉnh ủy"')).toBe('tỉnh ủy');
    expect(run('=amount > 1000 and status = "ok"', { amount: 1500, status: 'ok' })).toBe(true);
    expect(run('=for i in items return i * 2', { items: [1, 2] })).toEqual([2, 4]);
    expect(run('={a: x, b: [x, 2]}', { x: 1 })).toEqual({ a: 1, b: [1, 2] });
  });

  it('reads only the variables it names, and still sees names containing spaces', () => {
    const variables = { 'first name': 'An', other: { huge: 'x'.repeat(1000) }, items: [{ points: 2 }] };
    expect(run('=first name + "!"', variables)).toBe('An!');
    expect(run('=sum(for i in items return i.points) + count(items)', variables)).toBe(3);
    expect(run('=if other.huge = null then 1 else string length(other.huge)', variables)).toBe(1000);
  });

  it('yields null with a warning for a missing variable (fast path and full path alike)', () => {
    const fast = compile('=missing').evaluate({ variables: {}, now: NOW });
    expect(fast).toMatchObject({ ok: true, value: null });
    expect(fast.ok && fast.warnings?.[0]).toContain('missing');
    const full = compile('=missing + 1').evaluate({ variables: {}, now: NOW });
    expect(full).toMatchObject({ ok: true, value: null });
    expect(full.ok && full.warnings?.join()).toContain('missing');
    expect(run('=a.b.c', { a: { b: 1 } })).toBeNull();
  });

  it('serialises FEEL temporals as ISO strings that parse back', () => {
    expect(run('=date("2026-01-31") + duration("P1M")')).toBe('2026-02-28');
    expect(run('=date and time("2026-01-31T10:00:00+07:00") + duration("PT1H")')).toBe(
      '2026-01-31T11:00:00+07:00',
    );
    const zoned = run('=date and time("2026-01-31T10:00:00@Asia/Ho_Chi_Minh")');
    expect(zoned).toBe('2026-01-31T10:00:00+07:00');
    expect(run('=date and time(d) + duration("P1D")', { d: zoned })).toBe('2026-02-01T10:00:00+07:00');
    expect(run('=duration("P2D")')).toBe('P2D');
  });

  it('reads now() and today() from the injected clock and zone', () => {
    expect(run('=now()')).toBe('2026-03-31T20:30:00Z');
    expect(run('=today()')).toBe('2026-03-31');
    expect(run('=today()', {}, { timeZone: 'Asia/Ho_Chi_Minh' })).toBe('2026-04-01');
    expect(run('=now() + duration("P1D")', {}, { timeZone: 'Asia/Ho_Chi_Minh' })).toBe(
      '2026-04-02T03:30:00+07:00',
    );
  });

  it('repeated evaluations give the same answers, fresh objects, and follow the clock', () => {
    const condition = compile('=if amount > 1000 then "big" else "small"');
    for (const [amount, expected] of [
      [5000, 'big'],
      [5, 'small'],
      [5000, 'big'],
    ] as const) {
      expect(condition.evaluate({ variables: { amount }, now: NOW })).toMatchObject({ value: expected });
    }
    const missing = condition.evaluate({ variables: {}, now: NOW });
    const nulled = condition.evaluate({ variables: { amount: null }, now: NOW });
    expect(missing.ok && missing.warnings?.join()).toContain('amount');
    expect((nulled.ok && nulled.warnings?.join()) ?? '').not.toContain('NO_VARIABLE_FOUND');
    const list = compile('=[a, a + 1]');
    const first = list.evaluate({ variables: { a: 1 }, now: NOW });
    if (first.ok) (first.value as number[]).push(99);
    expect(list.evaluate({ variables: { a: 1 }, now: NOW })).toMatchObject({ value: [1, 2] });
    const clock = compile('=string(now() + duration("PT1H"))');
    expect(clock.evaluate({ variables: {}, now: NOW, timeZone: 'UTC' })).toMatchObject({
      value: '2026-03-31T21:30:00Z',
    });
    expect(clock.evaluate({ variables: {}, now: NOW + 60_000, timeZone: 'UTC' })).toMatchObject({
      value: '2026-03-31T21:31:00Z',
    });
  });

  it('turns exceptions during evaluation into failure values', () => {
    const result = compile('=assert(x, x > 5, "x too small")').evaluate({ variables: { x: 1 }, now: NOW });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('x too small') as string });
  });
});

describe('fast comparisons agree with feelin', () => {
  const shapes = [
    'x',
    'x.y',
    'x.y.z',
    'x = "a"',
    'x != "a"',
    'x = 5',
    'x != true',
    'x = null',
    'x != null',
    'x.y = "a"',
    'if x = "a" then "yes" else "no"',
    'if x then x.y else null',
    'if x != null then "set" else x',
    'if x.y = "a" then 1 else 2',
    '[x, x.y, "a, b", 3]',
    '[]',
    '[x = "a"]',
  ];
  const values: unknown[] = [
    undefined,
    null,
    'a',
    'b',
    5,
    6,
    true,
    false,
    '5',
    [1],
    [{ y: 'a' }],
    { y: 'a' },
    { y: null },
    { y: { z: 1 } },
  ];
  it.each(shapes)('%s', (shape) => {
    for (const value of values) {
      const variables = value === undefined ? {} : { x: value };
      const fast = run(`=${shape}`, variables);
      // Parentheses defeat the fast path, so this is feelin's answer.
      const full = run(`=(${shape})`, variables);
      expect(fast, `${shape} with x = ${JSON.stringify(value)}`).toEqual(full);
    }
  });
});

describe('compileFastPath', () => {
  it('covers the shapes the shipped processes use most, and leaves the rest to feelin', () => {
    for (const text of [
      'quyetDinh',
      'unit.group',
      'null',
      'daGui != true',
      'if quyetDinh = "tra-lai" then yKienTraLai else null',
      '[unit.group, unit.headGroup]',
      '["van-phong", "ban-tuyen-giao"]',
    ]) {
      expect(compileFastPath(text), text).not.toBeNull();
    }
    for (const text of [
      'a + 1',
      'for u in units return u.group',
      '{a: b}',
      'if a > 1 then b else c',
      '[a + 1]',
      'date and time(x)',
    ]) {
      expect(compileFastPath(text), text).toBeNull();
    }
  });
});
