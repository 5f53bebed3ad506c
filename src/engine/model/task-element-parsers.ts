/** Parsers of tasks, keyed by bpmn type. Service, send, business-rule and script tasks share the job behaviour. */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type {
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
  'bpmn:BusinessRuleTask': jobTask('businessRuleTask', 'BUSINESS_RULE_TASK'),
  'bpmn:ScriptTask': parseScriptTask,
  'bpmn:UserTask': parseUserTask,
  'bpmn:ReceiveTask': parseReceiveTask,
  'bpmn:ManualTask': passThrough('manualTask', 'MANUAL_TASK'),
  'bpmn:Task': passThrough('task', 'TASK'),
};
