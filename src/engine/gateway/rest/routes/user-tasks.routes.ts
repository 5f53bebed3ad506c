import { Type } from '@sinclair/typebox';
import { EngineError, type EngineApi, type UserTask, type UserTaskFilter } from '../../../engine-api.js';
import { noContent, ok, route, type RestRoute } from '../rest-route.js';
import {
  advancedDateTimeFilter,
  advancedIntegerFilter,
  advancedStateFilter,
  advancedStringFilter,
  epochFilter,
  keyFilter,
  searchSchema,
  toSearchQuery,
  toSearchResponse,
  pageOf,
} from '../search-query.js';
import { compact, epochFromIso, isoDate } from '../wire-format.js';
import { toFormResult } from './forms.routes.js';
import { toVariableResult, truncateValuesOf, variableSortFields } from './variables.routes.js';

const strict = { additionalProperties: false } as const;
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const dateOrClear = nullable(Type.Union([Type.String({ format: 'date-time' }), Type.Literal('')]));

const dateFields = ['creationDate', 'completionDate', 'dueDate', 'followUpDate'] as const;

const filter = Type.Object(
  {
    state: Type.Optional(
      advancedStateFilter(
        // Camunda 8.8's UserTaskStateEnum; the transient states never last here, but a filter may name them.
        Type.Union(
          [
            'CREATING',
            'CREATED',
            'ASSIGNING',
            'UPDATING',
            'COMPLETING',
            'COMPLETED',
            'CANCELING',
            'CANCELED',
            'FAILED',
          ].map((state) => Type.Literal(state)),
        ),
      ),
    ),
    assignee: Type.Optional(advancedStringFilter),
    priority: Type.Optional(advancedIntegerFilter),
    elementId: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    candidateGroup: Type.Optional(advancedStringFilter),
    candidateUser: Type.Optional(advancedStringFilter),
    tenantId: Type.Optional(advancedStringFilter),
    processDefinitionId: Type.Optional(Type.String()),
    creationDate: Type.Optional(advancedDateTimeFilter),
    completionDate: Type.Optional(advancedDateTimeFilter),
    followUpDate: Type.Optional(advancedDateTimeFilter),
    dueDate: Type.Optional(advancedDateTimeFilter),
    userTaskKey: Type.Optional(keyFilter),
    processDefinitionKey: Type.Optional(keyFilter),
    processInstanceKey: Type.Optional(keyFilter),
    elementInstanceKey: Type.Optional(keyFilter),
  },
  strict,
);

/** The request's filter as the engine's: operators kept, keys' `{ $eq }` unwrapped, dates as epoch ms. */
function toUserTaskFilter(body: { filter?: Record<string, unknown> } | undefined): UserTaskFilter {
  const given = body?.filter ?? {};
  const unwrapped = toSearchQuery<Record<string, unknown>>({
    filter: Object.fromEntries(
      ['userTaskKey', 'processDefinitionKey', 'processInstanceKey', 'elementInstanceKey']
        .filter((name) => given[name] !== undefined)
        .map((name) => [name, given[name]]),
    ),
  }).filter;
  const converted: Record<string, unknown> = { ...given, ...unwrapped };
  for (const name of dateFields)
    if (given[name] !== undefined)
      converted[name] = epochFilter(given[name] as string | Record<string, unknown>);
  return converted as UserTaskFilter;
}

const sortFields = ['creationDate', 'completionDate', 'followUpDate', 'dueDate', 'priority', 'name'];

const assignmentBody = Type.Object(
  {
    assignee: Type.String({ minLength: 1 }),
    allowOverride: Type.Optional(nullable(Type.Boolean())),
    action: Type.Optional(nullable(Type.String())),
  },
  strict,
);

const updateBody = Type.Object(
  {
    changeset: Type.Optional(
      nullable(
        Type.Object(
          {
            dueDate: Type.Optional(dateOrClear),
            followUpDate: Type.Optional(dateOrClear),
            candidateUsers: Type.Optional(nullable(Type.Array(Type.String()))),
            candidateGroups: Type.Optional(nullable(Type.Array(Type.String()))),
            priority: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
          },
          strict,
        ),
      ),
    ),
    action: Type.Optional(nullable(Type.String())),
  },
  strict,
);

