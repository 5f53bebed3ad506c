/**
 * Camunda's decision instances over REST v2: one per evaluated decision. The search answers the instances without
 * their inputs and matched rules (DecisionInstanceResult); the get by key answers them with (DecisionInstanceGetQueryResult).
 */
import { Type } from '@sinclair/typebox';
import type { DecisionInstance, DecisionInstanceFilter } from '../../../engine-api.js';
import { findOne } from '../find-one.js';
import { ok, route, type RestRoute } from '../rest-route.js';
import {
  advancedDateTimeFilter,
  advancedStringFilter,
  epochFilter,
  keyFilter,
  searchSchema,
  toSearchQuery,
  toSearchResponse,
} from '../search-query.js';
import { compact, isoDate } from '../wire-format.js';

const decisionType = Type.Union([Type.Literal('DECISION_TABLE'), Type.Literal('LITERAL_EXPRESSION')]);

const filter = Type.Object(
  {
    decisionEvaluationInstanceKey: Type.Optional(keyFilter),
    decisionEvaluationKey: Type.Optional(keyFilter),
    state: Type.Optional(Type.Union([Type.Literal('EVALUATED'), Type.Literal('FAILED')])),
    evaluationFailure: Type.Optional(Type.String()),
    evaluationDate: Type.Optional(advancedDateTimeFilter),
    decisionDefinitionId: Type.Optional(Type.String()),
    decisionDefinitionName: Type.Optional(Type.String()),
    decisionDefinitionVersion: Type.Optional(Type.Integer()),
    decisionDefinitionType: Type.Optional(decisionType),
    decisionDefinitionKey: Type.Optional(advancedStringFilter),
    processDefinitionKey: Type.Optional(keyFilter),
    processInstanceKey: Type.Optional(keyFilter),
    elementInstanceKey: Type.Optional(advancedStringFilter),
    tenantId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const sortFields = [
  'decisionDefinitionId',
  'decisionDefinitionKey',
  'decisionDefinitionName',
  'decisionDefinitionType',
  'decisionDefinitionVersion',
  'decisionEvaluationInstanceKey',
  'decisionEvaluationKey',
  'elementInstanceKey',
  'evaluationDate',
  'evaluationFailure',
  'processDefinitionKey',
  'processInstanceKey',
  'state',
  'tenantId',
];

function toResult(instance: DecisionInstance): object {
  const { evaluatedInputs: _inputs, matchedRules: _rules, ...rest } = instance;
  return compact({ ...rest, evaluationDate: isoDate(instance.evaluationDate) });
}

function toFullResult(instance: DecisionInstance): object {
  return {
    ...toResult(instance),
    evaluatedInputs: instance.evaluatedInputs,
    matchedRules: instance.matchedRules,
  };
}

export const decisionInstanceRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/decision-instances/search',
    body: searchSchema(filter, sortFields),
    bodyOptional: true,
    handle: async ({ body, engine }) => {
      const query = toSearchQuery<DecisionInstanceFilter>(body);
      const evaluationDate = body?.filter?.evaluationDate;
      if (evaluationDate !== undefined)
        query.filter = {
          ...query.filter,
          evaluationDate: epochFilter(evaluationDate) as DecisionInstanceFilter['evaluationDate'],
        };
      return ok(toSearchResponse(await engine.searchDecisionInstances(query), toResult));
    },
  }),
  route({
    method: 'get',
    path: '/decision-instances/:decisionEvaluationInstanceKey',
    handle: async ({ params, engine }) => {
      const key = params.decisionEvaluationInstanceKey ?? '';
      const search = engine.searchDecisionInstances({
        filter: { decisionEvaluationInstanceKey: key },
        page: { limit: 1 },
      });
      return ok(toFullResult(await findOne(search, 'Decision instance', key)));
    },
  }),
];
