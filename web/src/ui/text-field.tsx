import { useId } from 'preact/hooks';

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'password';
  autoComplete?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  autoFocus?: boolean;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        required={props.required}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.hint && (
        <p class="field__hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field__error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
