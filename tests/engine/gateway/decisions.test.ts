import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  decisionTable,
  dmnXml,
  eventually,
  startTestEngine,
  literalDecision,
  loose,
  noWait,
  oneTaskProcess,
  useTestEngine,
  type TableRule,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

async function grpcError(promise: Promise<unknown>): Promise<{ code?: number; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as { code?: number; message: string },
  );
  if (!error) throw new Error('expected the call to be rejected');
  return error;
}

/** The gRPC deployment entries as the proto has them (the SDK's type leaves out decision requirements). */
interface DeploymentEntry {
  decision?: { dmnDecisionId: string; version: number; decisionRequirementsKey: string };
  decisionRequirements?: {
    dmnDecisionRequirementsId: string;
    version: number;
    decisionRequirementsKey: string;
  };
}

async function deployDmn(name: string, xml: string): Promise<DeploymentEntry[]> {
  const deployment = await harness.zeebe.deployResource({ name, decision: Buffer.from(xml) });
  return deployment.deployments as DeploymentEntry[];
}

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;

/** One table per hit policy over the same rules: an applicant's age and region set a fee. */
const feeRules: TableRule[] = [
  { id: 'young', when: ['< 18', '-'], then: ['10'] },
  { id: 'north', when: ['-', '"north","east"'], then: ['20'] },
  { id: 'senior', when: ['[65..120]', 'not("south")'], then: ['30'] },
  { id: 'base', when: ['-', '-'], then: ['10'] },
];

function feeTable(id: string, hitPolicy: string, aggregation?: string) {
  return decisionTable({
    id,
    hitPolicy,
    aggregation,
    inputs: [
      { id: `${id}_age`, label: 'Age', expression: 'age' },
      { id: `${id}_region`, label: 'Region', expression: 'region' },
    ],
    outputs: [{ id: `${id}_fee`, name: 'fee', label: 'Fee', values: ['30', '20', '10'] }],
    rules: feeRules.map((rule) => ({ ...rule, id: `${id}_${rule.id}` })),
  });
}

const hitPolicies = dmnXml('fees', [
  feeTable('feeUnique', 'UNIQUE'),
  feeTable('feeFirst', 'FIRST'),
  feeTable('feePriority', 'PRIORITY'),
  feeTable('feeAny', 'ANY'),
  feeTable('feeCollect', 'COLLECT'),
  feeTable('feeSum', 'COLLECT', 'SUM'),
  feeTable('feeMin', 'COLLECT', 'MIN'),
  feeTable('feeMax', 'COLLECT', 'MAX'),
  feeTable('feeCount', 'COLLECT', 'COUNT'),
  feeTable('feeRuleOrder', 'RULE ORDER'),
  feeTable('feeOutputOrder', 'OUTPUT ORDER'),
]);

const menu = dmnXml('menu', [
  literalDecision({ id: 'season', expression: 'if month >= 11 or month <= 2 then "Winter" else "Summer"' }),
  decisionTable({
    id: 'dish',
    name: 'Dish',
    requires: ['season'],
    inputs: [
      { id: 'dishSeason', label: 'Season', expression: 'season' },
      { id: 'dishGuests', label: 'Guests', expression: 'guests' },
    ],
    outputs: [{ id: 'dishName', name: 'dish', label: 'Dish' }],
    rules: [
      { id: 'stew', when: ['"Winter"', '<= 4'], then: ['"Stew"'] },
      { id: 'roast', when: ['"Winter"', '> 4'], then: ['"Roast for " + string(guests)'] },
      { id: 'salad', when: ['"Summer"', '-'], then: ['"Salad"'] },
    ],
  }),
]);