const completionBody = Type.Object(
  {
    variables: Type.Optional(nullable(Type.Record(Type.String(), Type.Unknown()))),
    action: Type.Optional(nullable(Type.String())),
  },
  strict,
);

const variableFilter = Type.Object({ name: Type.Optional(advancedStringFilter) }, strict);

export function toUserTaskResult(task: UserTask): object {
  return compact({
    ...task,
    creationDate: isoDate(task.creationDate),
    completionDate: isoDate(task.completionDate),
    dueDate: isoDate(task.dueDate),
    followUpDate: isoDate(task.followUpDate),
  });
}

async function getUserTask(engine: EngineApi, userTaskKey: string): Promise<UserTask> {
  const found = await engine.searchUserTasks({ filter: { userTaskKey }, page: { limit: 1 } });
  const task = found.items[0];
  if (!task) throw new EngineError('NOT_FOUND', `User task with key '${userTaskKey}' not found`);
  return task;
}

export const userTaskRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/user-tasks/search',
    body: searchSchema(filter, sortFields),
    bodyOptional: true,
    handle: async ({ body, engine }) =>
      ok(
        toSearchResponse(
          await engine.searchUserTasks({
            ...toSearchQuery<UserTaskFilter>(body),
            filter: toUserTaskFilter(body),
          }),
          toUserTaskResult,
          pageOf(body?.page),
        ),
      ),
  }),
  route({
    method: 'get',
    path: '/user-tasks/:userTaskKey',
    handle: async ({ params, engine }) =>
      ok(toUserTaskResult(await getUserTask(engine, params.userTaskKey ?? ''))),
  }),
  route({
    method: 'post',
    path: '/user-tasks/:userTaskKey/assignment',
    body: assignmentBody,
    handle: async ({ params, body, engine }) => {
      // Camunda's default: an assignment replaces the current assignee unless allowOverride is false.
      await engine.assignUserTask(params.userTaskKey ?? '', body.assignee, {
        allowOverride: body.allowOverride ?? true,
      });
      return noContent;
    },
  }),
  route({
    method: 'delete',
    path: '/user-tasks/:userTaskKey/assignee',
    handle: async ({ params, engine }) => {
      await engine.unassignUserTask(params.userTaskKey ?? '');
      return noContent;
    },
  }),
  route({
    method: 'patch',
    path: '/user-tasks/:userTaskKey',
    body: updateBody,
    bodyOptional: true,
    handle: async ({ params, body, engine }) => {
      const changes = body.changeset ?? {};
      await engine.updateUserTask({
        userTaskKey: params.userTaskKey ?? '',
        dueDate: epochFromIso(changes.dueDate),
        followUpDate: epochFromIso(changes.followUpDate),
        candidateGroups: changes.candidateGroups ?? undefined,
        candidateUsers: changes.candidateUsers ?? undefined,
        priority: changes.priority ?? undefined,
      });
      return noContent;
    },
  }),
  route({
    method: 'post',
    path: '/user-tasks/:userTaskKey/completion',
    body: completionBody,
    bodyOptional: true,
    handle: async ({ params, body, engine }) => {
      await engine.completeUserTask(params.userTaskKey ?? '', body.variables ?? undefined);
      return noContent;
    },
  }),
  route({
    method: 'get',
    path: '/user-tasks/:userTaskKey/form',
    handle: async ({ params, engine }) => {
      const task = await getUserTask(engine, params.userTaskKey ?? '');
      // No linked form: Camunda answers 204.
      if (!task.formKey) return noContent;
      return ok(toFormResult(await engine.getForm(task.formKey)));
    },
  }),
  route({
    method: 'post',
    path: '/user-tasks/:userTaskKey/variables/search',
    body: searchSchema(variableFilter, variableSortFields),
    bodyOptional: true,
    handle: async ({ params, query, body, engine }) =>
      ok(
        toSearchResponse(
          await engine.searchUserTaskVariables(params.userTaskKey ?? '', {
            ...toSearchQuery<object>(body),
            ...truncateValuesOf(query),
            filter: { name: body?.filter?.name },
          }),
          toVariableResult,
          pageOf(body?.page),
        ),
      ),
  }),
];
