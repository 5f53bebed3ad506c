/**
 * EngineApi over EngineCore: each command runs through core.run (persisted before it resolves); queries read
 * memory. Also owns job push (StreamActivatedJobs), long-polling listeners and createInstanceWithResult waiters.
 */
import type {
  ActivateJobsCommand,
  ActivatedJob,
  BroadcastSignalCommand,
  CreateInstanceCommand,
  CreatedInstance,
  DecisionEvaluationResult,
  DecisionInstanceFilter,
  EngineApi,
  EvaluateDecisionCommand,
  FailJobCommand,
  InstanceResult,
  JobStreamHandle,
  MigrateInstanceCommand,
  ModifyInstanceCommand,
  PublishMessageCommand,
  ResourceInput,
  SearchQuery,
  SetVariablesCommand,
  ThrowErrorCommand,
  Topology,
  UpdateUserTaskCommand,
  UserTaskFilter,
  Variables,
} from '../engine-api.js';
import { EngineError } from '../engine-api.js';
import type { EngineCore } from './engine-core.js';
import type { LifecycleRecord } from './record-stream.js';
import { JobPush } from './job-push.js';

interface ResultWaiter {
  resolve: (result: InstanceResult) => void;
  reject: (error: Error) => void;
  created: CreatedInstance;
  fetchVariables?: string[];
  timeout: NodeJS.Timeout;
}

export class EngineFacade implements EngineApi {
  private readonly waiters = new Map<string, ResultWaiter>();
  private readonly push: JobPush;
  private closed = false;

  constructor(
    private readonly core: EngineCore,
    private readonly closeConnection: () => Promise<void>,
    /** The pinnable clock when the engine's clock is controlled (ENGINE_CLOCK_CONTROLLED); null: refused. */
    private readonly clockControl: { pin(epochMs: number): void; reset(): void } | null = null,
  ) {
    this.push = new JobPush(core);
    core.onAfterCommit((effects) => {
      for (const completed of effects.completed) {
        const waiter = this.waiters.get(completed.key);
        if (!waiter) continue;
        this.waiters.delete(completed.key);
        clearTimeout(waiter.timeout);
        const variables: Variables = {};
        for (const [name, value] of Object.entries(completed.variables)) {
          if (!waiter.fetchVariables?.length || waiter.fetchVariables.includes(name)) variables[name] = value;
        }
        waiter.resolve({ ...waiter.created, variables });
      }
      for (const key of effects.terminatedInstances) {
        const waiter = this.waiters.get(key);
        if (!waiter) continue;
        this.waiters.delete(key);
        clearTimeout(waiter.timeout);
        waiter.reject(new EngineError('FAILED_PRECONDITION', `The process instance '${key}' was terminated`));
      }
      for (const type of effects.jobTypes) this.push.jobsAvailable(type);
    });
  }

  records(processInstanceKey?: string): LifecycleRecord[] {
    return this.core.records.list(processInstanceKey);
  }

  topology(): Topology {
    return {
      health: this.core.log.available ? 'HEALTHY' : 'UNHEALTHY',
      gatewayVersion: '8.8.0',
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
    };
  }

  async deploy(resources: ResourceInput[], tenantId = '<default>') {
    const parsed = await this.core.deployments.prepare(resources);
    return this.core.run(() => this.core.deployments.apply(parsed, tenantId));
  }

  deleteResource(resourceKey: string): Promise<void> {
    return this.core.run(() => this.core.deployments.deleteResource(resourceKey));
  }

  createInstance(command: CreateInstanceCommand): Promise<CreatedInstance> {
    return this.core.run(() => this.createOnce(command));
  }

  /** A repeated operationReference answers the instance the first call created (operation-references.ts). */
  private createOnce(command: CreateInstanceCommand): CreatedInstance {
    const { operationReference: reference, tenantId } = command;
    const earlier = reference ? this.core.operationReferences.find(tenantId, reference) : undefined;
    if (earlier) return earlier;
    const created = this.core.instances.create(command);
    if (reference) this.core.operationReferences.remember(tenantId, reference, created);
    return created;
  }

