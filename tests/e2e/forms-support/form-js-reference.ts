import { buildTestPage } from './build-test-page.js';

/** One form-js verdict: per keyed field instance form-js rendered, its key path, value and error messages. */
export interface ReferenceField {
  path: string;
  id: string;
  value: unknown;
  messages: string[];
}
export type ReferenceVerdict = { fields: ReferenceField[] } | { failed: string };

export interface ReferenceCase {
  schema: unknown;
  data: Record<string, unknown>;
}

export interface Reference {
  harness: { validateAll(cases: ReferenceCase[], batch?: number): Promise<ReferenceVerdict[]> };
}

/**
 * Plain form-js 1.23 (no module of ours, English messages), a new Form for every case: import the schema with the
 * data, let it render (field instances exist only for what is shown), then `validate()`. Cases run in batches, each
 * Form in its own container, so that they wait for the same frames.
 */
const entry = `
import { Form } from '@bpmn-io/form-js-viewer';
const host = document.getElementById('form');
// preact runs effects after the next frame (or 100 ms): a frame and a task later, they have run.
const afterEffects = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const at = (object, keys) => keys.reduce((current, key) => (current == null ? undefined : current[key]), object);

async function verdictOf({ schema, data }) {
  const container = document.createElement('div');
  host.append(container);
  // A new Form each time: one reused across imports can answer with the previous data's errors.
  const form = new Form({ container });
  try {
    await form.importSchema(schema, data);
    // Let form-js settle: some fields change the data in an effect (an expression field computes, a select
    // empties a value its options lost), and what that shows or hides renders after.
    // Settled: the data unchanged over three frames in a row (a render can itself wait for a frame).
    let before = JSON.stringify(form._getState().data);
    for (let round = 0, still = 0; round < 20 && still < 3; round++) {
      await afterEffects();
      const now = JSON.stringify(form._getState().data);
      still = now === before ? still + 1 : 0;
      before = now;
    }
    const errors = form.validate();
    const state = form._getState();
    const fields = form.get('formFieldInstanceRegistry').getAllKeyed().map((instance) => {
      const messages = at(errors, [instance.id, ...Object.values(instance.indexes || {})]);
      return {
        path: instance.valuePath.join('.'),
        id: instance.id,
        value: at(state.data, instance.valuePath) ?? null,
        messages: Array.isArray(messages) ? messages.filter((m) => typeof m === 'string') : [],
      };
    });
    return { fields };
  } catch (error) {
    return { failed: String((error && error.stack) || error) };
  } finally {
    form.destroy();
    container.remove();
  }
}

window.harness = {
  async validateAll(cases, batch = 120) {
    const verdicts = [];
    for (let start = 0; start < cases.length; start += batch)
      verdicts.push(...(await Promise.all(cases.slice(start, start + batch).map(verdictOf))));
    return verdicts;
  },
};
`;

const html = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" /><title>form-js reference</title></head>
<body><div id="form"></div><script type="module" src="./main.js"></script></body></html>`;

/** Builds the reference page with vite into a fresh directory under test-artifacts; returns it. */
export async function buildFormJsReference(): Promise<string> {
  return buildTestPage('form-js-reference', html, entry);
}
