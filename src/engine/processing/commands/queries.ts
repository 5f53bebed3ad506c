/** Read-side: maps live records (memory) and finished ones (history collections) to the API's search shapes. */
import {
  EngineError,
  type ElementInstance,
  type FilterProperty,
  type Form,
  type Incident,
  type ProcessDefinition,
  type ProcessInstance,
  type ProcessInstanceFilter,
  type ProcessInstanceVariableFilter,
  type SearchQuery,
  type SearchResult,
  type UserTask,
  type UserTaskFilter,
  type Variable,
} from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type {
  ElementInstanceRecord,
  ElementLifecycle,
  IncidentRecord,
  UserTaskRecord,
  VariableRecord,
} from '../../state/records.js';
import type { Db } from 'mongodb';
import {
  DATE_ORDER_FIELDS,
  PROCESS_INSTANCE_HISTORY,
  variableField,
  type HistoryDocument,
} from '../../state/history/history-collections.js';
import type { ReadonlyStore } from '../../state/store.js';
import {
  historyFilter,
  mergedSearch,
  mongoCondition,
  type HistorySide,
  type MemoryCandidate,
} from './history-search.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import { isAdvancedFilter, propertyTest } from './filter-property.js';
import { searchItems } from './in-memory-search.js';

const STATE_NAMES: Record<ElementLifecycle, 'ACTIVE' | 'COMPLETED' | 'TERMINATED'> = {
  ACTIVATING: 'ACTIVE',
  ACTIVATED: 'ACTIVE',
  COMPLETING: 'ACTIVE',
  TERMINATING: 'ACTIVE',
  COMPLETED: 'COMPLETED',
  TERMINATED: 'TERMINATED',
};

export class Queries {
  constructor(
    private readonly state: EngineStateView,
    private readonly variables: VariableBehavior,
    private readonly db: Db,
  ) {}

  processDefinitions(query: SearchQuery<Partial<ProcessDefinition>>): SearchResult<ProcessDefinition> {
    const items: ProcessDefinition[] = [];
    for (const record of this.state.definitions.all()) {
      if (record.deleted) continue;
      items.push({
        processDefinitionKey: record.key,
        processDefinitionId: record.bpmnProcessId,
        name: record.name,
        version: record.version,
        versionTag: record.versionTag,
        resourceName: record.resourceName,
        tenantId: record.tenantId,
      });
    }
    return searchItems(items, query, undefined, (item) => item.processDefinitionKey);
  }

  processDefinitionXml(key: string): string {
    const record = this.state.definitions.get(key);
    if (!record || record.deleted)
      throw new EngineError('NOT_FOUND', `Process definition with key '${key}' not found`);
    return record.xml;
  }

  processInstances(query: SearchQuery<ProcessInstanceFilter>): Promise<SearchResult<ProcessInstance>> {
    const { variables = [], ...filter } = query.filter ?? {};
    const matches = compileMatches<ProcessInstance>(filter);
    const ownVariables = this.ownVariablesTest(variables);
    const memory = this.memory(
      this.state.elements,
      (record) => (record.type === 'PROCESS' ? this.processInstance(record) : undefined),
      ofInstance(filter.processInstanceKey),
    ).filter((candidate) => matches(candidate.item) && ownVariables(candidate.item.processInstanceKey));
    let history = { ...historyFilter(filter, PROCESS_INSTANCE_FILTER), ...variableConditions(variables) };
    // Names and version tags belong to definitions: the history is asked for the instances of those that match.
    const definitionKeys = (
      test: (definition: { name: string | null; versionTag: string | null }) => boolean,
    ) =>
      [...this.state.definitions.all()]
        .filter((definition) =>
          test({
            name: this.state.models.get(definition.key)?.name ?? null,
            versionTag: definition.versionTag,
          }),
        )
        .map((definition) => definition.key);
    const byDefinition: string[][] = [];
    if (filter.processDefinitionName !== undefined)
      byDefinition.push(definitionKeys((definition) => definition.name === filter.processDefinitionName));
    if (filter.processDefinitionVersionTag !== undefined)
      byDefinition.push(
        definitionKeys((definition) => definition.versionTag === filter.processDefinitionVersionTag),
      );
    if (byDefinition.length > 0) {
      const [first = [], ...rest] = byDefinition;
      const keys = first.filter((key) => rest.every((each) => each.includes(key)));
      history = { ...history, processDefinitionKey: { $in: keys } };
    }
    const none = filter.state === 'ACTIVE' || String(filter.hasIncident) === 'true';
    return this.merged(memory, query, 'processInstanceKey', matches, {
      collection: HISTORY.processInstances,
      filter: none ? null : history,
      fields: PROCESS_INSTANCE_SORT,
      toItem: (document) => this.processInstance(parse<ElementInstanceRecord>(document)),
      matchesDocument: (document) =>
        variables.every((variable) => {
          const text = document[variableField(variable.name) ?? ''];
          return typeof text === 'string' && propertyTest(variable.value)(text);
        }),
    });
  }

