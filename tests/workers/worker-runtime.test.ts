/**
 * The worker runtime's contract (issue 4): bad variables end in a clear incident naming them, a modelled business
 * failure is a BPMN error the process catches, and a retried job does no harm.
 */
import { describe, expect, it } from 'vitest';
import { eventually, loose, noWait, useScenario } from '../scenarios/support/scenario-harness.js';
import {
  bpmnElement,
  element,
  endEvent,
  flow,
  processXml,
  startEvent,
  taskHeaders,
} from '../support/harness/index.js';

const h = useScenario('2026-05-01T02:00:00.000Z');

async function incidentsOf(processInstanceKey: string) {
  const found = await h.rest.searchIncidents(loose({ filter: { processInstanceKey } }), noWait);
  return found.items as unknown as { errorMessage: string; elementId: string; state: string }[];
}

describe('worker runtime', () => {
  it('no active unit: xac-dinh-don-vi-bao-cao throws KHONG_CO_DON_VI with its Vietnamese message, caught by the process; retried after the fix', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: '6-thang', nam: 2026 },
    });
    const task = await h.waitForTask(pik, 'Task_KiemTraDonVi', 'ban-tuyen-giao');
    const variables = await h.rest.searchUserTaskVariables(loose({ userTaskKey: task.userTaskKey }), noWait);
    const message = variables.items.find((v) => v.name === 'loiXacDinhDonVi');
    expect(String(message?.value)).toContain('Không có đơn vị nào');
    expect(await incidentsOf(pik)).toEqual([]);

    // Ban Tuyên giáo fixes the organisation model and retries: the period goes on with the unit now active.
    await h.directory.units.create({
      code: 'so-tai-chinh',
      name: 'Đảng bộ Sở Tài chính',
      kind: 'co-so',
      sector: 'co-quan',
    });
    await h.complete(pik, 'Task_KiemTraDonVi', { xuLy: 'thu-lai', ghiChuXuLy: 'Đã bổ sung đơn vị.' });
    await h.waitForTask(pik, 'Task_LapBaoCao', 'co-so:so-tai-chinh');
  }, 60_000);

  it('a variable of the wrong type becomes an incident naming it, with no retry', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: 'ca-nam', nam: 'hai nghìn' },
    });
    const incidents = await eventually(async () => {
      const found = await incidentsOf(pik);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(incidents[0]!.elementId).toBe('Task_XacDinhKy');
    expect(incidents[0]!.errorMessage).toContain('"nam" sai kiểu');
    expect(incidents[0]!.errorMessage).toContain('"loaiKy"');
    // The instance's own record may show after its incident's under ENGINE_PROFILE=camunda-8.8, as on Camunda.
    await eventually(async () => expect(await h.state(pik)).toBe('ACTIVE'));
  }, 60_000);

  it('a missing variable becomes an incident naming it (personnel file without a candidate)', async () => {
    await h.directory.units.create({
      code: 'doan-thanh-nien',
      name: 'Đoàn Thanh niên Khối',
      kind: 'doan-the',
    });
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'y-kien-nhan-su',
      variables: {
        unit: {
          code: 'doan-thanh-nien',
          kind: 'doan-the',
          name: 'Đoàn Thanh niên Khối',
          group: 'doan-the:doan-thanh-nien',
          headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
        },
        chucDanh: 'bi-thu-doan-thanh-nien-khoi',
      },
    });
    const incidents = await eventually(async () => {
      const found = await incidentsOf(pik);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(incidents[0]!.errorMessage).toContain('thiếu biến "hoTenUngVien"');
  }, 60_000);

  it('a unit of the wrong kind is refused by luu-ho-so-nhan-su with a clear incident', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'y-kien-nhan-su',
      variables: {
        unit: {
          code: 'so-y-te',
          kind: 'co-so',
          name: 'Đảng bộ Sở Y tế',
          group: 'co-so:so-y-te',
          headGroup: 'co-so:so-y-te:lanh-dao',
        },
        chucDanh: 'bi-thu-doan-thanh-nien-khoi',
        hoTenUngVien: 'Trần Văn Bình',
      },
    });
    const incidents = await eventually(async () => {
      const found = await incidentsOf(pik);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(incidents[0]!.errorMessage).toContain('không phải Đoàn thể Khối');
  }, 60_000);

  it('an unexpected failure is retried, then becomes an incident with the worker, element and cause', async () => {
    const bpmn = processXml('thu-thong-bao', [
      startEvent('start'),
      bpmnElement('sendTask', { id: 'Task_Gui', name: 'Gửi' }, [
        element('zeebe:taskDefinition', { type: 'gui-thong-bao', retries: 2 }),
        taskHeaders({ loaiThongBao: 'khong-co-loai-nay' }),
      ]),
      endEvent('end'),
      flow('start', 'Task_Gui', { id: 'f1' }),
      flow('Task_Gui', 'end', { id: 'f2' }),
    ]);
    await h.zeebe.deployResource({ name: 'thu-thong-bao.bpmn', process: Buffer.from(bpmn) });
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'thu-thong-bao',
      variables: { nhomNhan: ['ban-tuyen-giao'] },
    });
    const incidents = await eventually(async () => {
      const found = await incidentsOf(pik);
      expect(found).toHaveLength(1);
      return found;
    }, 30_000);
    expect(incidents[0]!.elementId).toBe('Task_Gui');
    expect(incidents[0]!.errorMessage).toContain('"gui-thong-bao" thất bại tại Task_Gui');
    expect(incidents[0]!.errorMessage).toContain('khong-co-loai-nay');
  }, 60_000);
});