  createInstanceWithResult(
    command: CreateInstanceCommand,
    options: { requestTimeoutMs: number; fetchVariables?: string[] },
  ): Promise<InstanceResult> {
    return new Promise<InstanceResult>((resolve, reject) => {
      this.core
        .run(() => {
          const created = this.core.instances.create(command);
          const timeout = setTimeout(
            () => {
              this.waiters.delete(created.processInstanceKey);
              reject(
                new EngineError(
                  'DEADLINE_EXCEEDED',
                  `Expected the process instance '${created.processInstanceKey}' to complete within ${options.requestTimeoutMs} ms`,
                ),
              );
            },
            Math.max(1, options.requestTimeoutMs),
          );
          timeout.unref();
          this.waiters.set(created.processInstanceKey, {
            resolve,
            reject,
            created,
            ...(options.fetchVariables ? { fetchVariables: options.fetchVariables } : {}),
            timeout,
          });
          return created;
        })
        .catch(reject);
    });
  }

  cancelInstance(processInstanceKey: string): Promise<void> {
    return this.core.run(() => this.core.instances.cancel(processInstanceKey));
  }

  modifyInstance(command: ModifyInstanceCommand): Promise<void> {
    return this.core.run(() => this.core.modifications.modify(command));
  }

  migrateInstance(command: MigrateInstanceCommand): Promise<void> {
    return this.core.run(() => this.core.migrations.migrate(command));
  }

  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]> {
    if (!command.type)
      return Promise.reject(new EngineError('INVALID_ARGUMENT', 'Expected a job type, but it was empty'));
    if (command.maxJobsToActivate < 1) {
      return Promise.reject(
        new EngineError('INVALID_ARGUMENT', 'Expected maxJobsToActivate to be greater than zero'),
      );
    }
    if (this.core.state.activatableJobs.get(command.type).size === 0) return Promise.resolve([]);
    return this.core.run(() =>
      this.core.jobActivation.activate(
        command.type,
        command.worker,
        command.timeoutMs,
        command.maxJobsToActivate,
        command.fetchVariables,
        command.tenantIds,
      ),
    );
  }

  onJobsAvailable(type: string, listener: () => void): () => void {
    return this.push.listen(type, listener);
  }

  openJobStream(
    command: Omit<ActivateJobsCommand, 'maxJobsToActivate'>,
    push: (job: ActivatedJob) => void,
  ): JobStreamHandle {
    return this.push.openStream(command, push);
  }

  completeJob(jobKey: string, variables?: Variables): Promise<void> {
    return this.core.run(() => this.core.jobCommands.complete(jobKey, variables));
  }

  failJob(command: FailJobCommand): Promise<void> {
    return this.core.run(() => this.core.jobCommands.fail(command));
  }

  throwError(command: ThrowErrorCommand): Promise<void> {
    return this.core.run(() => this.core.jobErrors.throwError(command));
  }

  updateJobRetries(jobKey: string, retries: number): Promise<void> {
    return this.core.run(() => this.core.jobUpdates.updateRetries(jobKey, retries));
  }

  updateJobTimeout(jobKey: string, timeoutMs: number): Promise<void> {
    return this.core.run(() => this.core.jobUpdates.updateTimeout(jobKey, timeoutMs));
  }

  async publishMessage(command: PublishMessageCommand) {
    const published = await this.core.run(() => this.core.messages.publish(command));
    return { key: published.key, tenantId: command.tenantId ?? '<default>' };
  }

  correlateMessage(command: Omit<PublishMessageCommand, 'timeToLiveMs' | 'messageId'>) {
    return this.core.run(() => this.core.messages.correlate(command));
  }

  broadcastSignal(command: BroadcastSignalCommand) {
    return this.core.run(() => {
      if (!command.signalName)
        throw new EngineError('INVALID_ARGUMENT', 'Expected a signal name, but it was empty');
      this.core.signals.broadcast(command.signalName, command.variables ?? {});
      return { key: this.core.keys.next(), tenantId: command.tenantId ?? '<default>' };
    });
  }

  setVariables(command: SetVariablesCommand) {
    return this.core.run(() => {
      this.core.instances.setVariables(command);
      return { key: this.core.keys.next() };
    });
  }

  resolveIncident(incidentKey: string): Promise<void> {
    return this.core.run(() => this.core.incidents.resolve(incidentKey));
  }

  async searchProcessDefinitions(query: Parameters<EngineCore['queries']['processDefinitions']>[0]) {
    return this.core.queries.processDefinitions(query);
  }

  async getProcessDefinitionXml(processDefinitionKey: string) {
    return this.core.queries.processDefinitionXml(processDefinitionKey);
  }

  async searchProcessInstances(query: Parameters<EngineCore['queries']['processInstances']>[0]) {
    return this.core.queries.processInstances(query);
  }

  async searchElementInstances(query: Parameters<EngineCore['queries']['elementInstances']>[0]) {
    return this.core.queries.elementInstances(query);
  }

  async searchIncidents(query: Parameters<EngineCore['queries']['incidents']>[0]) {
    return this.core.queries.incidents(query);
  }

  async searchVariables(query: Parameters<EngineCore['queries']['variablesSearch']>[0]) {
    return this.core.queries.variablesSearch(query);
  }

  async searchUserTasks(query: SearchQuery<UserTaskFilter>) {
    return this.core.queries.userTasks(query);
  }

  assignUserTask(
    userTaskKey: string,
    assignee: string,
    options?: { allowOverride?: boolean },
  ): Promise<void> {
    return this.core.run(() =>
      this.core.userTaskCommands.assign(userTaskKey, assignee, options?.allowOverride ?? true),
    );
  }

  unassignUserTask(userTaskKey: string): Promise<void> {
    return this.core.run(() => this.core.userTaskCommands.unassign(userTaskKey));
  }

  updateUserTask(command: UpdateUserTaskCommand): Promise<void> {
    return this.core.run(() => this.core.userTaskCommands.update(command));
  }

  completeUserTask(userTaskKey: string, variables?: Variables): Promise<void> {
    return this.core.run(() => this.core.userTaskCommands.complete(userTaskKey, variables));
  }

  async searchUserTaskVariables(
    userTaskKey: string,
    query: SearchQuery<{ name?: string }> & { perScope?: boolean },
  ) {
    return this.core.queries.userTaskVariables(userTaskKey, query);
  }

  async getForm(formKey: string) {
    return this.core.queries.form(formKey);
  }

  async evaluateDecision(command: EvaluateDecisionCommand): Promise<DecisionEvaluationResult> {
    const outcome = await this.core.run(() => this.core.decisions.evaluate(command));
    if (!outcome.ok)
      throw new EngineError('INVALID_ARGUMENT', outcome.message, {
        failedDecisionId: outcome.failedDecisionId,
      });
    return outcome.result;
  }

  async searchDecisionDefinitions(query: Parameters<EngineCore['decisionQueries']['definitions']>[0]) {
    return this.core.decisionQueries.definitions(query);
  }

  async getDecisionDefinitionXml(decisionDefinitionKey: string) {
    return this.core.decisionQueries.definitionXml(decisionDefinitionKey);
  }

  async searchDecisionRequirements(query: Parameters<EngineCore['decisionQueries']['requirements']>[0]) {
    return this.core.decisionQueries.requirements(query);
  }

  async getDecisionRequirementsXml(decisionRequirementsKey: string) {
    return this.core.decisionQueries.requirementsXml(decisionRequirementsKey);
  }

  searchDecisionInstances(query: SearchQuery<DecisionInstanceFilter>) {
    return this.core.decisionQueries.instances(query);
  }

  async pinClock(epochMs: number): Promise<void> {
    this.controlledClock().pin(epochMs);
  }

  async resetClock(): Promise<void> {
    this.controlledClock().reset();
  }

  private controlledClock(): { pin(epochMs: number): void; reset(): void } {
    if (!this.clockControl)
      throw new EngineError(
        'FAILED_PRECONDITION',
        "The engine's clock is not controlled: start it with ENGINE_CLOCK_CONTROLLED=true (Camunda's ZEEBE_CLOCK_CONTROLLED) to pin or reset it",
      );
    return this.clockControl;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.core.scheduler.stop();
    this.push.close();
    for (const waiter of this.waiters.values()) {
      clearTimeout(waiter.timeout);
      waiter.reject(new EngineError('UNAVAILABLE', 'The engine is shutting down'));
    }
    this.waiters.clear();
    await this.core.log.close();
    await this.closeConnection();
  }
}
