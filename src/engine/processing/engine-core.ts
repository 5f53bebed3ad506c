/**
 * Wires state, behaviours, processors and commands together and runs commands: each command mutates memory
 * synchronously (so commands never interleave), drains the dispatcher's queue, then waits for its batch to be
 * persisted before it is acknowledged and before workers are told about new jobs.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../engine-api.js';
import { EngineState } from '../state/engine-state.js';
import { KeyGenerator } from '../state/key-generator.js';
import { StateWriter } from '../state/state-writer.js';
import { PersistenceLog } from '../state/persistence/persistence-log.js';
import { Effects } from './behavior/effects.js';
import { EventTriggerBehavior } from './behavior/event-trigger.behavior.js';
import { FlowBehavior } from './behavior/flow.behavior.js';
import { IncidentBehavior } from './behavior/incident.behavior.js';
import { InstanceBehavior } from './behavior/instance.behavior.js';
import { JobBehavior } from './behavior/job.behavior.js';
import { SignalBehavior } from './behavior/signal.behavior.js';
import { SubscriptionBehavior } from './behavior/subscription.behavior.js';
import { UserTaskBehavior } from './behavior/user-task.behavior.js';
import { VariableBehavior } from './behavior/variable.behavior.js';
import { DeploymentCommands, type BpmnParser } from './commands/deployment.commands.js';
import { DueCommands } from './commands/due.commands.js';
import { InstanceCommands } from './commands/instance.commands.js';
import { JobCommands } from './commands/job.commands.js';
import { MessageCommands } from './commands/message.commands.js';
import { Queries } from './commands/queries.js';
import { UserTaskCommands } from './commands/user-task.commands.js';
import { defaultProcessors } from './default-processors.js';
import type { ProcessingContext } from './processing-context.js';
import { ProcessorRegistry } from './processor-registry.js';
import { RecordStream } from './record-stream.js';
import { Scheduler } from './scheduler.js';

export type EngineLogger = (
  level: 'debug' | 'info' | 'warn' | 'error',
  message: string,
  data?: unknown,
) => void;

export interface AfterCommit {
  (effects: ReturnType<Effects['drain']>): void;
}

export class EngineCore {
  readonly keys = new KeyGenerator();
  readonly log: PersistenceLog;
  readonly state: EngineState;
  readonly writer: StateWriter;
  readonly ctx: ProcessingContext;
  readonly scheduler: Scheduler;
  readonly records = new RecordStream();
  readonly deployments: DeploymentCommands;
  readonly instances: InstanceCommands;
  readonly jobCommands: JobCommands;
  readonly messages: MessageCommands;
  readonly userTaskCommands: UserTaskCommands;
  readonly queries: Queries;
  private readonly due: DueCommands;
  private afterCommit: AfterCommit = () => undefined;

  constructor(
    db: Db,
    readonly clock: Clock,
    parse: BpmnParser,
    private readonly logger: EngineLogger,
  ) {
    this.log = new PersistenceLog(db, 0, () => this.keys.current(), logger);
    this.state = new EngineState(this.log);
    this.writer = new StateWriter(this.state);
    const { writer } = this;
    const effects = new Effects();
    this.scheduler = new Scheduler(clock, () => void this.fireDue());
    const variables = new VariableBehavior(this.state, writer, this.keys, clock);
    const flow = new FlowBehavior(this.state);
    const triggers = new EventTriggerBehavior(this.state);
    const instances = new InstanceBehavior(this.state);
    const signals = new SignalBehavior(this.state);
    this.ctx = {
      state: this.state,
      writer,
      keys: this.keys,
      clock,
      records: this.records,
      scheduler: this.scheduler,
      effects,
      variables,
      incidents: new IncidentBehavior(this.state, writer, this.keys, clock),
      jobs: new JobBehavior(this.state, writer, this.keys, clock, variables, this.scheduler, effects),
      subscriptions: new SubscriptionBehavior(
        this.state,
        writer,
        this.keys,
        clock,
        variables,
        this.scheduler,
      ),
      flow,
      triggers,
      userTasks: new UserTaskBehavior(this.state, writer, clock, variables),
      instances,
      signals,
    };
    flow.bind(this.ctx, new ProcessorRegistry(defaultProcessors()));
    triggers.bind(this.ctx);
    instances.bind(this.ctx);
    signals.bind(this.ctx);
    this.deployments = new DeploymentCommands(this.ctx, parse);
    this.instances = new InstanceCommands(this.ctx);
    this.jobCommands = new JobCommands(this.ctx);
    this.messages = new MessageCommands(this.ctx);
    this.userTaskCommands = new UserTaskCommands(this.ctx);
    this.queries = new Queries(this.state, variables);
    this.due = new DueCommands(this.ctx, this.messages);
  }

  onAfterCommit(listener: AfterCommit): void {
    this.afterCommit = listener;
  }

  /** Runs one command: validate-and-mutate synchronously, drain the queue, persist, then acknowledge. */
  async run<T>(command: () => T): Promise<T> {
    let result: T;
    try {
      result = command();
      this.ctx.flow.run();
    } catch (error) {
      // Rejections (EngineError) are thrown before any mutation; anything else is a bug, logged loudly.
      if (!(error instanceof Error && error.name === 'EngineError')) {
        this.logger('error', 'engine command failed unexpectedly', {
          error: String((error as Error)?.stack ?? error),
        });
      }
      throw error;
    }
    const effects = this.ctx.effects.drain();
    await this.log.commit();
    this.afterCommit(effects);
    return result;
  }

  private firing = false;

  private async fireDue(): Promise<void> {
    if (this.firing) return;
    this.firing = true;
    try {
      const now = this.clock.now();
      const entries = this.scheduler.takeDue(now);
      if (entries.length > 0) await this.run(() => this.due.handle(entries, now));
    } catch (error) {
      this.logger('error', 'firing due timers failed', { error: String(error) });
    } finally {
      this.firing = false;
      this.scheduler.arm();
      if (this.scheduler.hasDue(this.clock.now())) void this.fireDue();
    }
  }
}
