/** The BPMN elements tests use most, made with bpmn.ts's `element`. */
import {
  bpmnElement,
  element,
  expression,
  extensions,
  processXml,
  sequence,
  type Attributes,
  type Xml,
} from './bpmn.js';

export const startEvent = (id: string, ...children: Xml[]): Xml =>
  element('bpmn:startEvent', { id }, ...children);
export const endEvent = (id: string, ...children: Xml[]): Xml =>
  element('bpmn:endEvent', { id }, ...children);

export interface ServiceTaskOptions {
  retries?: number;
  /** More zeebe extension elements (io mapping, task headers). */
  extensions?: Xml[];
  attributes?: Attributes;
}

/** A service task whose jobs have type `type`. */
export function serviceTask(id: string, type: string, options: ServiceTaskOptions = {}): Xml {
  return bpmnElement('serviceTask', { id, name: id, ...options.attributes }, [
    element('zeebe:taskDefinition', { type, retries: options.retries }),
    ...(options.extensions ?? []),
  ]);
}

export interface UserTaskOptions {
  name?: string;
  candidateGroups?: string;
  assignee?: string;
  formId?: string;
  /** zeebe:formDefinition bindingType; absent = 'latest'. */
  formBinding?: 'latest' | 'deployment';
  /** zeebe:taskSchedule dueDate (FEEL or ISO). */
  dueDate?: string;
  /** zeebe:priorityDefinition priority (FEEL or 0–100). */
  priority?: string;
  extensions?: Xml[];
}

/** A Camunda user task (zeebe:userTask), with its assignment and linked form when given. */
export function userTask(id: string, options: UserTaskOptions = {}): Xml {
  const assigned = options.candidateGroups !== undefined || options.assignee !== undefined;
  return bpmnElement('userTask', { id, name: options.name }, [
    element('zeebe:userTask'),
    ...(assigned
      ? [
          element('zeebe:assignmentDefinition', {
            assignee: options.assignee,
            candidateGroups: options.candidateGroups,
          }),
        ]
      : []),
    ...(options.formId
      ? [
          element('zeebe:formDefinition', {
            formId: options.formId,
            ...(options.formBinding ? { bindingType: options.formBinding } : {}),
          }),
        ]
      : []),
    ...(options.dueDate ? [element('zeebe:taskSchedule', { dueDate: options.dueDate })] : []),
    ...(options.priority ? [element('zeebe:priorityDefinition', { priority: options.priority })] : []),
    ...(options.extensions ?? []),
  ]);
}

/** zeebe:taskHeaders with one header per entry. */
export function taskHeaders(headers: Record<string, string>): Xml {
  const entries = Object.entries(headers).map(([key, value]) => element('zeebe:header', { key, value }));
  return element('zeebe:taskHeaders', {}, ...entries);
}

/** start → one service task `task` of `type` → end. */
export function oneTaskProcess(processId: string, type: string, retries = 3): string {
  return processXml(processId, [
    startEvent('start'),
    serviceTask('task', type, { retries }),
    endEvent('end'),
    ...sequence('start', 'task', 'end'),
  ]);
}

/** start → one user task `review` → end. */
export function userTaskProcess(processId: string, options: UserTaskOptions = {}): string {
  return processXml(processId, [
    startEvent('start'),
    userTask('review', { name: 'Review', ...options }),
    endEvent('end'),
    ...sequence('start', 'review', 'end'),
  ]);
}

/** A root `bpmn:message`, with its zeebe:subscription when it has a correlation key. */
export function message(id: string, name: string, correlationKey?: string): Xml {
  if (correlationKey === undefined) return element('bpmn:message', { id, name });
  return element('bpmn:message', { id, name }, extensions(element('zeebe:subscription', { correlationKey })));
}

export const signal = (id: string, name?: string): Xml => element('bpmn:signal', { id, name });
export const escalation = (id: string, escalationCode?: string): Xml =>
  element('bpmn:escalation', { id, escalationCode });
export const bpmnError = (id: string, errorCode?: string): Xml => element('bpmn:error', { id, errorCode });

export const messageDefinition = (messageRef: string): Xml =>
  element('bpmn:messageEventDefinition', { messageRef });
export const signalDefinition = (signalRef: string): Xml =>
  element('bpmn:signalEventDefinition', { signalRef });
export const errorDefinition = (errorRef?: string): Xml => element('bpmn:errorEventDefinition', { errorRef });
export const escalationDefinition = (escalationRef?: string): Xml =>
  element('bpmn:escalationEventDefinition', { escalationRef });

/** A timer definition: `kind` is timeDuration, timeDate or timeCycle. */
export const timerDefinition = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): Xml =>
  element('bpmn:timerEventDefinition', {}, expression(kind, value));
