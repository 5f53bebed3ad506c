import { describe, expect, it } from 'vitest';
import { parseDmn } from '../../../src/engine/dmn/parse-dmn.js';
import { evaluateDecision } from '../../../src/engine/dmn/evaluate-decision.js';
import {
  decisionTable,
  dmnXml,
  literalDecision,
  scoreBandTable,
  type DecisionTableOptions,
} from '../../support/harness/index.js';

const NOW = Date.parse('2026-03-01T01:00:00Z');

/** A two-input table (age, region) with one output `fee`, the rules as given. */
function feeTable(
  hitPolicy: string,
  rules: DecisionTableOptions['rules'],
  extra: Partial<DecisionTableOptions> = {},
) {
  return decisionTable({
    id: 'fee',
    hitPolicy,
    inputs: [
      { id: 'age', label: 'Age', expression: 'age' },
      { id: 'region', label: 'Region', expression: 'region' },
    ],
    outputs: [{ id: 'feeOut', name: 'fee', label: 'Fee', values: ['30', '20', '10'] }],
    rules,
    ...extra,
  });
}

const rules: DecisionTableOptions['rules'] = [
  { id: 'young', when: ['< 18', '-'], then: ['10'] },
  { id: 'north', when: ['-', '"north","east"'], then: ['20'] },
  { id: 'senior', when: ['[65..120]', 'not("south")'], then: ['30'] },
  { id: 'any', when: ['', ''], then: ['10'] },
];

async function evaluate(decisions: string[], decisionId: string, variables: Record<string, unknown>) {
  const graph = await parseDmn(dmnXml('graph', decisions), 'graph.dmn');
  return evaluateDecision(graph, decisionId, variables, NOW);
}

async function output(decisions: string[], decisionId: string, variables: Record<string, unknown>) {
  const result = await evaluate(decisions, decisionId, variables);
  if (!result.ok) throw new Error(result.message);
  return result.output;
}

