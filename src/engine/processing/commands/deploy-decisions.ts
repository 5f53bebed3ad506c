/**
 * The DMN part of a deployment. A DMN resource is one decision requirements graph (DRG): an unchanged resource
 * keeps its versions (as Zeebe does); a changed one becomes a new version of the graph and of each decision in it,
 * versioned per id. As in Zeebe, a decision id belongs to one graph: deploying it in another is refused, and so is
 * a deployment holding one decision or graph id twice. Business-rule tasks binding a decision with 'deployment'
 * must find it in the same deployment.
 */
import { EngineError, type DeploymentResult, type ResourceInput } from '../../engine-api.js';
import type { DecisionRequirementsModel } from '../../dmn/decision-model.js';
import type { ProcessModel } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { DecisionRecord, DecisionRequirementsRecord, DefinitionRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';

interface DeployedItem {
  resource: ResourceInput;
  text: string;
  checksum: string;
  processes: ProcessModel[];
  decisions: DecisionRequirementsModel | null;
}

export type BoundDecisions = NonNullable<DefinitionRecord['deploymentDecisions']>;

function refuse(resourceName: string, message: string, elementId?: string): never {
  throw new EngineError('INVALID_ARGUMENT', `'${resourceName}': ${message}`, {
    resourceName,
    ...(elementId ? { elementId } : {}),
  });
}

/** Refuses duplicate ids within the deployment, decision ids owned by another graph, and unbound decisions. */
export function checkDeployedDecisions(state: EngineStateView, items: DeployedItem[]): void {
  const graphs = new Map<string, string>();
  const decisions = new Map<string, string>();
  for (const item of items) {
    const graph = item.decisions;
    if (!graph) continue;
    const name = item.resource.name;
    const earlier = graphs.get(graph.id);
    if (earlier !== undefined)
      refuse(name, `the decision requirements id '${graph.id}' is also deployed by '${earlier}'`, graph.id);
    graphs.set(graph.id, name);
    for (const decision of graph.decisions.values()) {
      const other = decisions.get(decision.id);
      if (other !== undefined)
        refuse(name, `the decision id '${decision.id}' is also deployed by '${other}'`, decision.id);
      decisions.set(decision.id, name);
      const deployed = state.latestDecision(decision.id);
      if (deployed && deployed.decisionRequirementsId !== graph.id)
        refuse(
          name,
          `the decision id '${decision.id}' belongs to the deployed decision requirements '${deployed.decisionRequirementsId}'; a decision id may be in one decision requirements graph only`,
          decision.id,
        );
    }
  }
  for (const item of items)
    for (const model of item.processes)
      for (const [elementId, decisionId] of boundDecisionIds(model))
        if (!decisions.has(decisionId))
          refuse(
            item.resource.name,
            `element '${elementId}' calls decision '${decisionId}' with binding type 'deployment', but the deployment holds no decision with this id`,
            elementId,
          );
}

/** Records the graphs and decisions; answers decisionId → the decision's key in this deployment. */
export function applyDecisions(
  state: EngineStateView,
  writer: StateWriter,
  keys: KeyGenerator,
  items: DeployedItem[],
  deploymentKey: string,
  tenantId: string,
  result: DeploymentResult,
): Map<string, string> {
  const decisionKeys = new Map<string, string>();
  for (const item of items) {
    const graph = item.decisions;
    if (!graph) continue;
    const latest = state.latestDecisionRequirements(graph.id);
    let record: DecisionRequirementsRecord;
    let decisions: DecisionRecord[];
    if (latest && latest.checksum === item.checksum) {
      record = latest;
      decisions = [...graph.decisions.keys()].flatMap((id) => {
        const decision = state.latestDecision(id);
        return decision ? [decision] : [];
      });
    } else {
      record = {
        key: keys.next(),
        decisionRequirementsId: graph.id,
        name: graph.name,
        version: (latest?.version ?? 0) + 1,
        resourceName: item.resource.name,
        xml: item.text,
        checksum: item.checksum,
        deploymentKey,
        tenantId,
      };
      writer.addDecisionRequirements(record, graph);
      decisions = [...graph.decisions.values()].map((decision) => {
        const added: DecisionRecord = {
          key: keys.next(),
          decisionId: decision.id,
          name: decision.name,
          version: (state.latestDecision(decision.id)?.version ?? 0) + 1,
          versionTag: decision.versionTag,
          decisionRequirementsKey: record.key,
          decisionRequirementsId: record.decisionRequirementsId,
          deploymentKey,
          tenantId,
        };
        writer.addDecision(added);
        return added;
      });
    }
    result.decisionRequirements.push({
      decisionRequirementsId: record.decisionRequirementsId,
      name: record.name,
      version: record.version,
      decisionRequirementsKey: record.key,
      resourceName: record.resourceName,
      tenantId: record.tenantId,
    });
    for (const decision of decisions) {
      decisionKeys.set(decision.decisionId, decision.key);
      result.decisions.push({
        decisionId: decision.decisionId,
        name: decision.name,
        version: decision.version,
        decisionKey: decision.key,
        decisionRequirementsId: decision.decisionRequirementsId,
        decisionRequirementsKey: decision.decisionRequirementsKey,
        tenantId: decision.tenantId,
      });
    }
  }
  return decisionKeys;
}

/** [elementId, decisionId] of the business-rule tasks that call their decision with binding type 'deployment'. */
function boundDecisionIds(model: ProcessModel): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const element of model.elements.values()) {
    if (element.kind !== 'businessRuleTask' || !('calledDecision' in element)) continue;
    const called = element.calledDecision;
    if (called.bindingType === 'deployment') found.push([element.id, String(called.decisionId.staticValue)]);
  }
  return found;
}

/** The decisions a process binds to its deployment, with their keys in it, sorted by decisionId. */
export function deploymentBoundDecisions(
  model: ProcessModel,
  decisionKeys: Map<string, string>,
): BoundDecisions {
  const ids = [...new Set(boundDecisionIds(model).map(([, decisionId]) => decisionId))].sort();
  return ids.flatMap((decisionId) => {
    const decisionKey = decisionKeys.get(decisionId);
    return decisionKey ? [{ decisionId, decisionKey }] : [];
  });
}
