/** Parsers of tasks, keyed by bpmn type. Service, send, business-rule and script tasks share the job behaviour. */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type {
  BusinessRuleTask,
  CalledDecisionDefinition,
  FlowElement,
  JobTask,
  PassThroughTask,
  ReceiveTask,
  ScriptTask,
  UserTask,
  UserTaskDefinition,
} from './process-model.js';
import { attr, extension, ref } from './moddle-access.js';
import { activityFields, type ElementParser, type ParseScope } from './element-parser.js';
import { parseHeaders, parseJobDefinition } from './extension-parsers.js';
import { parseMessage } from './event-definition-parser.js';
import { parseIsoDateTime } from '../timer/timer-schedule.js';

function jobTaskOf(
  b: ProcessBuilder,
  element: ModdleElement,
  scope: ParseScope,
  kind: JobTask['kind'],
  type: JobTask['bpmnElementType'],
): JobTask {
  return { ...activityFields(b, element, scope, kind, type), job: parseJobDefinition(b, element) };
}

function jobTask(kind: JobTask['kind'], type: JobTask['bpmnElementType']): ElementParser {
  return (b, element, scope) => jobTaskOf(b, element, scope, kind, type);
}

function parseScriptTask(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): JobTask | ScriptTask {
  const id = element.id ?? '';
  const script = extension(element, 'zeebe:Script');
  if (!script) return jobTaskOf(b, element, scope, 'scriptTask', 'SCRIPT_TASK');
  const expression = attr(script, 'expression');
  const resultVariable = attr(script, 'resultVariable')?.trim();
  if (!expression) b.fail(id, 'zeebe:script needs an expression');
  if (!resultVariable) b.fail(id, 'zeebe:script needs a resultVariable');
  return {
    ...activityFields(b, element, scope, 'scriptTask', 'SCRIPT_TASK'),
    script: {
      expression: b.expression(id, 'zeebe:script expression', expression, { feelOnly: true }),
      resultVariable,
    },
  };
}

function calledDecision(b: ProcessBuilder, id: string, called: ModdleElement): CalledDecisionDefinition {
  const decisionId = attr(called, 'decisionId')?.trim();
  const resultVariable = attr(called, 'resultVariable')?.trim();
  if (!decisionId) b.fail(id, 'zeebe:calledDecision needs a decisionId');
  if (!resultVariable) b.fail(id, 'zeebe:calledDecision needs a resultVariable');
  const bindingType = attr(called, 'bindingType') ?? 'latest';
  if (bindingType !== 'latest' && bindingType !== 'deployment' && bindingType !== 'versionTag')
    b.fail(
      id,
      `decision binding '${bindingType}' is not supported; use 'latest', 'deployment' or 'versionTag'`,
    );
  const versionTag = attr(called, 'versionTag')?.trim() || null;
  if (bindingType === 'versionTag' && !versionTag)
    b.fail(id, "zeebe:calledDecision with binding type 'versionTag' needs a versionTag");
  const expression = b.expression(id, 'zeebe:calledDecision decisionId', decisionId);
  if (bindingType === 'deployment' && expression.isFeel)
    b.fail(id, "zeebe:calledDecision with binding type 'deployment' needs a static decisionId");
  return { decisionId: expression, resultVariable, bindingType, versionTag };
}

/** With zeebe:calledDecision the engine evaluates the decision; otherwise a job like a service task. */
function parseBusinessRuleTask(
  b: ProcessBuilder,
  element: ModdleElement,
  scope: ParseScope,
): JobTask | BusinessRuleTask {
  const called = extension(element, 'zeebe:CalledDecision');
  if (!called) return jobTaskOf(b, element, scope, 'businessRuleTask', 'BUSINESS_RULE_TASK');
  return {
    ...activityFields(b, element, scope, 'businessRuleTask', 'BUSINESS_RULE_TASK'),
    calledDecision: calledDecision(b, element.id ?? '', called),
  };
}

