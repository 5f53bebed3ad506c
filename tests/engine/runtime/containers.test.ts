import { describe, expect, it } from 'vitest';
import {
  bpmnError,
  bpmnFile,
  element,
  endEvent,
  errorDefinition,
  escalation,
  escalationDefinition,
  extensions,
  flow,
  instanceState,
  message,
  messageDefinition,
  serviceTask,
  startEvent,
  useEngineCore,
} from '../../support/harness/index.js';

const errorDef = (ref: string) => errorDefinition(ref);
const escalationDef = (ref: string) => escalationDefinition(ref);

describe('errors, escalations, sub-processes, call activities', () => {
  const take = async (type: string) => {
    const [job] = await h.engine.activateJobs({ type, worker: 'w', timeoutMs: 60_000, maxJobsToActivate: 1 });
    if (!job) throw new Error(`no job of type ${type}`);
    return job;
  };
  const completedIds = (key: string) =>
    h.engine
      .records(key)
      .filter((r) => r.intent === 'ELEMENT_COMPLETED')
      .map((r) => r.elementId);

  const h = useEngineCore(async (h) => {
    await h.engine.deploy([
      bpmnFile(
        'errors',
        [
          startEvent('s'),
          element(
            'bpmn:subProcess',
            { id: 'sub' },
            startEvent('ss'),
            serviceTask('risky', 'risky'),
            element('bpmn:exclusiveGateway', { id: 'g', default: 'ok' }),
            endEvent('fail', errorDef('errRejected')),
            endEvent('se'),
            flow('ss', 'risky', { id: 'sf0' }),
            flow('risky', 'g', { id: 'sf1' }),
            flow('g', 'fail', { id: 'bad', condition: '=rejected' }),
            flow('g', 'se', { id: 'ok' }),
          ),
          element('bpmn:boundaryEvent', { id: 'onRisky', attachedToRef: 'sub' }, errorDef('errTechnical')),
          element('bpmn:boundaryEvent', { id: 'onRejected', attachedToRef: 'sub' }, errorDef('errRejected')),
          endEvent('e'),
          endEvent('eTech'),
          endEvent('eRej'),
          flow('s', 'sub', { id: 'f0' }),
          flow('sub', 'e', { id: 'f1' }),
          flow('onRisky', 'eTech', { id: 'f2' }),
          flow('onRejected', 'eRej', { id: 'f3' }),
        ],
        {
          roots: [bpmnError('errTechnical', 'TECH'), bpmnError('errRejected', 'REJECTED')],
        },
      ),
      bpmnFile(
        'esp',
        [
          startEvent('s'),
          serviceTask('main', 'esp-main'),
          endEvent('e'),
          element(
            'bpmn:subProcess',
            { id: 'cancelEsp', triggeredByEvent: 'true' },
            startEvent('cs', messageDefinition('cancelMsg')),
            endEvent('ce'),
            flow('cs', 'ce', { id: 'cf' }),
          ),
          element(
            'bpmn:subProcess',
            { id: 'escEsp', triggeredByEvent: 'true' },
            element('bpmn:startEvent', { id: 'es', isInterrupting: 'false' }, escalationDef('esc')),
            serviceTask('handleEsc', 'esp-escalated'),
            flow('es', 'handleEsc', { id: 'ef' }),
          ),
          element('bpmn:intermediateThrowEvent', { id: 'raise' }, escalationDef('esc')),
          element('bpmn:intermediateThrowEvent', { id: 'raiseUncaught' }, escalationDef('other')),
          flow('s', 'raise', { id: 'f0' }),
          flow('raise', 'raiseUncaught', { id: 'f1' }),
          flow('raiseUncaught', 'main', { id: 'f2' }),
          flow('main', 'e', { id: 'f3' }),
        ],
        {
          roots: [
            message('cancelMsg', 'cancel-request', '=caseId'),
            escalation('esc', 'LATE'),
            escalation('other', 'NOBODY'),
          ],
        },
      ),
      bpmnFile('child', [
        startEvent('s'),
        serviceTask('cw', 'child-work'),
        endEvent('e'),
        flow('s', 'cw', { id: 'f0' }),
        flow('cw', 'e', { id: 'f1' }),
      ]),
      bpmnFile('parent', [
        startEvent('s'),
        element(
          'bpmn:callActivity',
          { id: 'call' },
          extensions(
            element('zeebe:calledElement', { processId: 'child', propagateAllChildVariables: 'true' }),
          ),
        ),
        serviceTask('after', 'parent-after'),
        endEvent('e'),
        flow('s', 'call', { id: 'f0' }),
        flow('call', 'after', { id: 'f1' }),
        flow('after', 'e', { id: 'f2' }),
      ]),
    ]);
  });

  it('a job error is caught by the error boundary of the enclosing sub-process by code', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'errors' });
    const job = await take('risky');
    await h.engine.throwError({ jobKey: job.key, errorCode: 'TECH', variables: { reason: 'down' } });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    expect(completedIds(created.processInstanceKey)).toContain('eTech');
    const reason = await h.engine.searchVariables({
      filter: { processInstanceKey: created.processInstanceKey, name: 'reason' },
    });
    expect(reason.items[0]!.value).toBe('"down"');
  });

  it('an error end event inside the sub-process is caught by the matching boundary', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'errors' });
    await h.engine.completeJob((await take('risky')).key, { rejected: true });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    const ids = completedIds(created.processInstanceKey);
    expect(ids).toContain('eRej');
    expect(ids).not.toContain('sub');
  });

  it('escalation: caught by a non-interrupting event sub-process, uncaught is not an incident; interrupting message event sub-process ends the rest', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'esp', variables: { caseId: 'c-1' } });
    const escalated = await take('esp-escalated');
    expect(escalated.processInstanceKey).toBe(created.processInstanceKey);
    const main = await take('esp-main');
    const incidents = await h.engine.searchIncidents({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(incidents.total).toBe(0);
    await h.engine.publishMessage({ name: 'cancel-request', correlationKey: 'c-1' });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    await expect(h.engine.completeJob(main.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.engine.completeJob(escalated.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(completedIds(created.processInstanceKey)).toContain('cancelEsp');
  });

  it('call activity: variables go down and come back; the parent waits; cancel propagates', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'parent', variables: { input: 3 } });
    const childJob = await take('child-work');
    expect(childJob.variables).toEqual({ input: 3 });
    expect(childJob.bpmnProcessId).toBe('child');
    const children = await h.engine.searchProcessInstances({
      filter: { parentProcessInstanceKey: created.processInstanceKey },
    });
    expect(children.total).toBe(1);
    await expect(h.engine.cancelInstance(childJob.processInstanceKey)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await h.engine.completeJob(childJob.key, { output: 9 });
    const after = await take('parent-after');
    expect(after.variables).toMatchObject({ input: 3, output: 9 });
    await h.engine.completeJob(after.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');

    const second = await h.engine.createInstance({ bpmnProcessId: 'parent', variables: { input: 4 } });
    const secondChildJob = await take('child-work');
    await h.engine.cancelInstance(second.processInstanceKey);
    expect(await instanceState(h.engine, secondChildJob.processInstanceKey)).toBe('TERMINATED');
  });
});