describe('decision tables', () => {
  it('FIRST answers the first matching rule, and null when none matches', async () => {
    expect(await output([feeTable('FIRST', rules)], 'fee', { age: 70, region: 'north' })).toBe(20);
    expect(
      await output([feeTable('FIRST', rules.slice(0, 3))], 'fee', { age: 30, region: 'west' }),
    ).toBeNull();
  });

  it('UNIQUE answers the one match and fails naming the rules when several match', async () => {
    expect(await output([feeTable('UNIQUE', rules.slice(0, 3))], 'fee', { age: 12, region: 'west' })).toBe(
      10,
    );
    const failed = await evaluate([feeTable('UNIQUE', rules)], 'fee', { age: 12, region: 'north' });
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.failedDecisionId).toBe('fee');
    expect(failed.message).toMatch(/hit policy UNIQUE.*'young', 'north', 'any'/);
    expect(failed.decisions.at(-1)?.failure).toBe(failed.message);
  });

  it('ANY accepts matches with equal outputs and refuses different ones', async () => {
    expect(await output([feeTable('ANY', rules)], 'fee', { age: 12, region: 'west' })).toBe(10);
    const failed = await evaluate([feeTable('ANY', rules)], 'fee', { age: 12, region: 'north' });
    expect(failed.ok ? '' : failed.message).toMatch(/hit policy ANY/);
  });

  it('PRIORITY picks the match whose output ranks first among the output values', async () => {
    expect(await output([feeTable('PRIORITY', rules)], 'fee', { age: 70, region: 'north' })).toBe(30);
    expect(await output([feeTable('PRIORITY', rules)], 'fee', { age: 40, region: 'west' })).toBe(10);
  });

  it('RULE ORDER lists every match in rule order; OUTPUT ORDER by output values', async () => {
    const variables = { age: 70, region: 'north' };
    expect(await output([feeTable('RULE ORDER', rules)], 'fee', variables)).toEqual([20, 30, 10]);
    expect(await output([feeTable('OUTPUT ORDER', rules)], 'fee', variables)).toEqual([30, 20, 10]);
  });

  it('COLLECT lists the matches, or aggregates them with SUM, MIN, MAX and COUNT', async () => {
    const variables = { age: 70, region: 'north' };
    expect(await output([feeTable('COLLECT', rules)], 'fee', variables)).toEqual([20, 30, 10]);
    const collect = (aggregation: string) => feeTable('COLLECT', rules, { aggregation });
    expect(await output([collect('SUM')], 'fee', variables)).toBe(60);
    expect(await output([collect('MIN')], 'fee', variables)).toBe(10);
    expect(await output([collect('MAX')], 'fee', variables)).toBe(30);
    expect(await output([collect('COUNT')], 'fee', variables)).toBe(3);
    expect(
      await output([feeTable('COLLECT', rules.slice(0, 1), { aggregation: 'COUNT' })], 'fee', { age: 40 }),
    ).toBe(0);
    expect(
      await output([feeTable('COLLECT', rules.slice(0, 1), { aggregation: 'SUM' })], 'fee', { age: 40 }),
    ).toBeNull();
  });

  it('reports evaluated inputs and the matched rules with their outputs', async () => {
    const result = await evaluate([feeTable('RULE ORDER', rules)], 'fee', { age: 70, region: 'north' });
    expect(result.ok).toBe(true);
    const [table] = result.decisions;
    expect(table?.evaluatedInputs).toEqual([
      { inputId: 'age', inputName: 'Age', inputValue: 70 },
      { inputId: 'region', inputName: 'Region', inputValue: 'north' },
    ]);
    expect(table?.matchedRules.map((rule) => [rule.ruleId, rule.ruleIndex])).toEqual([
      ['north', 2],
      ['senior', 3],
      ['any', 4],
    ]);
    expect(table?.matchedRules[0]?.evaluatedOutputs).toEqual([
      { outputId: 'feeOut', outputName: 'Fee', outputValue: 20 },
    ]);
  });

  it('evaluates FEEL input expressions, FEEL unary tests and FEEL output entries; several outputs make a context', async () => {
    const table = decisionTable({
      id: 'offer',
      hitPolicy: 'FIRST',
      inputs: [
        { id: 'total', expression: 'sum(for item in items return item.price)' },
        { id: 'member', expression: 'customer.member' },
      ],
      outputs: [
        { id: 'discount', name: 'discount' },
        { id: 'message', name: 'message' },
        { id: 'note', name: 'note' },
      ],
      rules: [
        {
          id: 'bigMember',
          when: ['? >= 100 and ? < limit', 'true'],
          then: ['10 + count(items)', '"Thanks, " + customer.name', ''],
        },
        { id: 'other', when: ['-', '-'], then: ['0', 'upper case("none")', '"n/a"'] },
      ],
    });
    const member = {
      items: [{ price: 60 }, { price: 70 }],
      customer: { member: true, name: 'An' },
      limit: 1000,
    };
    expect(await output([table], 'offer', member)).toEqual({
      discount: 12,
      message: 'Thanks, An',
      note: null,
    });
    expect(await output([table], 'offer', { ...member, limit: 100 })).toEqual({
      discount: 0,
      message: 'NONE',
      note: 'n/a',
    });
  });

  it('reads a 20-row table of intervals', async () => {
    const table = scoreBandTable('bands', 20);
    expect(await output([table], 'bands', { score: 0 })).toBe('rating-1');
    expect(await output([table], 'bands', { score: 57 })).toBe('rating-12');
    expect(await output([table], 'bands', { score: 99.5 })).toBe('rating-20');
    expect(await output([table], 'bands', { score: 100 })).toBeNull();
  });
});

