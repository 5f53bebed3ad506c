import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/engine/model/parse-bpmn.js';
import { rejection } from './bpmn-fixtures.js';
import {
  element,
  endEvent,
  errorDefinition,
  expression,
  extensions,
  flow as sequenceFlow,
  message,
  messageDefinition,
  processXml,
  signal,
  signalDefinition,
  startEvent,
  text,
  timerDefinition,
} from '../../support/harness/index.js';

const START = startEvent('s', element('bpmn:outgoing', {}, text('fs')));
const END = endEvent('e');
/** A service task of job type `t`, without a name. */
const task = (id: string, extra = '') =>
  element('bpmn:serviceTask', { id }, extensions(element('zeebe:taskDefinition', { type: 't' }), extra));
const flow = (id: string, from: string, to: string, condition = '') =>
  sequenceFlow(from, to, condition ? { id, condition } : { id });
const MSG = message('m', 'msg');

/** [case, process body, extra root elements, element id the rejection must name, reason pattern] */
const cases: [string, string, string, string, RegExp][] = [
  [
    'a service task without job type',
    [START, element('bpmn:serviceTask', { id: 'work' }), flow('fs', 's', 'work')].join(''),
    '',
    'work',
    /zeebe:taskDefinition/,
  ],
  [
    'a send task with an empty job type',
    [
      START,
      element('bpmn:sendTask', { id: 'send' }, extensions(element('zeebe:taskDefinition', { type: '' }))),
      flow('fs', 's', 'send'),
    ].join(''),
    '',
    'send',
    /job type/,
  ],
  [
    'an exclusive gateway whose flows have neither conditions nor a default',
    [
      START,
      element('bpmn:exclusiveGateway', { id: 'gw' }),
      END,
      endEvent('e2'),
      flow('fs', 's', 'gw'),
      flow('a', 'gw', 'e'),
      flow('b', 'gw', 'e2'),
    ].join(''),
    '',
    'gw',
    /needs a condition/,
  ],
  [
    'a default flow with a condition',
    [
      START,
      element('bpmn:exclusiveGateway', { id: 'gw', default: 'b' }),
      END,
      endEvent('e2'),
      flow('fs', 's', 'gw'),
      flow('a', 'gw', 'e', '=x'),
      flow('b', 'gw', 'e2', '=y'),
    ].join(''),
    '',
    'gw',
    /must not have a condition/,
  ],
  [
    'a FEEL syntax error in a condition',
    [
      START,
      element('bpmn:exclusiveGateway', { id: 'gw', default: 'b' }),
      END,
      endEvent('e2'),
      flow('fs', 's', 'gw'),
      flow('a', 'gw', 'e', '=x >'),
      flow('b', 'gw', 'e2'),
    ].join(''),
    '',
    'a',
    /condition: failed to parse expression 'x >'/,
  ],
  [
    'a static text as condition',
    [
      START,
      element('bpmn:exclusiveGateway', { id: 'gw', default: 'b' }),
      END,
      endEvent('e2'),
      flow('fs', 's', 'gw'),
      flow('a', 'gw', 'e', 'x > 1'),
      flow('b', 'gw', 'e2'),
    ].join(''),
    '',
    'a',
    /expected a FEEL expression/,
  ],
  [
    'a condition on a flow leaving a task',
    `${START}${task('work')}${END}${flow('fs', 's', 'work')}${flow('a', 'work', 'e', '=true')}`,
    '',
    'a',
    /only supported after exclusive and inclusive gateways/,
  ],
  [
    'a FEEL syntax error in an input mapping',
    [
      START,
      task('work', element('zeebe:ioMapping', {}, element('zeebe:input', { source: '=a +', target: 'b' }))),
      flow('fs', 's', 'work'),
    ].join(''),
    '',
    'work',
    /zeebe:input 'b' source/,
  ],
  [
    'an invalid timer duration',
    [
      START,
      element('bpmn:intermediateCatchEvent', { id: 'wait' }, timerDefinition('timeDuration', 'ten minutes')),
      flow('fs', 's', 'wait'),
    ].join(''),
    '',
    'wait',
    /invalid timeDuration/,
  ],
  [
    'a timer start event with a duration',
    startEvent('ts', timerDefinition('timeDuration', 'PT1H')),
    '',
    'ts',
    /timeDate or timeCycle/,
  ],
  [
    'an interrupting boundary timer with a cycle',
    [
      START,
      task('work'),
      element(
        'bpmn:boundaryEvent',
        { id: 'b', attachedToRef: 'work' },
        element('bpmn:outgoing', {}, text('bf')),
        timerDefinition('timeCycle', 'R/PT1H'),
      ),
      END,
      flow('fs', 's', 'work'),
      flow('bf', 'b', 'e'),
    ].join(''),
    '',
    'b',
    /timeDuration or timeDate/,
  ],
  [
    'a non-interrupting error boundary event',
    [
      START,
      task('work'),
      element(
        'bpmn:boundaryEvent',
        { id: 'b', cancelActivity: 'false', attachedToRef: 'work' },
        element('bpmn:outgoing', {}, text('bf')),
        errorDefinition(),
      ),
      END,
      flow('fs', 's', 'work'),
      flow('bf', 'b', 'e'),
    ].join(''),
    '',
    'b',
    /must be interrupting/,
  ],
  [
    'a message catch event without correlation key',
    [
      START,
      element('bpmn:intermediateCatchEvent', { id: 'wait' }, messageDefinition('m')),
      flow('fs', 's', 'wait'),
    ].join(''),
    MSG,
    'wait',
    /correlationKey/,
  ],
  [
    'a message catch event without message name',
    [
      START,
      element('bpmn:intermediateCatchEvent', { id: 'wait' }, messageDefinition('m')),
      flow('fs', 's', 'wait'),
    ].join(''),
    element('bpmn:message', { id: 'm' }),
    'wait',
    /has no name/,
  ],
  [
    'a receive task without message',
    [START, element('bpmn:receiveTask', { id: 'r' }), flow('fs', 's', 'r')].join(''),
    '',
    'r',
    /no bpmn:message/,
  ],
  [
    'an error end event without error code',
    [START, endEvent('err', errorDefinition('x')), flow('fs', 's', 'err')].join(''),
    element('bpmn:error', { id: 'x', name: 'X' }),
    'err',
    /errorCode/,
  ],
  [
    'an escalation end event without code',
    [START, endEvent('esc', element('bpmn:escalationEventDefinition')), flow('fs', 's', 'esc')].join(''),
    '',
    'esc',
    /escalationCode/,
  ],
  [
    'a call activity without process id',
    [START, element('bpmn:callActivity', { id: 'call' }), flow('fs', 's', 'call')].join(''),
    '',
    'call',
    /processId/,
  ],
  [
    'a link throw event without matching catch',
    [
      START,
      element(
        'bpmn:intermediateThrowEvent',
        { id: 'lt' },
        element('bpmn:linkEventDefinition', { name: 'nowhere' }),
      ),
      flow('fs', 's', 'lt'),
    ].join(''),
    '',
    'lt',
    /no link catch event named 'nowhere'/,
  ],
  [
    'a complex gateway',
    [START, element('bpmn:complexGateway', { id: 'cx' }), flow('fs', 's', 'cx')].join(''),
    '',
    'cx',
    /complex gateways are not supported/,
  ],
  [
    'a transaction',
    [START, element('bpmn:transaction', { id: 'tx' }), flow('fs', 's', 'tx')].join(''),
    '',
    'tx',
    /transaction/,
  ],
  [
    'an ad-hoc sub-process',
    [START, element('bpmn:adHocSubProcess', { id: 'ah' }), flow('fs', 's', 'ah')].join(''),
    '',
    'ah',
    /ad-hoc/,
  ],
  [
    'a conditional event',
    [
      START,
      element(
        'bpmn:intermediateCatchEvent',
        { id: 'cond' },
        element('bpmn:conditionalEventDefinition', {}, expression('condition', '=x')),
      ),
      flow('fs', 's', 'cond'),
    ].join(''),
    '',
    'cond',
    /conditional events are not supported/,
  ],
  [
    'a compensation throw event',
    [
      START,
      element('bpmn:intermediateThrowEvent', { id: 'comp' }, element('bpmn:compensateEventDefinition')),
      flow('fs', 's', 'comp'),
    ].join(''),
    '',
    'comp',
    /compensate events are not supported/,
  ],
  [
    'a called decision without a result variable',
    [
      START,
      element(
        'bpmn:businessRuleTask',
        { id: 'dmn' },
        extensions(element('zeebe:calledDecision', { decisionId: 'd' })),
      ),
      flow('fs', 's', 'dmn'),
    ].join(''),
    '',
    'dmn',
    /zeebe:calledDecision needs a resultVariable/,
  ],
  [
    'a called decision with an unknown binding type',
    [
      START,
      element(
        'bpmn:businessRuleTask',
        { id: 'dmnBinding' },
        extensions(
          element('zeebe:calledDecision', { decisionId: 'd', resultVariable: 'r', bindingType: 'newest' }),
        ),
      ),
      flow('fs', 's', 'dmnBinding'),
    ].join(''),
    '',
    'dmnBinding',
    /decision binding 'newest' is not supported/,
  ],
  [
    'execution listeners',
    [
      START,
      task(
        'work',
        element(
          'zeebe:executionListeners',
          {},
          element('zeebe:executionListener', { eventType: 'start', type: 'x' }),
        ),
      ),
      flow('fs', 's', 'work'),
    ].join(''),
    '',
    'work',
    /execution listeners/,
  ],
  [
    'a call activity bound to its deployment',
    [
      START,
      element(
        'bpmn:callActivity',
        { id: 'call' },
        extensions(element('zeebe:calledElement', { processId: 'child', bindingType: 'deployment' })),
      ),
      flow('fs', 's', 'call'),
    ].join(''),
    '',
    'call',
    /binding 'deployment' is not supported/,
  ],
  [
    'a form bound to a version tag',
    [
      START,
      element(
        'bpmn:userTask',
        { id: 'ut' },
        extensions(
          element('zeebe:userTask'),
          element('zeebe:formDefinition', { formId: 'f', bindingType: 'versionTag', versionTag: 'v1' }),
        ),
      ),
      flow('fs', 's', 'ut'),
    ].join(''),
    '',
    'ut',
    /form binding 'versionTag'/,
  ],
  [
    'a job-worker user task',
    [START, element('bpmn:userTask', { id: 'ut' }), flow('fs', 's', 'ut')].join(''),
    '',
    'ut',
    /zeebe:userTask/,
  ],
  [
    'a user task priority out of range',
    [
      START,
      element(
        'bpmn:userTask',
        { id: 'ut' },
        extensions(element('zeebe:userTask'), element('zeebe:priorityDefinition', { priority: '500' })),
      ),
      flow('fs', 's', 'ut'),
    ].join(''),
    '',
    'ut',
    /priority/,
  ],
  [
    'a user task due date that is no date',
    [
      START,
      element(
        'bpmn:userTask',
        { id: 'ut' },
        extensions(element('zeebe:userTask'), element('zeebe:taskSchedule', { dueDate: 'next week' })),
      ),
      flow('fs', 's', 'ut'),
    ].join(''),
    '',
    'ut',
    /dueDate/,
  ],
  [
    'an event-based gateway leading to a task',
    [
      START,
      element('bpmn:eventBasedGateway', { id: 'eg' }),
      task('work'),
      element('bpmn:intermediateCatchEvent', { id: 'c2' }, signalDefinition('sg')),
      flow('fs', 's', 'eg'),
      flow('a', 'eg', 'work'),
      flow('b', 'eg', 'c2'),
    ].join(''),
    signal('sg', 'go'),
    'eg',
    /must lead to a timer, message or signal/,
  ],
  [
    'an embedded sub-process without a none start event',
    [START, element('bpmn:subProcess', { id: 'sub' }), flow('fs', 's', 'sub')].join(''),
    '',
    'sub',
    /none start event/,
  ],
  [
    'a multi-instance without input collection',
    [
      START,
      element(
        'bpmn:serviceTask',
        { id: 'mi' },
        extensions(element('zeebe:taskDefinition', { type: 't' })),
        element('bpmn:multiInstanceLoopCharacteristics'),
      ),
      flow('fs', 's', 'mi'),
    ].join(''),
    '',
    'mi',
    /inputCollection/,
  ],
  [
    'a standard loop',
    [
      START,
      element(
        'bpmn:serviceTask',
        { id: 'loop' },
        extensions(element('zeebe:taskDefinition', { type: 't' })),
        element('bpmn:standardLoopCharacteristics'),
      ),
      flow('fs', 's', 'loop'),
    ].join(''),
    '',
    'loop',
    /standard loops/,
  ],
  [
    'two message start events with the same message',
    [startEvent('m1', messageDefinition('m')), startEvent('m2', messageDefinition('m'))].join(''),
    MSG,
    'm2',
    /already uses the message/,
  ],
  [
    'two none start events',
    [startEvent('a1'), startEvent('a2')].join(''),
    '',
    'a2',
    /only one none start event/,
  ],
  [
    'an end event with an outgoing flow',
    [START, endEvent('end1'), END, flow('fs', 's', 'end1'), flow('x', 'end1', 'e')].join(''),
    '',
    'end1',
    /outgoing/,
  ],
  [
    'a boundary event without outgoing flow',
    [
      START,
      task('work'),
      element('bpmn:boundaryEvent', { id: 'b', attachedToRef: 'work' }, signalDefinition('sg')),
      flow('fs', 's', 'work'),
    ].join(''),
    signal('sg', 'go'),
    'b',
    /outgoing sequence flow/,
  ],
  ['a process without start event', `${task('work')}`, '', 'p', /at least one start event/],
];

