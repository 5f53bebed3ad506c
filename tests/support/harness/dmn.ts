/** DMN 1.3 documents for tests, written the way Camunda Modeler writes them (made with bpmn.ts's `element`). */
import { element, text, type Xml } from './bpmn.js';

export interface TableInput {
  id: string;
  label?: string;
  /** FEEL, without a leading `=`. */
  expression: string;
}

export interface TableOutput {
  id: string;
  name?: string;
  label?: string;
  /** Output values in priority order, as FEEL literals (PRIORITY, OUTPUT ORDER). */
  values?: string[];
}

export interface TableRule {
  id: string;
  /** Unary tests, one per input ('-' or '' matches anything). */
  when: string[];
  /** FEEL, one per output ('' for null). */
  then: string[];
}

export interface DecisionTableOptions {
  id: string;
  name?: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: TableInput[];
  outputs: TableOutput[];
  rules: TableRule[];
  /** Ids of required decisions (information requirements). */
  requires?: string[];
  /** zeebe:versionTag of the decision. */
  versionTag?: string;
}

const textOf = (value: string): Xml => element('text', {}, text(value));

function requirements(ids: string[] = []): Xml[] {
  return ids.map((id, index) =>
    element(
      'informationRequirement',
      { id: `req_${index}_${id}` },
      element('requiredDecision', { href: `#${id}` }),
    ),
  );
}

export function decisionTable(options: DecisionTableOptions): Xml {
  const table = element(
    'decisionTable',
    { id: `${options.id}_table`, hitPolicy: options.hitPolicy, aggregation: options.aggregation },
    ...options.inputs.map((input) =>
      element(
        'input',
        { id: input.id, label: input.label },
        element(
          'inputExpression',
          { id: `${input.id}_expression`, typeRef: 'string' },
          textOf(input.expression),
        ),
      ),
    ),
    ...options.outputs.map((output) =>
      element(
        'output',
        { id: output.id, name: output.name, label: output.label },
        ...(output.values
          ? [element('outputValues', { id: `${output.id}_values` }, textOf(output.values.join(',')))]
          : []),
      ),
    ),
    ...options.rules.map((rule) =>
      element(
        'rule',
        { id: rule.id },
        ...rule.when.map((test, index) =>
          element('inputEntry', { id: `${rule.id}_in_${index}` }, textOf(test)),
        ),
        ...rule.then.map((value, index) =>
          element('outputEntry', { id: `${rule.id}_out_${index}` }, textOf(value)),
        ),
      ),
    ),
  );
  return element(
    'decision',
    { id: options.id, name: options.name ?? options.id },
    ...(options.versionTag
      ? [element('extensionElements', {}, element('zeebe:versionTag', { value: options.versionTag }))]
      : []),
    ...requirements(options.requires),
    table,
  );
}

export function literalDecision(options: {
  id: string;
  name?: string;
  /** FEEL, without a leading `=`. */
  expression: string;
  variable?: string;
  requires?: string[];
}): Xml {
  return element(
    'decision',
    { id: options.id, name: options.name ?? options.id },
    ...requirements(options.requires),
    element('variable', { id: `${options.id}_variable`, name: options.variable ?? options.id }),
    element('literalExpression', { id: `${options.id}_literal` }, textOf(options.expression)),
  );
}

export function dmnXml(definitionsId: string, decisions: Xml[], name = definitionsId): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(
    'definitions',
    {
      xmlns: 'https://www.omg.org/spec/DMN/20191111/MODEL/',
      'xmlns:modeler': 'http://camunda.org/schema/modeler/1.0',
      'xmlns:zeebe': 'http://camunda.org/schema/zeebe/1.0',
      id: definitionsId,
      name,
      namespace: 'http://camunda.org/schema/1.0/dmn',
      'modeler:executionPlatform': 'Camunda Cloud',
      'modeler:executionPlatformVersion': '8.8.0',
    },
    ...decisions,
  )}`;
}

/** A UNIQUE table of `rows` rules rating a score in bands of 5 (0–4 → "rating-1", …): the bench's table. */
export function scoreBandTable(id: string, rows: number): Xml {
  return decisionTable({
    id,
    inputs: [{ id: `${id}_score`, label: 'Score', expression: 'score' }],
    outputs: [{ id: `${id}_rating`, name: 'rating' }],
    rules: Array.from({ length: rows }, (_, index) => ({
      id: `${id}_row_${index + 1}`,
      when: [`[${index * 5}..${index * 5 + 5}[`],
      then: [`"rating-${index + 1}"`],
    })),
  });
}
