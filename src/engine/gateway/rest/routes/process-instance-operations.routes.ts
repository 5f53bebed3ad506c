/**
 * Camunda 8.8's operations on a running process instance that change its shape: migration to another process
 * definition (`POST /v2/process-instances/{key}/migration`) and modification (`.../modification`), as the gRPC
 * MigrateProcessInstance and ModifyProcessInstance do.
 */
import { Type } from '@sinclair/typebox';
import { noContent, route, type RestRoute } from '../rest-route.js';

const strict = { additionalProperties: false } as const;
const key = Type.String({ pattern: '^[0-9]{1,19}$' });
const elementId = Type.String({ minLength: 1 });

const migrationBody = Type.Object(
  {
    targetProcessDefinitionKey: key,
    mappingInstructions: Type.Array(
      Type.Object({ sourceElementId: elementId, targetElementId: elementId }, strict),
    ),
    operationReference: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  strict,
);

const modificationBody = Type.Object(
  {
    activateInstructions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            elementId,
            // Camunda's "-1": in an existing instance of the element's flow scope.
            ancestorElementInstanceKey: Type.Optional(Type.Union([key, Type.Literal('-1')])),
            variableInstructions: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    variables: Type.Record(Type.String(), Type.Unknown()),
                    scopeId: Type.Optional(Type.String()),
                  },
                  strict,
                ),
              ),
            ),
          },
          strict,
        ),
      ),
    ),
    terminateInstructions: Type.Optional(Type.Array(Type.Object({ elementInstanceKey: key }, strict))),
    operationReference: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  strict,
);

export const processInstanceOperationRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/process-instances/:processInstanceKey/migration',
    body: migrationBody,
    handle: async ({ params, body, engine }) => {
      await engine.migrateInstance({
        processInstanceKey: params.processInstanceKey ?? '',
        targetProcessDefinitionKey: body.targetProcessDefinitionKey,
        mappingInstructions: body.mappingInstructions,
      });
      return noContent;
    },
  }),
  route({
    method: 'post',
    path: '/process-instances/:processInstanceKey/modification',
    body: modificationBody,
    handle: async ({ params, body, engine }) => {
      await engine.modifyInstance({
        processInstanceKey: params.processInstanceKey ?? '',
        activateInstructions: body.activateInstructions?.map((instruction) => ({
          elementId: instruction.elementId,
          ...(instruction.ancestorElementInstanceKey && instruction.ancestorElementInstanceKey !== '-1'
            ? { ancestorElementInstanceKey: instruction.ancestorElementInstanceKey }
            : {}),
          variableInstructions: (instruction.variableInstructions ?? []).map((each) => ({
            variables: each.variables,
            ...(each.scopeId ? { scopeId: each.scopeId } : {}),
          })),
        })),
        terminateInstructions: body.terminateInstructions ?? [],
      });
      return noContent;
    },
  }),
];