describe('parseBpmn rejections name the element and the reason', () => {
  it.each(cases)('%s', async (_name, body, roots, elementId, reason) => {
    const error = await rejection(processXml('p', body, { roots: roots }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.detail).toMatchObject({ elementId, resourceName: 'test.bpmn' });
    expect(error.message).toContain(`'${elementId}'`);
    expect(error.message).toMatch(reason);
  });

  it('rejects malformed XML', async () => {
    const error = await rejection('<bpmn:definitions');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/test\.bpmn.*not well-formed/);
  });

  it('rejects unknown BPMN elements reported by the reader', async () => {
    const error = await rejection(processXml('p', [START, element('bpmn:fancyTask', { id: 'fancy' })]));
    expect(error.message).toMatch(/test\.bpmn.*unknown type <bpmn:FancyTask>/);
    expect(error.code).toBe('INVALID_ARGUMENT');
  });

  it('rejects a flow to a missing element', async () => {
    const error = await rejection(processXml('p', `${START}${flow('fs', 's', 'ghost')}`));
    expect(error.message).toMatch(/ghost/);
  });

  it('rejects duplicate ids', async () => {
    const error = await rejection(processXml('p', `${START}${task('s')}`));
    expect(error.detail).toMatchObject({ elementId: 's' });
    expect(error.message).toMatch(/duplicate ID <s>/);
  });

  it('rejects a resource without executable process', async () => {
    const error = await rejection(processXml('p', [startEvent('s')], { executable: false }));
    expect(error.message).toMatch(/no executable process/);
  });

  it('accepts each minimal valid variant used above (the cases fail for their own reason)', async () => {
    const models = await parseBpmn(
      processXml('p', `${START}${task('work')}${END}${flow('fs', 's', 'work')}${flow('a', 'work', 'e')}`),
      'ok.bpmn',
    );
    expect(models.map((model) => model.id)).toEqual(['p']);
  });
});

