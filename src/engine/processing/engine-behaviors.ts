/**
 * Builds the shared behaviours, one class per concern, each from only what it needs. The composition root
 * (EngineCore) passes them on to the processors, lifecycle steps and commands that use them.
 */
import type { Clock } from '../engine-api.js';
import type { EngineStateView } from '../state/engine-state-view.js';
import type { KeyGenerator } from '../state/key-generator.js';
import type { StateWriter } from '../state/state-writer.js';
import { BufferedMessageBehavior } from './behavior/buffered-message.behavior.js';
import { CatchBehavior } from './behavior/catch.behavior.js';
import { CompletionBehavior } from './behavior/completion.behavior.js';
import { DecisionBehavior } from './behavior/decision.behavior.js';
import type { Effects } from './behavior/effects.js';
import { ElementLookup } from './behavior/element-lookup.js';
import { EventTriggerBehavior } from './behavior/event-trigger.behavior.js';
import { FlowBehavior } from './behavior/flow.behavior.js';
import { IncidentBehavior } from './behavior/incident.behavior.js';
import { ProcessInstanceEndBehavior } from './behavior/instance-end.behavior.js';
import { InstanceBehavior } from './behavior/instance.behavior.js';
import { JobActivationBehavior } from './behavior/job-activation.behavior.js';
import { JobRetryBehavior } from './behavior/job-retry.behavior.js';
import { JobBehavior } from './behavior/job.behavior.js';
import { JoinBehavior } from './behavior/join.behavior.js';
import { SignalBehavior } from './behavior/signal.behavior.js';
import { SubscriptionBehavior } from './behavior/subscription.behavior.js';
import { TerminationBehavior } from './behavior/termination.behavior.js';
import { TransitionBehavior } from './behavior/transition.behavior.js';
import { UserTaskBehavior } from './behavior/user-task.behavior.js';
import { VariableBehavior } from './behavior/variable.behavior.js';
import type { ProcessorLookup } from './processor-registry.js';
import type { RecordStream } from './record-stream.js';
import type { Scheduler } from './scheduler.js';

export interface EngineBehaviors {
  readonly lookup: ElementLookup;
  readonly variables: VariableBehavior;
  readonly incidents: IncidentBehavior;
  readonly jobs: JobBehavior;
  readonly jobActivation: JobActivationBehavior;
  readonly jobRetries: JobRetryBehavior;
  readonly subscriptions: SubscriptionBehavior;
  readonly userTasks: UserTaskBehavior;
  readonly flow: FlowBehavior;
  readonly completion: CompletionBehavior;
  readonly transitions: TransitionBehavior;
  readonly termination: TerminationBehavior;
  readonly catches: CatchBehavior;
  readonly triggers: EventTriggerBehavior;
  readonly bufferedMessages: BufferedMessageBehavior;
  readonly instances: InstanceBehavior;
  readonly signals: SignalBehavior;
  readonly joins: JoinBehavior;
  readonly decisions: DecisionBehavior;
}

export interface BehaviorInputs {
  state: EngineStateView;
  writer: StateWriter;
  keys: KeyGenerator;
  clock: Clock;
  records: RecordStream;
  scheduler: Scheduler;
  effects: Effects;
  processors: ProcessorLookup;
}

export function createBehaviors(inputs: BehaviorInputs): EngineBehaviors {
  const { state, writer, keys, clock, records, scheduler, effects, processors } = inputs;
  const lookup = new ElementLookup(state);
  const variables = new VariableBehavior(state, writer, keys, clock);
  const incidents = new IncidentBehavior(state, writer, keys, clock);
  const jobs = new JobBehavior(state, writer, keys, variables, effects);
  const jobActivation = new JobActivationBehavior(state, writer, clock, variables, scheduler);
  const jobRetries = new JobRetryBehavior(state, writer, clock, scheduler, jobs);
  const subscriptions = new SubscriptionBehavior(state, writer, keys, clock, variables, scheduler);
  const userTasks = new UserTaskBehavior(state, writer, clock, variables);
  const flow = new FlowBehavior(writer, keys, clock, variables);
  const completion = new CompletionBehavior(lookup, variables, flow);
  const instanceEnd = new ProcessInstanceEndBehavior(lookup, variables, flow, effects);
  const transitions = new TransitionBehavior(writer, records, clock, instanceEnd);
  const termination = new TerminationBehavior(lookup, transitions, processors, subscriptions, incidents);
  const catches = new CatchBehavior(lookup, writer, flow, termination, subscriptions);
  const triggers = new EventTriggerBehavior(lookup, flow, termination, subscriptions, variables, catches);
  const bufferedMessages = new BufferedMessageBehavior(
    state,
    writer,
    clock,
    scheduler,
    subscriptions,
    triggers,
  );
  const instances = new InstanceBehavior(writer, keys, clock, variables, transitions, flow);
  const signals = new SignalBehavior(state, clock, triggers, instances);
  const joins = new JoinBehavior(state, writer);
  const decisions = new DecisionBehavior(state, writer, keys, clock);
  return {
    lookup,
    variables,
    incidents,
    jobs,
    jobActivation,
    jobRetries,
    subscriptions,
    userTasks,
    flow,
    completion,
    transitions,
    termination,
    catches,
    triggers,
    bufferedMessages,
    instances,
    signals,
    joins,
    decisions,
  };
}
