import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/engine/feel/compile-expression.js';
import {
  evaluateBoolean,
  evaluateCorrelationKey,
  evaluateDateTime,
  evaluateInteger,
  evaluateList,
  evaluateString,
  evaluateStringList,
  parseDateTime,
} from '../../../src/engine/feel/evaluate-typed.js';
import type { Expression } from '../../../src/engine/feel/feel-expression.js';

const ctx = (variables: Record<string, unknown> = {}) => ({
  variables,
  now: Date.parse('2026-01-01T00:00:00Z'),
});
function compile(source: string, numeric = false): Expression {
  const result = compileExpression(source, { numeric });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('typed evaluation', () => {
  it('conditions must be booleans; null is a failure naming the expression and the warning', () => {
    expect(evaluateBoolean(compile('=x > 1'), ctx({ x: 2 }))).toEqual({ ok: true, value: true });
    const result = evaluateBoolean(compile('=amount > 1'), ctx());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(
      "Expected result of the expression 'amount > 1' to be 'BOOLEAN', but was 'NULL'",
    );
    expect(!result.ok && result.message).toContain('amount');
  });

  it('strings, correlation keys, integers and lists', () => {
    expect(evaluateString(compile('=type'), ctx({ type: 'send-mail' }))).toEqual({
      ok: true,
      value: 'send-mail',
    });
    expect(evaluateString(compile('=n'), ctx({ n: 1 })).ok).toBe(false);
    expect(evaluateCorrelationKey(compile('=id'), ctx({ id: 42 }))).toEqual({ ok: true, value: '42' });
    expect(evaluateInteger(compile('3', true), ctx())).toEqual({ ok: true, value: 3 });
    expect(evaluateList(compile('=items'), ctx({ items: [1] }))).toEqual({ ok: true, value: [1] });
    expect(evaluateList(compile('=items'), ctx({ items: 'x' })).ok).toBe(false);
  });

  it('candidate groups: static comma lists and FEEL lists of strings', () => {
    expect(evaluateStringList(compile('leaders, secretaries'), ctx())).toEqual({
      ok: true,
      value: ['leaders', 'secretaries'],
    });
    expect(evaluateStringList(compile('=groups'), ctx({ groups: ['a', 'b'] }))).toEqual({
      ok: true,
      value: ['a', 'b'],
    });
    expect(evaluateStringList(compile('=groups'), ctx({ groups: [1] })).ok).toBe(false);
  });

  it('due dates: ISO strings with offset, zone or none, and FEEL date-times', () => {
    expect(evaluateDateTime(compile('2026-12-01T08:00:00+07:00'), ctx())).toEqual({
      ok: true,
      value: Date.parse('2026-12-01T01:00:00Z'),
    });
    expect(evaluateDateTime(compile('=now() + duration("P3D")'), ctx())).toEqual({
      ok: true,
      value: Date.parse('2026-01-04T00:00:00Z'),
    });
    expect(evaluateDateTime(compile('tomorrow'), ctx()).ok).toBe(false);
    expect(parseDateTime('2026-06-01T08:00:00[Asia/Ho_Chi_Minh]')).toBe(Date.parse('2026-06-01T01:00:00Z'));
    expect(parseDateTime('2026-06-01T08:00:00', 'Asia/Ho_Chi_Minh')).toBe(Date.parse('2026-06-01T01:00:00Z'));
    expect(parseDateTime('2026-06-01T08:00:00@Asia/Ho_Chi_Minh')).toBe(Date.parse('2026-06-01T01:00:00Z'));
    expect(parseDateTime('2026-06-01T08:00:00.5Z')).toBe(Date.parse('2026-06-01T08:00:00.500Z'));
  });
});