describe('parseBpmn: scope rules for start events', () => {
  const esp = (start: string, roots = '') =>
    processXml(
      'p',
      [startEvent('s'), element('bpmn:subProcess', { id: 'esp', triggeredByEvent: 'true' }, start)],
      { roots: roots },
    );

  it('an event sub-process needs a triggered start event, not a none start event', async () => {
    const error = await rejection(esp(startEvent('inner')));
    expect(error.detail).toMatchObject({ elementId: 'inner' });
    expect(error.message).toMatch(/cannot be a none event/);
  });

  it('an event sub-process message start needs a correlation key', async () => {
    const error = await rejection(esp(startEvent('inner', messageDefinition('m')), message('m', 'x')));
    expect(error.detail).toMatchObject({ elementId: 'inner' });
    expect(error.message).toMatch(/correlationKey/);
  });

  it('an error start event is allowed only in event sub-processes, and only interrupting', async () => {
    const top = await rejection(processXml('p', [startEvent('es', errorDefinition())]));
    expect(top.message).toMatch(/'es'.*cannot be a error event/);
    const nonInterrupting = await rejection(
      esp(element('bpmn:startEvent', { id: 'inner', isInterrupting: 'false' }, errorDefinition())),
    );
    expect(nonInterrupting.message).toMatch(/'inner'.*must be interrupting/);
    const ok = await parseBpmn(esp(startEvent('inner', errorDefinition())), 'ok.bpmn');
    expect(ok[0]?.eventSubProcessIds).toEqual(['esp']);
  });

  it('an event sub-process cannot have several start events', async () => {
    const two = await rejection(
      esp(
        [startEvent('a', signalDefinition('sg')), startEvent('b', signalDefinition('sg'))].join(''),
        signal('sg', 'go'),
      ),
    );
    expect(two.message).toMatch(/'esp'.*exactly one start event/);
  });

  it('an inclusive gateway fork needs conditions on its non-default flows', async () => {
    const error = await rejection(
      processXml('p', [
        startEvent('s'),
        element('bpmn:inclusiveGateway', { id: 'ig' }),
        endEvent('e1'),
        endEvent('e2'),
        sequenceFlow('s', 'ig', { id: 'a' }),
        sequenceFlow('ig', 'e1', { id: 'b' }),
        sequenceFlow('ig', 'e2', { id: 'c' }),
      ]),
    );
    expect(error.detail).toMatchObject({ elementId: 'ig' });
  });

  it('a signal event needs a named signal', async () => {
    const error = await rejection(
      processXml('p', [startEvent('s', signalDefinition('sg'))], {
        roots: signal('sg'),
      }),
    );
    expect(error.message).toMatch(/'s'.*signal/);
  });
});
