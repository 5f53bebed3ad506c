/**
 * DMN XML (DMN 1.3, as Camunda Modeler writes it) → one validated DecisionRequirementsModel. Any problem rejects
 * the resource with EngineError('INVALID_ARGUMENT') naming the resource, the element id and the reason, as BPMN
 * deployments do: an unknown hit policy, FEEL that does not parse, a rule with the wrong number of entries, a
 * required decision that is missing or a cycle of requirements.
 */
import type { FromXmlResult, ModdleElement } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { EngineError } from '../engine-api.js';
import { compileExpression } from '../feel/compile-expression.js';
import type { Expression } from '../feel/feel-expression.js';
import { compileUnaryTests, type UnaryTests } from '../feel/compile-unary-tests.js';
import { attr, list, ref } from '../model/moddle-access.js';
import { MAX_XML_DEPTH, xmlDepth } from '../model/xml-depth.js';
import type {
  Aggregation,
  DecisionInput,
  DecisionModel,
  DecisionOutput,
  DecisionRequirementsModel,
  DecisionRule,
  DecisionTable,
  HitPolicy,
} from './decision-model.js';

const moddle = new DmnModdle();

const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
];
const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

export function invalidDmn(resourceName: string, elementId: string, reason: string): EngineError {
  return new EngineError(
    'INVALID_ARGUMENT',
    `Invalid DMN resource '${resourceName}': element '${elementId}': ${reason}`,
    { elementId, resourceName },
  );
}

async function readXml(xml: string, resourceName: string): Promise<FromXmlResult> {
  if (xmlDepth(xml, MAX_XML_DEPTH) > MAX_XML_DEPTH)
    throw invalidDmn(resourceName, '(document)', `elements are nested deeper than ${MAX_XML_DEPTH} levels`);
  let result: FromXmlResult;
  try {
    result = await moddle.fromXML(xml, 'dmn:Definitions');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Invalid DMN resource '${resourceName}': not well-formed DMN 1.3 XML (namespace https://www.omg.org/spec/DMN/20191111/MODEL/): ${reason}`,
      { resourceName },
    );
  }
  const [warning] = result.warnings;
  if (warning) {
    const [headline = warning.message] = warning.message.split('\n').map((line) => line.trim());
    throw invalidDmn(resourceName, warning.element?.id ?? '(document)', headline);
  }
  return result;
}

/** zeebe:versionTag, as an extension element (`<zeebe:versionTag value>`) or as an attribute. */
function readVersionTag(element: ModdleElement): string | null {
  const holder = ref(element, 'extensionElements');
  const tag = holder
    ? list(holder, 'values').find((value) => /(^|:)versionTag$/i.test(value.$type))
    : undefined;
  const fromExtension = tag ? attr(tag, 'value') : undefined;
  if (fromExtension?.trim()) return fromExtension.trim();
  const fromAttribute = Object.entries(element.$attrs ?? {}).find(([name]) => /(^|:)versionTag$/.test(name));
  return fromAttribute?.[1]?.trim() || null;
}

/** Reads one decision; `fail` names the element. */
class DecisionParser {
  constructor(private readonly resourceName: string) {}

  fail(elementId: string, reason: string): never {
    throw invalidDmn(this.resourceName, elementId, reason);
  }

  private feel(elementId: string, what: string, text: string | undefined): Expression {
    if (text === undefined || text.trim() === '') this.fail(elementId, `${what} is empty`);
    const compiled = compileExpression(`=${text}`);
    if (!compiled.ok) this.fail(elementId, `${what}: ${compiled.message}`);
    return compiled.value;
  }

  private text(element: ModdleElement | undefined): string | undefined {
    return element ? attr(element, 'text') : undefined;
  }

