/**
 * Deployments: BPMN resources become new process versions (an unchanged resource keeps its version, as in
 * Zeebe), forms become new form versions, DMN resources new versions of their decision requirements graph and of
 * each decision in it (deploy-decisions.ts). Timer start events of the new latest version are scheduled and those
 * of older versions removed. Deleting a process definition removes it from the latest-version lookup.
 */
import { createHash } from 'node:crypto';
import { EngineError, type DeploymentResult, type ResourceInput } from '../../engine-api.js';
import type { DecisionRequirementsModel } from '../../dmn/decision-model.js';
import { parseDmn } from '../../dmn/parse-dmn.js';
import { parseDeployedForm } from '../../model/parse-form.js';
import type { ProcessModel } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { DefinitionRecord, FormRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { SubscriptionBehavior } from '../behavior/subscription.behavior.js';
import {
  applyDecisions,
  checkDeployedDecisions,
  deploymentBoundDecisions,
  type BoundDecisions,
} from './deploy-decisions.js';

export type BpmnParseResult =
  { ok: true; processes: ProcessModel[] } | { ok: false; message: string; elementId?: string };

export type BpmnParser = (xml: string, resourceName: string) => Promise<BpmnParseResult> | BpmnParseResult;

interface ParsedResource {
  resource: ResourceInput;
  text: string;
  checksum: string;
  processes: ProcessModel[];
  form: { formId: string } | null;
  decisions: DecisionRequirementsModel | null;
}

export class DeploymentCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly subscriptions: SubscriptionBehavior,
    private readonly parse: BpmnParser,
  ) {}

  /** Async part: parse and validate every resource; rejects the whole deployment on the first error. */
  async prepare(resources: ResourceInput[]): Promise<ParsedResource[]> {
    if (resources.length === 0)
      throw new EngineError('INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none given');
    const parsed: ParsedResource[] = [];
    for (const resource of resources) {
      const text = resource.content.toString('utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const name = resource.name.toLowerCase();
      if (name.endsWith('.bpmn') || name.endsWith('.xml')) {
        const result = await this.parse(text, resource.name);
        if (!result.ok) {
          throw new EngineError('INVALID_ARGUMENT', result.message, {
            resourceName: resource.name,
            ...(result.elementId ? { elementId: result.elementId } : {}),
          });
        }
        parsed.push({ resource, text, checksum, processes: result.processes, form: null, decisions: null });
      } else if (name.endsWith('.form')) {
        const { formId } = parseDeployedForm(text, resource.name);
        parsed.push({ resource, text, checksum, processes: [], form: { formId }, decisions: null });
      } else if (name.endsWith('.dmn')) {
        const decisions = await parseDmn(text, resource.name);
        parsed.push({ resource, text, checksum, processes: [], form: null, decisions });
      } else {
        throw new EngineError(
          'INVALID_ARGUMENT',
          `'${resource.name}': expected a .bpmn, .xml, .dmn or .form resource`,
        );
      }
    }
    this.checkDeploymentBoundForms(parsed);
    checkDeployedDecisions(this.state, parsed);
    return parsed;
  }

  /** As Zeebe: a form bound with 'deployment' must be part of the same deployment, else the deployment is rejected. */
  private checkDeploymentBoundForms(parsed: ParsedResource[]): void {
    const deployedFormIds = new Set(parsed.flatMap((item) => (item.form ? [item.form.formId] : [])));
    for (const item of parsed) {
      for (const model of item.processes) {
        for (const [elementId, formId] of deploymentBoundForms(model)) {
          if (!deployedFormIds.has(formId)) {
            throw new EngineError(
              'INVALID_ARGUMENT',
              `'${item.resource.name}': element '${elementId}' links form '${formId}' with binding type 'deployment', but the deployment holds no form with this id`,
              { resourceName: item.resource.name, elementId },
            );
          }
        }
      }
    }
  }

  /** Sync part: records the new versions. Forms first, so the processes can record the form keys they bind. */
  apply(parsed: ParsedResource[], tenantId: string): DeploymentResult {
    const { state, keys } = this;
    const deploymentKey = keys.next();
    const result: DeploymentResult = {
      key: deploymentKey,
      tenantId,
      processes: [],
      forms: [],
      decisions: [],
      decisionRequirements: [],
    };
    const decisionKeys = applyDecisions(state, this.writer, keys, parsed, deploymentKey, tenantId, result);
    const formKeys = new Map<string, string>();
    for (const item of parsed) {
      if (!item.form) continue;
      const latest = state.latestForm(item.form.formId);
      let record: FormRecord;
      if (latest && latest.checksum === item.checksum) record = latest;
      else {
        record = {
          key: keys.next(),
          formId: item.form.formId,
          version: (latest?.version ?? 0) + 1,
          schema: item.text,
          resourceName: item.resource.name,
          checksum: item.checksum,
          deploymentKey,
          tenantId,
        };
        this.writer.addForm(record);
      }
      formKeys.set(record.formId, record.key);
      result.forms.push({
        formId: record.formId,
        version: record.version,
        formKey: record.key,
        resourceName: record.resourceName,
        tenantId: record.tenantId,
      });
    }
    for (const item of parsed) {
      for (const model of item.processes) {
        const latest = state.latestDefinition(model.id);
        // Only the forms this process binds to its deployment: an unrelated form in the same deployment must not
        // make an unchanged process a new version.
        const bound = boundFormKeys(model, formKeys);
        const boundDecisions = deploymentBoundDecisions(model, decisionKeys);
        let record: DefinitionRecord;
        if (
          latest &&
          latest.checksum === item.checksum &&
          latest.resourceName === item.resource.name &&
          sameForms(latest.deploymentForms ?? [], bound) &&
          sameDecisions(latest.deploymentDecisions ?? [], boundDecisions)
        ) {
          record = latest;
        } else {
          record = {
            key: keys.next(),
            bpmnProcessId: model.id,
            version: (this.highestVersion(model.id) ?? 0) + 1,
            name: model.name,
            versionTag: model.versionTag,
            resourceName: item.resource.name,
            xml: item.text,
            checksum: item.checksum,
            deploymentKey,
            tenantId,
            deleted: false,
            ...(bound.length > 0 ? { deploymentForms: bound } : {}),
            ...(boundDecisions.length > 0 ? { deploymentDecisions: boundDecisions } : {}),
          };
          this.writer.addDefinition(record, model);
          this.rescheduleStartTimers(record, model);
        }
        result.processes.push({
          bpmnProcessId: record.bpmnProcessId,
          version: record.version,
          processDefinitionKey: record.key,
          resourceName: record.resourceName,
          tenantId: record.tenantId,
        });
      }
    }
    return result;
  }

  private highestVersion(bpmnProcessId: string): number | undefined {
    const keys = this.state.versions.get(bpmnProcessId) ?? [];
    const last = keys[keys.length - 1];
    return last ? this.state.definitions.get(last)?.version : undefined;
  }

  private rescheduleStartTimers(record: DefinitionRecord, model: ProcessModel): void {
    const { state, subscriptions } = this;
    const versionKeys = new Set(state.versions.get(record.bpmnProcessId) ?? []);
    for (const timer of [...state.timers.values()]) {
      if (
        timer.elementInstanceKey === null &&
        versionKeys.has(timer.processDefinitionKey) &&
        timer.processDefinitionKey !== record.key
      ) {
        subscriptions.removeTimer(timer);
      }
    }
    for (const id of model.timerStartEventIds) {
      const start = model.elements.get(id);
      if (start?.kind === 'startEvent' && start.eventDefinition.type === 'timer') {
        subscriptions.openTimer(null, id, start.eventDefinition.timer, record.key);
      }
    }
  }

  deleteResource(resourceKey: string): void {
    const { state, subscriptions } = this;
    const definition = state.definitions.get(resourceKey);
    if (definition && !definition.deleted) {
      for (const instance of state.elements.values()) {
        if (instance.type === 'PROCESS' && instance.processDefinitionKey === resourceKey) {
          throw new EngineError(
            'FAILED_PRECONDITION',
            `Expected to delete process definition '${resourceKey}', but there are running instances of it`,
          );
        }
      }
      definition.deleted = true;
      this.writer.updateDefinition(definition);
      for (const timer of [...state.timers.values()]) {
        if (timer.elementInstanceKey === null && timer.processDefinitionKey === resourceKey)
          subscriptions.removeTimer(timer);
      }
      const latest = state.latestDefinition(definition.bpmnProcessId);
      const model = latest ? state.models.get(latest.key) : undefined;
      if (latest && model) this.rescheduleStartTimers(latest, model);
      return;
    }
    const form = state.forms.get(resourceKey);
    if (form) {
      this.writer.deleteForm(form);
      return;
    }
    const graph = state.decisionRequirements.get(resourceKey);
    if (graph) {
      this.writer.deleteDecisionRequirements(graph);
      return;
    }
    throw new EngineError(
      'NOT_FOUND',
      `Expected to delete resource with key '${resourceKey}', but no such resource was found`,
    );
  }
}

