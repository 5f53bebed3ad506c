/**
 * Variables and their scopes, as Zeebe documents them: every element instance is a scope whose parent is its
 * flow scope; a variable set without `local` is propagated — it updates the nearest scope that already holds the
 * name, or else lands in the process instance's root scope. Input mappings create local variables of the element
 * instance; output mappings are evaluated in the element's scope and propagated from its flow scope.
 */
import type { Clock } from '../../engine-api.js';
import type { Expression, FeelResult } from '../../feel/feel-expression.js';
import type { VariableMapping } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { ElementInstanceRecord, VariableRecord } from '../../state/records.js';
import type { Variables } from '../../engine-api.js';
import { OK, type Failure, type StepResult } from '../step-result.js';

export class VariableBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
  ) {}

  /** All variables visible from a scope, innermost winning. */
  visible(scopeKey: string | null): Record<string, unknown> {
    const chain: string[] = [];
    for (let key = scopeKey; key; key = this.state.elements.find(key)?.flowScopeKey ?? null) chain.push(key);
    const result: Record<string, unknown> = {};
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      const names = this.state.scopeVariables.get(chain[index]!);
      if (!names) continue;
      for (const [name, variableKey] of names) result[name] = this.state.variables.get(variableKey)?.value;
    }
    return result;
  }

  /**
   * Every variable visible from a scope, one entry per scope that holds it, innermost scope first: what Camunda 8.8's
   * user task variable search returns (a name set in two scopes comes twice, with its scope key each time).
   */
  visibleByScope(scopeKey: string | null): VariableRecord[] {
    const result: VariableRecord[] = [];
    for (let key = scopeKey; key; key = this.state.elements.find(key)?.flowScopeKey ?? null)
      for (const [, variableKey] of this.state.scopeVariables.get(key) ?? []) {
        const variable = this.state.variables.get(variableKey);
        if (variable) result.push(variable);
      }
    return result;
  }

  local(scopeKey: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [name, variableKey] of this.state.scopeVariables.get(scopeKey) ?? []) {
      result[name] = this.state.variables.get(variableKey)?.value;
    }
    return result;
  }

  get(scopeKey: string, name: string): unknown {
    const key = this.state.variableKey(scopeKey, name);
    return key ? this.state.variables.get(key)?.value : undefined;
  }

  evaluate(expression: Expression, scopeKey: string | null, extra?: Record<string, unknown>): FeelResult {
    const variables = extra ? { ...this.visible(scopeKey), ...extra } : this.visible(scopeKey);
    return expression.evaluate({ variables, now: this.clock.now() });
  }

  context(scopeKey: string | null, extra?: Record<string, unknown>) {
    const variables = extra ? { ...this.visible(scopeKey), ...extra } : this.visible(scopeKey);
    return { variables, now: this.clock.now() };
  }

  setLocal(scopeKey: string, name: string, value: unknown): void {
    const existing = this.state.variableKey(scopeKey, name);
    const record = existing ? this.state.variables.get(existing) : undefined;
    if (record) {
      record.value = value;
      this.writer.putVariable(record);
      return;
    }
    const scope = this.state.elements.find(scopeKey);
    const created = {
      key: this.keys.next(),
      name,
      value,
      scopeKey,
      processInstanceKey: scope?.processInstanceKey ?? scopeKey,
      tenantId: scope?.tenantId ?? '<default>',
    };
    this.writer.putVariable(created);
  }

  setAllLocal(scopeKey: string, variables: Variables): void {
    for (const [name, value] of Object.entries(variables)) this.setLocal(scopeKey, name, value);
  }

  /** Non-local set: the nearest scope holding the name, else the root scope. */
  propagate(fromScopeKey: string, variables: Variables): void {
    for (const [name, value] of Object.entries(variables)) {
      let target: string | null = fromScopeKey;
      let root = fromScopeKey;
      while (target) {
        if (this.state.variableKey(target, name)) break;
        root = target;
        target = this.state.elements.find(target)?.flowScopeKey ?? null;
      }
      this.setLocal(target ?? root, name, value);
    }
  }

  /** Evaluates mappings in order (later ones see earlier targets), building nested targets for dotted paths. */
  evaluateMappings(
    mappings: VariableMapping[],
    scopeKey: string | null,
    extra?: Record<string, unknown>,
  ): { ok: true; value: Record<string, unknown> } | Failure {
    const base = { ...this.visible(scopeKey), ...extra };
    const result: Record<string, unknown> = {};
    for (const mapping of mappings) {
      const evaluated = mapping.source.evaluate({ variables: { ...base, ...result }, now: this.clock.now() });
      if (!evaluated.ok) {
        return {
          ok: false,
          errorType: 'IO_MAPPING_ERROR',
          message: `Failed to evaluate expression '${mapping.source.source}': ${evaluated.message}`,
        };
      }
      assignPath(
        result,
        mapping.targetPath.length ? mapping.targetPath : [mapping.target],
        evaluated.value,
        base,
      );
    }
    return { ok: true, value: result };
  }

  applyInputMappings(
    mappings: VariableMapping[],
    instance: ElementInstanceRecord,
    extra?: Variables,
  ): StepResult {
    if (mappings.length === 0) return OK;
    const result = this.evaluateMappings(mappings, instance.flowScopeKey, extra);
    if (!result.ok) return result;
    this.setAllLocal(instance.key, result.value);
    return OK;
  }

  applyOutputMappings(mappings: VariableMapping[], instance: ElementInstanceRecord): StepResult {
    if (mappings.length === 0 || !instance.flowScopeKey) return OK;
    const result = this.evaluateMappings(mappings, instance.key);
    if (!result.ok) return result;
    this.propagate(instance.flowScopeKey, result.value);
    return OK;
  }

  /**
   * Variables a job, user task or message brings to an element: with output mappings they become local (the
   * mappings pick what leaves); otherwise they are propagated from the element instance.
   */
  mergeResult(
    instance: ElementInstanceRecord,
    hasOutputMappings: boolean,
    variables: Variables | undefined,
  ): void {
    if (!variables || Object.keys(variables).length === 0) return;
    if (hasOutputMappings) this.setAllLocal(instance.key, variables);
    else this.propagate(instance.key, variables);
  }
}

function assignPath(
  target: Record<string, unknown>,
  path: string[],
  value: unknown,
  existing: Record<string, unknown>,
): void {
  if (path.length === 1) {
    target[path[0]!] = value;
    return;
  }
  const [head, ...rest] = path as [string, ...string[]];
  const current = target[head] ?? existing[head];
  const nested =
    current && typeof current === 'object' && !Array.isArray(current)
      ? { ...(current as Record<string, unknown>) }
      : {};
  target[head] = nested;
  assignPath(nested, rest, value, {});
}
