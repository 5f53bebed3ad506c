import { describe, expect, it } from 'vitest';
import { StickyErrors, valueAt, type StickyErrorHost } from '../../web/src/features/forms/sticky-errors.js';

/** A stand-in for form-js: keeps errors, emits "changed" on every state change like Form._setState does. */
function fakeForm() {
  const handlers: Record<string, ((payload: never) => void)[]> = {};
  let errors: Record<string, unknown> = {};
  const emit = (event: string, payload: unknown) =>
    handlers[event]?.forEach((handler) => handler(payload as never));
  const host: StickyErrorHost = {
    on: (event: string, handler: (payload: never) => void) => void (handlers[event] ??= []).push(handler),
    setErrors(next) {
      errors = next;
      emit('changed', { errors });
    },
  };
  /** What form-js does on a field update: re-validate that one field, dropping an error it does not find itself. */
  const update = (id: string, value: unknown) => {
    emit('field.updated', { fieldInstance: { id }, value });
    const { [id]: _dropped, ...rest } = errors;
    host.setErrors(rest);
  };
  return { host, update, errors: () => errors };
}

describe("the server's errors on a form", () => {
  it('survive form-js re-validating a field whose value did not change, and go when it changes', () => {
    const form = fakeForm();
    const sticky = new StickyErrors(form.host);
    sticky.hold({ Field_count: ['Tối đa 500.'] }, () => 600);
    expect(form.errors()).toEqual({ Field_count: ['Tối đa 500.'] });
    form.update('Field_count', 600);
    expect(form.errors()).toEqual({ Field_count: ['Tối đa 500.'] });
    form.update('Field_count', 12);
    expect(form.errors()).toEqual({});
  });

  it('reads values at nested data paths', () => {
    expect(valueAt({ contact: { email: 'a@b.vn' } }, 'contact/email')).toBe('a@b.vn');
    expect(valueAt({ contact: null }, 'contact/email')).toBeUndefined();
  });
});
