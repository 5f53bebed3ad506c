/** Process instance commands: create, cancel, modify, set variables, resolve incidents. */
import {
  EngineError,
  type CreateInstanceCommand,
  type CreatedInstance,
  type ModifyInstanceCommand,
  type SetVariablesCommand,
} from '../../engine-api.js';
import type { DefinitionRecord, ElementInstanceRecord } from '../../state/records.js';
import type { ProcessingContext } from '../processing-context.js';

export class InstanceCommands {
  constructor(private readonly ctx: ProcessingContext) {}

  resolveDefinition(command: CreateInstanceCommand): DefinitionRecord {
    const { state } = this.ctx;
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
    const model = this.ctx.state.models.get(definition.key)!;
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
    const instance = this.ctx.instances.create(
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
    const instance = this.ctx.state.elements.get(processInstanceKey);
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
    this.ctx.flow.terminate(instance);
  }

  modify(command: ModifyInstanceCommand): void {
    const { state, flow } = this.ctx;
    const root = state.elements.get(command.processInstanceKey);
    if (!root || root.type !== 'PROCESS')
      throw new EngineError(
        'NOT_FOUND',
        `Expected to modify process instance '${command.processInstanceKey}', but no such process instance was found`,
      );
    const model = flow.model(root);
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
        this.ctx.variables.setAllLocal(scope.key, variables.variables);
      }
      flow.activate(activation.element, activation.scope);
    }
    for (const target of terminations) {
      flow.terminate(target);
      flow.childFinished(target);
    }
  }

  private findScope(
    root: ElementInstanceRecord,
    scopeElementId: string | null,
    ancestorKey: string | undefined,
  ): ElementInstanceRecord {
    if (ancestorKey) {
      const ancestor = this.ctx.state.elements.get(ancestorKey);
      if (!ancestor)
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected the ancestor element instance '${ancestorKey}' to exist`,
        );
      return ancestor;
    }
    if (!scopeElementId || scopeElementId === root.elementId) return root;
    for (const instance of this.ctx.state.elements.values()) {
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

  setVariables(command: SetVariablesCommand): void {
    const scope = this.ctx.state.elements.get(command.elementInstanceKey);
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
    if (command.local) this.ctx.variables.setAllLocal(scope.key, command.variables);
    else this.ctx.variables.propagate(scope.key, command.variables);
  }

  resolveIncident(incidentKey: string): void {
    const { state, incidents, flow, jobs } = this.ctx;
    const incident = state.incidents.get(incidentKey);
    if (!incident)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
      );
    incidents.resolve(incident);
    const instance = state.elements.get(incident.elementInstanceKey);
    if (incident.jobKey) {
      const job = state.jobs.get(incident.jobKey);
      if (!job) return;
      if (job.retries > 0 || job.state === 'ERROR_THROWN') {
        if (job.retries <= 0) job.retries = 1;
        jobs.makeActivatable(job);
      } else if (instance) {
        incidents.raise(instance, incident.errorType, incident.errorMessage, 'job', job.key);
      }
      return;
    }
    if (!instance) return;
    if (incident.retry === 'activate') flow.queueActivation(instance);
    else flow.complete(instance);
  }
}