function staticDate(b: ProcessBuilder, id: string, attribute: string, source: string | undefined) {
  const expression = b.optionalExpression(id, attribute, source);
  if (expression && !expression.isFeel && parseIsoDateTime(String(expression.staticValue)) === null) {
    b.fail(id, `${attribute} '${source ?? ''}' is not an ISO 8601 date-time`);
  }
  return expression;
}

function userTaskDefinition(b: ProcessBuilder, element: ModdleElement): UserTaskDefinition {
  const id = element.id ?? '';
  if (!extension(element, 'zeebe:UserTask')) {
    b.fail(id, 'job-worker user tasks are not supported; make it a Camunda user task (zeebe:userTask)');
  }
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const priority = extension(element, 'zeebe:PriorityDefinition');
  const form = extension(element, 'zeebe:FormDefinition');
  if (form && attr(form, 'formKey')) b.fail(id, 'zeebe:formDefinition formKey is not supported; use formId');
  const formBinding = form ? attr(form, 'bindingType') : undefined;
  if (formBinding && formBinding !== 'latest' && formBinding !== 'deployment') {
    b.fail(id, `form binding '${formBinding}' is not supported; only 'latest' or 'deployment'`);
  }
  const priorityExpression = b.optionalExpression(
    id,
    'priority',
    priority ? attr(priority, 'priority') : undefined,
    { numeric: true },
  );
  if (priorityExpression && !priorityExpression.isFeel) {
    const value = Number(priorityExpression.staticValue);
    if (!Number.isInteger(value) || value < 0 || value > 100)
      b.fail(id, 'priority must be an integer between 0 and 100');
  }
  return {
    assignee: b.optionalExpression(id, 'assignee', assignment ? attr(assignment, 'assignee') : undefined),
    candidateGroups: b.optionalExpression(
      id,
      'candidateGroups',
      assignment ? attr(assignment, 'candidateGroups') : undefined,
    ),
    candidateUsers: b.optionalExpression(
      id,
      'candidateUsers',
      assignment ? attr(assignment, 'candidateUsers') : undefined,
    ),
    dueDate: staticDate(b, id, 'dueDate', schedule ? attr(schedule, 'dueDate') : undefined),
    followUpDate: staticDate(b, id, 'followUpDate', schedule ? attr(schedule, 'followUpDate') : undefined),
    priority: priorityExpression,
    formId: (form ? attr(form, 'formId')?.trim() : undefined) || null,
    formBinding: formBinding === 'deployment' ? 'deployment' : 'latest',
    externalReference: b.optionalExpression(
      id,
      'externalReference',
      form ? attr(form, 'externalReference') : undefined,
    ),
    headers: parseHeaders(element),
  };
}

function parseUserTask(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): UserTask {
  return {
    ...activityFields(b, element, scope, 'userTask', 'USER_TASK'),
    userTask: userTaskDefinition(b, element),
  };
}

function parseReceiveTask(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): ReceiveTask {
  const id = element.id ?? '';
  return {
    ...activityFields(b, element, scope, 'receiveTask', 'RECEIVE_TASK'),
    message: parseMessage(b, id, ref(element, 'messageRef'), true),
  };
}

function passThrough(kind: PassThroughTask['kind'], type: PassThroughTask['bpmnElementType']): ElementParser {
  return (b, element, scope): FlowElement => activityFields(b, element, scope, kind, type);
}

export const taskElementParsers: Record<string, ElementParser> = {
  'bpmn:ServiceTask': jobTask('serviceTask', 'SERVICE_TASK'),
  'bpmn:SendTask': jobTask('sendTask', 'SEND_TASK'),
  'bpmn:BusinessRuleTask': parseBusinessRuleTask,
  'bpmn:ScriptTask': parseScriptTask,
  'bpmn:UserTask': parseUserTask,
  'bpmn:ReceiveTask': parseReceiveTask,
  'bpmn:ManualTask': passThrough('manualTask', 'MANUAL_TASK'),
  'bpmn:Task': passThrough('task', 'TASK'),
};
