/**
 * One small builder for the BPMN the tests deploy or parse. Every element is made by `element` (names and values
 * escaped), so no test writes XML by hand; whole processes from the Modeler stay files in tests/fixtures/bpmn.
 * The common elements have their own functions in bpmn-elements.ts.
 */

/** An XML fragment made by this module. */
export type Xml = string;
export type Attributes = Record<string, string | number | boolean | undefined>;

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

/** `bpmn:extensionElements`: where the zeebe:… elements of an element go. */
export const extensions = (...children: Xml[]): Xml => element('bpmn:extensionElements', {}, ...children);

/** A process file for the engine core's deploy: `<processId>.bpmn`. */
export function bpmnFile(
  processId: string,
  elements: Xml | Xml[],
  options: DocumentOptions = {},
): { name: string; content: Buffer } {
  return { name: `${processId}.bpmn`, content: Buffer.from(processXml(processId, elements, options)) };
}

/** A resource for the gRPC client's deployResources. */
export function processResource(name: string, xml: string): { name: string; process: Buffer } {
  return { name, process: Buffer.from(xml) };
}
