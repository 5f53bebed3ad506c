/** The processor of every element kind the engine executes, each built with the behaviours it uses. */
import type { EngineStateView } from '../state/engine-state-view.js';
import type { StateWriter } from '../state/state-writer.js';
import type { EngineBehaviors } from './engine-behaviors.js';
import type { ProcessorMap } from './processor-registry.js';
import { PassThroughProcessor } from './task/pass-through.processor.js';
import { JobWorkerProcessor } from './task/job-worker.processor.js';
import { ScriptTaskProcessor } from './task/script-task.processor.js';
import { BusinessRuleTaskProcessor } from './task/business-rule-task.processor.js';
import { UserTaskProcessor } from './task/user-task.processor.js';
import { ReceiveTaskProcessor } from './task/receive-task.processor.js';
import { FlowSelection } from './gateway/flow-selection.js';
import { ExclusiveGatewayProcessor } from './gateway/exclusive-gateway.processor.js';
import { InclusiveGatewayProcessor } from './gateway/inclusive-gateway.processor.js';
import { EventBasedGatewayProcessor } from './gateway/event-based-gateway.processor.js';
import { ThrowEventBehavior } from './event/throw-event.behavior.js';
import { EndEventProcessor } from './event/end-event.processor.js';
import { IntermediateCatchEventProcessor } from './event/intermediate-catch-event.processor.js';
import { IntermediateThrowEventProcessor } from './event/intermediate-throw-event.processor.js';
import { ScopeCompletion } from './container/scope-completion.js';
import { ProcessProcessor } from './container/process.processor.js';
import { SubProcessProcessor } from './container/sub-process.processor.js';
import { EventSubProcessProcessor } from './container/event-sub-process.processor.js';
import { CallActivityProcessor } from './container/call-activity.processor.js';
import { MultiInstanceBodyProcessor } from './container/multi-instance-body.processor.js';

export function defaultProcessors(
  state: EngineStateView,
  writer: StateWriter,
  b: EngineBehaviors,
): ProcessorMap {
  const passThrough = new PassThroughProcessor(b.flow);
  const jobWorker = new JobWorkerProcessor(b.jobs);
  const selection = new FlowSelection(b.variables, b.flow);
  const throws = new ThrowEventBehavior(b.flow, b.variables, b.signals, b.catches, b.jobs);
  const scopes = new ScopeCompletion(b.lookup, b.flow);
  return {
    startEvent: passThrough,
    boundaryEvent: passThrough,
    endEvent: new EndEventProcessor(throws, b.lookup, writer, b.termination),
    intermediateCatchEvent: new IntermediateCatchEventProcessor(b.triggers, b.flow, b.subscriptions),
    intermediateThrowEvent: new IntermediateThrowEventProcessor(throws, b.lookup, b.flow),
    serviceTask: jobWorker,
    sendTask: jobWorker,
    businessRuleTask: new BusinessRuleTaskProcessor(b.variables, b.flow, b.jobs, b.decisions),
    scriptTask: new ScriptTaskProcessor(b.variables, b.flow, b.jobs),
    userTask: new UserTaskProcessor(b.userTasks),
    receiveTask: new ReceiveTaskProcessor(b.triggers, b.flow, b.subscriptions),
    manualTask: passThrough,
    task: passThrough,
    exclusiveGateway: new ExclusiveGatewayProcessor(selection, b.flow),
    parallelGateway: passThrough,
    inclusiveGateway: new InclusiveGatewayProcessor(selection, b.flow),
    eventBasedGateway: new EventBasedGatewayProcessor(b.lookup, b.subscriptions),
    subProcess: new SubProcessProcessor(b.lookup, b.flow, scopes),
    eventSubProcess: new EventSubProcessProcessor(b.lookup, b.flow, scopes),
    callActivity: new CallActivityProcessor(state, writer, b.variables, b.instances, b.termination),
    process: new ProcessProcessor(b.instances, b.flow, scopes),
    multiInstanceBody: new MultiInstanceBodyProcessor(
      b.lookup,
      writer,
      b.variables,
      b.flow,
      b.termination,
      b.incidents,
    ),
  };
}
