/**
 * Searches over deployed decisions, their requirements graphs and recorded decision instances. Definitions and
 * graphs live in memory; decision instances are history from the moment they are written, so their search merges
 * the ones still waiting for their history copy with the history collection (history-search.ts).
 */
import type { Db } from 'mongodb';
import {
  EngineError,
  type DecisionDefinition,
  type DecisionInstance,
  type DecisionInstanceFilter,
  type DecisionRequirements,
  type FilterProperty,
  type SearchQuery,
  type SearchResult,
} from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import { historyCollectionOf, type HistoryDocument } from '../../state/history/history-collections.js';
import type {
  DecisionInstanceRecord,
  DecisionRecord,
  DecisionRequirementsRecord,
} from '../../state/records.js';
import { isAdvancedFilter, propertyTest } from './filter-property.js';
import { historyFilter, mergedSearch, type MemoryCandidate } from './history-search.js';
import { searchItems } from './in-memory-search.js';

/** API filter field → history document field. */
const INSTANCE_FIELDS: Readonly<Record<string, string>> = {
  decisionEvaluationInstanceKey: '_id',
  decisionEvaluationKey: 'decisionEvaluationKey',
  state: 'state',
  evaluationFailure: 'evaluationFailure',
  evaluationDate: 'evaluationDate',
  decisionDefinitionKey: 'decisionDefinitionKey',
  decisionDefinitionId: 'decisionDefinitionId',
  decisionDefinitionName: 'decisionDefinitionName',
  decisionDefinitionVersion: 'decisionDefinitionVersion',
  decisionDefinitionType: 'decisionDefinitionType',
  processDefinitionKey: 'processDefinitionKey',
  processInstanceKey: 'processInstanceKey',
  elementInstanceKey: 'elementInstanceKey',
  tenantId: 'tenantId',
};
const INSTANCE_SORT = { ...INSTANCE_FIELDS, decisionEvaluationInstanceKey: 'k' };

export class DecisionQueries {
  constructor(
    private readonly state: EngineStateView,
    private readonly db: Db,
  ) {}

  definitions(query: SearchQuery<Partial<DecisionDefinition>>): SearchResult<DecisionDefinition> {
    const items = [...this.state.decisions.values()].map(toDefinition);
    return searchItems(items, query, undefined, (item) => item.decisionDefinitionKey);
  }

  definitionXml(decisionDefinitionKey: string): string {
    const decision = this.state.decisions.get(decisionDefinitionKey);
    const graph = decision
      ? this.state.decisionRequirements.get(decision.decisionRequirementsKey)
      : undefined;
    if (!graph)
      throw new EngineError('NOT_FOUND', `Decision definition with key '${decisionDefinitionKey}' not found`);
    return graph.xml;
  }

  requirements(query: SearchQuery<Partial<DecisionRequirements>>): SearchResult<DecisionRequirements> {
    const items = [...this.state.decisionRequirements.values()].map(toRequirements);
    return searchItems(items, query, undefined, (item) => item.decisionRequirementsKey);
  }

  requirementsXml(decisionRequirementsKey: string): string {
    const graph = this.state.decisionRequirements.get(decisionRequirementsKey);
    if (!graph)
      throw new EngineError(
        'NOT_FOUND',
        `Decision requirements with key '${decisionRequirementsKey}' not found`,
      );
    return graph.xml;
  }

  instances(query: SearchQuery<DecisionInstanceFilter>): Promise<SearchResult<DecisionInstance>> {
    const matches = instanceTest(query.filter ?? {});
    const memory: MemoryCandidate<DecisionInstance>[] = [];
    for (const pending of this.state.decisionInstances.pendingRetired()) {
      const item = toInstance(pending.record);
      if (matches(item)) memory.push({ item, pending });
    }
    return mergedSearch(
      this.db,
      memory,
      {
        collection: historyCollectionOf(this.state.decisionInstances.collection)!,
        filter: historyFilter(query.filter, INSTANCE_FIELDS),
        fields: INSTANCE_SORT,
        toItem: (document: HistoryDocument) => toInstance(JSON.parse(document.j) as DecisionInstanceRecord),
        matches,
      },
      query,
      'decisionEvaluationInstanceKey',
    );
  }
}

/** Every given field must hold: equality, or Camunda's operators on the fields that take them. */
function instanceTest(filter: DecisionInstanceFilter): (item: DecisionInstance) => boolean {
  const tests: ((item: DecisionInstance) => boolean)[] = [];
  for (const [name, expected] of Object.entries(filter) as [keyof DecisionInstance, unknown][]) {
    if (expected === undefined) continue;
    if (isAdvancedFilter(expected as FilterProperty<string | number>)) {
      const test = propertyTest(expected as FilterProperty<string | number>);
      tests.push((item) => test(item[name] as string | number | null));
    } else tests.push((item) => String(item[name]) === String(expected));
  }
  return (item) => tests.every((test) => test(item));
}

function toDefinition(record: DecisionRecord): DecisionDefinition {
  return {
    decisionDefinitionKey: record.key,
    decisionDefinitionId: record.decisionId,
    name: record.name,
    version: record.version,
    decisionRequirementsKey: record.decisionRequirementsKey,
    decisionRequirementsId: record.decisionRequirementsId,
    tenantId: record.tenantId,
  };
}

function toRequirements(record: DecisionRequirementsRecord): DecisionRequirements {
  return {
    decisionRequirementsKey: record.key,
    decisionRequirementsId: record.decisionRequirementsId,
    decisionRequirementsName: record.name,
    version: record.version,
    resourceName: record.resourceName,
    tenantId: record.tenantId,
  };
}

function toInstance(record: DecisionInstanceRecord): DecisionInstance {
  return {
    decisionEvaluationInstanceKey: record.key,
    decisionEvaluationKey: record.decisionEvaluationKey,
    state: record.state,
    evaluationDate: record.evaluationDate,
    evaluationFailure: record.evaluationFailure,
    decisionDefinitionKey: record.decisionDefinitionKey,
    decisionDefinitionId: record.decisionDefinitionId,
    decisionDefinitionName: record.decisionDefinitionName,
    decisionDefinitionVersion: record.decisionDefinitionVersion,
    decisionDefinitionType: record.decisionDefinitionType,
    result: record.result,
    evaluatedInputs: record.evaluatedInputs,
    matchedRules: record.matchedRules,
    processDefinitionKey: record.processDefinitionKey,
    processInstanceKey: record.processInstanceKey,
    elementInstanceKey: record.elementInstanceKey,
    tenantId: record.tenantId,
  };
}
