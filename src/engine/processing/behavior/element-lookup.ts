/** Element instances with the model elements they execute: what the lifecycle looks up at every step. */
import type { ProcessModel } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ExecutableElement } from '../element-processor.js';

export class ElementLookup {
  constructor(private readonly state: EngineStateView) {}

  /** A live instance. */
  instance(key: string): ElementInstanceRecord | undefined {
    return this.state.elements.get(key);
  }

  /** Live or already finished. */
  findInstance(key: string): ElementInstanceRecord | undefined {
    return this.state.elements.find(key);
  }

  flowScope(instance: ElementInstanceRecord): ElementInstanceRecord | undefined {
    return instance.flowScopeKey ? this.state.elements.get(instance.flowScopeKey) : undefined;
  }

  childrenOf(scopeKey: string): ElementInstanceRecord[] {
    return this.state.childrenOf(scopeKey);
  }

  hasChildren(scopeKey: string): boolean {
    return this.state.children.get(scopeKey).size > 0;
  }

  model(instance: ElementInstanceRecord): ProcessModel {
    const model = this.state.models.get(instance.processDefinitionKey);
    if (!model) throw new Error(`no model for definition ${instance.processDefinitionKey}`);
    return model;
  }

  elementOf(instance: ElementInstanceRecord): ExecutableElement {
    const model = this.model(instance);
    if (instance.type === 'PROCESS') return model;
    const element = model.elements.get(instance.elementId);
    if (!element) throw new Error(`no element ${instance.elementId} in ${model.id}`);
    return element;
  }

  /** Whether the element of a waiting instance picks what leaves it with output mappings. */
  hasOutputMappings(instance: ElementInstanceRecord): boolean {
    const element = this.elementOf(instance);
    return 'outputMappings' in element && element.outputMappings.length > 0;
  }
}
