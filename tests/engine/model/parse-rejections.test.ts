import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/engine/model/parse-bpmn.js';
import { bpmn, rejection } from './bpmn-fixtures.js';

const START = '<bpmn:startEvent id="s"><bpmn:outgoing>fs</bpmn:outgoing></bpmn:startEvent>';
const END = '<bpmn:endEvent id="e" />';
const task = (id: string, extra = '') =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="t" />${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
const flow = (id: string, from: string, to: string, condition = '') =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;
const MSG = '<bpmn:message id="m" name="msg" />';
const timer = (kind: string, text: string) =>
  `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${text}</bpmn:${kind}></bpmn:timerEventDefinition>`;

/** [case, process body, extra root elements, element id the rejection must name, reason pattern] */
const cases: [string, string, string, string, RegExp][] = [
  [
    'a service task without job type',
    `${START}<bpmn:serviceTask id="work" />${flow('fs', 's', 'work')}`,
    '',
    'work',
    /zeebe:taskDefinition/,
  ],
  [
    'a send task with an empty job type',
    `${START}<bpmn:sendTask id="send"><bpmn:extensionElements><zeebe:taskDefinition type="" /></bpmn:extensionElements></bpmn:sendTask>${flow('fs', 's', 'send')}`,
    '',
    'send',
    /job type/,
  ],
  [
    'an exclusive gateway whose flows have neither conditions nor a default',
    `${START}<bpmn:exclusiveGateway id="gw" />${END}<bpmn:endEvent id="e2" />${flow('fs', 's', 'gw')}${flow('a', 'gw', 'e')}${flow('b', 'gw', 'e2')}`,
    '',
    'gw',
    /needs a condition/,
  ],
  [
    'a default flow with a condition',
    `${START}<bpmn:exclusiveGateway id="gw" default="b" />${END}<bpmn:endEvent id="e2" />${flow('fs', 's', 'gw')}${flow('a', 'gw', 'e', '=x')}${flow('b', 'gw', 'e2', '=y')}`,
    '',
    'gw',
    /must not have a condition/,
  ],
  [
    'a FEEL syntax error in a condition',
    `${START}<bpmn:exclusiveGateway id="gw" default="b" />${END}<bpmn:endEvent id="e2" />${flow('fs', 's', 'gw')}${flow('a', 'gw', 'e', '=x &gt;')}${flow('b', 'gw', 'e2')}`,
    '',
    'a',
    /condition: failed to parse expression 'x >'/,
  ],
  [
    'a static text as condition',
    `${START}<bpmn:exclusiveGateway id="gw" default="b" />${END}<bpmn:endEvent id="e2" />${flow('fs', 's', 'gw')}${flow('a', 'gw', 'e', 'x &gt; 1')}${flow('b', 'gw', 'e2')}`,
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
    `${START}${task('work', '<zeebe:ioMapping><zeebe:input source="=a +" target="b" /></zeebe:ioMapping>')}${flow('fs', 's', 'work')}`,
    '',
    'work',
    /zeebe:input 'b' source/,
  ],
  [
    'an invalid timer duration',
    `${START}<bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', 'ten minutes')}</bpmn:intermediateCatchEvent>${flow('fs', 's', 'wait')}`,
    '',
    'wait',
    /invalid timeDuration/,
  ],
  [
    'a timer start event with a duration',
    `<bpmn:startEvent id="ts">${timer('timeDuration', 'PT1H')}</bpmn:startEvent>`,
    '',
    'ts',
    /timeDate or timeCycle/,
  ],
  [
    'an interrupting boundary timer with a cycle',
    `${START}${task('work')}<bpmn:boundaryEvent id="b" attachedToRef="work"><bpmn:outgoing>bf</bpmn:outgoing>${timer('timeCycle', 'R/PT1H')}</bpmn:boundaryEvent>${END}${flow('fs', 's', 'work')}${flow('bf', 'b', 'e')}`,
    '',
    'b',
    /timeDuration or timeDate/,
  ],
  [
    'a non-interrupting error boundary event',
    `${START}${task('work')}<bpmn:boundaryEvent id="b" cancelActivity="false" attachedToRef="work"><bpmn:outgoing>bf</bpmn:outgoing><bpmn:errorEventDefinition /></bpmn:boundaryEvent>${END}${flow('fs', 's', 'work')}${flow('bf', 'b', 'e')}`,
    '',
    'b',
    /must be interrupting/,
  ],
  [
    'a message catch event without correlation key',
    `${START}<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>${flow('fs', 's', 'wait')}`,
    MSG,
    'wait',
    /correlationKey/,
  ],
  [
    'a message catch event without message name',
    `${START}<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>${flow('fs', 's', 'wait')}`,
    '<bpmn:message id="m" />',
    'wait',
    /has no name/,
  ],
  [
    'a receive task without message',
    `${START}<bpmn:receiveTask id="r" />${flow('fs', 's', 'r')}`,
    '',
    'r',
    /no bpmn:message/,
  ],
  [
    'an error end event without error code',
    `${START}<bpmn:endEvent id="err"><bpmn:errorEventDefinition errorRef="x" /></bpmn:endEvent>${flow('fs', 's', 'err')}`,
    '<bpmn:error id="x" name="X" />',
    'err',
    /errorCode/,
  ],
  [
    'an escalation end event without code',
    `${START}<bpmn:endEvent id="esc"><bpmn:escalationEventDefinition /></bpmn:endEvent>${flow('fs', 's', 'esc')}`,
    '',
    'esc',
    /escalationCode/,
  ],
  [
    'a call activity without process id',
    `${START}<bpmn:callActivity id="call" />${flow('fs', 's', 'call')}`,
    '',
    'call',
    /processId/,
  ],
  [
    'a link throw event without matching catch',
    `${START}<bpmn:intermediateThrowEvent id="lt"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent>${flow('fs', 's', 'lt')}`,
    '',
    'lt',
    /no link catch event named 'nowhere'/,
  ],
  [
    'a complex gateway',
    `${START}<bpmn:complexGateway id="cx" />${flow('fs', 's', 'cx')}`,
    '',
    'cx',
    /complex gateways are not supported/,
  ],
  ['a transaction', `${START}<bpmn:transaction id="tx" />${flow('fs', 's', 'tx')}`, '', 'tx', /transaction/],
  [
    'an ad-hoc sub-process',
    `${START}<bpmn:adHocSubProcess id="ah" />${flow('fs', 's', 'ah')}`,
    '',
    'ah',
    /ad-hoc/,
  ],
  [
    'a conditional event',
    `${START}<bpmn:intermediateCatchEvent id="cond"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=x</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>${flow('fs', 's', 'cond')}`,
    '',
    'cond',
    /conditional events are not supported/,
  ],
  [
    'a compensation throw event',
    `${START}<bpmn:intermediateThrowEvent id="comp"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>${flow('fs', 's', 'comp')}`,
    '',
    'comp',
    /compensate events are not supported/,
  ],
  [
    'a DMN business rule task',
    `${START}<bpmn:businessRuleTask id="dmn"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask>${flow('fs', 's', 'dmn')}`,
    '',
    'dmn',
    /DMN decisions/,
  ],
  [
    'execution listeners',
    `${START}${task('work', '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="x" /></zeebe:executionListeners>')}${flow('fs', 's', 'work')}`,
    '',
    'work',
    /execution listeners/,
  ],
  [
    'a call activity bound to its deployment',
    `${START}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" bindingType="deployment" /></bpmn:extensionElements></bpmn:callActivity>${flow('fs', 's', 'call')}`,
    '',
    'call',
    /binding 'deployment' is not supported/,
  ],
  [
    'a form bound to a version tag',
    `${START}<bpmn:userTask id="ut"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="f" bindingType="versionTag" versionTag="v1" /></bpmn:extensionElements></bpmn:userTask>${flow('fs', 's', 'ut')}`,
    '',
    'ut',
    /form binding 'versionTag'/,
  ],
  [
    'a job-worker user task',
    `${START}<bpmn:userTask id="ut" />${flow('fs', 's', 'ut')}`,
    '',
    'ut',
    /zeebe:userTask/,
  ],
  [
    'a user task priority out of range',
    `${START}<bpmn:userTask id="ut"><bpmn:extensionElements><zeebe:userTask /><zeebe:priorityDefinition priority="500" /></bpmn:extensionElements></bpmn:userTask>${flow('fs', 's', 'ut')}`,
    '',
    'ut',
    /priority/,
  ],
  [
    'a user task due date that is no date',
    `${START}<bpmn:userTask id="ut"><bpmn:extensionElements><zeebe:userTask /><zeebe:taskSchedule dueDate="next week" /></bpmn:extensionElements></bpmn:userTask>${flow('fs', 's', 'ut')}`,
    '',
    'ut',
    /dueDate/,
  ],
  [
    'an event-based gateway leading to a task',
    `${START}<bpmn:eventBasedGateway id="eg" />${task('work')}<bpmn:intermediateCatchEvent id="c2"><bpmn:signalEventDefinition signalRef="sg" /></bpmn:intermediateCatchEvent>${flow('fs', 's', 'eg')}${flow('a', 'eg', 'work')}${flow('b', 'eg', 'c2')}`,
    '<bpmn:signal id="sg" name="go" />',
    'eg',
    /must lead to a timer, message or signal/,
  ],
  [
    'an embedded sub-process without a none start event',
    `${START}<bpmn:subProcess id="sub" />${flow('fs', 's', 'sub')}`,
    '',
    'sub',
    /none start event/,
  ],
  [
    'a multi-instance without input collection',
    `${START}<bpmn:serviceTask id="mi"><bpmn:extensionElements><zeebe:taskDefinition type="t" /></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics /></bpmn:serviceTask>${flow('fs', 's', 'mi')}`,
    '',
    'mi',
    /inputCollection/,
  ],
  [
    'a standard loop',
    `${START}<bpmn:serviceTask id="loop"><bpmn:extensionElements><zeebe:taskDefinition type="t" /></bpmn:extensionElements><bpmn:standardLoopCharacteristics /></bpmn:serviceTask>${flow('fs', 's', 'loop')}`,
    '',
    'loop',
    /standard loops/,
  ],
  [
    'two message start events with the same message',
    `<bpmn:startEvent id="m1"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent><bpmn:startEvent id="m2"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>`,
    MSG,
    'm2',
    /already uses the message/,
  ],
  [
    'two none start events',
    `<bpmn:startEvent id="a1" /><bpmn:startEvent id="a2" />`,
    '',
    'a2',
    /only one none start event/,
  ],
  [
    'an end event with an outgoing flow',
    `${START}<bpmn:endEvent id="end1" />${END}${flow('fs', 's', 'end1')}${flow('x', 'end1', 'e')}`,
    '',
    'end1',
    /outgoing/,
  ],
  [
    'a boundary event without outgoing flow',
    `${START}${task('work')}<bpmn:boundaryEvent id="b" attachedToRef="work"><bpmn:signalEventDefinition signalRef="sg" /></bpmn:boundaryEvent>${flow('fs', 's', 'work')}`,
    '<bpmn:signal id="sg" name="go" />',
    'b',
    /outgoing sequence flow/,
  ],
  ['a process without start event', `${task('work')}`, '', 'p', /at least one start event/],
];

describe('parseBpmn rejections name the element and the reason', () => {
  it.each(cases)('%s', async (_name, body, roots, elementId, reason) => {
    const error = await rejection(bpmn(body, roots));
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
    const error = await rejection(bpmn(`${START}<bpmn:fancyTask id="fancy" />`));
    expect(error.message).toMatch(/test\.bpmn.*unknown type <bpmn:FancyTask>/);
    expect(error.code).toBe('INVALID_ARGUMENT');
  });

  it('rejects a flow to a missing element', async () => {
    const error = await rejection(bpmn(`${START}${flow('fs', 's', 'ghost')}`));
    expect(error.message).toMatch(/ghost/);
  });

  it('rejects duplicate ids', async () => {
    const error = await rejection(bpmn(`${START}${task('s')}`));
    expect(error.detail).toMatchObject({ elementId: 's' });
    expect(error.message).toMatch(/duplicate ID <s>/);
  });

  it('rejects a resource without executable process', async () => {
    const error = await rejection(
      bpmn('<bpmn:startEvent id="s" />').replace('isExecutable="true"', 'isExecutable="false"'),
    );
    expect(error.message).toMatch(/no executable process/);
  });

  it('accepts each minimal valid variant used above (the cases fail for their own reason)', async () => {
    const models = await parseBpmn(
      bpmn(`${START}${task('work')}${END}${flow('fs', 's', 'work')}${flow('a', 'work', 'e')}`),
      'ok.bpmn',
    );
    expect(models.map((model) => model.id)).toEqual(['p']);
  });
});

describe('parseBpmn: scope rules for start events', () => {
  const esp = (start: string, roots = '') =>
    bpmn(
      `<bpmn:startEvent id="s" /><bpmn:subProcess id="esp" triggeredByEvent="true">${start}</bpmn:subProcess>`,
      roots,
    );

  it('an event sub-process needs a triggered start event, not a none start event', async () => {
    const error = await rejection(esp('<bpmn:startEvent id="inner" />'));
    expect(error.detail).toMatchObject({ elementId: 'inner' });
    expect(error.message).toMatch(/cannot be a none event/);
  });

  it('an event sub-process message start needs a correlation key', async () => {
    const error = await rejection(
      esp(
        '<bpmn:startEvent id="inner"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>',
        '<bpmn:message id="m" name="x" />',
      ),
    );
    expect(error.detail).toMatchObject({ elementId: 'inner' });
    expect(error.message).toMatch(/correlationKey/);
  });

  it('an error start event is allowed only in event sub-processes, and only interrupting', async () => {
    const top = await rejection(
      bpmn('<bpmn:startEvent id="es"><bpmn:errorEventDefinition /></bpmn:startEvent>'),
    );
    expect(top.message).toMatch(/'es'.*cannot be a error event/);
    const nonInterrupting = await rejection(
      esp(
        '<bpmn:startEvent id="inner" isInterrupting="false"><bpmn:errorEventDefinition /></bpmn:startEvent>',
      ),
    );
    expect(nonInterrupting.message).toMatch(/'inner'.*must be interrupting/);
    const ok = await parseBpmn(
      esp('<bpmn:startEvent id="inner"><bpmn:errorEventDefinition /></bpmn:startEvent>'),
      'ok.bpmn',
    );
    expect(ok[0]?.eventSubProcessIds).toEqual(['esp']);
  });

  it('an event sub-process cannot have several start events', async () => {
    const two = await rejection(
      esp(
        '<bpmn:startEvent id="a"><bpmn:signalEventDefinition signalRef="sg" /></bpmn:startEvent><bpmn:startEvent id="b"><bpmn:signalEventDefinition signalRef="sg" /></bpmn:startEvent>',
        '<bpmn:signal id="sg" name="go" />',
      ),
    );
    expect(two.message).toMatch(/'esp'.*exactly one start event/);
  });

  it('an inclusive gateway fork needs conditions on its non-default flows', async () => {
    const error = await rejection(
      bpmn(
        `<bpmn:startEvent id="s" /><bpmn:inclusiveGateway id="ig" /><bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" /><bpmn:sequenceFlow id="a" sourceRef="s" targetRef="ig" /><bpmn:sequenceFlow id="b" sourceRef="ig" targetRef="e1" /><bpmn:sequenceFlow id="c" sourceRef="ig" targetRef="e2" />`,
      ),
    );
    expect(error.detail).toMatchObject({ elementId: 'ig' });
  });

  it('a signal event needs a named signal', async () => {
    const error = await rejection(
      bpmn(
        '<bpmn:startEvent id="s"><bpmn:signalEventDefinition signalRef="sg" /></bpmn:startEvent>',
        '<bpmn:signal id="sg" />',
      ),
    );
    expect(error.message).toMatch(/'s'.*signal/);
  });
});
