/*
 * form-js 1.23 renders a radio group or a checklist as a <div> with a <label> that names no input: a screen reader
 * hears loose options with no question. Each such field is made a group named by its label (role radiogroup or
 * group, aria-labelledby, aria-required), and kept so while form-js re-renders.
 */
const GROUPS: readonly (readonly [selector: string, role: string])[] = [
  ['.fjs-form-field-radio', 'radiogroup'],
  ['.fjs-form-field-checklist', 'group'],
];

let counter = 0;

/**
 * Gives every radio group and checklist inside the root its group role and name. A table in a form's text scrolls
 * sideways on a phone (app.css): it is made focusable, so it can be scrolled with the keyboard.
 */
export function markGroups(root: Element): void {
  for (const table of root.querySelectorAll<HTMLElement>('.fjs-form-field-text table'))
    if (table.tabIndex !== 0) table.tabIndex = 0;
  for (const [selector, role] of GROUPS)
    for (const field of root.querySelectorAll<HTMLElement>(selector)) {
      if (field.getAttribute('role') !== role) field.setAttribute('role', role);
      const label = field.querySelector<HTMLElement>(':scope > label.fjs-form-field-label');
      if (label) {
        if (!label.id) label.id = `fjs-group-label-${++counter}`;
        if (field.getAttribute('aria-labelledby') !== label.id)
          field.setAttribute('aria-labelledby', label.id);
      }
      const first = field.querySelector<HTMLInputElement>('input');
      const required = first?.required ? 'true' : null;
      if (role === 'radiogroup' && field.getAttribute('aria-required') !== required) {
        if (required) field.setAttribute('aria-required', required);
        else field.removeAttribute('aria-required');
      }
    }
}

/** Keeps the groups marked while the form lives; returns the function that stops it. */
export function keepGroupSemantics(container: Element): () => void {
  markGroups(container);
  const observer = new MutationObserver(() => markGroups(container));
  observer.observe(container, { subtree: true, childList: true });
  return () => observer.disconnect();
}