  /**
   * Whether a live instance (or one waiting for its history copy) has own variables that pass the filters: read from
   * the scope's index, not by a search of all variables.
   */
  private ownVariablesTest(filters: ProcessInstanceVariableFilter[]): (instanceKey: string) => boolean {
    if (filters.length === 0) return () => true;
    const tests = filters.map((each) => ({ name: each.name, test: propertyTest(each.value) }));
    let waiting: Map<string, VariableRecord> | undefined;
    const valueOf = (instanceKey: string, name: string): VariableRecord | undefined => {
      const key = this.state.scopeVariables.get(instanceKey)?.get(name);
      const live = key === undefined ? undefined : this.state.variables.get(key);
      if (live) return live;
      // A finished instance's variables leave the scope index with it, and wait for their copy as it does.
      if (!waiting) {
        waiting = new Map();
        for (const pending of this.state.variables.pendingRetired())
          if (pending.record.scopeKey === pending.record.processInstanceKey)
            waiting.set(`${pending.record.scopeKey}\u0000${pending.record.name}`, pending.record);
      }
      return waiting.get(`${instanceKey}\u0000${name}`);
    };
    return (instanceKey) =>
      tests.every(({ name, test }) => {
        const record = valueOf(instanceKey, name);
        return record !== undefined && test(JSON.stringify(record.value ?? null));
      });
  }

  private processInstance(record: ElementInstanceRecord): ProcessInstance {
    return {
      processInstanceKey: record.key,
      processDefinitionKey: record.processDefinitionKey,
      processDefinitionId: record.bpmnProcessId,
      processDefinitionName: this.state.models.get(record.processDefinitionKey)?.name ?? null,
      processDefinitionVersion: record.version,
      processDefinitionVersionTag:
        this.state.definitions.get(record.processDefinitionKey)?.versionTag ?? null,
      state: STATE_NAMES[record.state],
      startDate: record.startDate,
      endDate: record.endDate,
      parentProcessInstanceKey: record.parentProcessInstanceKey ?? null,
      parentElementInstanceKey: record.parentElementInstanceKey ?? null,
      hasIncident: this.state.instanceIncidents.get(record.key).size > 0,
      tenantId: record.tenantId,
    };
  }

  elementInstances(query: SearchQuery<Partial<ElementInstance>>): Promise<SearchResult<ElementInstance>> {
    const filter: Partial<ElementInstance> = query.filter ?? {};
    // A process instance is not one of its element instances, also when read back from the history by key.
    const test = compileMatches<ElementInstance>(filter);
    const matches = (item: ElementInstance) => item.type !== 'PROCESS' && test(item);
    const memory = this.memory(
      this.state.elements,
      (record) => (record.type === 'PROCESS' ? undefined : this.elementInstance(record)),
      ofInstance(filter.processInstanceKey),
    ).filter((candidate) => matches(candidate.item));
    const history = historyFilter(filter, ELEMENT_INSTANCE_FILTER);
    const none =
      filter.state === 'ACTIVE' ||
      String(filter.hasIncident) === 'true' ||
      filter.incidentKey !== undefined ||
      filter.elementName !== undefined;
    return this.merged(memory, query, 'elementInstanceKey', matches, {
      collection: HISTORY.elements,
      filter: none ? null : history,
      fields: ELEMENT_INSTANCE_SORT,
      toItem: (document) => this.elementInstance(parse<ElementInstanceRecord>(document)),
    });
  }

