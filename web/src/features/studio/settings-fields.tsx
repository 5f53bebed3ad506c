import type { FieldError } from '../../lib/contracts.js';

/** The server's errors for one field: at its JSON pointer or below it (a start rule's units: /units/1). */
export function errorsAt(errors: readonly FieldError[], pointer: string): string[] {
  return errors
    .filter((error) => error.field === pointer || error.field.startsWith(`${pointer}/`))
    .map((error) => error.message);
}

/** A copy of `values` with the value at `path` replaced. */
export function setAt<T>(values: T, path: readonly string[], value: unknown): T {
  const copy = structuredClone(values) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy as T;
}

export function valueAt(values: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], values);
}

/** "05-20" ↔ "20/05": the store keeps MM-DD, people write dd/MM. */
export const toDayMonth = (monthDay: string) => `${monthDay.slice(3, 5)}/${monthDay.slice(0, 2)}`;
export function toMonthDay(dayMonth: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})$/.exec(dayMonth.trim());
  return match ? `${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : undefined;
}

interface FieldProps {
  name: string;
  label: string;
  value: string | number;
  errors: readonly string[];
  onInput(value: string): void;
  type?: 'number' | 'text';
  placeholder?: string;
  max?: number;
}

/** One labelled input with its errors under it, read out with the field (aria-describedby). */
export function SettingsField(props: FieldProps) {
  const errorId = `${props.name}-error`;
  const invalid = props.errors.length > 0;
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? 'text'}
        {...(props.type === 'number' ? { min: 0, max: props.max ?? 180 } : {})}
        placeholder={props.placeholder}
        value={props.value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {invalid && (
        <span class="field__error" id={errorId} role="alert">
          {props.errors.join(' ')}
        </span>
      )}
    </label>
  );
}
