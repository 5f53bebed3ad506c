import type { FormData, FormSchema } from '../inbox/inbox.types.js';

export interface MountedForm {
  /** Runs form-js's own validation; the data and the errors by field id (empty when valid). */
  submit(): { data: FormData; errors: Record<string, unknown> };
  /** The current values, without validating (for a draft). */
  data(): FormData;
  /** Shows errors found elsewhere (by the server) on their fields. */
  showErrors(byFieldId: Record<string, string[]>): void;
  destroy(): void;
}

/** form-js keeps its state private; this is the one internal it is driven through (errors found by the server). */
interface FormStateAccess {
  _setState(state: { errors: Record<string, string[]> }): void;
  _getState(): { data: FormData };
}

/**
 * Renders a form-js form into the container. form-js (~400 KB with its CSS) is loaded on first use only, so the
 * sign-in page and the inbox stay small.
 */
export async function mountForm(
  container: HTMLElement,
  schema: FormSchema,
  data: FormData,
): Promise<MountedForm> {
  const [{ Form }, { viValidatorModule }] = await Promise.all([
    import('@bpmn-io/form-js-viewer'),
    import('./vi-validator.module.js'),
    import('@bpmn-io/form-js-viewer/dist/assets/form-js.css'),
  ]);
  const form = new Form({ container, additionalModules: [viValidatorModule] });
  await form.importSchema(schema, data);
  const state = form as unknown as FormStateAccess;
  return {
    submit() {
      const result = form.submit();
      return { data: result.data as FormData, errors: result.errors as Record<string, unknown> };
    },
    data: () => structuredClone(state._getState().data),
    showErrors: (byFieldId) => state._setState({ errors: byFieldId }),
    destroy: () => form.destroy(),
  };
}
