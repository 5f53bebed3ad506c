/** The variables the context is read from (the inbox asks the engine for these only). */
export const CONTEXT_VARIABLES = ['unit', 'period'] as const;

/**
 * The business context of a task from its process variables, by the processes' conventions (processes/README.md):
 * `unit` = { code, kind, name, group, headGroup } and `period` = { code, kind, year, label, … }.
 */
export function businessContextOf(variables: Record<string, unknown>): { unitName: string; period: string } {
  const field = (value: unknown, key: string): string => {
    if (typeof value !== 'object' || value === null) return '';
    const found = (value as Record<string, unknown>)[key];
    return typeof found === 'string' ? found : '';
  };
  return { unitName: field(variables.unit, 'name'), period: field(variables.period, 'label') };
}