  private elementInstance(record: ElementInstanceRecord): ElementInstance {
    const model = this.state.models.get(record.processDefinitionKey);
    return {
      elementInstanceKey: record.key,
      processInstanceKey: record.processInstanceKey,
      processDefinitionKey: record.processDefinitionKey,
      processDefinitionId: record.bpmnProcessId,
      elementId: record.elementId,
      elementName: model?.elements.get(record.elementId)?.name ?? null,
      type: record.type,
      state: STATE_NAMES[record.state],
      startDate: record.startDate,
      endDate: record.endDate,
      hasIncident: record.incidentKey !== null,
      incidentKey: record.incidentKey,
      tenantId: record.tenantId,
      flowScopeKey: record.flowScopeKey,
    };
  }

  incidents(query: SearchQuery<Partial<Incident>>): Promise<SearchResult<Incident>> {
    const filter: Partial<Incident> = query.filter ?? {};
    const matches = compileMatches<Incident>(filter);
    const memory = this.memory(
      this.state.incidents,
      toIncident,
      ofInstance(filter.processInstanceKey),
    ).filter((candidate) => matches(candidate.item));
    return this.merged(memory, query, 'incidentKey', matches, {
      collection: HISTORY.incidents,
      filter: filter.state === 'ACTIVE' ? null : historyFilter(filter, INCIDENT_FILTER),
      fields: INCIDENT_SORT,
      toItem: (document) => toIncident(parse<IncidentRecord>(document)),
    });
  }

  variablesSearch(query: SearchQuery<Partial<Variable>>): Promise<SearchResult<Variable>> {
    const filter: Partial<Variable> = query.filter ?? {};
    const matches = compileMatches<Variable>(filter);
    const memory = this.memory(this.state.variables, toVariable, variablePrefilter(filter)).filter(
      (candidate) => matches(candidate.item),
    );
    return this.merged(memory, query, 'variableKey', matches, {
      collection: HISTORY.variables,
      filter: historyFilter(filter, VARIABLE_FILTER),
      fields: VARIABLE_SORT,
      toItem: (document) => toVariable(parse<VariableRecord>(document)),
    });
  }

  async userTasks(query: SearchQuery<UserTaskFilter>): Promise<SearchResult<UserTask>> {
    const test = userTaskTest(query.filter);
    // A task asked for by its key is looked up, not searched for among all tasks.
    const key = query.filter?.userTaskKey;
    if (key !== undefined) {
      const task = await this.findUserTask(key);
      const items = task && test(task) ? [task] : [];
      const page = searchItems(items, { ...query, filter: undefined });
      return { total: items.length, items: page.items.map(toUserTask) };
    }
    const open = this.openTaskCandidates(query.filter);
    if (open) {
      const result = searchItems<UserTaskRecord, UserTaskFilter>(open, query, test, (task) => task.key);
      return { total: result.total, items: result.items.map(toUserTask) };
    }
    const memory = this.memory(
      this.state.userTasks,
      toUserTask,
      ofInstance(query.filter?.processInstanceKey),
    ).filter((candidate) => test(fromUserTask(candidate.item)));
    const filter = query.filter ?? {};
    const none = isOpenOnly(filter.state);
    return this.merged(memory, query, 'userTaskKey', (item) => test(fromUserTask(item)), {
      collection: HISTORY.userTasks,
      filter: none ? null : historyFilter(filter, USER_TASK_FILTER),
      fields: USER_TASK_SORT,
      toItem: (document) => toUserTask(parse<UserTaskRecord>(document)),
    });
  }

