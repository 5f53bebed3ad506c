/** A field form-js shows with an error: what the error summary lists and where its link leads. */
export interface InvalidField {
  /** The field's label as the form shows it (the required mark left out). */
  label: string;
  message: string;
  focus(): void;
}

const FOCUSABLE = 'input:not([type="hidden"]), textarea, select, [tabindex]:not([tabindex="-1"])';

/** Two animation frames: form-js (preact) draws a new error state in the next frame. */
function afterRender(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * The fields inside the container that show an error, read from what form-js drew (so fields in groups and dynamic
 * lists, and errors the server found, are included), in the order of the form.
 */
export async function invalidFieldsIn(container: Element): Promise<InvalidField[]> {
  await afterRender();
  return [...container.querySelectorAll<HTMLElement>('.fjs-form-field.fjs-has-errors')].map((field) => {
    const labelElement = field.querySelector<HTMLElement>('.fjs-form-field-label');
    const label = (labelElement?.textContent ?? '').replace(/\*\s*$/, '').trim();
    const message = [...field.querySelectorAll('.fjs-form-field-error')]
      .map((error) => error.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    return {
      label,
      message,
      focus: () => {
        const target = field.querySelector<HTMLElement>(FOCUSABLE) ?? field;
        if (target === field) field.tabIndex = -1;
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      },
    };
  });
}
