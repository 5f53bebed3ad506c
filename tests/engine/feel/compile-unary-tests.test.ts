import { unaryTest } from 'feelin';
import { describe, expect, it } from 'vitest';
import { compileUnaryTests } from '../../../src/engine/feel/compile-unary-tests.js';

const context = { variables: { limit: 10, names: ['a', 'b'] }, now: 0 };

function compiled(text: string) {
  const result = compileUnaryTests(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** What feelin itself answers (null: not comparable) as a match. */
function feelinMatches(text: string, input: unknown): boolean {
  return unaryTest(text, { ...context.variables, '?': input }).value === true;
}

describe('compiled unary tests', () => {
  // Entries the compiler tests without feelin: each must answer as feelin does, for every input of its kind.
  const numbers: unknown[] = [null, 0, 1, 2.5, 5, 7, 10, 11, -5, -2.5];
  const strings: unknown[] = [null, 'north', 'south', 'east', 'a', 'z', 'a "quoted" text'];
  const simple: [string, unknown[]][] = [
    ['-', [...numbers, ...strings, true]],
    ['', [...numbers, ...strings, false]],
    ['5', [...numbers, ...strings]],
    ['-2.5', numbers],
    ['"north"', [...strings, 5]],
    ['"a \\"quoted\\" text"', strings],
    ['true', [null, true, false, 1, 'true']],
    ['null', [null, 0, '', false]],
    ['< 5', numbers],
    ['<= 5', numbers],
    ['> -1', numbers],
    ['>= 2.5', numbers],
    ['< "m"', strings],
    ['[1..10]', numbers],
    [']1..10[', numbers],
    ['(1..10]', numbers],
    ['[-5..0)', numbers],
    ['"north","east"', strings],
    ['1, 2, [5..7]', numbers],
    ['not("south")', strings],
    ['not(< 3, > 8)', numbers],
  ];

  it.each(simple)('%s answers as feelin does', (text, inputs) => {
    const tests = compiled(text);
    for (const input of inputs)
      expect([input, tests.test(input, context)]).toEqual([
        input,
        { ok: true, value: text.trim() === '' ? true : feelinMatches(text, input) },
      ]);
  });

  it('a comparison with a value of another kind does not match (as in Camunda; feelin would coerce it)', () => {
    expect(compiled('< 5').test(true, context)).toMatchObject({ value: false });
    expect(compiled('[1..10]').test('north', context)).toMatchObject({ value: false });
    expect(compiled('> "a"').test(7, context)).toMatchObject({ value: false });
  });

  it('hands other FEEL to feelin, with the variables and `?`', () => {
    expect(compiled('< limit').test(9, context)).toMatchObject({ ok: true, value: true });
    expect(compiled('< limit').test(11, context)).toMatchObject({ ok: true, value: false });
    expect(compiled('? > 3 and ? < 7').test(5, context)).toMatchObject({ value: true });
    expect(compiled('list contains(names, ?)').test('b', context)).toMatchObject({ value: true });
    expect(compiled('date("2026-01-01")').test('2026-01-01', context)).toMatchObject({ ok: true });
  });

  it('refuses entries that do not parse, naming the position', () => {
    const result = compileUnaryTests('> (3');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(
      /failed to parse unary tests '> \(3': syntax error at position/,
    );
  });

  it('meters the FEEL it hands to feelin', () => {
    const result = compiled('count(for x in 1..1000000 return x) > ?').test(1, context);
    expect(result.ok ? '' : result.message).toMatch(/stopped evaluating unary tests .*FEEL budget exceeded/);
  });
});
