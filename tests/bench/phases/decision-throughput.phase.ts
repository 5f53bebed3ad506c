import { bpmnElement, element, processXml, sequence } from '../../support/harness/bpmn.js';
import { endEvent, serviceTask, startEvent } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import { dmnXml, scoreBandTable } from '../../support/harness/dmn.js';
import { round } from '../support/stats.js';
import { driveInstances, type ThroughputFigures } from './throughput.phase.js';

/** Rules in the decision table the business-rule task evaluates. */
const TABLE_ROWS = 20;

/**
 * start → business-rule task (a 20-row decision table, evaluated by the engine) → service task → end: what a
 * rule-driven process costs per instance, beside the plain throughput phase.
 */
export async function measureDecisionThroughput(
  zeebe: ZeebeClient,
  instances: number,
  maxInFlight: number,
): Promise<ThroughputFigures & { decisionTableRows: number }> {
  const process = processXml('bench-decision', [
    startEvent('start'),
    bpmnElement('businessRuleTask', { id: 'rate' }, [
      element('zeebe:calledDecision', { decisionId: 'benchBands', resultVariable: 'rating' }),
    ]),
    serviceTask('after', 'bench-decision'),
    endEvent('end'),
    ...sequence('start', 'rate', 'after', 'end'),
  ]);
  await zeebe.deployResources([
    {
      name: 'bench-bands.dmn',
      decision: Buffer.from(dmnXml('benchDecisions', [scoreBandTable('benchBands', TABLE_ROWS)])),
    },
    { name: 'bench-decision.bpmn', process: Buffer.from(process) },
  ]);
  // Scores spread over the whole table, so rules at every position match.
  const seconds = await driveInstances(
    zeebe,
    'bench-decision',
    'bench-decision',
    instances,
    maxInFlight,
    (n) => ({
      score: n % (TABLE_ROWS * 5),
    }),
  );
  return {
    instances,
    maxInFlight,
    decisionTableRows: TABLE_ROWS,
    seconds: round(seconds, 2),
    completedInstancesPerSecond: round(instances / seconds),
    target: '>= 500 instances/s',
  };
}
