/** Native user tasks (zeebe:userTask): created when the element activates, with every attribute evaluated then. */
import type { Clock } from '../../engine-api.js';
import {
  evaluateDateTime,
  evaluateInteger,
  evaluateString,
  evaluateStringList,
} from '../../feel/evaluate-typed.js';
import type { Expression, FeelEvaluationContext, FeelResult } from '../../feel/feel-expression.js';
import type { UserTask } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { ElementInstanceRecord, FormRecord, UserTaskRecord } from '../../state/records.js';
import type { StepResult } from '../step-result.js';
import type { VariableBehavior } from './variable.behavior.js';

export class UserTaskBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly clock: Clock,
    private readonly variables: VariableBehavior,
  ) {}

  /**
   * 'deployment' binding: the form version recorded on the process definition at its deployment, so a task
   * created late in an old instance keeps the form its instance started with. A definition without the record
   * (deployed before bindings existed) falls back to the latest form.
   */
  private linkedForm(
    instance: ElementInstanceRecord,
    formId: string,
    binding: 'latest' | 'deployment',
  ): FormRecord | undefined {
    if (binding === 'deployment') {
      const formKey = this.state.definitions
        .get(instance.processDefinitionKey)
        ?.deploymentForms?.find((form) => form.formId === formId)?.formKey;
      if (formKey) return this.state.forms.get(formKey);
    }
    return this.state.latestForm(formId);
  }

  create(instance: ElementInstanceRecord, element: UserTask): StepResult {
    const definition = element.userTask;
    const context = this.variables.context(instance.key);
    const fields: {
      assignee?: string | null;
      candidateGroups?: string[];
      candidateUsers?: string[];
      dueDate?: number | null;
      followUpDate?: number | null;
      priority?: number;
    } = {};
    const failures: string[] = [];
    const run = <T>(
      expression: Expression | null,
      evaluate: (e: Expression, c: FeelEvaluationContext) => FeelResult<T>,
    ): T | null => {
      if (!expression) return null;
      const result = evaluate(expression, context);
      if (!result.ok) {
        failures.push(result.message);
        return null;
      }
      return result.value;
    };
    fields.assignee = run(definition.assignee, evaluateString);
    fields.candidateGroups = run(definition.candidateGroups, evaluateStringList) ?? [];
    fields.candidateUsers = run(definition.candidateUsers, evaluateStringList) ?? [];
    fields.dueDate = run(definition.dueDate, evaluateDateTime);
    fields.followUpDate = run(definition.followUpDate, evaluateDateTime);
    fields.priority = run(definition.priority, evaluateInteger) ?? 50;
    if (failures.length > 0)
      return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: failures.join('; ') };
    let formKey: string | null = null;
    if (definition.formId) {
      const form = this.linkedForm(instance, definition.formId, definition.formBinding);
      if (!form) {
        return {
          ok: false,
          errorType: 'FORM_NOT_FOUND',
          message: `Expected to find a form with id '${definition.formId}', but no form with this id is found, at least a form with this id should be available.`,
        };
      }
      formKey = form.key;
    }
    const task: UserTaskRecord = {
      key: instance.key,
      name: element.name,
      state: 'CREATED',
      assignee: fields.assignee || null,
      candidateGroups: fields.candidateGroups,
      candidateUsers: fields.candidateUsers,
      elementId: element.id,
      elementInstanceKey: instance.key,
      processDefinitionId: instance.bpmnProcessId,
      processDefinitionKey: instance.processDefinitionKey,
      processDefinitionVersion: instance.version,
      processInstanceKey: instance.processInstanceKey,
      formKey,
      creationDate: this.clock.now(),
      completionDate: null,
      dueDate: fields.dueDate,
      followUpDate: fields.followUpDate,
      priority: fields.priority,
      customHeaders: definition.headers,
      tenantId: instance.tenantId,
    };
    this.writer.putUserTask(task);
    instance.userTaskKey = task.key;
    return { ok: true };
  }

  finish(userTaskKey: string | null | undefined, state: 'COMPLETED' | 'CANCELED'): void {
    const task = userTaskKey ? this.state.userTasks.get(userTaskKey) : undefined;
    if (!task) return;
    task.state = state;
    task.completionDate = this.clock.now();
    this.writer.retireUserTask(task);
  }
}
