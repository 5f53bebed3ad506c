import { describe, expect, it } from 'vitest';
import { evaluateUnaryTests } from '../../../src/engine/feel/evaluate-unary-tests.js';

const ctx = (variables: Record<string, unknown> = {}) => ({ variables, now: 0, timeZone: 'UTC' });

describe('evaluateUnaryTests', () => {
  it('comparisons, lists, ranges, any, and variables', () => {
    expect(evaluateUnaryTests('> 5', 7, ctx())).toMatchObject({ ok: true, value: true });
    expect(evaluateUnaryTests('"a", "b"', 'c', ctx())).toMatchObject({ ok: true, value: false });
    expect(evaluateUnaryTests('[1..10]', 10, ctx())).toMatchObject({ ok: true, value: true });
    expect(evaluateUnaryTests('-', 'anything', ctx())).toMatchObject({ ok: true, value: true });
    expect(evaluateUnaryTests('< limit', 3, ctx({ limit: 4 }))).toMatchObject({ ok: true, value: true });
  });

  it('a syntax error is a failure value naming the tests', () => {
    const result = evaluateUnaryTests('> ', 1, ctx());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("'> '");
  });
});