  decision(element: ModdleElement): DecisionModel {
    const id = element.id ?? '';
    if (!/^[A-Za-z0-9_@.+-]+$/.test(id))
      this.fail(id || '(decision)', 'a decision needs an id of letters, digits and _@.+-');
    const logic = ref(element, 'decisionLogic');
    if (!logic) this.fail(id, 'the decision has no decision table or literal expression');
    const variable = ref(element, 'variable');
    const requiredDecisionIds = list(element, 'informationRequirement').flatMap((requirement) => {
      const required = ref(requirement, 'requiredDecision');
      const href = required ? attr(required, 'href') : undefined;
      return href ? [href.replace(/^#/, '')] : [];
    });
    const versionTag = readVersionTag(element);
    const base = {
      id,
      name: attr(element, 'name') ?? id,
      variableName: (variable ? attr(variable, 'name') : undefined) || id,
      versionTag,
      requiredDecisionIds,
    };
    if (logic.$type === 'dmn:LiteralExpression') {
      const logicId = logic.id ?? id;
      return {
        ...base,
        logic: {
          kind: 'literal',
          id: logicId,
          expression: this.feel(logicId, 'the literal expression', this.text(logic)),
        },
      };
    }
    if (logic.$type === 'dmn:DecisionTable') return { ...base, logic: this.table(logic, id) };
    return this.fail(
      id,
      `'${logic.$type.replace(/^dmn:/, '')}' decisions are not supported; use a decision table or a literal expression`,
    );
  }

  private table(element: ModdleElement, decisionId: string): DecisionTable {
    const id = element.id ?? decisionId;
    const hitPolicy = (attr(element, 'hitPolicy') ?? 'UNIQUE') as HitPolicy;
    if (!HIT_POLICIES.includes(hitPolicy))
      this.fail(id, `unknown hit policy '${hitPolicy}'; expected one of ${HIT_POLICIES.join(', ')}`);
    const aggregationText = attr(element, 'aggregation');
    const aggregation = aggregationText ? (aggregationText as Aggregation) : null;
    if (aggregation && !AGGREGATIONS.includes(aggregation))
      this.fail(id, `unknown aggregation '${aggregationText}'; expected one of ${AGGREGATIONS.join(', ')}`);
    if (aggregation && hitPolicy !== 'COLLECT')
      this.fail(id, `an aggregation (${aggregation}) needs the hit policy COLLECT, not ${hitPolicy}`);
    const inputs = list(element, 'input').map((input, index) => this.input(input, id, index));
    const outputs = list(element, 'output').map((output, index) => this.output(output, id, index));
    if (outputs.length === 0) this.fail(id, 'the decision table has no output');
    if (outputs.length > 1) {
      for (const output of outputs)
        if (!output.name) this.fail(output.id, 'a decision table with several outputs needs a name on each');
      if (aggregation) this.fail(id, `the aggregation ${aggregation} needs a decision table with one output`);
    }
    const rules = list(element, 'rule').map((rule, index) =>
      this.rule(rule, id, index, inputs.length, outputs.length),
    );
    return { kind: 'table', id, hitPolicy, aggregation, inputs, outputs, rules };
  }

  private input(element: ModdleElement, tableId: string, index: number): DecisionInput {
    const id = element.id ?? `${tableId}-input-${index + 1}`;
    const source = this.text(ref(element, 'inputExpression'));
    const expression = this.feel(id, 'the input expression', source);
    return { id, name: attr(element, 'label') || source?.trim() || id, expression };
  }

  private output(element: ModdleElement, tableId: string, index: number): DecisionOutput {
    const id = element.id ?? `${tableId}-output-${index + 1}`;
    const name = attr(element, 'name')?.trim() ?? '';
    const allowed = this.text(ref(element, 'outputValues'));
    const priorities: string[] = [];
    if (allowed?.trim()) {
      for (const part of allowed.split(',')) {
        const compiled = compileExpression(`=${part.trim()}`);
        const value = compiled.ok ? compiled.value.evaluate({ variables: {}, now: 0 }) : compiled;
        if (!value.ok) this.fail(id, `output values: ${value.message}`);
        priorities.push(JSON.stringify(value.value));
      }
    }
    return { id, name, label: attr(element, 'label') || name || id, priorities };
  }

  private rule(
    element: ModdleElement,
    tableId: string,
    index: number,
    inputCount: number,
    outputCount: number,
  ): DecisionRule {
    const id = element.id ?? `${tableId}-rule-${index + 1}`;
    const inputEntries = list(element, 'inputEntry');
    const outputEntries = list(element, 'outputEntry');
    if (inputEntries.length !== inputCount)
      this.fail(
        id,
        `the rule has ${inputEntries.length} input entries, but the table has ${inputCount} inputs`,
      );
    if (outputEntries.length !== outputCount)
      this.fail(
        id,
        `the rule has ${outputEntries.length} output entries, but the table has ${outputCount} outputs`,
      );
    return {
      id,
      inputEntries: inputEntries.map((entry): UnaryTests => {
        const compiled = compileUnaryTests(this.text(entry) ?? '');
        if (!compiled.ok) this.fail(entry.id ?? id, `input entry: ${compiled.message}`);
        return compiled.value;
      }),
      outputEntries: outputEntries.map((entry) => {
        const text = this.text(entry);
        return text === undefined || text.trim() === ''
          ? null
          : this.feel(entry.id ?? id, 'output entry', text);
      }),
    };
  }
}

/** Rejects requirements on decisions the graph does not hold, and cycles of requirements. */
function checkRequirements(decisions: Map<string, DecisionModel>, parser: DecisionParser): void {
  for (const decision of decisions.values())
    for (const required of decision.requiredDecisionIds)
      if (!decisions.has(required))
        parser.fail(decision.id, `requires decision '${required}', which this resource does not hold`);
  const done = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (done.has(id)) return;
    if (path.includes(id)) parser.fail(id, `its requirements form a cycle: ${[...path, id].join(' → ')}`);
    for (const required of decisions.get(id)!.requiredDecisionIds) visit(required, [...path, id]);
    done.add(id);
  };
  for (const id of decisions.keys()) visit(id, []);
}

export async function parseDmn(xml: string, resourceName: string): Promise<DecisionRequirementsModel> {
  const { rootElement: definitions } = await readXml(xml, resourceName);
  const parser = new DecisionParser(resourceName);
  const id = definitions.id ?? '';
  if (!/^[A-Za-z0-9_@.+-]+$/.test(id))
    parser.fail(id || '(definitions)', 'the definitions need an id of letters, digits and _@.+-');
  const decisions = new Map<string, DecisionModel>();
  for (const element of list(definitions, 'drgElement')) {
    if (element.$type !== 'dmn:Decision') continue;
    const decision = parser.decision(element);
    if (decisions.has(decision.id)) parser.fail(decision.id, 'the id is used by more than one decision');
    decisions.set(decision.id, decision);
  }
  if (decisions.size === 0) parser.fail(id, 'the resource holds no decision');
  checkRequirements(decisions, parser);
  return {
    id,
    name: attr(definitions, 'name') ?? id,
    namespace: attr(definitions, 'namespace') ?? '',
    resourceName,
    decisions,
  };
}
