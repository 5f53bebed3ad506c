/** Tiny BPMN authoring helpers: the tests spell out each process's XML, these only supply the boilerplate. */

export function definitions(processId: string, body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  ${extra}
  <bpmn:process id="${processId}" name="${processId}" isExecutable="true">
    ${body}
  </bpmn:process>
</bpmn:definitions>`;
}

export function flow(from: string, to: string, condition?: string): string {
  const id = `Flow_${from}_${to}`;
  if (!condition) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>`;
}

export function serviceTask(id: string, type: string, retries = 3, extensions = ''): string {
  return `<bpmn:serviceTask id="${id}" name="${id}">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="${type}" retries="${retries}" />
        ${extensions}
      </bpmn:extensionElements>
    </bpmn:serviceTask>`;
}

/** start → one service task of `type` → end: the benchmark's and many tests' process. */
export function oneTaskProcess(processId: string, type: string, retries = 3): string {
  return definitions(
    processId,
    `<bpmn:startEvent id="start" />
    ${serviceTask('task', type, retries)}
    <bpmn:endEvent id="end" />
    ${flow('start', 'task')}
    ${flow('task', 'end')}`,
  );
}

export function userTaskProcess(
  processId: string,
  attributes: { candidateGroups?: string; formId?: string; assignee?: string } = {},
): string {
  const assignment =
    attributes.candidateGroups || attributes.assignee
      ? `<zeebe:assignmentDefinition${attributes.assignee ? ` assignee="${attributes.assignee}"` : ''}${attributes.candidateGroups ? ` candidateGroups="${attributes.candidateGroups}"` : ''} />`
      : '';
  const form = attributes.formId ? `<zeebe:formDefinition formId="${attributes.formId}" />` : '';
  return definitions(
    processId,
    `<bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="Review">
      <bpmn:extensionElements>
        <zeebe:userTask />
        ${assignment}
        ${form}
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    ${flow('start', 'review')}
    ${flow('review', 'end')}`,
  );
}

export function resource(name: string, xml: string): { name: string; process: Buffer } {
  return { name, process: Buffer.from(xml) };
}
