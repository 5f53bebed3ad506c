/** Creates process instances: by command, by a start event (timer, message, signal) or by a call activity. */
import type { Variables } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { DefinitionRecord, ElementInstanceRecord } from '../../state/records.js';
import type { ProcessingContext } from '../processing-context.js';

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
  private ctx!: ProcessingContext;

  constructor(private readonly state: EngineStateView) {}

  bind(ctx: ProcessingContext): void {
    this.ctx = ctx;
  }

  create(
    definition: DefinitionRecord,
    variables: Variables | undefined,
    options: CreateOptions = {},
  ): ElementInstanceRecord {
    const key = this.ctx.keys.next();
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
      startDate: this.ctx.clock.now(),
      endDate: null,
      incidentKey: null,
      tenantId: definition.tenantId,
      parentProcessInstanceKey: options.parentProcessInstanceKey ?? null,
      parentElementInstanceKey: options.parentElementInstanceKey ?? null,
      startCorrelationKey: options.startCorrelationKey ?? null,
    };
    this.ctx.writer.addElement(instance);
    if (variables) this.ctx.variables.setAllLocal(key, variables);
    if (options.startElementIds) this.startElements.set(key, options.startElementIds);
    this.ctx.records.append({
      timestamp: this.ctx.clock.now(),
      intent: 'ELEMENT_ACTIVATING',
      key,
      elementId: instance.elementId,
      bpmnElementType: 'PROCESS',
      processInstanceKey: key,
      flowScopeKey: null,
    });
    this.ctx.flow.queueActivation(instance);
    return instance;
  }

  /** The process processor asks where to start (consumed once). */
  takeStartElements(instanceKey: string): string[] | undefined {
    const ids = this.startElements.get(instanceKey);
    this.startElements.delete(instanceKey);
    return ids;
  }
}