  /** A user task by key, live or finished (a finished one from its history collection). */
  private async findUserTask(key: string): Promise<UserTaskRecord | undefined> {
    const found = this.state.userTasks.find(key);
    if (found) return found;
    const document = await this.db
      .collection<HistoryDocument>(HISTORY.userTasks)
      .findOne({ _id: key }, { projection: { j: 1 } });
    return document ? parse<UserTaskRecord>(document) : undefined;
  }

  /**
   * For a search of open tasks by candidate group or assignee (what every inbox asks), the tasks from the open-task
   * indexes instead of a scan of all tasks; for other searches of open tasks, the live ones. The full filter is
   * applied to them all the same. Undefined when the search is not only of open tasks. In key order, which is
   * creation order, as a scan would give them.
   */
  private openTaskCandidates(filter: UserTaskFilter | undefined): UserTaskRecord[] | undefined {
    if (!filter || !isOpenOnly(filter.state)) return undefined;
    const byGroup = indexedValues(filter.candidateGroup);
    const byAssignee = indexedValues(filter.assignee);
    const sets: ReadonlySet<string>[] = [];
    if (byGroup && (!byAssignee || byGroup.length <= byAssignee.length))
      for (const group of byGroup) sets.push(this.state.openUserTasksByGroup.get(group));
    else if (byAssignee)
      for (const user of byAssignee) sets.push(this.state.openUserTasksByAssignee.get(user));
    // Open tasks are live records; finished ones are in the history, which such a search can skip.
    else return [...this.state.userTasks.values()];
    // Re-indexing on every change moves a key to the end of its set: sorted back into creation order.
    const keys = [...new Set(sets.flatMap((set) => [...set]))].sort(byKeyOrder);
    return keys.flatMap((each) => {
      const found = this.state.userTasks.get(each);
      return found ? [found] : [];
    });
  }

  async userTaskVariables(
    userTaskKey: string,
    query: SearchQuery<{ name?: FilterProperty<string> }> & { perScope?: boolean },
  ): Promise<SearchResult<Variable>> {
    const task = await this.findUserTask(userTaskKey);
    if (!task) throw new EngineError('NOT_FOUND', `User task with key '${userTaskKey}' not found`);
    const live = this.state.userTasks.get(userTaskKey) !== undefined;
    // Names are filtered before values are serialised: a task's scope may hold large lists it was not asked for.
    const nameFilter = query.filter?.name;
    const named = nameFilter === undefined ? () => true : propertyTest(nameFilter);
    const { perScope, ...search } = query;
    if (perScope) {
      // As Camunda 8.8: an entry per scope that holds a name, the task's own scope first.
      const entries = live
        ? this.variables.visibleByScope(task.elementInstanceKey).map(toVariable)
        : await this.finishedTaskEntries(task);
      return searchItems(
        entries.filter((entry) => named(entry.name)),
        { ...search, filter: undefined },
      );
    }
    const visible = live
      ? this.variables.visible(task.elementInstanceKey)
      : await this.finishedTaskVariables(task);
    const wanted = Object.entries(visible).filter(([name]) => named(name));
    const items: Variable[] = wanted.map(([name, value]) => ({
      variableKey: `${task.elementInstanceKey}-${name}`,
      name,
      value: JSON.stringify(value ?? null),
      processInstanceKey: task.processInstanceKey,
      scopeKey: task.elementInstanceKey,
      tenantId: task.tenantId,
    }));
    return searchItems(items, { ...search, filter: undefined });
  }

  /** A finished task's entries, its own scope's then its process instance's (the scopes between are not read). */
  private async finishedTaskEntries(task: UserTaskRecord): Promise<Variable[]> {
    const found = await this.variablesSearch({
      filter: { processInstanceKey: task.processInstanceKey },
      page: { limit: 10_000 },
    });
    return [task.elementInstanceKey, task.processInstanceKey].flatMap((scope) =>
      found.items.filter((item) => item.scopeKey === scope),
    );
  }

