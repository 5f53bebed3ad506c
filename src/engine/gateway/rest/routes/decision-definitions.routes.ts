/** Camunda's decision definitions over REST v2: search, get, the DMN XML, and evaluation. */
import { Type } from '@sinclair/typebox';
import {
  EngineError,
  type DecisionDefinition,
  type DecisionEvaluationResult,
  type SearchQuery,
} from '../../../engine-api.js';
import { ok, route, type RestRoute } from '../rest-route.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import { keyFilter, stringFilter } from '../search-query.js';

const filter = Type.Object(
  {
    decisionDefinitionKey: Type.Optional(keyFilter),
    decisionDefinitionId: Type.Optional(stringFilter),
    name: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    decisionRequirementsId: Type.Optional(Type.String()),
    decisionRequirementsKey: Type.Optional(keyFilter),
    tenantId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const sortFields = [
  'decisionDefinitionKey',
  'decisionDefinitionId',
  'name',
  'version',
  'decisionRequirementsId',
  'decisionRequirementsKey',
  'tenantId',
];

const evaluation = Type.Object(
  {
    decisionDefinitionId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    decisionDefinitionKey: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
    variables: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    tenantId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

function toEvaluationResult(result: DecisionEvaluationResult): object {
  return {
    decisionDefinitionId: result.decisionId,
    decisionDefinitionName: result.decisionName,
    decisionDefinitionVersion: result.decisionVersion,
    decisionRequirementsId: result.decisionRequirementsId,
    output: result.output,
    // Camunda answers an empty id and message when nothing failed (a failure is answered as an error here).
    failedDecisionDefinitionId: '',
    failureMessage: '',
    tenantId: result.tenantId,
    decisionDefinitionKey: result.decisionKey,
    decisionRequirementsKey: result.decisionRequirementsKey,
    decisionInstanceKey: result.decisionEvaluationKey,
    decisionEvaluationKey: result.decisionEvaluationKey,
    evaluatedDecisions: result.evaluatedDecisions.map((decision) => ({
      decisionDefinitionId: decision.decisionId,
      decisionDefinitionName: decision.decisionName,
      decisionDefinitionVersion: decision.decisionVersion,
      decisionDefinitionType: decision.decisionType,
      output: decision.output,
      tenantId: decision.tenantId,
      matchedRules: decision.matchedRules,
      evaluatedInputs: decision.evaluatedInputs,
      decisionDefinitionKey: decision.decisionKey,
      decisionEvaluationInstanceKey: decision.decisionInstanceKey,
    })),
  };
}

export const decisionDefinitionRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/decision-definitions/evaluation',
    body: evaluation,
    handle: async ({ body, engine }) => {
      const byId = body.decisionDefinitionId !== undefined;
      if (byId === (body.decisionDefinitionKey !== undefined))
        throw new EngineError(
          'INVALID_ARGUMENT',
          'Expected exactly one of decisionDefinitionId and decisionDefinitionKey',
        );
      const result = await engine.evaluateDecision({
        ...(byId ? { decisionId: body.decisionDefinitionId } : { decisionKey: body.decisionDefinitionKey }),
        variables: body.variables,
        tenantId: body.tenantId,
      });
      return ok(toEvaluationResult(result));
    },
  }),
  ...searchAndGetRoutes({
    path: '/decision-definitions',
    keyName: 'decisionDefinitionKey',
    label: 'Decision definition',
    filter,
    sortFields,
    search: (engine, query: SearchQuery<Partial<DecisionDefinition>>) =>
      engine.searchDecisionDefinitions(query),
    toResult: (definition: DecisionDefinition) => ({ ...definition }),
  }),
  route({
    method: 'get',
    path: '/decision-definitions/:decisionDefinitionKey/xml',
    handle: async ({ params, engine }) => ({
      status: 200,
      contentType: 'text/xml',
      body: await engine.getDecisionDefinitionXml(params.decisionDefinitionKey ?? ''),
    }),
  }),
];