/** [elementId, formId] of the user tasks that link their form with binding type 'deployment'. */
function deploymentBoundForms(model: ProcessModel): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const element of model.elements.values()) {
    if (
      element.kind === 'userTask' &&
      element.userTask.formId &&
      element.userTask.formBinding === 'deployment'
    )
      found.push([element.id, element.userTask.formId]);
  }
  return found;
}

type BoundForms = NonNullable<DefinitionRecord['deploymentForms']>;

function boundFormKeys(model: ProcessModel, formKeys: Map<string, string>): BoundForms {
  const formIds = [...new Set(deploymentBoundForms(model).map(([, formId]) => formId))].sort();
  return formIds.flatMap((formId) => {
    const formKey = formKeys.get(formId);
    return formKey ? [{ formId, formKey }] : [];
  });
}

function sameForms(a: BoundForms, b: BoundForms): boolean {
  return (
    a.length === b.length &&
    a.every((form, i) => form.formId === b[i]!.formId && form.formKey === b[i]!.formKey)
  );
}

function sameDecisions(a: BoundDecisions, b: BoundDecisions): boolean {
  return (
    a.length === b.length &&
    a.every(
      (decision, i) => decision.decisionId === b[i]!.decisionId && decision.decisionKey === b[i]!.decisionKey,
    )
  );
}
