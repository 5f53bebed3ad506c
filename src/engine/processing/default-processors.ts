/** The processor of every element kind the engine executes. */
import type { ProcessorMap } from './processor-registry.js';
import { passThroughProcessor } from './task/pass-through.processor.js';
import { jobWorkerProcessor } from './task/job-worker.processor.js';
import { scriptTaskProcessor } from './task/script-task.processor.js';
import { userTaskProcessor } from './task/user-task.processor.js';
import { receiveTaskProcessor } from './task/receive-task.processor.js';
import { exclusiveGatewayProcessor } from './gateway/exclusive-gateway.processor.js';
import { inclusiveGatewayProcessor } from './gateway/inclusive-gateway.processor.js';
import { eventBasedGatewayProcessor } from './gateway/event-based-gateway.processor.js';
import { endEventProcessor } from './event/end-event.processor.js';
import { intermediateCatchEventProcessor } from './event/intermediate-catch-event.processor.js';
import { intermediateThrowEventProcessor } from './event/intermediate-throw-event.processor.js';
import { processProcessor } from './container/process.processor.js';
import { subProcessProcessor } from './container/sub-process.processor.js';
import { eventSubProcessProcessor } from './container/event-sub-process.processor.js';
import { callActivityProcessor } from './container/call-activity.processor.js';
import { multiInstanceBodyProcessor } from './container/multi-instance-body.processor.js';

export function defaultProcessors(): ProcessorMap {
  return {
    startEvent: passThroughProcessor,
    boundaryEvent: passThroughProcessor,
    endEvent: endEventProcessor,
    intermediateCatchEvent: intermediateCatchEventProcessor,
    intermediateThrowEvent: intermediateThrowEventProcessor,
    serviceTask: jobWorkerProcessor,
    sendTask: jobWorkerProcessor,
    businessRuleTask: jobWorkerProcessor,
    scriptTask: scriptTaskProcessor,
    userTask: userTaskProcessor,
    receiveTask: receiveTaskProcessor,
    manualTask: passThroughProcessor,
    task: passThroughProcessor,
    exclusiveGateway: exclusiveGatewayProcessor,
    parallelGateway: passThroughProcessor,
    inclusiveGateway: inclusiveGatewayProcessor,
    eventBasedGateway: eventBasedGatewayProcessor,
    subProcess: subProcessProcessor,
    eventSubProcess: eventSubProcessProcessor,
    callActivity: callActivityProcessor,
    process: processProcessor,
    multiInstanceBody: multiInstanceBodyProcessor,
  };
}