  /**
   * A finished task's variables as they were left: its own scope over its process instance's (live variables of a
   * still-running instance win over finished ones). Scopes between the two (embedded subprocesses) are not read.
   */
  private async finishedTaskVariables(task: UserTaskRecord): Promise<Record<string, unknown>> {
    const scopes = [task.processInstanceKey, task.elementInstanceKey];
    const found = await this.variablesSearch({
      filter: { processInstanceKey: task.processInstanceKey },
      page: { limit: 10_000 },
    });
    const result: Record<string, unknown> = {};
    for (const scope of scopes)
      for (const item of found.items)
        if (item.scopeKey === scope) result[item.name] = JSON.parse(item.value) as unknown;
    return result;
  }

  /**
   * The live records (and those waiting for their history copy) as API items. `keep` drops records before they are
   * mapped: mapping serialises values and looks up definitions, which for every live record of 10,000 running
   * instances costs far more than the search (an instance page asks for its own records seven times).
   */
  private memory<R extends { key: string }, T>(
    store: ReadonlyStore<R>,
    map: (record: R) => T | undefined,
    keep: (record: R) => boolean = () => true,
  ): MemoryCandidate<T>[] {
    const result: MemoryCandidate<T>[] = [];
    for (const record of store.values()) {
      if (!keep(record)) continue;
      const item = map(record);
      if (item) result.push({ item });
    }
    for (const pending of store.pendingRetired()) {
      if (!keep(pending.record)) continue;
      const item = map(pending.record);
      if (item) result.push({ item, pending });
    }
    return result;
  }

  private merged<T extends object>(
    memory: MemoryCandidate<T>[],
    query: SearchQuery<unknown>,
    keyField: keyof T & string,
    matches: (item: T) => boolean,
    history: Omit<HistorySide<T>, 'matches'>,
  ): Promise<SearchResult<T>> {
    return mergedSearch(this.db, memory, { ...history, matches }, query, keyField);
  }

  form(formKey: string): Form {
    const record = this.state.forms.get(formKey);
    if (!record) throw new EngineError('NOT_FOUND', `Form with key '${formKey}' not found`);
    return {
      formKey: record.key,
      formId: record.formId,
      version: record.version,
      schema: record.schema,
      tenantId: record.tenantId,
    };
  }
}

const HISTORY = {
  processInstances: PROCESS_INSTANCE_HISTORY,
  elements: 'engine_history_element_instances',
  variables: 'engine_history_variables',
  incidents: 'engine_history_incidents',
  userTasks: 'engine_history_user_tasks',
} as const;

/** API filter field → history document field (see history-collections.ts); the key is the document's `_id`. */
const PROCESS_INSTANCE_FILTER = {
  processInstanceKey: '_id',
  processDefinitionKey: 'processDefinitionKey',
  processDefinitionId: 'bpmnProcessId',
  processDefinitionVersion: 'version',
  state: 'state',
  parentProcessInstanceKey: 'parentProcessInstanceKey',
  parentElementInstanceKey: 'parentElementInstanceKey',
  tenantId: 'tenantId',
};
const PROCESS_INSTANCE_SORT = {
  ...PROCESS_INSTANCE_FILTER,
  processInstanceKey: 'k',
  ...DATE_ORDER_FIELDS,
};
const ELEMENT_INSTANCE_FILTER = {
  elementInstanceKey: '_id',
  processInstanceKey: 'processInstanceKey',
  processDefinitionKey: 'processDefinitionKey',
  processDefinitionId: 'bpmnProcessId',
  elementId: 'elementId',
  type: 'type',
  state: 'state',
  tenantId: 'tenantId',
  flowScopeKey: 'flowScopeKey',
};
const ELEMENT_INSTANCE_SORT = {
  ...ELEMENT_INSTANCE_FILTER,
  elementInstanceKey: 'k',
  startDate: 'startDate',
  endDate: 'endDate',
};
const INCIDENT_FILTER = {
  incidentKey: '_id',
  processInstanceKey: 'processInstanceKey',
  processDefinitionKey: 'processDefinitionKey',
  processDefinitionId: 'bpmnProcessId',
  elementInstanceKey: 'elementInstanceKey',
  elementId: 'elementId',
  errorType: 'errorType',
  errorMessage: 'errorMessage',
  state: 'state',
  jobKey: 'jobKey',
  tenantId: 'tenantId',
};
const INCIDENT_SORT = { ...INCIDENT_FILTER, incidentKey: 'k', creationTime: 'creationTime' };
const VARIABLE_FILTER = {
  variableKey: '_id',
  name: 'name',
  value: 'value',
  scopeKey: 'scopeKey',
  processInstanceKey: 'processInstanceKey',
  tenantId: 'tenantId',
};
const VARIABLE_SORT = { ...VARIABLE_FILTER, variableKey: 'k' };
const USER_TASK_FILTER = {
  userTaskKey: '_id',
  state: 'state',
  assignee: 'assignee',
  candidateGroup: 'candidateGroups',
  candidateUser: 'candidateUsers',
  priority: 'priority',
  creationDate: 'creationDate',
  completionDate: 'completionDate',
  dueDate: 'dueDate',
  followUpDate: 'followUpDate',
  tenantId: 'tenantId',
  name: 'name',
  processDefinitionKey: 'processDefinitionKey',
  processDefinitionId: 'processDefinitionId',
  processInstanceKey: 'processInstanceKey',
  elementInstanceKey: 'elementInstanceKey',
  elementId: 'elementId',
};
const USER_TASK_SORT = { ...USER_TASK_FILTER, userTaskKey: 'k' };

