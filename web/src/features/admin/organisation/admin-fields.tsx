import { useId } from 'preact/hooks';

/** A labelled select for the admin pages' filters. */
export function SelectField(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div class="field field--inline">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled input for the admin pages' filters (text, date, search). */
export function InputField(props: {
  label: string;
  value: string;
  type?: 'search' | 'text' | 'date';
  hint?: string;
  onInput(value: string): void;
}) {
  const id = useId();
  return (
    <div class="field field--inline">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