describe('literal expressions and required decisions', () => {
  const season = literalDecision({
    id: 'season',
    expression: 'if month >= 11 or month <= 2 then "Winter" else "Summer"',
  });
  const guests = literalDecision({ id: 'guestCount', variable: 'guests', expression: 'count(invited)' });
  const dish = decisionTable({
    id: 'dish',
    requires: ['season', 'guestCount'],
    inputs: [
      { id: 'dishSeason', expression: 'season' },
      { id: 'dishGuests', expression: 'guests' },
    ],
    outputs: [{ id: 'dishOut', name: 'dish' }],
    rules: [
      { id: 'stew', when: ['"Winter"', '<= 4'], then: ['"Stew"'] },
      { id: 'roast', when: ['"Winter"', '> 4'], then: ['"Roast for " + string(guests)'] },
      { id: 'salad', when: ['"Summer"', '-'], then: ['"Salad"'] },
    ],
  });

  it('evaluates required decisions first, their results visible by decision id and variable name', async () => {
    const result = await evaluate([dish, season, guests], 'dish', {
      month: 12,
      invited: ['a', 'b', 'c', 'd', 'e'],
    });
    expect(result.ok && result.output).toBe('Roast for 5');
    expect(result.decisions.map((each) => [each.decision.id, each.output])).toEqual([
      ['season', 'Winter'],
      ['guestCount', 5],
      ['dish', 'Roast for 5'],
    ]);
  });

  it('a literal expression decision evaluates alone', async () => {
    expect(await output([season], 'season', { month: 7 })).toBe('Summer');
  });

  it('a required decision that fails fails the evaluation, naming it', async () => {
    const broken = literalDecision({
      id: 'season',
      expression: 'assert(month, month > 0, "month must be positive")',
    });
    const result = await evaluate([dish, broken, guests], 'dish', { month: -1, invited: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failedDecisionId).toBe('season');
    expect(result.message).toMatch(
      /Expected to evaluate decision 'dish', but failed to evaluate decision 'season'/,
    );
    expect(result.decisions.map((each) => each.decision.id)).toEqual(['season']);
  });

  it('stops FEEL that exceeds the step budget', async () => {
    const greedy = literalDecision({ id: 'greedy', expression: 'count(for x in 1..1000000 return x)' });
    const result = await evaluate([greedy], 'greedy', {});
    expect(result.ok ? '' : result.message).toMatch(/FEEL budget exceeded/);
  });
});

describe('DMN refused at parse, naming the element', () => {
  const refused = async (xml: string) =>
    parseDmn(xml, 'bad.dmn').then(
      () => '',
      (error: Error) => error.message,
    );

  it.each([
    [
      'an unknown hit policy',
      feeTable('SOMETIMES', rules),
      /element 'fee_table': unknown hit policy 'SOMETIMES'/,
    ],
    [
      'an aggregation without COLLECT',
      feeTable('FIRST', rules, { aggregation: 'SUM' }),
      /element 'fee_table': an aggregation \(SUM\) needs the hit policy COLLECT/,
    ],
    [
      'an input entry that does not parse',
      feeTable('FIRST', [{ id: 'broken', when: ['< (3', '-'], then: ['1'] }]),
      /element 'broken_in_0': input entry: failed to parse unary tests/,
    ],
    [
      'an output entry that does not parse',
      feeTable('FIRST', [{ id: 'brokenOut', when: ['-', '-'], then: ['1 +'] }]),
      /element 'brokenOut_out_0': output entry/,
    ],
    [
      'a rule with too few entries',
      feeTable('FIRST', [{ id: 'short', when: ['-'], then: ['1'] }]),
      /element 'short': the rule has 1 input entries, but the table has 2 inputs/,
    ],
    [
      'a missing required decision',
      literalDecision({ id: 'lonely', expression: 'x', requires: ['ghost'] }),
      /element 'lonely': requires decision 'ghost'/,
    ],
  ])('%s', async (_name, decision, message) => {
    expect(await refused(dmnXml('bad', [decision]))).toMatch(message);
  });

  it('refuses requirement cycles', async () => {
    const a = literalDecision({ id: 'a', expression: 'b', requires: ['b'] });
    const b = literalDecision({ id: 'b', expression: 'a', requires: ['a'] });
    expect(await refused(dmnXml('cycle', [a, b]))).toMatch(/form a cycle: a → b → a/);
  });

  it('refuses XML that is not DMN 1.3', async () => {
    expect(
      await refused('<definitions xmlns="http://www.omg.org/spec/DMN/20151101/dmn.xsd" id="old" />'),
    ).toMatch(/not well-formed DMN 1\.3 XML/);
    expect(await refused('<definitions')).toMatch(/Invalid DMN resource 'bad\.dmn'/);
  });

  it('refuses a resource without decisions', async () => {
    expect(await refused(dmnXml('empty', []))).toMatch(/element 'empty': the resource holds no decision/);
  });
});