function parse<R>(document: HistoryDocument | { j: string }): R {
  return JSON.parse(document.j) as R;
}

/**
 * A search's filter compiled once into a test of an item: each given field by equality, or by Camunda's operators
 * (`$in`, `$like`, …) when its value is an operator object — the engine's own callers (the REST refinement) pass
 * those; the API's plain filters are equalities.
 */
function compileMatches<T extends object>(filter: object): (item: T) => boolean {
  const tests: ((item: T) => boolean)[] = [];
  for (const [name, expected] of Object.entries(filter)) {
    if (expected === undefined) continue;
    if (isAdvancedFilter(expected as FilterProperty<string>)) {
      const test = propertyTest(expected as FilterProperty<string>);
      tests.push((item) => test((item as Record<string, unknown>)[name] as string));
    } else tests.push((item) => String((item as Record<string, unknown>)[name]) === String(expected));
  }
  return (item) => tests.every((test) => test(item));
}

function toIncident(record: IncidentRecord): Incident {
  return {
    incidentKey: record.key,
    processDefinitionKey: record.processDefinitionKey,
    processDefinitionId: record.bpmnProcessId,
    processInstanceKey: record.processInstanceKey,
    elementInstanceKey: record.elementInstanceKey,
    elementId: record.elementId,
    errorType: record.errorType,
    errorMessage: record.errorMessage,
    jobKey: record.jobKey,
    state: record.state,
    creationTime: record.creationTime,
    tenantId: record.tenantId,
  };
}

function toVariable(record: VariableRecord): Variable {
  return {
    variableKey: record.key,
    name: record.name,
    value: JSON.stringify(record.value ?? null),
    processInstanceKey: record.processInstanceKey,
    scopeKey: record.scopeKey,
    tenantId: record.tenantId,
  };
}

function fromUserTask(task: UserTask): UserTaskRecord {
  const { userTaskKey, ...rest } = task;
  return { key: userTaskKey, ...rest };
}

/** The user-task filter compiled once per search: only the fields given are tested. */
function userTaskTest(filter: UserTaskFilter | undefined): (task: UserTaskRecord) => boolean {
  if (!filter) return () => true;
  const fields: {
    [K in keyof UserTaskFilter]-?: (task: UserTaskRecord) => string | number | null | readonly string[];
  } = {
    state: (task) => task.state,
    assignee: (task) => task.assignee,
    candidateGroup: (task) => task.candidateGroups,
    candidateUser: (task) => task.candidateUsers,
    priority: (task) => task.priority,
    creationDate: (task) => task.creationDate,
    completionDate: (task) => task.completionDate,
    dueDate: (task) => task.dueDate,
    followUpDate: (task) => task.followUpDate,
    tenantId: (task) => task.tenantId,
    name: (task) => task.name,
    processDefinitionKey: (task) => task.processDefinitionKey,
    processDefinitionId: (task) => task.processDefinitionId,
    processInstanceKey: (task) => task.processInstanceKey,
    elementInstanceKey: (task) => task.elementInstanceKey,
    elementId: (task) => task.elementId,
    userTaskKey: (task) => task.key,
  };
  const tests: ((task: UserTaskRecord) => boolean)[] = [];
  for (const name of Object.keys(fields) as (keyof UserTaskFilter)[]) {
    const given = filter[name];
    if (given === undefined) continue;
    const read = fields[name];
    const test = propertyTest<string | number>(given as FilterProperty<string | number>);
    tests.push((task) => test(read(task)));
  }
  return (task) => tests.every((test) => test(task));
}

