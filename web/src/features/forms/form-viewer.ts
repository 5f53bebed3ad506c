import type { FieldProblem } from '../../lib/problem.js';
import type { FormData, FormSchema } from '../../lib/contracts.js';
import { withDisplayDates, withOriginalDates } from './display-dates.js';
import { toFormErrors } from './field-errors.js';
import { translateFormJsTexts } from './form-js-ui-texts.js';
import { keepGroupSemantics } from './group-semantics.js';
import { invalidFieldsIn, type InvalidField } from './invalid-fields.js';
import { StickyErrors, valueAt, type StickyErrorHost } from './sticky-errors.js';

export interface MountedForm {
  /**
   * Runs form-js's own validation; the data, the errors by field id (empty when valid), and the files chosen in file
   * fields by the `files::…` reference the data holds for them.
   */
  submit(): { data: FormData; errors: Record<string, unknown>; files: ReadonlyMap<string, readonly File[]> };
  /** The current values, without validating (for a draft). */
  data(): FormData;
  /** Shows the server's errors on their fields; returns the messages of fields the form does not have. */
  showServerErrors(problems: readonly FieldProblem[]): string[];
  /** Read-only until the user holds the task: what is shown cannot be typed into. */
  setReadOnly(readOnly: boolean): void;
  /** The fields showing an error now, in the order of the form, once form-js has drawn them. */
  invalidFields(): Promise<InvalidField[]>;
  /** Puts the focus in the form's first field (after claiming). */
  focusFirstField(): void;
  destroy(): void;
}

/** form-js keeps its state private; these are the internals it is driven through (errors found by the server). */
interface FormInternals {
  _setState(state: { errors: Record<string, unknown> }): void;
  _getState(): { data: FormData };
  on(event: string, handler: (payload: never) => void): void;
}

const FOCUSABLE =
  '.fjs-form-field input:not([type="hidden"]), .fjs-form-field textarea, .fjs-form-field select';

/**
 * Renders a form-js form into the container. form-js (~450 KB with its CSS) is loaded on first use only, so the
 * sign-in page and the inbox stay small.
 */
export async function mountForm(
  container: HTMLElement,
  schema: FormSchema,
  data: FormData,
): Promise<MountedForm> {
  const [{ Form }, { viValidatorModule }, { safeTemplatingModule }, { ruleValidatorModule }] =
    await Promise.all([
      import('@bpmn-io/form-js-viewer'),
      import('./vi-validator.module.js'),
      import('./safe-templating.module.js'),
      import('./rule-validator.module.js'),
      import('@bpmn-io/form-js-viewer/dist/assets/form-js.css'),
    ]);
  // form-js holds a typed value for 300 ms before taking it, and a render in that time puts the old value back
  // (lost keystrokes): `debounce: false` takes each keystroke at once. form-js 1.23 reads it from its config
  // (useFlushDebounce) although its FormOptions type does not list it.
  const options: ConstructorParameters<typeof Form>[0] & { debounce: false } = {
    container,
    // Values inserted into text templates come from users (names, units): they are escaped, never markup.
    // The form's rules between fields are said before sending, as the server enforces them.
    additionalModules: [viValidatorModule, safeTemplatingModule, ruleValidatorModule],
    debounce: false,
  };
  const form = new Form(options);
  const shown = withDisplayDates(schema, data);
  await form.importSchema(schema, shown.data);
  const stopTranslating = translateFormJsTexts(container);
  const stopGroups = keepGroupSemantics(container);
  const internals = form as unknown as FormInternals;
  const host: StickyErrorHost = {
    on: (event: string, handler: (payload: never) => void) => internals.on(event, handler),
    setErrors: (errors) => internals._setState({ errors }),
  };
  const sticky = new StickyErrors(host);
  return {
    submit() {
      const result = form.submit();
      return {
        data: result.data as FormData,
        errors: result.errors as Record<string, unknown>,
        files: result.files,
      };
    },
    data: () => withOriginalDates(internals._getState().data, shown.originals),
    showServerErrors(problems) {
      const { byFieldId, pathOf, unplaced } = toFormErrors(schema, problems);
      const current = internals._getState().data;
      sticky.hold(byFieldId, (id) => valueAt(current, pathOf[id] ?? ''));
      return unplaced;
    },
    setReadOnly: (readOnly) => form.setProperty('readOnly', readOnly),
    invalidFields: () => invalidFieldsIn(container),
    focusFirstField: () => {
      container.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    },
    destroy: () => {
      stopGroups();
      stopTranslating();
      form.destroy();
    },
  };
}
