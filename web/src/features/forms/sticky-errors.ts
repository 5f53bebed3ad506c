import type { FormData } from '../../lib/contracts.js';

type Errors = Record<string, unknown>;

export interface StickyErrorHost {
  on(event: 'changed', handler: (state: { errors: Errors }) => void): void;
  on(
    event: 'field.updated',
    handler: (update: { fieldInstance: { id: string }; value: unknown }) => void,
  ): void;
  setErrors(errors: Errors): void;
}

/**
 * Errors found by the server stay on their field until the user changes that field's value. form-js re-validates a
 * field on every (debounced, sometimes repeated) update and would otherwise drop an error it cannot see itself.
 */
export class StickyErrors {
  private readonly held = new Map<string, { messages: string[]; value: string }>();

  constructor(private readonly host: StickyErrorHost) {
    host.on('field.updated', ({ fieldInstance, value }) => {
      const entry = this.held.get(fieldInstance.id);
      if (entry && JSON.stringify(value ?? null) !== entry.value) this.held.delete(fieldInstance.id);
    });
    host.on('changed', ({ errors }) => {
      const missing = [...this.held].filter(([id]) => !errors[id]);
      if (missing.length === 0) return;
      const merged: Errors = { ...errors };
      for (const [id, entry] of missing) merged[id] = entry.messages;
      host.setErrors(merged);
    });
  }

  /** Shows these errors (by field id), each kept while its field keeps the value it had when refused. */
  hold(byFieldId: Record<string, string[]>, valueOf: (fieldId: string) => unknown): void {
    this.held.clear();
    for (const [id, messages] of Object.entries(byFieldId))
      this.held.set(id, { messages, value: JSON.stringify(valueOf(id) ?? null) });
    this.host.setErrors({ ...byFieldId });
  }
}

/** The value at a data path ("a/b") of the form's data. */
export function valueAt(data: FormData, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('/')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