function toUserTask(record: UserTaskRecord): UserTask {
  const { key, ...rest } = record;
  return {
    userTaskKey: key,
    ...rest,
    candidateGroups: [...rest.candidateGroups],
    candidateUsers: [...rest.candidateUsers],
  };
}

/** Camunda 8.8's states of a task still to be done; only CREATED lasts here. */
const OPEN_STATES: ReadonlySet<string> = new Set(['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING']);

/** Only open tasks are asked for: `"CREATED"`, `{ $eq: "CREATED" }`, or `$in` of open states with CREATED. */
function isOpenOnly(state: UserTaskFilter['state']): boolean {
  if (state === 'CREATED') return true;
  if (typeof state !== 'object') return false;
  if (state.$eq === 'CREATED') return true;
  const listed = state.$in;
  return listed !== undefined && listed.includes('CREATED') && listed.every((each) => OPEN_STATES.has(each));
}

/** The values an equality or `$in` filter allows, or undefined for any other filter. */
function indexedValues(filter: FilterProperty<string> | undefined): string[] | undefined {
  if (typeof filter === 'string') return [filter];
  if (!filter || typeof filter !== 'object') return undefined;
  if (filter.$eq !== undefined) return [filter.$eq];
  return filter.$in ? [...filter.$in] : undefined;
}

/** Keys are increasing decimal strings: shorter is older. */
function byKeyOrder(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A record-level test for a filter's plain `processInstanceKey` (the API item's field of the same name and value);
 * every record when the filter has none or an operator (left to the item's test).
 */
function ofInstance(
  key: FilterProperty<string> | undefined,
): (record: { processInstanceKey: string }) => boolean {
  if (typeof key !== 'string') return () => true;
  return (record) => record.processInstanceKey === key;
}

/** As `ofInstance`, and a variable's plain `name` and `scopeKey` too. */
function variablePrefilter(filter: Partial<Variable>): (record: VariableRecord) => boolean {
  const instance = ofInstance(filter.processInstanceKey);
  const name = filter.name;
  const scope = filter.scopeKey;
  return (record) =>
    instance(record) &&
    (typeof name !== 'string' || record.name === name) &&
    (typeof scope !== 'string' || record.scopeKey === scope);
}

/**
 * The history conditions of a process-instance search's `variables`: each on the instance's copy of its variable.
 * Negative operators also match a missing field in MongoDB, where the API wants the variable to exist.
 */
function variableConditions(filters: ProcessInstanceVariableFilter[]): Record<string, unknown> {
  const conditions: Record<string, unknown>[] = [];
  for (const { name, value } of filters) {
    const field = variableField(name);
    if (!field) throw new EngineError('INVALID_ARGUMENT', `Variable name '${name}' cannot be searched by`);
    const condition = mongoCondition(value);
    const negative =
      isAdvancedFilter(value) &&
      (value.$neq !== undefined || value.$notIn !== undefined || value.$exists !== undefined);
    conditions.push({
      [field]: negative ? { $exists: true, $type: 'string', ...(condition as object) } : condition,
    });
  }
  const fields = conditions.map((condition) => Object.keys(condition)[0]);
  // The same variable twice: both conditions must hold, which one object cannot say.
  if (new Set(fields).size < fields.length) return { $and: conditions };
  return Object.assign({}, ...conditions) as Record<string, unknown>;
}
