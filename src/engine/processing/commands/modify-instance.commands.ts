/** Process instance modification: activate elements (with variables) and terminate element instances. */
import { EngineError, type ModifyInstanceCommand } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { TerminationBehavior } from '../behavior/termination.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';

export class ModifyInstanceCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
    private readonly termination: TerminationBehavior,
    private readonly variables: VariableBehavior,
  ) {}

  modify(command: ModifyInstanceCommand): void {
    const { state, flow } = this;
    const root = state.elements.get(command.processInstanceKey);
    if (!root || root.type !== 'PROCESS')
      throw new EngineError(
        'NOT_FOUND',
        `Expected to modify process instance '${command.processInstanceKey}', but no such process instance was found`,
      );
    const model = this.lookup.model(root);
    const activations: {
      element: NonNullable<ReturnType<typeof model.elements.get>>;
      scope: ElementInstanceRecord;
      variables: { variables: Record<string, unknown>; scopeId?: string }[];
    }[] = [];
    for (const instruction of command.activateInstructions ?? []) {
      const element = model.elements.get(instruction.elementId);
      if (!element)
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to modify instance of process '${model.id}' but it contains one or more activate instructions with an element that could not be found: '${instruction.elementId}'`,
        );
      const scope = this.findScope(root, element.parentId, instruction.ancestorElementInstanceKey);
      activations.push({ element, scope, variables: instruction.variableInstructions ?? [] });
    }
    const terminations: ElementInstanceRecord[] = [];
    for (const instruction of command.terminateInstructions ?? []) {
      const target = state.elements.get(instruction.elementInstanceKey);
      if (!target || target.processInstanceKey !== root.key)
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to modify instance of process '${model.id}' but it contains one or more terminate instructions with an element instance that could not be found: '${instruction.elementInstanceKey}'`,
        );
      terminations.push(target);
    }
    for (const activation of activations) {
      for (const variables of activation.variables) {
        const scope = variables.scopeId
          ? this.findScope(root, variables.scopeId, undefined)
          : activation.scope;
        this.variables.setAllLocal(scope.key, variables.variables);
      }
      flow.activate(activation.element, activation.scope);
    }
    for (const target of terminations) {
      this.termination.terminate(target);
      flow.childFinished(target);
    }
  }

  private findScope(
    root: ElementInstanceRecord,
    scopeElementId: string | null,
    ancestorKey: string | undefined,
  ): ElementInstanceRecord {
    if (ancestorKey) {
      const ancestor = this.state.elements.get(ancestorKey);
      if (!ancestor)
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected the ancestor element instance '${ancestorKey}' to exist`,
        );
      return ancestor;
    }
    if (!scopeElementId || scopeElementId === root.elementId) return root;
    for (const instance of this.state.elements.values()) {
      if (
        instance.processInstanceKey === root.key &&
        instance.elementId === scopeElementId &&
        instance.state === 'ACTIVATED'
      )
        return instance;
    }
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected to find an active instance of the flow scope '${scopeElementId}' to activate the element in`,
    );
  }
}
