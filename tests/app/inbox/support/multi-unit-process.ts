import type { TaskEngineFixture } from './task-engine-fixture.js';

/**
 * One reporting period as the real processes run it: one instance, a task for Ban Tuyên giáo beside a parallel
 * multi-instance sub-process with one drafting task per unit (`=[unit.group]`). And a one-task `y-kien-nhan-su`
 * (personnel) process for the submitting organisation and Ban Tổ chức.
 */
export const PERIOD_PROCESS_ID = 'ky-bao-cao-thu';
export const PERIOD_FORM_ID = 'ky-bao-cao-thu-form';
export const PERSONNEL_PROCESS_ID = 'y-kien-nhan-su';

/** A text field, a number and a group of two: the keys a draft may hold. */
export const periodForm = {
  id: PERIOD_FORM_ID,
  type: 'default',
  components: [
    { type: 'textfield', id: 'Field_a', key: 'a', label: 'Nội dung' },
    { type: 'number', id: 'Field_n', key: 'n', label: 'Số mô hình', validate: { min: 0, max: 500 } },
    {
      type: 'group',
      id: 'Group_g',
      path: 'g',
      label: 'Nhóm',
      components: [{ type: 'textfield', id: 'Field_x', key: 'x', label: 'X' }],
    },
  ],
};

const userTask = (id: string, name: string, groups: string) => `
    <bpmn:userTask id="${id}" name="${name}">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="${groups}" />
        <zeebe:formDefinition formId="${PERIOD_FORM_ID}" />
      </bpmn:extensionElements>
    </bpmn:userTask>`;

const periodXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_period" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PERIOD_PROCESS_ID}" name="Kỳ báo cáo thử" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="fork" />
    ${userTask('theoDoi', 'Ban Tuyên giáo theo dõi', 'ban-tuyen-giao')}
    <bpmn:subProcess id="donVi">
      <bpmn:multiInstanceLoopCharacteristics>
        <bpmn:extensionElements>
          <zeebe:loopCharacteristics inputCollection="=units" inputElement="unit" />
        </bpmn:extensionElements>
      </bpmn:multiInstanceLoopCharacteristics>
      <bpmn:startEvent id="donViStart" />
      ${userTask('lap', 'Lập báo cáo', '=[unit.group]')}
      <bpmn:endEvent id="donViEnd" />
      <bpmn:sequenceFlow id="d1" sourceRef="donViStart" targetRef="lap" />
      <bpmn:sequenceFlow id="d2" sourceRef="lap" targetRef="donViEnd" />
    </bpmn:subProcess>
    <bpmn:parallelGateway id="join" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="theoDoi" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="donVi" />
    <bpmn:sequenceFlow id="f4" sourceRef="theoDoi" targetRef="join" />
    <bpmn:sequenceFlow id="f5" sourceRef="donVi" targetRef="join" />
    <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const personnelXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_personnel" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PERSONNEL_PROCESS_ID}" name="Cho ý kiến nhân sự (thử)" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('kiemTra', 'Ban Tổ chức kiểm tra hồ sơ', '=[&quot;ban-to-chuc&quot;, unit.group]')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="kiemTra" />
    <bpmn:sequenceFlow id="f2" sourceRef="kiemTra" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

export const unitRef = (kind: 'co-so' | 'doan-the', code: string, name: string) => ({
  code,
  kind,
  name,
  group: `${kind}:${code}`,
  headGroup: `${kind}:${code}:lanh-dao`,
});

export async function deployMultiUnitProcesses(fixture: TaskEngineFixture): Promise<void> {
  await fixture.clients.zeebe.deployResources([
    { name: `${PERIOD_PROCESS_ID}.bpmn`, process: Buffer.from(periodXml) },
    { name: `${PERSONNEL_PROCESS_ID}.bpmn`, process: Buffer.from(personnelXml) },
    { name: `${PERIOD_FORM_ID}.form`, form: Buffer.from(JSON.stringify(periodForm)) },
  ]);
}

/** Starts an instance and waits until `count` of its tasks are searchable; their keys by candidate group. */
export async function startAndWait(
  fixture: TaskEngineFixture,
  bpmnProcessId: string,
  variables: Record<string, unknown>,
  count: number,
): Promise<{ processInstanceKey: string; byGroup: Map<string, string> }> {
  const { processInstanceKey } = await fixture.clients.zeebe.createProcessInstance({
    bpmnProcessId,
    variables: variables as never,
  });
  const noWait = { consistency: { waitUpToMs: 0 } };
  for (let attempt = 0; attempt < 300; attempt++) {
    const found = await fixture.clients.rest.searchUserTasks(
      { filter: { processInstanceKey } } as never,
      noWait as never,
    );
    const items = (found as { items: { userTaskKey: unknown; candidateGroups?: string[] }[] }).items;
    if (items.length >= count) {
      const byGroup = new Map<string, string>();
      for (const item of items) byGroup.set((item.candidateGroups ?? []).join(','), String(item.userTaskKey));
      return { processInstanceKey: String(processInstanceKey), byGroup };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`instance ${String(processInstanceKey)} did not reach ${count} tasks`);
}
