import { describe, expect, it } from 'vitest';
import { resolveByScope } from '../../../src/app/engine-client/variable-scopes.js';

describe('variables resolved by scope (Camunda 8.8 returns one entry per name and scope)', () => {
  it('takes the task’s own value over an enclosing one, whatever order the entries come in', () => {
    const processScope = { name: 'quyetDinh', value: '"tra-lai"', scopeKey: '2251799813685249' };
    const taskScope = { name: 'quyetDinh', value: 'null', scopeKey: '2251799813685301' };
    for (const entries of [
      [processScope, taskScope],
      [taskScope, processScope],
    ])
      expect(resolveByScope(entries)).toEqual([taskScope]);
  });

  it('takes the nearest enclosing scope when the task has none of its own, comparing keys as numbers', () => {
    const outer = { name: 'unit', value: '"a"', scopeKey: '999' };
    const subProcess = { name: 'unit', value: '"b"', scopeKey: '1000' };
    const other = { name: 'period', value: '"2026"', scopeKey: '999' };
    expect(resolveByScope([subProcess, outer, other])).toEqual([subProcess, other]);
  });
});