describe('DMN over the official clients', () => {
  it('deploys a DMN resource alone over gRPC, listing its decisions and decision requirements', async () => {
    const deployment = await deployDmn('menu.dmn', menu);
    const graph = deployment.find((entry) => entry.decisionRequirements)?.decisionRequirements;
    expect(graph).toMatchObject({
      dmnDecisionRequirementsId: 'menu',
      dmnDecisionRequirementsName: 'menu',
      version: 1,
      resourceName: 'menu.dmn',
    });
    const decisions = deployment.flatMap((entry) => (entry.decision ? [entry.decision] : []));
    expect(decisions.map((decision) => [decision.dmnDecisionId, decision.version])).toEqual([
      ['season', 1],
      ['dish', 1],
    ]);
    expect(
      decisions.every((decision) => decision.decisionRequirementsKey === graph?.decisionRequirementsKey),
    ).toBe(true);
    // The same resource again keeps its versions; a changed one makes new versions of the graph and each decision.
    const again = await deployDmn('menu.dmn', menu);
    expect(again.find((entry) => entry.decision)?.decision?.version).toBe(1);
    const changed = await deployDmn('menu.dmn', menu.replace('Salad', 'Gazpacho'));
    expect(changed.flatMap((entry) => (entry.decision ? [entry.decision.version] : []))).toEqual([2, 2]);
    expect(changed.find((entry) => entry.decisionRequirements)?.decisionRequirements?.version).toBe(2);
  });

  it('deploys DMN together with BPMN over REST in one deployment', async () => {
    const deployment = await harness.rest.createDeployment({
      resources: loose([
        new File([hitPolicies], 'fees.dmn', { type: 'application/xml' }),
        new File([oneTaskProcess('dmn-rest-process', 'dmn-rest-task')], 'dmn-rest.bpmn', {
          type: 'application/xml',
        }),
      ]),
    });
    expect(deployment.processes.map((process) => process.processDefinitionId)).toEqual(['dmn-rest-process']);
    expect(deployment.decisionRequirements).toHaveLength(1);
    expect(deployment.decisionRequirements[0]).toMatchObject({
      decisionRequirementsId: 'fees',
      version: 1,
      resourceName: 'fees.dmn',
    });
    expect(deployment.decisions.map((decision) => decision.decisionDefinitionId)).toHaveLength(11);
    expect(deployment.decisions[0]).toMatchObject({ decisionDefinitionId: 'feeUnique', version: 1 });
  });

  it('evaluates every hit policy and aggregation over gRPC', async () => {
    const evaluate = async (decisionId: string, variables: Record<string, unknown>) =>
      JSON.parse(
        (await harness.zeebe.evaluateDecision({ decisionId, variables: variables as never })).decisionOutput,
      ) as unknown;
    const northSenior = { age: 70, region: 'north' };
    expect(await evaluate('feeFirst', northSenior)).toBe(20);
    expect(await evaluate('feePriority', northSenior)).toBe(30);
    expect(await evaluate('feeCollect', northSenior)).toEqual([20, 30, 10]);
    expect(await evaluate('feeSum', northSenior)).toBe(60);
    expect(await evaluate('feeMin', northSenior)).toBe(10);
    expect(await evaluate('feeMax', northSenior)).toBe(30);
    expect(await evaluate('feeCount', northSenior)).toBe(3);
    expect(await evaluate('feeRuleOrder', northSenior)).toEqual([20, 30, 10]);
    expect(await evaluate('feeOutputOrder', northSenior)).toEqual([30, 20, 10]);
    expect(await evaluate('feeAny', { age: 12, region: 'west' })).toBe(10);
    const unique = await harness.zeebe.evaluateDecision({
      decisionId: 'feeUnique',
      variables: { age: 40, region: 'south' },
    });
    expect(JSON.parse(unique.decisionOutput)).toBe(10);
    expect(unique.evaluatedDecisions[0]?.matchedRules).toEqual([
      {
        ruleId: 'feeUnique_base',
        ruleIndex: 4,
        evaluatedOutputs: [{ outputId: 'feeUnique_fee', outputName: 'Fee', outputValue: '10' }],
      },
    ]);
    expect(unique.evaluatedDecisions[0]?.evaluatedInputs).toEqual([
      { inputId: 'feeUnique_age', inputName: 'Age', inputValue: '40' },
      { inputId: 'feeUnique_region', inputName: 'Region', inputValue: '"south"' },
    ]);
  });

  it('refuses an evaluation that breaks its hit policy and records it as a failed decision instance', async () => {
    const unique = await grpcError(
      harness.zeebe.evaluateDecision({ decisionId: 'feeUnique', variables: { age: 12, region: 'north' } }),
    );
    expect(unique.code).toBe(INVALID_ARGUMENT);
    expect(unique.message).toMatch(/hit policy UNIQUE, but found 3 matching rules/);
    const any = await fetch(`${harness.restAddress}/v2/decision-definitions/evaluation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decisionDefinitionId: 'feeAny', variables: { age: 12, region: 'north' } }),
    });
    expect(any.status).toBe(400);
    expect(((await any.json()) as { detail: string }).detail).toMatch(/hit policy ANY/);
    const failed = await harness.rest.searchDecisionInstances(
      loose({ filter: { state: 'FAILED', decisionDefinitionId: 'feeUnique' } }),
      noWait,
    );
    expect(failed.items ?? []).toHaveLength(1);
    expect(failed.items?.[0]?.evaluationFailure).toMatch(/hit policy UNIQUE/);
  });

  it('evaluates required decisions first over REST, by id and by key, and records each as a decision instance', async () => {
    const byId = await harness.rest.evaluateDecision(
      loose({ decisionDefinitionId: 'dish', variables: { month: 12, guests: 6 } }),
    );
    expect(byId).toMatchObject({
      decisionDefinitionId: 'dish',
      decisionDefinitionName: 'Dish',
      decisionDefinitionVersion: 2,
      decisionRequirementsId: 'menu',
      output: '"Roast for 6"',
    });
    expect(
      byId.evaluatedDecisions.map((decision) => [decision.decisionDefinitionId, decision.output]),
    ).toEqual([
      ['season', '"Winter"'],
      ['dish', '"Roast for 6"'],
    ]);
    expect(byId.evaluatedDecisions.map((decision) => decision.decisionDefinitionType)).toEqual([
      'LITERAL_EXPRESSION',
      'DECISION_TABLE',
    ]);
    const byKey = await harness.rest.evaluateDecision(
      loose({ decisionDefinitionKey: byId.decisionDefinitionKey, variables: { month: 7 } }),
    );
    expect(byKey.output).toBe('"Gazpacho"');

    const instances = await harness.rest.searchDecisionInstances(
      loose({
        filter: { decisionEvaluationKey: byId.decisionEvaluationKey },
        sort: [{ field: 'decisionDefinitionId' }],
      }),
      noWait,
    );
    expect(instances.page.totalItems).toBe(2);
    expect(
      (instances.items ?? []).map((item) => [item.decisionDefinitionId, item.state, item.result]),
    ).toEqual([
      ['dish', 'EVALUATED', '"Roast for 6"'],
      ['season', 'EVALUATED', '"Winter"'],
    ]);
    const dish = (instances.items ?? []).find((item) => String(item.decisionDefinitionId) === 'dish')!;
    const fetched = await harness.rest.getDecisionInstance(
      loose({ decisionEvaluationInstanceKey: dish.decisionEvaluationInstanceKey }),
      noWait,
    );
    expect(fetched.evaluatedInputs).toEqual([
      { inputId: 'dishSeason', inputName: 'Season', inputValue: '"Winter"' },
      { inputId: 'dishGuests', inputName: 'Guests', inputValue: '6' },
    ]);
    expect(fetched.matchedRules?.map((rule) => rule.ruleId)).toEqual(['roast']);
    expect(Date.parse(fetched.evaluationDate ?? '')).toBe(Date.parse('2026-03-01T01:00:00.000Z'));
  });

  it('finds decision definitions and requirements, with their XML', async () => {
    const definitions = await harness.rest.searchDecisionDefinitions(
      loose({ filter: { decisionDefinitionId: 'dish' }, sort: [{ field: 'version', order: 'DESC' }] }),
      noWait,
    );
    expect((definitions.items ?? []).map((item) => item.version)).toEqual([2, 1]);
    const latest = definitions.items?.[0];
    if (!latest) throw new Error('no decision definition found');
    const fetched = await harness.rest.getDecisionDefinition(
      loose({ decisionDefinitionKey: latest.decisionDefinitionKey }),
      noWait,
    );
    expect(fetched).toMatchObject({
      decisionDefinitionId: 'dish',
      name: 'Dish',
      decisionRequirementsId: 'menu',
    });
    const xml = await fetch(
      `${harness.restAddress}/v2/decision-definitions/${latest.decisionDefinitionKey}/xml`,
    );
    expect(xml.status).toBe(200);
    expect(await xml.text()).toContain('Gazpacho');

    const graphs = await harness.rest.searchDecisionRequirements(
      loose({ filter: { decisionRequirementsId: 'menu' } }),
      noWait,
    );
    expect((graphs.items ?? []).map((item) => item.version).sort()).toEqual([1, 2]);
    const graph = await harness.rest.getDecisionRequirements(
      loose({ decisionRequirementsKey: latest.decisionRequirementsKey }),
      noWait,
    );
    expect(graph).toMatchObject({ decisionRequirementsName: 'menu', version: 2, resourceName: 'menu.dmn' });
    const graphXml = await fetch(
      `${harness.restAddress}/v2/decision-requirements/${latest.decisionRequirementsKey}/xml`,
    );
    expect(await graphXml.text()).toContain('id="menu"');
    const missing = await fetch(`${harness.restAddress}/v2/decision-definitions/2251799813999999`);
    expect(missing.status).toBe(404);
  });

  it('refuses bad DMN at deploy, naming the element, over gRPC and REST', async () => {
    const broken = dmnXml('broken', [
      decisionTable({
        id: 'brokenTable',
        inputs: [{ id: 'brokenInput', expression: 'x' }],
        outputs: [{ id: 'brokenOutput', name: 'y' }],
        rules: [{ id: 'brokenRule', when: ['>= ('], then: ['1'] }],
      }),
    ]);
    const error = await grpcError(
      harness.zeebe.deployResource({ name: 'broken.dmn', decision: Buffer.from(broken) }),
    );
    expect(error.code).toBe(INVALID_ARGUMENT);
    expect(error.message).toMatch(/Invalid DMN resource 'broken\.dmn': element 'brokenRule_in_0'/);
    const form = new FormData();
    form.append('resources', new Blob([broken]), 'broken.dmn');
    form.append('resources', new Blob([dmnXml('policy', [feeTable('feePolicy', 'MOSTLY')])]), 'policy.dmn');
    const response = await fetch(`${harness.restAddress}/v2/deployments`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/element 'brokenRule_in_0'/);
    const policy = await grpcError(
      harness.zeebe.deployResource({
        name: 'policy.dmn',
        decision: Buffer.from(dmnXml('policy', [feeTable('feePolicy', 'MOSTLY')])),
      }),
    );
    expect(policy.message).toMatch(/element 'feePolicy_table': unknown hit policy 'MOSTLY'/);
    // Nothing of a refused deployment is kept.
    const none = await harness.rest.searchDecisionDefinitions(
      loose({ filter: { decisionDefinitionId: 'brokenTable' } }),
      noWait,
    );
    expect(none.items ?? []).toEqual([]);
  });

  it('refuses a decision id that another decision requirements graph owns', async () => {
    const thief = dmnXml('otherMenu', [literalDecision({ id: 'season', expression: '"Spring"' })]);
    const error = await grpcError(
      harness.zeebe.deployResource({ name: 'other.dmn', decision: Buffer.from(thief) }),
    );
    expect(error.code).toBe(INVALID_ARGUMENT);
    expect(error.message).toMatch(
      /decision id 'season' belongs to the deployed decision requirements 'menu'/,
    );
  });

  it('answers NOT_FOUND for an unknown decision', async () => {
    const error = await grpcError(
      harness.zeebe.evaluateDecision({ decisionId: 'no-such-decision', variables: {} }),
    );
    expect(error.code).toBe(NOT_FOUND);
  });

  it('keeps deployed decisions and decision instances across a restart', async () => {
    const before = await harness.rest.searchDecisionInstances(
      loose({ filter: { decisionDefinitionId: 'dish' } }),
      noWait,
    );
    await harness.restart();
    const result = await harness.zeebe.evaluateDecision({
      decisionId: 'dish',
      variables: { month: 1, guests: 2 },
    });
    expect(JSON.parse(result.decisionOutput)).toBe('Stew');
    expect(result.decisionVersion).toBe(2);
    const after = await harness.rest.searchDecisionInstances(
      loose({ filter: { decisionDefinitionId: 'dish' } }),
      noWait,
    );
    expect(after.page.totalItems).toBe(before.page.totalItems + 1);
    const deleted = await harness.rest.searchDecisionRequirements(
      loose({ filter: { decisionRequirementsId: 'fees' } }),
      noWait,
    );
    await harness.zeebe.deleteResource({ resourceKey: String(deleted.items?.[0]?.decisionRequirementsKey) });
    const gone = await grpcError(harness.zeebe.evaluateDecision({ decisionId: 'feeFirst', variables: {} }));
    expect(gone.code).toBe(NOT_FOUND);
  });
});

describe('decision instances under the camunda-8.8 profile', () => {
  it('show in searches only once the exporter lag has passed, as Camunda answers them', async () => {
    const engine = await startTestEngine({ profile: { name: 'camunda-8.8', searchLagMs: 600 } });
    try {
      await engine.zeebe.deployResource({ name: 'menu.dmn', decision: Buffer.from(menu) });
      const evaluated = await engine.zeebe.evaluateDecision({
        decisionId: 'season',
        variables: { month: 1 },
      });
      // The proto's field 12; the SDK's response type leaves it out.
      const { decisionInstanceKey } = evaluated as typeof evaluated & { decisionInstanceKey: string };
      const search = () =>
        engine.rest.searchDecisionInstances(
          loose({ filter: { decisionEvaluationKey: decisionInstanceKey } }),
          noWait,
        );
      expect((await search()).items).toEqual([]);
      const found = await eventually(async () => {
        const result = await search();
        if (result.items?.length !== 1) throw new Error('not exported yet');
        return result.items[0];
      });
      expect(found).toMatchObject({ decisionDefinitionId: 'season', result: '"Winter"' });
    } finally {
      await engine.close();
    }
  });
});
