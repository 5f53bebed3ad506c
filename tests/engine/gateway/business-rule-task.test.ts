import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  bpmnElement,
  decisionTable,
  dmnXml,
  element,
  endEvent,
  loose,
  noWait,
  processXml,
  scoreBandTable,
  sequence,
  serviceTask,
  startEvent,
  useTestEngine,
  type Attributes,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

/** start → business-rule task calling `decisionId` → service task of type `<processId>-after` → end. */
function ruleProcess(
  processId: string,
  called: Attributes,
  outputs: { source: string; target: string }[] = [],
): string {
  return processXml(processId, [
    startEvent('start'),
    bpmnElement('businessRuleTask', { id: 'rate', name: 'Rate' }, [
      element('zeebe:calledDecision', { resultVariable: 'rating', ...called }),
      ...(outputs.length
        ? [element('zeebe:ioMapping', {}, ...outputs.map((output) => element('zeebe:output', output)))]
        : []),
    ]),
    serviceTask('after', `${processId}-after`),
    endEvent('end'),
    ...sequence('start', 'rate', 'after', 'end'),
  ]);
}

const bands = dmnXml('bands', [scoreBandTable('scoreBands', 20)]);

/** UNIQUE with overlapping rules: a score of 50 or more matches two of them. */
const strict = dmnXml('strict', [
  decisionTable({
    id: 'strictRating',
    hitPolicy: 'UNIQUE',
    inputs: [{ id: 'strictScore', expression: 'score' }],
    outputs: [{ id: 'strictOut', name: 'rating' }],
    rules: [
      { id: 'anyScore', when: ['>= 0'], then: ['"low"'] },
      { id: 'highScore', when: ['>= 50'], then: ['"high"'] },
    ],
  }),
]);

async function takeJob(type: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const jobs = await harness.zeebe.activateJobs({
      type,
      worker: 'test',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 200,
    });
    if (jobs[0]) return jobs[0];
  }
  throw new Error(`no job of type ${type}`);
}

async function incidentsOf(processInstanceKey: string) {
  const found = await harness.rest.searchIncidents(loose({ filter: { processInstanceKey } }), noWait);
  return found.items ?? [];
}

