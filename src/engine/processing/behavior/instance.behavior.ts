/** Creates process instances: by command, by a start event (timer, message, signal) or by a call activity. */
import type { Clock, Variables } from '../../engine-api.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { DefinitionRecord, ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { FlowBehavior } from './flow.behavior.js';
import type { TransitionBehavior } from './transition.behavior.js';
import type { VariableBehavior } from './variable.behavior.js';

export interface CreateOptions {
  /** Elements to start at instead of the none start event. */
  startElementIds?: string[];
  /** Variables a start event brings: set like event variables (after the instance exists). */
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  startCorrelationKey?: string;
}

export class InstanceBehavior {
  private readonly startElements = new Map<string, string[]>();

  constructor(
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
    private readonly variables: VariableBehavior,
    private readonly transitions: TransitionBehavior,
    private readonly flow: FlowBehavior,
  ) {}

  create(
    definition: DefinitionRecord,
    variables: Variables | undefined,
    options: CreateOptions = {},
  ): ElementInstanceRecord {
    const key = this.keys.next();
    const instance: ElementInstanceRecord = {
      key,
      processInstanceKey: key,
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      elementId: definition.bpmnProcessId,
      type: 'PROCESS',
      flowScopeKey: null,
      state: 'ACTIVATING',
      startDate: this.clock.now(),
      endDate: null,
      incidentKey: null,
      tenantId: definition.tenantId,
      parentProcessInstanceKey: options.parentProcessInstanceKey ?? null,
      parentElementInstanceKey: options.parentElementInstanceKey ?? null,
      startCorrelationKey: options.startCorrelationKey ?? null,
    };
    this.writer.addElement(instance);
    if (variables) this.variables.setAllLocal(key, variables);
    if (options.startElementIds) this.startElements.set(key, options.startElementIds);
    this.transitions.record(instance, 'ELEMENT_ACTIVATING');
    this.flow.queueActivation(instance);
    return instance;
  }

  /** The process processor asks where to start (consumed once). */
  takeStartElements(instanceKey: string): string[] | undefined {
    const ids = this.startElements.get(instanceKey);
    this.startElements.delete(instanceKey);
    return ids;
  }
}
