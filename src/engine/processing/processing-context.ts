/**
 * What processors and behaviours share while one command is processed. Built once by the engine (constructor
 * injection); processors read state through it and change it only through the behaviours.
 */
import type { Clock } from '../engine-api.js';
import type { EngineStateView } from '../state/engine-state-view.js';
import type { StateWriter } from '../state/state-writer.js';
import type { KeyGenerator } from '../state/key-generator.js';
import type { VariableBehavior } from './behavior/variable.behavior.js';
import type { IncidentBehavior } from './behavior/incident.behavior.js';
import type { JobBehavior } from './behavior/job.behavior.js';
import type { SubscriptionBehavior } from './behavior/subscription.behavior.js';
import type { FlowBehavior } from './behavior/flow.behavior.js';
import type { EventTriggerBehavior } from './behavior/event-trigger.behavior.js';
import type { UserTaskBehavior } from './behavior/user-task.behavior.js';
import type { Effects } from './behavior/effects.js';
import type { InstanceBehavior } from './behavior/instance.behavior.js';
import type { SignalBehavior } from './behavior/signal.behavior.js';
import type { RecordStream } from './record-stream.js';
import type { Scheduler } from './scheduler.js';

export interface ProcessingContext {
  readonly state: EngineStateView;
  readonly writer: StateWriter;
  readonly keys: KeyGenerator;
  readonly clock: Clock;
  readonly records: RecordStream;
  readonly scheduler: Scheduler;
  readonly effects: Effects;
  readonly variables: VariableBehavior;
  readonly incidents: IncidentBehavior;
  readonly jobs: JobBehavior;
  readonly subscriptions: SubscriptionBehavior;
  readonly flow: FlowBehavior;
  readonly triggers: EventTriggerBehavior;
  readonly userTasks: UserTaskBehavior;
  readonly instances: InstanceBehavior;
  readonly signals: SignalBehavior;
}
