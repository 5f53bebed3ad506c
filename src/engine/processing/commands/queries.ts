/** Read-side: maps live and recent records to the API's search shapes. */
import {
  EngineError,
  type ElementInstance,
  type FilterProperty,
  type Form,
  type Incident,
  type ProcessDefinition,
  type ProcessInstance,
  type SearchQuery,
  type SearchResult,
  type UserTask,
  type UserTaskFilter,
  type Variable,
} from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { ElementInstanceRecord, ElementLifecycle, UserTaskRecord } from '../../state/records.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import { propertyTest } from './filter-property.js';
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

  processInstances(query: SearchQuery<Partial<ProcessInstance>>): SearchResult<ProcessInstance> {
    const items: ProcessInstance[] = [];
    for (const record of this.state.elements.all()) {
      if (record.type !== 'PROCESS') continue;
      items.push({
        processInstanceKey: record.key,
        processDefinitionKey: record.processDefinitionKey,
        processDefinitionId: record.bpmnProcessId,
        processDefinitionName: this.state.models.get(record.processDefinitionKey)?.name ?? null,
        processDefinitionVersion: record.version,
        state: STATE_NAMES[record.state],
        startDate: record.startDate,
        endDate: record.endDate,
        parentProcessInstanceKey: record.parentProcessInstanceKey ?? null,
        parentElementInstanceKey: record.parentElementInstanceKey ?? null,
        hasIncident: this.state.instanceIncidents.get(record.key).size > 0,
        tenantId: record.tenantId,
      });
    }
    return searchItems(items, query, undefined, (item) => item.processInstanceKey);
  }

  elementInstances(query: SearchQuery<Partial<ElementInstance>>): SearchResult<ElementInstance> {
    const items: ElementInstance[] = [];
    for (const record of this.state.elements.all()) {
      if (record.type === 'PROCESS') continue;
      items.push(this.elementInstance(record));
    }
    return searchItems(items, query, undefined, (item) => item.elementInstanceKey);
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
    };
  }

  incidents(query: SearchQuery<Partial<Incident>>): SearchResult<Incident> {
    const items: Incident[] = [];
    for (const record of this.state.incidents.all()) {
      items.push({
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
      });
    }
    return searchItems(items, query, undefined, (item) => item.incidentKey);
  }

  variablesSearch(query: SearchQuery<Partial<Variable>>): SearchResult<Variable> {
    const items: Variable[] = [];
    for (const record of this.state.variables.all()) {
      items.push({
        variableKey: record.key,
        name: record.name,
        value: JSON.stringify(record.value ?? null),
        processInstanceKey: record.processInstanceKey,
        scopeKey: record.scopeKey,
        tenantId: record.tenantId,
      });
    }
    return searchItems(items, query, undefined, (item) => item.variableKey);
  }

  userTasks(query: SearchQuery<UserTaskFilter>): SearchResult<UserTask> {
    // A task asked for by its key is looked up, not searched for among all tasks.
    const key = query.filter?.userTaskKey;
    const task = key === undefined ? undefined : this.state.userTasks.find(key);
    const candidates =
      key === undefined
        ? (this.openTaskCandidates(query.filter) ?? this.state.userTasks.all())
        : task
          ? [task]
          : [];
    const test = userTaskTest(query.filter);
    const result = searchItems<UserTaskRecord, UserTaskFilter>(
      candidates,
      query,
      (task) => test(task),
      (task) => task.key,
    );
    return { total: result.total, items: result.items.map(toUserTask) };
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
    // Open tasks are live records; finished ones are retired to the history, which such a search can skip.
    else return [...this.state.userTasks.values()];
    // Re-indexing on every change moves a key to the end of its set: sorted back into creation order.
    const keys = [...new Set(sets.flatMap((set) => [...set]))].sort(byKeyOrder);
    return keys.flatMap((each) => {
      const found = this.state.userTasks.get(each);
      return found ? [found] : [];
    });
  }

  userTaskVariables(
    userTaskKey: string,
    query: SearchQuery<{ name?: FilterProperty<string> }>,
  ): SearchResult<Variable> {
    const task = this.state.userTasks.find(userTaskKey);
    if (!task) throw new EngineError('NOT_FOUND', `User task with key '${userTaskKey}' not found`);
    const visible = this.variables.visible(task.elementInstanceKey);
    // Names are filtered before values are serialised: a task's scope may hold large lists it was not asked for.
    const nameFilter = query.filter?.name;
    const named = nameFilter === undefined ? () => true : propertyTest(nameFilter);
    const wanted = Object.entries(visible).filter(([name]) => named(name));
    const items: Variable[] = wanted.map(([name, value]) => ({
      variableKey: `${task.elementInstanceKey}-${name}`,
      name,
      value: JSON.stringify(value ?? null),
      processInstanceKey: task.processInstanceKey,
      scopeKey: task.elementInstanceKey,
      tenantId: task.tenantId,
    }));
    return searchItems(items, { ...query, filter: undefined });
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
