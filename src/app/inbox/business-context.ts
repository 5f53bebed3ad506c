/** The variables the context is read from (the inbox asks the engine for these only). */
export const CONTEXT_VARIABLES = ['unit', 'period', 'quyetDinh'] as const;

/** A task's unit, period, and whether it came back after a reviewer's return. */
export interface BusinessContext {
  unitName: string;
  period: string;
  returned: boolean;
}

/**
 * The business context of a task from its process variables, by the processes' conventions (processes/README.md):
 * `unit` = { code, kind, name, group, headGroup } and `period` = { code, kind, year, label, … }. A review's decision
 * is `quyetDinh`; a review task starts with it blank (its input mapping), so a task that sees `"tra-lai"` is the
 * drafter's task again after a return ("trả lại để hoàn thiện").
 */
export function businessContextOf(variables: Record<string, unknown>): BusinessContext {
  const field = (value: unknown, key: string): string => {
    if (typeof value !== 'object' || value === null) return '';
    const found = (value as Record<string, unknown>)[key];
    return typeof found === 'string' ? found : '';
  };
  return {
    unitName: field(variables.unit, 'name'),
    period: field(variables.period, 'label'),
    returned: variables.quyetDinh === 'tra-lai',
  };
}