describe('business-rule tasks with zeebe:calledDecision', () => {
  it('evaluates a 20-row decision table, sets the result variable and maps it out', async () => {
    await harness.zeebe.deployResources([
      { name: 'bands.dmn', decision: Buffer.from(bands) },
      {
        name: 'rated.bpmn',
        process: Buffer.from(
          ruleProcess('rated', { decisionId: 'scoreBands' }, [
            { source: '=upper case(rating)', target: 'label' },
          ]),
        ),
      },
    ]);
    const created = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'rated',
      variables: { score: 57 },
    });
    const job = await takeJob('rated-after');
    expect(job.processInstanceKey).toBe(created.processInstanceKey);
    // With an output mapping the result variable stays local to the task; the mapping's target reaches the process.
    expect(job.variables).toMatchObject({ score: 57, label: 'RATING-12' });
    expect(job.variables).not.toHaveProperty('rating');
    await harness.zeebe.completeJob({ jobKey: job.key, variables: {} });

    const instances = await harness.rest.searchDecisionInstances(
      loose({ filter: { processInstanceKey: created.processInstanceKey } }),
      noWait,
    );
    expect(instances.items).toHaveLength(1);
    const [instance] = instances.items ?? [];
    expect(instance).toMatchObject({
      decisionDefinitionId: 'scoreBands',
      state: 'EVALUATED',
      result: '"rating-12"',
      processDefinitionKey: created.processDefinitionKey,
      decisionDefinitionType: 'DECISION_TABLE',
    });
    const element = await harness.rest.searchElementInstances(
      loose({ filter: { processInstanceKey: created.processInstanceKey, elementId: 'rate' } }),
      noWait,
    );
    expect(instance?.elementInstanceKey).toBe(element.items?.[0]?.elementInstanceKey);
    const full = await harness.rest.getDecisionInstance(
      loose({ decisionEvaluationInstanceKey: instance?.decisionEvaluationInstanceKey }),
      noWait,
    );
    expect(full.matchedRules?.map((rule) => [rule.ruleId, rule.ruleIndex])).toEqual([
      ['scoreBands_row_12', 12],
    ]);
    expect(full.evaluatedInputs).toEqual([
      { inputId: 'scoreBands_score', inputName: 'Score', inputValue: '57' },
    ]);
  });

  it('without output mappings the result variable lands in the process scope', async () => {
    await harness.zeebe.deployResource({
      name: 'rated-plain.bpmn',
      process: Buffer.from(ruleProcess('rated-plain', { decisionId: '=which', resultVariable: 'grade' })),
    });
    await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'rated-plain',
      variables: { which: 'scoreBands', score: 3 },
    });
    const job = await takeJob('rated-plain-after');
    expect(job.variables).toMatchObject({ grade: 'rating-1' });
    await harness.zeebe.completeJob({ jobKey: job.key, variables: {} });
  });

  it('a failing evaluation raises a DECISION_EVALUATION_ERROR incident that resolves once the data is fixed', async () => {
    await harness.zeebe.deployResources([
      { name: 'strict.dmn', decision: Buffer.from(strict) },
      {
        name: 'strict.bpmn',
        process: Buffer.from(ruleProcess('strict-process', { decisionId: 'strictRating' })),
      },
    ]);
    const created = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'strict-process',
      variables: { score: 60 },
    });
    const [incident] = await incidentsOf(created.processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'DECISION_EVALUATION_ERROR',
      elementId: 'rate',
      state: 'ACTIVE',
    });
    expect(incident?.errorMessage).toMatch(
      /Expected to evaluate decision 'strictRating'.*hit policy UNIQUE, but found 2 matching rules: 'anyScore', 'highScore'/,
    );
    const failed = await harness.rest.searchDecisionInstances(
      loose({ filter: { processInstanceKey: created.processInstanceKey } }),
      noWait,
    );
    expect(failed.items?.map((item) => item.state)).toEqual(['FAILED']);

    await harness.zeebe.setVariables({
      elementInstanceKey: created.processInstanceKey,
      variables: { score: 10 },
      local: false,
    });
    await harness.zeebe.resolveIncident({ incidentKey: String(incident?.incidentKey) });
    const job = await takeJob('strict-process-after');
    expect(job.processInstanceKey).toBe(created.processInstanceKey);
    expect(job.variables).toMatchObject({ rating: 'low' });
    expect((await incidentsOf(created.processInstanceKey))[0]?.state).toBe('RESOLVED');
    await harness.zeebe.completeJob({ jobKey: job.key, variables: {} });
  });

  it('an unknown decision raises a CALLED_DECISION_ERROR incident', async () => {
    await harness.zeebe.deployResource({
      name: 'missing.bpmn',
      process: Buffer.from(ruleProcess('missing-decision', { decisionId: 'noSuchDecision' })),
    });
    const created = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'missing-decision',
      variables: {},
    });
    const [incident] = await incidentsOf(created.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CALLED_DECISION_ERROR', elementId: 'rate' });
    expect(incident?.errorMessage).toMatch(/no decision found for id 'noSuchDecision'/);
    // Cancelling the instance stuck at the task terminates it; its incident goes with it.
    await harness.zeebe.cancelProcessInstance(created.processInstanceKey);
    const instance = await harness.rest.getProcessInstance(
      loose({ processInstanceKey: created.processInstanceKey }),
      noWait,
    );
    expect(instance.state).toBe('TERMINATED');
    expect((await incidentsOf(created.processInstanceKey))[0]?.state).toBe('RESOLVED');
  });

  it("binding type 'deployment' keeps the decision deployed with the process", async () => {
    const pinned = dmnXml('pinned', [
      decisionTable({
        id: 'pinnedRating',
        inputs: [{ id: 'pinnedScore', expression: 'score' }],
        outputs: [{ id: 'pinnedOut', name: 'rating' }],
        rules: [{ id: 'pinnedAll', when: ['-'], then: ['"first"'] }],
      }),
    ]);
    await harness.zeebe.deployResources([
      { name: 'pinned.dmn', decision: Buffer.from(pinned) },
      {
        name: 'pinned.bpmn',
        process: Buffer.from(
          ruleProcess('pinned-process', { decisionId: 'pinnedRating', bindingType: 'deployment' }),
        ),
      },
    ]);
    await harness.zeebe.deployResource({
      name: 'pinned.dmn',
      decision: Buffer.from(pinned.replace('first', 'second')),
    });
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'pinned-process', variables: { score: 1 } });
    const job = await takeJob('pinned-process-after');
    expect(job.variables).toMatchObject({ rating: 'first' });
    await harness.zeebe.completeJob({ jobKey: job.key, variables: {} });
    const latest = await harness.zeebe.evaluateDecision({ decisionId: 'pinnedRating', variables: {} });
    expect(JSON.parse(latest.decisionOutput)).toBe('second');

    const refused = await harness.zeebe
      .deployResource({
        name: 'unbound.bpmn',
        process: Buffer.from(
          ruleProcess('unbound', { decisionId: 'pinnedRating', bindingType: 'deployment' }),
        ),
      })
      .then(
        () => '',
        (error: Error) => error.message,
      );
    expect(refused).toMatch(/element 'rate' calls decision 'pinnedRating' with binding type 'deployment'/);
  });

  it("binding type 'versionTag' takes the newest version carrying the tag", async () => {
    const tagged = (versionTag: string, rating: string) =>
      dmnXml('tagged', [
        decisionTable({
          id: 'taggedRating',
          versionTag,
          inputs: [{ id: 'taggedScore', expression: 'score' }],
          outputs: [{ id: 'taggedOut', name: 'rating' }],
          rules: [{ id: 'taggedAll', when: ['-'], then: [`"${rating}"`] }],
        }),
      ]);
    await harness.zeebe.deployResource({ name: 'tagged.dmn', decision: Buffer.from(tagged('v1', 'first')) });
    await harness.zeebe.deployResource({ name: 'tagged.dmn', decision: Buffer.from(tagged('v2', 'second')) });
    await harness.zeebe.deployResource({
      name: 'tagged.bpmn',
      process: Buffer.from(
        ruleProcess('tagged-process', {
          decisionId: 'taggedRating',
          bindingType: 'versionTag',
          versionTag: 'v1',
        }),
      ),
    });
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'tagged-process', variables: { score: 1 } });
    const job = await takeJob('tagged-process-after');
    expect(job.variables).toMatchObject({ rating: 'first' });
    await harness.zeebe.completeJob({ jobKey: job.key, variables: {} });
  });
});
