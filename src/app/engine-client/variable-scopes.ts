/** A variable as Camunda 8.8's variable searches return it: one entry per name and scope. */
export interface ScopedVariable {
  name: string;
  value?: string;
  scopeKey?: string;
  isTruncated?: boolean;
}

/** Keys are int64 decimal strings, so compared by length first. */
function compareKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One entry per name: the one of the innermost scope. A task's variable search returns the entries of the task's
 * own scope and of every enclosing one (the same name may be set in several). Within a process instance Zeebe hands
 * out keys in increasing order and a scope is created after the scopes that enclose it, so among the scopes a task
 * sees the innermost has the greatest key — a FEEL expression in the task resolves a name the same way.
 */
export function resolveByScope<T extends ScopedVariable>(entries: readonly T[]): T[] {
  const chosen = new Map<string, T>();
  for (const entry of entries) {
    if (!entry.name) continue;
    const held = chosen.get(entry.name);
    if (!held || compareKeys(entry.scopeKey ?? '', held.scopeKey ?? '') > 0) chosen.set(entry.name, entry);
  }
  return [...chosen.values()];
}
