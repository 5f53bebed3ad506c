import { Type } from '@sinclair/typebox';
import { noContent, route, type RestRoute } from '../rest-route.js';

/**
 * Camunda 8.8's `PUT /v2/element-instances/{elementInstanceKey}/variables`: sets variables in an element instance's
 * scope (`local: true`) or propagates each to the scope that holds it (`local: false`, the default), as the gRPC
 * SetVariables does. The cockpit corrects an instance's data with it before retrying an incident.
 */
export const elementInstanceVariableRoutes: RestRoute[] = [
  route({
    method: 'put',
    path: '/element-instances/:elementInstanceKey/variables',
    body: Type.Object(
      {
        variables: Type.Record(Type.String(), Type.Unknown()),
        local: Type.Optional(Type.Boolean()),
        operationReference: Type.Optional(Type.Integer()),
      },
      { additionalProperties: false },
    ),
    handle: async ({ params, body, engine }) => {
      await engine.setVariables({
        elementInstanceKey: params.elementInstanceKey ?? '',
        variables: body.variables,
        local: body.local ?? false,
      });
      return noContent;
    },
  }),
];
