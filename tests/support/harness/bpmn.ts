/**
 * One small builder for the BPMN the tests deploy or parse. Every element is made by `element` (names and values
 * escaped), so no test writes XML by hand; whole processes from the Modeler stay files in tests/fixtures/bpmn.
 */

/** An XML fragment made by this module. */
export type Xml = string;
type Attributes = Record<string, string | number | boolean | undefined>;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<tag a="…">children</tag>`, or `<tag a="…" />` without children; undefined attributes are left out. */
export function element(tag: string, attributes: Attributes = {}, ...children: Xml[]): Xml {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
  return children.length === 0 ? `<${tag}${attrs} />` : `<${tag}${attrs}>${children.join('\n')}</${tag}>`;
}

/** Text content, escaped (a FEEL expression, a duration…). */
export const text = (value: string): Xml => escape(value);

/** `<bpmn:kind …>` with its zeebe extension elements, when there are any, first among the children. */
export function bpmnElement(
  kind: string,
  attributes: Attributes,
  extensions: Xml[] = [],
  ...children: Xml[]
): Xml {
  const all = extensions.length
    ? [element('bpmn:extensionElements', {}, ...extensions), ...children]
    : children;
  return element(`bpmn:${kind}`, attributes, ...all);
}

const NAMESPACES = {
  'xmlns:bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  'xmlns:zeebe': 'http://camunda.org/schema/zeebe/1.0',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xmlns:modeler': 'http://camunda.org/schema/modeler/1.0',
  'xmlns:bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
  'xmlns:dc': 'http://www.omg.org/spec/DD/20100524/DC',
  'xmlns:di': 'http://www.omg.org/spec/DD/20100524/DI',
};

export interface DocumentOptions {
  /** The process's name; its id when left out. */
  name?: string;
  /** Root elements next to the process: messages, signals, errors, escalations, a diagram. */
  roots?: Xml | Xml[];
  /** More processes in the same document. */
  processes?: Xml[];
  /** false: the process is not executable (the engine refuses such a resource). */
  executable?: boolean;
}

const list = (xml: Xml | Xml[] | undefined): Xml[] =>
  xml === undefined ? [] : Array.isArray(xml) ? xml : [xml];

/** A Camunda-8-Modeler-shaped definitions document holding one executable process made of `elements`. */
export function processXml(processId: string, elements: Xml | Xml[], options: DocumentOptions = {}): string {
  const process = element(
    'bpmn:process',
    { id: processId, name: options.name ?? processId, isExecutable: options.executable ?? true },
    ...list(elements),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(
    'bpmn:definitions',
    {
      ...NAMESPACES,
      id: `Definitions_${processId}`,
      targetNamespace: 'http://bpmn.io/schema/bpmn',
      exporter: 'Camunda Modeler',
      exporterVersion: '5.40.0',
      'modeler:executionPlatform': 'Camunda Cloud',
      'modeler:executionPlatformVersion': '8.8.0',
    },
    process,
    ...(options.processes ?? []),
    ...list(options.roots),
  )}`;
}

/** A FEEL or text expression element (`bpmn:conditionExpression`, `bpmn:timeDuration`…). */
export function expression(tag: string, value: string): Xml {
  return element(`bpmn:${tag}`, { 'xsi:type': 'bpmn:tFormalExpression' }, text(value));
}

/** A sequence flow; its id is `Flow_<from>_<to>` unless given. */
export function flow(from: string, to: string, options: { id?: string; condition?: string } = {}): Xml {
  const attributes = { id: options.id ?? `Flow_${from}_${to}`, sourceRef: from, targetRef: to };
  return options.condition === undefined
    ? element('bpmn:sequenceFlow', attributes)
    : element('bpmn:sequenceFlow', attributes, expression('conditionExpression', options.condition));
}

/** Flows through the given element ids in order: `sequence('start', 'task', 'end')`. */
export function sequence(...ids: string[]): Xml[] {
  return ids.slice(1).map((to, index) => flow(ids[index]!, to));
}

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
    ...(options.formId ? [element('zeebe:formDefinition', { formId: options.formId })] : []),
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

/** A resource for the gRPC client's deployResources. */
export function processResource(name: string, xml: string): { name: string; process: Buffer } {
  return { name, process: Buffer.from(xml) };
}
