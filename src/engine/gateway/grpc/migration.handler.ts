import { EngineError } from '../../engine-api.js';
import type { MigrateProcessInstanceRequest } from './grpc-messages.js';
import { optionalKey, unary } from './grpc-handler.js';

/** Zeebe's MigrateProcessInstance: the plan's target definition and mapping instructions, as they are. */
export const migrateProcessInstanceHandler = unary<MigrateProcessInstanceRequest, object>(
  async (request, { engine }) => {
    const plan = request.migrationPlan;
    const targetProcessDefinitionKey = optionalKey(plan?.targetProcessDefinitionKey);
    if (!plan || !targetProcessDefinitionKey)
      throw new EngineError(
        'INVALID_ARGUMENT',
        "Expected argument 'migrationPlan' with a 'targetProcessDefinitionKey', but none given",
      );
    await engine.migrateInstance({
      processInstanceKey: request.processInstanceKey,
      targetProcessDefinitionKey,
      mappingInstructions: plan.mappingInstructions.map(({ sourceElementId, targetElementId }) => ({
        sourceElementId,
        targetElementId,
      })),
    });
    return {};
  },
);
