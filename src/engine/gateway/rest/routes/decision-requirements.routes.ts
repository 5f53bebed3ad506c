/** Camunda's decision requirements (deployed DMN resources) over REST v2: search, get and the DMN XML. */
import { Type } from '@sinclair/typebox';
import type { DecisionRequirements, SearchQuery } from '../../../engine-api.js';
import { route, type RestRoute } from '../rest-route.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import { keyFilter } from '../search-query.js';

const filter = Type.Object(
  {
    decisionRequirementsKey: Type.Optional(keyFilter),
    decisionRequirementsId: Type.Optional(Type.String()),
    decisionRequirementsName: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    resourceName: Type.Optional(Type.String()),
    tenantId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const sortFields = [
  'decisionRequirementsKey',
  'decisionRequirementsName',
  'version',
  'decisionRequirementsId',
  'tenantId',
];

export const decisionRequirementsRoutes: RestRoute[] = [
  ...searchAndGetRoutes({
    path: '/decision-requirements',
    keyName: 'decisionRequirementsKey',
    label: 'Decision requirements',
    filter,
    sortFields,
    search: (engine, query: SearchQuery<Partial<DecisionRequirements>>) =>
      engine.searchDecisionRequirements(query),
    toResult: (requirements: DecisionRequirements) => ({ ...requirements }),
  }),
  route({
    method: 'get',
    path: '/decision-requirements/:decisionRequirementsKey/xml',
    handle: async ({ params, engine }) => ({
      status: 200,
      contentType: 'text/xml',
      body: await engine.getDecisionRequirementsXml(params.decisionRequirementsKey ?? ''),
    }),
  }),
];
