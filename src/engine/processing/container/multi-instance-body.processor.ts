/**
 * The multi-instance body wraps an activity marked multi-instance: one inner instance per item of the input
 * collection (all at once, or one after another), each with the item as its `inputElement` local variable and a
 * `loopCounter`. Each inner completion writes its `outputElement` into the body-local `outputCollection` at its
 * position; the completion condition (with numberOf* counters) may end the body early, terminating the rest.
 */
import { evaluateBoolean, evaluateList } from '../../feel/evaluate-typed.js';
import type { Activity } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { IncidentBehavior } from '../behavior/incident.behavior.js';
import type { TerminationBehavior } from '../behavior/termination.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

function counters(body: ElementInstanceRecord): Record<string, number> {
  const mi = body.mi!;
  return {
    numberOfInstances: mi.total,
    numberOfActiveInstances: mi.active,
    numberOfCompletedInstances: mi.completed,
    numberOfTerminatedInstances: mi.terminated,
  };
}

export class MultiInstanceBodyProcessor implements ElementProcessor<Activity> {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly writer: StateWriter,
    private readonly variables: VariableBehavior,
    private readonly flow: FlowBehavior,
    private readonly termination: TerminationBehavior,
    private readonly incidents: IncidentBehavior,
  ) {}

  onActivate(activity: Activity, body: ElementInstanceRecord): StepResult {
    const mi = activity.multiInstance!;
    const collection = evaluateList(mi.inputCollection, this.variables.context(body.key));
    if (!collection.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: collection.message };
    const items = collection.value;
    body.mi = { total: items.length, active: 0, completed: 0, terminated: 0, next: 0 };
    if (mi.outputCollection)
      this.variables.setLocal(
        body.key,
        mi.outputCollection,
        items.map(() => null),
      );
    if (items.length === 0) this.flow.complete(body);
    else if (mi.isSequential) this.startInner(activity, body, 0, items[0]);
    else items.forEach((item, index) => this.startInner(activity, body, index, item));
    return OK;
  }

  onChildCompleting(activity: Activity, body: ElementInstanceRecord, child: ElementInstanceRecord): void {
    const mi = activity.multiInstance!;
    if (!mi.outputCollection || !mi.outputElement || child.loopCounter === undefined) return;
    const value = this.variables.evaluate(mi.outputElement, child.key);
    const current = this.variables.get(body.key, mi.outputCollection);
    const list = Array.isArray(current) ? [...current] : [];
    list[child.loopCounter - 1] = value.ok ? value.value : null;
    this.variables.setLocal(body.key, mi.outputCollection, list);
  }

  onChildFinished(activity: Activity, body: ElementInstanceRecord, child: ElementInstanceRecord): void {
    const mi = activity.multiInstance!;
    const state = body.mi!;
    state.active -= 1;
    if (child.state === 'COMPLETED') state.completed += 1;
    else state.terminated += 1;
    this.writer.updateElement(body);
    if (mi.completionCondition && child.state === 'COMPLETED') {
      const done = evaluateBoolean(mi.completionCondition, this.variables.context(body.key, counters(body)));
      if (!done.ok) {
        this.incidents.raise(body, 'EXTRACT_VALUE_ERROR', done.message, 'complete');
        return;
      }
      if (done.value) {
        for (const inner of this.lookup.childrenOf(body.key)) {
          this.termination.terminate(inner);
          state.active -= 1;
          state.terminated += 1;
        }
        this.flow.complete(body);
        return;
      }
    }
    if (mi.isSequential && state.next < state.total) {
      const collection = evaluateList(mi.inputCollection, this.variables.context(body.key));
      if (collection.ok) this.startInner(activity, body, state.next, collection.value[state.next]);
      return;
    }
    if (state.active <= 0) this.flow.complete(body);
  }

  onComplete(activity: Activity, body: ElementInstanceRecord): StepResult {
    const name = activity.multiInstance?.outputCollection;
    if (name && body.flowScopeKey)
      this.variables.propagate(body.flowScopeKey, { [name]: this.variables.get(body.key, name) });
    return OK;
  }

  private startInner(activity: Activity, body: ElementInstanceRecord, index: number, item: unknown): void {
    const mi = activity.multiInstance!;
    const local: Record<string, unknown> = { loopCounter: index + 1 };
    if (mi.inputElement) local[mi.inputElement] = item;
    const outputVariable = mi.outputElement?.isFeel
      ? /^=\s*([A-Za-z_][\w]*)\s*$/.exec(mi.outputElement.source)?.[1]
      : undefined;
    if (outputVariable && outputVariable !== mi.inputElement) local[outputVariable] = null;
    this.flow.activate(activity, body, { inner: true, loopCounter: index + 1, localVariables: local });
    body.mi!.active += 1;
    body.mi!.next = index + 1;
    this.writer.updateElement(body);
  }
}
