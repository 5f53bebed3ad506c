/**
 * Wires state, behaviours, processors and commands together and runs commands: each command mutates memory
 * synchronously (so commands never interleave), drains the dispatcher's queue, then waits for its batch to be
 * persisted before it is acknowledged and before workers are told about new jobs.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../engine-api.js';
import type { ProcessModel } from '../model/process-model.js';
import type { EngineStateView } from '../state/engine-state-view.js';
import { EngineState } from '../state/engine-state.js';
import { KeyGenerator } from '../state/key-generator.js';
import { StateWriter } from '../state/state-writer.js';
import { PersistenceLog } from '../state/persistence/persistence-log.js';
import { loadState } from '../state/persistence/recovery.js';
import type { DecisionRequirementsModel } from '../dmn/decision-model.js';
import type { DecisionRequirementsRecord, DefinitionRecord } from '../state/records.js';
import { Effects } from './behavior/effects.js';
import type { JobActivationBehavior } from './behavior/job-activation.behavior.js';
import type { SignalBehavior } from './behavior/signal.behavior.js';
import { DeploymentCommands, type BpmnParser } from './commands/deployment.commands.js';
import { DecisionCommands } from './commands/decision.commands.js';
import { DecisionQueries } from './commands/decision-queries.js';
import { DueCommands } from './commands/due.commands.js';
import { IncidentCommands } from './commands/incident.commands.js';
import { JobErrorCommands } from './commands/job-error.commands.js';
import { InstanceCommands } from './commands/instance.commands.js';
import { JobCommands } from './commands/job.commands.js';
import { JobUpdateCommands } from './commands/job-update.commands.js';
import { MessageCommands } from './commands/message.commands.js';
import { ModifyInstanceCommands } from './commands/modify-instance.commands.js';
import { MigrateInstanceCommands } from './commands/migrate-instance.commands.js';
import { Queries } from './commands/queries.js';
import { TimerCommands } from './commands/timer.commands.js';
import { UserTaskCommands } from './commands/user-task.commands.js';
import { defaultProcessors } from './default-processors.js';
import { createBehaviors } from './engine-behaviors.js';
import { ElementDispatcher } from './lifecycle/element-dispatcher.js';
import { ElementSteps } from './lifecycle/element-steps.js';
import { ScopeSteps } from './lifecycle/scope-steps.js';
import { ProcessorRegistry } from './processor-registry.js';
import { RecordStream } from './record-stream.js';
import { Scheduler } from './scheduler.js';
import { OperationReferences } from './operation-references.js';
import { EngineError } from '../engine-api.js';

/** How the engine core reports what it does; the gateways adapt their own logger to it. */
export type EngineCoreLogger = (
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
  /** What the facade and restore read; all changes go through the writer. */
  readonly state: EngineStateView;
  private readonly engineState: EngineState;
  private readonly writer: StateWriter;
  readonly scheduler: Scheduler;
  readonly records = new RecordStream();
  readonly jobActivation: JobActivationBehavior;
  readonly signals: SignalBehavior;
  readonly deployments: DeploymentCommands;
  readonly instances: InstanceCommands;
  readonly modifications: ModifyInstanceCommands;
  readonly migrations: MigrateInstanceCommands;
  readonly incidents: IncidentCommands;
  readonly jobCommands: JobCommands;
  readonly jobErrors: JobErrorCommands;
  readonly jobUpdates: JobUpdateCommands;
  readonly messages: MessageCommands;
  readonly userTaskCommands: UserTaskCommands;
  readonly queries: Queries;
  readonly decisions: DecisionCommands;
  readonly decisionQueries: DecisionQueries;
  private readonly effects = new Effects();
  private readonly dispatcher: ElementDispatcher;
  private readonly due: DueCommands;
  private afterCommit: AfterCommit = () => undefined;
  /** Idempotency keys of process-instance creation (operationReference). */
  readonly operationReferences: OperationReferences;
  /**
   * How long a command waits for its batch to be durable before it is answered DEADLINE_EXCEEDED (the outcome is
   * then unknown to the client: the batch is still retried and takes effect once the database is back).
   */
  ackTimeoutMs = 1_500;

  constructor(
    db: Db,
    readonly clock: Clock,
    parse: BpmnParser,
    private readonly logger: EngineCoreLogger,
  ) {
    const { keys, records } = this;
    this.log = new PersistenceLog(db, 0, () => keys.current(), logger);
    this.operationReferences = new OperationReferences(this.log, () => clock.now());
    const state = (this.state = this.engineState = new EngineState(this.log));
    const writer = (this.writer = new StateWriter(state));
    const scheduler = (this.scheduler = new Scheduler(clock, () => void this.fireDue()));
    const processors = new ProcessorRegistry();
    const b = createBehaviors({
      state,
      writer,
      keys,
      clock,
      records,
      scheduler,
      effects: this.effects,
      processors,
    });
    processors.register(defaultProcessors(state, writer, b));
    const { lookup, flow, transitions, variables, subscriptions, incidents, jobs, triggers, instances } = b;
    this.dispatcher = new ElementDispatcher(
      flow,
      new ElementSteps(lookup, flow, transitions, processors, variables, subscriptions),
      new ScopeSteps(lookup, flow, transitions, b.joins, processors),
      b.bufferedMessages,
      incidents,
    );
    this.jobActivation = b.jobActivation;
    this.signals = b.signals;
    this.deployments = new DeploymentCommands(state, writer, keys, subscriptions, parse);
    this.instances = new InstanceCommands(state, instances, b.termination, variables);
    this.modifications = new ModifyInstanceCommands(state, lookup, flow, b.termination, variables);
    this.migrations = new MigrateInstanceCommands(state, writer, subscriptions, transitions);
    this.incidents = new IncidentCommands(state, incidents, flow, jobs);
    this.jobCommands = new JobCommands(state, jobs, b.jobRetries, variables, incidents, b.completion);
    this.jobErrors = new JobErrorCommands(state, jobs, incidents, b.catches);
    this.jobUpdates = new JobUpdateCommands(state, writer, clock, scheduler);
    this.messages = new MessageCommands(state, clock, keys, triggers, instances, b.bufferedMessages);
    this.userTaskCommands = new UserTaskCommands(state, writer, b.userTasks, b.completion);
    this.queries = new Queries(state, variables, db);
    this.decisions = new DecisionCommands(b.decisions);
    this.decisionQueries = new DecisionQueries(state, db);
    const stores = new Map<string, { markApplied(keys: string[]): void }>(
      [state.elements, state.variables, state.incidents, state.userTasks, state.decisionInstances].map(
        (store) => [store.collection, store],
      ),
    );
    this.log.onHistoryApplied = (collection, keys) => stores.get(collection)?.markApplied(keys);
    const timers = new TimerCommands(state, writer, scheduler, subscriptions, triggers, instances);
    this.due = new DueCommands(timers, b.jobRetries, b.bufferedMessages);
  }

  /** Restart: the live records from MongoDB, with their indexes. */
  loadState(db: Db): Promise<void> {
    return loadState(db, this.engineState, this.writer, this.log.persisted);
  }

  /** Restart: a deployed definition whose model was parsed again. */
  restoreDefinition(definition: DefinitionRecord, model: ProcessModel): void {
    this.writer.restoreDefinition(definition, model);
  }

  /** Restart: a deployed decision requirements graph whose model was parsed again. */
  restoreDecisionRequirements(record: DecisionRequirementsRecord, model: DecisionRequirementsModel): void {
    this.writer.restoreDecisionRequirements(record, model);
  }

  onAfterCommit(listener: AfterCommit): void {
    this.afterCommit = listener;
  }

  /** Runs one command: validate-and-mutate synchronously, drain the queue, persist, then acknowledge. */
  async run<T>(command: () => T): Promise<T> {
    // Refused before any change while the database is away: nothing to undo, and the client may retry at once.
    if (!this.log.available)
      throw new EngineError(
        'UNAVAILABLE',
        "The engine's database is unavailable; the command was not applied. Retry when the engine is ready again.",
      );
    let result: T;
    try {
      result = command();
      this.dispatcher.run();
    } catch (error) {
      // Rejections (EngineError) are thrown before any mutation; anything else is a bug, logged loudly.
      if (!(error instanceof Error && error.name === 'EngineError')) {
        this.logger('error', 'engine command failed unexpectedly', {
          error: String((error as Error)?.stack ?? error),
        });
      }
      throw error;
    }
    const effects = this.effects.drain();
    const durable = this.log.commit().then(() => this.afterCommit(effects));
    await this.withinAckTimeout(durable);
    return result;
  }

  /**
   * Waits for durability at most ackTimeoutMs. Past it the client is told the outcome is unknown, never that the
   * command failed: the batch stays queued (retried with the same log sequence number, so an insert whose
   * acknowledgement was lost is not written twice), and its effects still follow once it is durable.
   */
  private async withinAckTimeout(durable: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.ackTimeoutMs);
    });
    try {
      const outcome = await Promise.race([durable, deadline]);
      if (outcome === 'late') {
        durable.catch(() => undefined);
        throw new EngineError(
          'DEADLINE_EXCEEDED',
          `The engine's database did not confirm the command within ${this.ackTimeoutMs} ms; it takes effect once the database is back. Retry with the same operationReference to be sure.`,
        );
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private firing = false;

  private async fireDue(): Promise<void> {
    if (this.firing) return;
    // Due items stay in the scheduler while the database is away (run() would refuse them): look again shortly.
    if (!this.log.available) {
      setTimeout(() => void this.fireDue(), 500).unref();
      return;
    }
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
