import { describe, expect, it } from 'vitest';
import {
  endEvent,
  eventually,
  loose,
  noWait,
  processXml,
  sequence,
  startEvent,
  userTask,
  useTestEngine,
} from '../../support/harness/index.js';

/** Two tasks on one form bound to the deployment (the second created late, like a report sent back); a '.' in the formId, which a MongoDB field name could not hold. */
const BPMN = processXml('fb-report', [
  startEvent('start'),
  userTask('draft', { name: 'Draft', formId: 'fb.form', formBinding: 'deployment' }),
  userTask('redo', { name: 'Redo', formId: 'fb.form', formBinding: 'deployment' }),
  endEvent('end'),
  ...sequence('start', 'draft', 'redo', 'end'),
]);

const form = (fields: number) =>
  JSON.stringify({
    id: 'fb.form',
    type: 'default',
    components: Array.from({ length: fields }, (_, i) => ({
      type: 'textfield',
      key: `f${i}`,
      label: `F${i}`,
    })),
  });

const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z' });

interface Entry {
  process?: { version: number };
  form?: { version: number };
}

/** Deploys the process with the form, as the app does; answers the process and form versions. */
async function deploy(formJson: string) {
  const response = await harness.zeebe.deployResources([
    { name: 'fb-report.bpmn', process: Buffer.from(BPMN) },
    { name: 'fb-form.form', form: Buffer.from(formJson) },
  ]);
  const entries = response.deployments as Entry[];
  return {
    process: entries.flatMap((entry) => (entry.process ? [entry.process.version] : [])),
    form: entries.flatMap((entry) => (entry.form ? [entry.form.version] : [])),
  };
}

async function openTask(processInstanceKey: string) {
  return eventually(async () => {
    const found = await harness.rest.searchUserTasks(
      loose({ filter: { processInstanceKey, state: 'CREATED' } }),
      noWait,
    );
    expect(found.items).toHaveLength(1);
    return found.items[0]!;
  });
}

async function formOf(userTaskKey: string) {
  const linked = await harness.rest.getUserTaskForm(loose({ userTaskKey }), noWait);
  return linked as { formId?: string; version?: number; schema?: { components?: unknown[] } };
}

describe("form binding 'deployment' (over the SDK)", () => {
  it('a task created after a new form version, in an instance started before, keeps its deployment’s form', async () => {
    expect(await deploy(form(1))).toEqual({ process: [1], form: [1] });
    // An unchanged redeploy (npm start again) keeps both versions.
    expect(await deploy(form(1))).toEqual({ process: [1], form: [1] });

    const old = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'fb-report', variables: {} });
    const draft = await openTask(old.processInstanceKey);
    expect(await formOf(draft.userTaskKey)).toMatchObject({ formId: 'fb.form', version: 1 });

    // The administrator deploys a changed form with its process: the process gets a new version bound to it.
    expect(await deploy(form(2))).toEqual({ process: [2], form: [2] });

    // The old instance's late task still gets form version 1.
    await harness.rest.completeUserTask(loose({ userTaskKey: draft.userTaskKey }));
    const redo = await eventually(async () => {
      const task = await openTask(old.processInstanceKey);
      expect(task.elementId).toBe('redo');
      return task;
    });
    const redoForm = await formOf(redo.userTaskKey);
    expect(redoForm).toMatchObject({ formId: 'fb.form', version: 1 });
    expect(redoForm.schema?.components).toHaveLength(1);

    // A new instance gets version 2.
    const fresh = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'fb-report', variables: {} });
    const freshTask = await openTask(fresh.processInstanceKey);
    expect(await formOf(freshTask.userTaskKey)).toMatchObject({ formId: 'fb.form', version: 2 });

    // A form deployed alone (binding 'latest' would pick it up) does not reach either.
    await harness.zeebe.deployResources([{ name: 'fb-form.form', form: Buffer.from(form(3)) }]);
    await harness.rest.completeUserTask(loose({ userTaskKey: freshTask.userTaskKey }));
    const freshRedo = await eventually(async () => {
      const task = await openTask(fresh.processInstanceKey);
      expect(task.elementId).toBe('redo');
      return task;
    });
    expect(await formOf(freshRedo.userTaskKey)).toMatchObject({ version: 2 });

    // The record survives a restart.
    await harness.restart();
    await harness.rest.completeUserTask(loose({ userTaskKey: redo.userTaskKey }));
    const another = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'fb-report', variables: {} });
    const anotherTask = await openTask(another.processInstanceKey);
    expect(await formOf(anotherTask.userTaskKey)).toMatchObject({ version: 2 });
  });

  it('rejects a deployment whose process binds a form the deployment does not hold', async () => {
    const lonely = processXml('fb-lonely', [
      startEvent('start'),
      userTask('ask', { formId: 'fb-missing', formBinding: 'deployment' }),
      endEvent('end'),
      ...sequence('start', 'ask', 'end'),
    ]);
    await expect(
      harness.zeebe.deployResources([{ name: 'fb-lonely.bpmn', process: Buffer.from(lonely) }]),
    ).rejects.toThrow(/fb-missing.*binding type 'deployment'/);
  });
});
