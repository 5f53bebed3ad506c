import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/engine/feel/compile-expression.js';

function run(source: string, variables: Record<string, unknown> = {}): unknown {
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new Error(compiled.message);
  const result = compiled.value.evaluate({ variables, now: Date.parse('2026-02-10T00:00:00Z') });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('Camunda FEEL built-ins missing from feelin', () => {
  it('is defined and get or else', () => {
    expect(run('=is defined(x)', { x: 1 })).toBe(true);
    expect(run('=is defined(x)')).toBe(false);
    expect(run('=not(is defined(x.y))', { x: {} })).toBe(true);
    expect(run('=get or else(x, "mặc định")')).toBe('mặc định');
    expect(run('=get or else(x, 0) + 1', { x: 4 })).toBe(5);
    expect(run('="get or else(" + x', { x: 'a' })).toBe('get or else(a');
  });

  it('assert passes the value through when the condition holds', () => {
    expect(run('=assert(x, x > 0)', { x: 3 })).toBe(3);
  });

  it('from json / to json', () => {
    expect(run('=from json("{\\"a\\": [1, true]}")')).toEqual({ a: [1, true] });
    expect(run('=from json("not json")')).toBeNull();
    expect(run('=to json({a: 1, d: date("2026-01-02")})')).toBe('{"a":1,"d":"2026-01-02"}');
  });

  it('list helpers: is empty, partition, duplicate values, distinct values', () => {
    expect(run('=is empty([])')).toBe(true);
    expect(run('=is empty([1])')).toBe(false);
    expect(run('=partition([1,2,3,4,5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(run('=duplicate values([1,2,2,3,3,3])')).toEqual([2, 3]);
    expect(run('=distinct values([1,1,2])')).toEqual([1, 2]);
  });

  it('string helpers: extract, trim, is blank, string join, matches/replace with flags', () => {
    expect(run('=extract("a1b22c333", "[0-9]+")')).toEqual(['1', '22', '333']);
    expect(run('=trim("  x ")')).toBe('x');
    expect(run('=is blank("   ")')).toBe(true);
    expect(run('=string join(["a","b"], ", ")')).toBe('a, b');
    expect(run('=string join(["a", null, "b"], ", ", "[", "]")')).toBe('[a, b]');
    expect(run('=string join(["a","b"])')).toBe('ab');
    expect(run('=string join([1], ",")')).toBeNull();
    expect(run('=matches("Dân Vận", "dân", "i")')).toBe(true);
    expect(run('=replace("abc", "B", "x", "i")')).toBe('axc');
  });

  it('dates: last day of month, including leap years', () => {
    expect(run('=last day of month(date("2028-02-10"))')).toBe('2028-02-29');
    expect(run('=last day of month(date and time("2026-04-03T10:00:00Z"))')).toBe('2026-04-30');
  });

  it('random number and uuid', () => {
    const n = run('=random number()');
    expect(typeof n === 'number' && n >= 0 && n < 1).toBe(true);
    expect(run('=uuid()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('a variable named like a single-word built-in stays readable when the function is not called', () => {
    expect(run('=extract', { extract: 'value' })).toBe('value');
    expect(run('=trim + 1', { trim: 1 })).toBe(2);
  });
});
