import {
  element,
  endEvent,
  extensions,
  flow,
  processXml,
  startEvent,
  userTask,
} from '../../../support/harness/index.js';
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

const task = (id: string, name: string, candidateGroups: string) =>
  userTask(id, { name, candidateGroups, formId: PERIOD_FORM_ID });

const periodXml = processXml(
  PERIOD_PROCESS_ID,
  [
    startEvent('start'),
    element('bpmn:parallelGateway', { id: 'fork' }),
    task('theoDoi', 'Ban Tuyên giáo theo dõi', 'ban-tuyen-giao'),
    element(
      'bpmn:subProcess',
      { id: 'donVi' },
      element(
        'bpmn:multiInstanceLoopCharacteristics',
        {},
        extensions(element('zeebe:loopCharacteristics', { inputCollection: '=units', inputElement: 'unit' })),
      ),
      startEvent('donViStart'),
      task('lap', 'Lập báo cáo', '=[unit.group]'),
      endEvent('donViEnd'),
      flow('donViStart', 'lap', { id: 'd1' }),
      flow('lap', 'donViEnd', { id: 'd2' }),
    ),
    element('bpmn:parallelGateway', { id: 'join' }),
    endEvent('end'),
    flow('start', 'fork', { id: 'f1' }),
    flow('fork', 'theoDoi', { id: 'f2' }),
    flow('fork', 'donVi', { id: 'f3' }),
    flow('theoDoi', 'join', { id: 'f4' }),
    flow('donVi', 'join', { id: 'f5' }),
    flow('join', 'end', { id: 'f6' }),
  ],
  { name: 'Kỳ báo cáo thử' },
);

const personnelXml = processXml(
  PERSONNEL_PROCESS_ID,
  [
    startEvent('start'),
    task('kiemTra', 'Ban Tổ chức kiểm tra hồ sơ', '=["ban-to-chuc", unit.group]'),
    endEvent('end'),
    flow('start', 'kiemTra', { id: 'f1' }),
    flow('kiemTra', 'end', { id: 'f2' }),
  ],
  { name: 'Cho ý kiến nhân sự (thử)' },
);

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
