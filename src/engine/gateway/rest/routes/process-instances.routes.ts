import { Type } from '@sinclair/typebox';
import {
  EngineError,
  type CreateInstanceCommand,
  type ProcessInstance,
  type SearchQuery,
} from '../../../engine-api.js';
import { noContent, ok, route, type RestRoute } from '../rest-route.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import { searchProcessInstancesRefined } from '../process-instance-refinement.js';
import {
  advancedDateTimeFilter,
  advancedIntegerFilter,
  advancedKeyFilter,
  advancedStateFilter,
  advancedStringFilter,
  stringFilter,
} from '../search-query.js';
import { compact, isoDate } from '../wire-format.js';

const strict = { additionalProperties: false } as const;
const key = Type.String({ pattern: '^[0-9]{1,19}$' });
const variables = Type.Record(Type.String(), Type.Unknown());

const createBody = Type.Object(
  {
    processDefinitionId: Type.Optional(Type.String({ minLength: 1 })),
    processDefinitionKey: Type.Optional(key),
    processDefinitionVersion: Type.Optional(Type.Integer()),
    variables: Type.Optional(variables),
    tenantId: Type.Optional(Type.String()),
    operationReference: Type.Optional(Type.Integer()),
    startInstructions: Type.Optional(Type.Array(Type.Object({ elementId: Type.String() }, strict))),
    awaitCompletion: Type.Optional(Type.Boolean()),
    fetchVariables: Type.Optional(Type.Array(Type.String())),
    requestTimeout: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  strict,
);

const operationBody = Type.Object({ operationReference: Type.Optional(Type.Integer()) }, strict);

const filterFields = {
  processInstanceKey: Type.Optional(advancedKeyFilter),
  processDefinitionKey: Type.Optional(advancedKeyFilter),
  processDefinitionId: Type.Optional(advancedStringFilter),
  processDefinitionName: Type.Optional(stringFilter),
  processDefinitionVersion: Type.Optional(advancedIntegerFilter),
  processDefinitionVersionTag: Type.Optional(advancedStringFilter),
  state: Type.Optional(
    advancedStateFilter(
      Type.Union([Type.Literal('ACTIVE'), Type.Literal('COMPLETED'), Type.Literal('TERMINATED')]),
    ),
  ),
  startDate: Type.Optional(advancedDateTimeFilter),
  endDate: Type.Optional(advancedDateTimeFilter),
  // Camunda's VariableValueFilterProperty: the value is tested against the variable's JSON text.
  variables: Type.Optional(
    Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), value: advancedStringFilter }, strict), {
      maxItems: 20,
    }),
  ),
  parentProcessInstanceKey: Type.Optional(advancedKeyFilter),
  parentElementInstanceKey: Type.Optional(advancedKeyFilter),
  hasIncident: Type.Optional(Type.Boolean()),
  tenantId: Type.Optional(advancedStringFilter),
};

/** Camunda's ProcessInstanceFilter: the fields, and `$or`, groups of them of which one must hold as well. */
const filter = Type.Object(
  {
    ...filterFields,
    $or: Type.Optional(Type.Array(Type.Object(filterFields, strict), { minItems: 1, maxItems: 20 })),
  },
  strict,
);

const sortFields = [
  'processInstanceKey',
  'processDefinitionId',
  'processDefinitionName',
  'processDefinitionVersion',
  'processDefinitionVersionTag',
  'processDefinitionKey',
  'parentProcessInstanceKey',
  'parentElementInstanceKey',
  'startDate',
  'endDate',
  'state',
  'hasIncident',
  'tenantId',
];

/** Camunda 8.8's default wait for `awaitCompletion` when no requestTimeout is given. */
const defaultAwaitMs = 20_000;

function toResult(instance: ProcessInstance): object {
  return compact({
    ...instance,
    // The API requires a name; Camunda falls back to the id for unnamed processes.
    processDefinitionName: instance.processDefinitionName ?? instance.processDefinitionId,
    startDate: isoDate(instance.startDate),
    endDate: isoDate(instance.endDate),
  });
}

export const processInstanceRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/process-instances',
    body: createBody,
    handle: async ({ body, engine }) => {
      if (!body.processDefinitionId && !body.processDefinitionKey) {
        throw new EngineError(
          'INVALID_ARGUMENT',
          'Expected either processDefinitionId or processDefinitionKey',
        );
      }
      const command: CreateInstanceCommand = {
        bpmnProcessId: body.processDefinitionId,
        processDefinitionKey: body.processDefinitionKey,
        version: body.processDefinitionVersion ?? -1,
        variables: body.variables,
        startInstructions: body.startInstructions,
        tenantId: body.tenantId,
        ...(body.operationReference !== undefined
          ? { operationReference: String(body.operationReference) }
          : {}),
      };
      if (body.awaitCompletion) {
        const result = await engine.createInstanceWithResult(command, {
          requestTimeoutMs: body.requestTimeout || defaultAwaitMs,
          fetchVariables: body.fetchVariables,
        });
        return ok({ ...toCreated(result), variables: result.variables });
      }
      return ok({ ...toCreated(await engine.createInstance(command)), variables: {} });
    },
  }),
  ...searchAndGetRoutes({
    path: '/process-instances',
    keyName: 'processInstanceKey',
    label: 'Process instance',
    filter,
    sortFields,
    dateFields: ['startDate', 'endDate'],
    search: (engine, query: SearchQuery<Record<string, unknown>>) =>
      searchProcessInstancesRefined(engine, query),
    toResult,
  }),
  route({
    method: 'post',
    path: '/process-instances/:processInstanceKey/cancellation',
    body: operationBody,
    bodyOptional: true,
    handle: async ({ params, engine }) => {
      await engine.cancelInstance(params.processInstanceKey ?? '');
      return noContent;
    },
  }),
];

function toCreated(created: {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: string;
  tenantId: string;
}): object {
  return {
    processDefinitionId: created.bpmnProcessId,
    processDefinitionVersion: created.version,
    processDefinitionKey: created.processDefinitionKey,
    processInstanceKey: created.processInstanceKey,
    tenantId: created.tenantId,
  };
}
