// The workers' public entry: the composition root starts them through here.
export { WORKERS } from './registry.js';
export {
  startWorkers,
  type RunningWorkers,
  type WorkerLog,
  type WorkerRuntimeOptions,
} from './runtime/worker-runtime.js';
export { BusinessError, BadInputError } from './runtime/business-error.js';
export { defineWorker, type RegisteredWorker, type WorkerDeps } from './runtime/worker-definition.js';
export {
  startProcessAutomation,
  type ProcessAutomation,
  type ProcessAutomationOptions,
} from './process-automation.js';
