import { describe, expect, it } from 'vitest';
import {
  bpmnFile,
  element,
  endEvent,
  errorDefinition,
  escalation,
  escalationDefinition,
  flow,
  instanceState,
  message,
  messageDefinition,
  serviceTask,
  signal,
  signalDefinition,
  startEvent,
  useEngineCore,
} from '../../support/harness/index.js';

describe('message/signal/escalation boundaries, error event sub-process, modify, delete', () => {
  const take = async (type: string) => {
    const [job] = await h.engine.activateJobs({ type, worker: 'w', timeoutMs: 60_000, maxJobsToActivate: 1 });
    return job;
  };
  const completed = (key: string) =>
    h.engine
      .records(key)
      .filter((r) => r.intent === 'ELEMENT_COMPLETED')
      .map((r) => r.elementId);

  const h = useEngineCore(async (h) => {
    await h.engine.deploy([
      bpmnFile(
        'bnd',
        [
          startEvent('s'),
          serviceTask('w', 'bnd-work'),
          element('bpmn:boundaryEvent', { id: 'onMsg', attachedToRef: 'w' }, messageDefinition('m')),
          element(
            'bpmn:boundaryEvent',
            { id: 'onSig', attachedToRef: 'w', cancelActivity: 'false' },
            signalDefinition('sg'),
          ),
          element(
            'bpmn:subProcess',
            { id: 'sub' },
            startEvent('ss'),
            element('bpmn:intermediateThrowEvent', { id: 'up' }, escalationDefinition('esc')),
            serviceTask('inner', 'bnd-inner'),
            endEvent('se'),
            flow('ss', 'up', { id: 'sf0' }),
            flow('up', 'inner', { id: 'sf1' }),
            flow('inner', 'se', { id: 'sf2' }),
          ),
          element('bpmn:boundaryEvent', { id: 'onEsc', attachedToRef: 'sub' }, escalationDefinition('esc')),
          endEvent('e'),
          endEvent('eMsg'),
          endEvent('eSig'),
          endEvent('eEsc'),
          flow('s', 'w', { id: 'f0' }),
          flow('w', 'sub', { id: 'f1' }),
          flow('sub', 'e', { id: 'f2' }),
          flow('onMsg', 'eMsg', { id: 'f3' }),
          flow('onSig', 'eSig', { id: 'f4' }),
          flow('onEsc', 'eEsc', { id: 'f5' }),
        ],
        {
          roots: [message('m', 'stop', '=id'), signal('sg', 'poke'), escalation('esc', 'UP')],
        },
      ),
      bpmnFile('err-esp', [
        startEvent('s'),
        serviceTask('w', 'err-esp-work'),
        endEvent('e'),
        flow('s', 'w', { id: 'f0' }),
        flow('w', 'e', { id: 'f1' }),
        element(
          'bpmn:subProcess',
          { id: 'handler', triggeredByEvent: 'true' },
          startEvent('hs', errorDefinition()),
          serviceTask('fix', 'err-esp-fix'),
          flow('hs', 'fix', { id: 'hf0' }),
        ),
      ]),
    ]);
  });

  it('non-interrupting signal boundary forks; interrupting message boundary cancels the task', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'bnd', variables: { id: 'i1' } });
    await h.engine.broadcastSignal({ signalName: 'poke' });
    expect(completed(created.processInstanceKey)).toContain('eSig');
    const job = await take('bnd-work');
    await h.engine.publishMessage({ name: 'stop', correlationKey: 'i1', variables: { stoppedBy: 'msg' } });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    expect(completed(created.processInstanceKey)).toContain('eMsg');
    await expect(h.engine.completeJob(job!.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an escalation thrown inside a sub-process is caught by its interrupting boundary', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'bnd', variables: { id: 'i2' } });
    await h.engine.completeJob((await take('bnd-work'))!.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    expect(completed(created.processInstanceKey)).toContain('eEsc');
    expect(await take('bnd-inner')).toBeUndefined();
  });

  it('a catch-all error event sub-process catches a job error', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'err-esp' });
    await h.engine.throwError({ jobKey: (await take('err-esp-work'))!.key, errorCode: 'ANY' });
    const fix = await take('err-esp-fix');
    expect(fix!.processInstanceKey).toBe(created.processInstanceKey);
    await h.engine.completeJob(fix!.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
  });

  it('modify: activate an element and terminate another; delete refuses definitions with running instances', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'err-esp' });
    const elements = await h.engine.searchElementInstances({
      filter: { processInstanceKey: created.processInstanceKey, elementId: 'w', state: 'ACTIVE' },
    });
    await h.engine.modifyInstance({
      processInstanceKey: created.processInstanceKey,
      activateInstructions: [{ elementId: 'e', variableInstructions: [{ variables: { modified: true } }] }],
      terminateInstructions: [{ elementInstanceKey: elements.items[0]!.elementInstanceKey }],
    });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    expect(await take('err-esp-work')).toBeUndefined();
    await expect(h.engine.modifyInstance({ processInstanceKey: '42' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const running = await h.engine.createInstance({ bpmnProcessId: 'err-esp' });
    await expect(h.engine.deleteResource(running.processDefinitionKey)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await h.engine.cancelInstance(running.processInstanceKey);
    await h.engine.deleteResource(running.processDefinitionKey);
    await expect(h.engine.createInstance({ bpmnProcessId: 'err-esp' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
