/** Process instance commands: create, cancel, set variables. */
import {
  EngineError,
  type CreateInstanceCommand,
  type CreatedInstance,
  type SetVariablesCommand,
} from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { DefinitionRecord } from '../../state/records.js';
import type { InstanceBehavior } from '../behavior/instance.behavior.js';
import type { TerminationBehavior } from '../behavior/termination.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';

export class InstanceCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly instances: InstanceBehavior,
    private readonly termination: TerminationBehavior,
    private readonly variables: VariableBehavior,
  ) {}

  resolveDefinition(command: CreateInstanceCommand): DefinitionRecord {
    const { state } = this;
    if (command.processDefinitionKey) {
      const definition = state.definitions.get(command.processDefinitionKey);
      if (!definition || definition.deleted) {
        throw new EngineError(
          'NOT_FOUND',
          `Expected to find process definition with key '${command.processDefinitionKey}', but none found`,
        );
      }
      return definition;
    }
    if (!command.bpmnProcessId)
      throw new EngineError('INVALID_ARGUMENT', 'Expected either a bpmnProcessId or a processDefinitionKey');
    if (command.version !== undefined && command.version !== -1) {
      for (const key of state.versions.get(command.bpmnProcessId) ?? []) {
        const definition = state.definitions.get(key);
        if (definition && !definition.deleted && definition.version === command.version) return definition;
      }
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with process ID '${command.bpmnProcessId}' and version '${command.version}', but none found`,
      );
    }
    const latest = state.latestDefinition(command.bpmnProcessId);
    if (!latest)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with process ID '${command.bpmnProcessId}', but none found`,
      );
    return latest;
  }

  create(command: CreateInstanceCommand): CreatedInstance {
    const definition = this.resolveDefinition(command);
    const model = this.state.models.get(definition.key)!;
    const startIds = command.startInstructions?.map((instruction) => instruction.elementId);
    if (startIds) {
      for (const id of startIds) {
        if (!model.elements.has(id))
          throw new EngineError(
            'INVALID_ARGUMENT',
            `Expected to start at element '${id}', but no such element exists in process '${definition.bpmnProcessId}'`,
          );
      }
    } else if (!model.noneStartEventId) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Expected to create instance of process with none start event, but there is no such event in process '${definition.bpmnProcessId}'`,
      );
    }
    if (
      command.variables !== undefined &&
      (typeof command.variables !== 'object' ||
        Array.isArray(command.variables) ||
        command.variables === null)
    ) {
      throw new EngineError('INVALID_ARGUMENT', 'Expected variables to be a JSON object');
    }
    const instance = this.instances.create(
      definition,
      command.variables,
      startIds ? { startElementIds: startIds } : {},
    );
    return {
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      processInstanceKey: instance.key,
      tenantId: definition.tenantId,
    };
  }

  cancel(processInstanceKey: string): void {
    const instance = this.state.elements.get(processInstanceKey);
    if (!instance || instance.type !== 'PROCESS') {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`,
      );
    }
    if (instance.parentProcessInstanceKey) {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${instance.parentProcessInstanceKey}' instead.`,
      );
    }
    this.termination.terminate(instance);
  }

  setVariables(command: SetVariablesCommand): void {
    const scope = this.state.elements.get(command.elementInstanceKey);
    if (!scope || scope.state === 'COMPLETED' || scope.state === 'TERMINATED') {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to update variables for element with key '${command.elementInstanceKey}', but no such element was found`,
      );
    }
    if (
      typeof command.variables !== 'object' ||
      command.variables === null ||
      Array.isArray(command.variables)
    ) {
      throw new EngineError('INVALID_ARGUMENT', 'Expected variables to be a JSON object');
    }
    if (command.local) this.variables.setAllLocal(scope.key, command.variables);
    else this.variables.propagate(scope.key, command.variables);
  }
}
