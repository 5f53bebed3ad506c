/**
 * Điều 8.3 Quy chế công tác Dân vận (926-QĐ/ĐUK): the committee of a base Party organisation has its head receive
 * citizens and resolves promptly the complaints, denunciations, petitions and feedback ("khiếu nại, tố cáo, kiến nghị,
 * phản ánh") of its cadres, Party members, workers and members. Điều 6: Ủy ban Kiểm tra Đảng ủy Khối advises on
 * resolving petitions, complaints and denunciations. Điều 4.3: Ban Thường vụ directs their resolution.
 */
import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission } from '../../src/app/forms/index.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { DENUNCIATION, PETITION, REPLY, SIGNED, UNIT, formOf } from './support/complaint-fixture.js';
import { eventually, loose, noWait, useScenario, type UserTask } from './support/scenario-harness.js';

const h = useScenario('2026-06-01T02:00:00.000Z', { organisation: true });

/** The variables a user task shows its form, by name, parsed; the innermost scope first, as Camunda 8.8 answers. */
async function taskVariables(task: UserTask): Promise<Record<string, unknown>> {
  const found = await h.rest.searchUserTaskVariables(
    loose({ userTaskKey: task.userTaskKey, truncateValues: false }),
    noWait,
  );
  const values: Record<string, unknown> = {};
  for (const v of found.items)
    if (!(v.name in values)) values[v.name] = JSON.parse(String(v.value)) as unknown;
  return values;
}

async function notices(kind: string, processInstanceKey: string) {
  return h.connection.collection('notifications').find({ kind, processInstanceKey }).toArray();
}
const recipients = async (kind: string, pik: string) =>
  new Set((await notices(kind, pik)).map((n) => n.username as string));

describe('don-thu-kien-nghi (Art. 8.3, 6, 4.3)', () => {
  it('Art. 8.3: a petition received by the head of the committee is classified, resolved and answered in time', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'don-thu-kien-nghi',
      variables: { unit: UNIT, ...PETITION },
    });
    expect(await h.variable(pik, 'handlingDueDate')).toBe('2026-06-15T17:00:00+07:00');
    expect(await h.variable(pik, 'reminderDate')).toBe('2026-06-13T17:00:00+07:00');
    const filed = await h.records.findRecord(`${pik}-don-thu-tiep-nhan`);
    expect(filed?.data).toMatchObject({ unit: { code: 'so-tai-chinh' }, hoTenNguoiGui: 'Nguyễn Văn Bình' });

    // The head of the committee classifies it, with the letter in front of them; a petition stays with the unit.
    const classify = await h.waitForTask(pik, 'Task_PhanLoai', UNIT.headGroup);
    expect(classify.candidateGroups).toEqual([UNIT.headGroup]);
    expect(await taskVariables(classify)).toMatchObject({
      noiDung: PETITION.noiDung,
      tomTat: PETITION.tomTat,
    });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: classify.userTaskKey,
        variables: { phanLoai: 'kien-nghi', yKienPhanCong: 'Văn phòng cấp ủy làm việc với Văn phòng Sở.' },
      }),
    );
    const resolve = await h.waitForTask(pik, 'Task_GiaiQuyet', UNIT.group);
    expect(resolve.candidateGroups).toEqual([UNIT.group]);
    expect(await h.variable(pik, 'canThamMuuUbkt')).toBe(false);
    await h.rest.completeUserTask(loose({ userTaskKey: resolve.userTaskKey, variables: REPLY }));

    // The head sees the resolution and the draft answer, returns it once, then signs the corrected one.
    const approve = await h.waitForTask(pik, 'Task_DuyetTraLoi', UNIT.headGroup);
    expect(await taskVariables(approve)).toMatchObject({
      noiDung: PETITION.noiDung,
      ketQuaGiaiQuyet: REPLY.ketQuaGiaiQuyet,
      noiDungTraLoi: REPLY.noiDungTraLoi,
    });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: approve.userTaskKey,
        variables: { quyetDinh: 'tra-lai', yKienTraLai: 'Nêu rõ số tiền đã chi trả cho người lao động.' },
      }),
    );
    const again = await h.waitForTask(pik, 'Task_GiaiQuyet', UNIT.group);
    expect(await taskVariables(again)).toMatchObject({
      yKienTraLai: 'Nêu rõ số tiền đã chi trả cho người lao động.',
      noiDungTraLoi: REPLY.noiDungTraLoi,
    });
    const corrected = `${REPLY.noiDungTraLoi}\nSố tiền đã chi trả: 12.500.000 đồng.`;
    await h.rest.completeUserTask(
      loose({ userTaskKey: again.userTaskKey, variables: { ...REPLY, noiDungTraLoi: corrected } }),
    );
    await h.complete(pik, 'Task_DuyetTraLoi', SIGNED, UNIT.headGroup);

    // The answer, over the committee's own heading and its Secretary's signature, filed for the unit only.
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));
    const doc = await h.records.findDocument(`${pik}-tra-loi-don-thu`);
    expect(doc?.meta?.units).toEqual([{ code: 'so-tai-chinh', name: 'Đảng bộ Sở Tài chính' }]);
    const reply = openDocx(doc!.content);
    expect(reply.paragraphs).toContain('Số 15-CV/ĐU');
    expect(reply.text).toContain('ĐẢNG ỦY SỞ TÀI CHÍNH');
    expect(reply.text).toContain('Ông (bà) Nguyễn Văn Bình');
    expect(reply.text).toContain('Số tiền đã chi trả: 12.500.000 đồng.');
    expect(reply.text).toContain('T/M ĐẢNG ỦY');
    expect(reply.text).not.toContain('Ủy ban Kiểm tra');
    const outcome = await h.records.findRecord(`${pik}-don-thu-kien-nghi`);
    expect(outcome?.data).toMatchObject({
      phanLoai: 'kien-nghi',
      soKyHieu: '15-CV/ĐU',
      ngayGiaiQuyet: '2026-06-10',
    });
    // Answered in time: nobody was reminded or told of a delay; the unit is told it has answered.
    expect(await notices('nhac-han-don-thu', pik)).toEqual([]);
    expect(await notices('qua-han-don-thu', pik)).toEqual([]);
    await eventually(async () =>
      expect(await recipients('tra-loi-don-thu', pik)).toEqual(
        new Set(['nv.so-tai-chinh', 'lanhdao.so-tai-chinh']),
      ),
    );
  }, 240_000);

  it('Art. 6, 4.3: a denunciation against a Party member goes to Ủy ban Kiểm tra for advice, then Thường trực directs', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'don-thu-kien-nghi',
      variables: { unit: UNIT, ...DENUNCIATION },
    });
    await h.complete(
      pik,
      'Task_PhanLoai',
      {
        phanLoai: 'to-cao',
        toCaoDangVien: true,
        yKienPhanCong: 'Chuyển Ủy ban Kiểm tra Đảng ủy Khối tham mưu.',
      },
      UNIT.headGroup,
    );
    // Only Ủy ban Kiểm tra gets it next: the unit has no handling task before the advice and the direction.
    const advice = await h.waitForTask(pik, 'Task_ThamMuuUbkt', 'ubkt');
    expect(advice.candidateGroups).toEqual(['ubkt']);
    expect((await h.openTasks(pik)).map((t) => t.elementId)).toEqual(['Task_ThamMuuUbkt']);
    expect(await taskVariables(advice)).toMatchObject({
      noiDung: DENUNCIATION.noiDung,
      doiTuongBiKhieuNai: DENUNCIATION.doiTuongBiKhieuNai,
      phanLoai: 'to-cao',
      toCaoDangVien: true,
    });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: advice.userTaskKey,
        variables: {
          yKienThamMuu: 'Đề nghị giao Đảng ủy Sở xác minh, làm rõ; Ủy ban Kiểm tra theo dõi kết quả.',
        },
      }),
    );
    const direction = await h.waitForTask(pik, 'Task_ChiDao', 'thuong-truc');
    expect(direction.candidateGroups).toEqual(['thuong-truc', 'btv']);
    expect(await taskVariables(direction)).toMatchObject({
      yKienThamMuu: 'Đề nghị giao Đảng ủy Sở xác minh, làm rõ; Ủy ban Kiểm tra theo dõi kết quả.',
    });
    await h.rest.completeUserTask(
      loose({
        userTaskKey: direction.userTaskKey,
        variables: { yKienChiDao: 'Đảng ủy Sở xác minh, kết luận, trả lời người tố cáo trước ngày 15/6.' },
      }),
    );
    const resolve = await h.waitForTask(pik, 'Task_GiaiQuyet', UNIT.group);
    expect(await taskVariables(resolve)).toMatchObject({
      yKienThamMuu: expect.stringContaining('xác minh'),
      yKienChiDao: expect.stringContaining('trả lời người tố cáo'),
    });
    await h.rest.completeUserTask(loose({ userTaskKey: resolve.userTaskKey, variables: REPLY }));
    await h.complete(pik, 'Task_DuyetTraLoi', SIGNED, UNIT.headGroup);
    await eventually(async () => expect(await h.state(pik)).toBe('COMPLETED'));

    const doc = await h.records.findDocument(`${pik}-tra-loi-don-thu`);
    const reply = openDocx(doc!.content);
    expect(reply.text).toContain('đơn tố cáo');
    expect(reply.text).toContain('trên cơ sở tham mưu của Ủy ban Kiểm tra Đảng ủy Khối');
    // The sender is named in the answer: only the unit and the bodies the regulation names read it.
    expect(new Set(doc?.audienceGroups)).toEqual(
      new Set(['ubkt', 'thuong-truc', 'btv', UNIT.group, UNIT.headGroup]),
    );
    await eventually(async () =>
      expect(await recipients('tra-loi-don-thu', pik)).toEqual(
        new Set(['nv.so-tai-chinh', 'lanhdao.so-tai-chinh', 'nv.ubkt', 'nv.thuong-truc']),
      ),
    );
  }, 240_000);

  it('Art. 8.3, 4.3: a letter not answered in time — the unit is reminded, then Thường trực and UBKT are told', async () => {
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'don-thu-kien-nghi',
      variables: { unit: UNIT, ...PETITION, loaiDon: 'khieu-nai', hanGiaiQuyet: '2026-06-20' },
    });
    await h.complete(
      pik,
      'Task_PhanLoai',
      { phanLoai: 'khieu-nai', xinYKienUbkt: true, yKienPhanCong: 'Xin ý kiến Ủy ban Kiểm tra.' },
      UNIT.headGroup,
    );
    await h.waitForTask(pik, 'Task_ThamMuuUbkt', 'ubkt');
    // Two days before the due date: the unit and its head are reminded; nobody else yet.
    h.clock.set('2026-06-18T10:30:00Z');
    await eventually(async () =>
      expect(await recipients('nhac-han-don-thu', pik)).toEqual(
        new Set(['nv.so-tai-chinh', 'lanhdao.so-tai-chinh']),
      ),
    );
    expect(await notices('qua-han-don-thu', pik)).toEqual([]);
    // The due date passes: the head, Thường trực (Art. 4.3) and Ủy ban Kiểm tra, which holds it, are told.
    h.clock.set('2026-06-20T10:30:00Z');
    const overdue = await eventually(async () => {
      const found = await notices('qua-han-don-thu', pik);
      expect(new Set(found.map((n) => n.username))).toEqual(
        new Set(['lanhdao.so-tai-chinh', 'nv.thuong-truc', 'nv.ubkt']),
      );
      return found;
    });
    // The notice names the unit and the dates, never the sender or what the letter says.
    expect(overdue[0]?.text).toContain('Đảng bộ Sở Tài chính');
    expect(overdue[0]?.text).not.toContain(PETITION.hoTenNguoiGui);
    // The work goes on: the advice task is still open, and the instance too.
    expect((await h.openTasks(pik)).map((t) => t.elementId)).toEqual(['Task_ThamMuuUbkt']);
  }, 120_000);

  it('Art. 8.3: bad input is refused — a past due date, dates that disagree, a unit that is not a base organisation', async () => {
    const now = new Date('2026-06-01T02:00:00.000Z');
    const receipt = compileForm(formOf('don-thu-kien-nghi-tiep-nhan'));
    expect(validateSubmission(receipt, PETITION, {}, { now }).ok).toBe(true);
    const wrong = validateSubmission(
      receipt,
      { ...PETITION, ngayTiepNhan: '2026-06-03', hanGiaiQuyet: '2026-06-02', nguoiTiepCongDan: '' },
      {},
      { now },
    );
    expect(wrong.ok ? [] : wrong.errors.map((e) => [e.field, e.code])).toContainEqual([
      'hanGiaiQuyet',
      'FORM_RULE',
    ]);
    if (!wrong.ok) {
      expect(wrong.errors.find((e) => e.code === 'FORM_RULE')?.message).toBe(
        'Hạn giải quyết không được trước ngày tiếp nhận đơn thư.',
      );
      // The head who received the citizen must be named.
      expect(wrong.errors.map((e) => e.field)).toContain('nguoiTiepCongDan');
    }
    const past = validateSubmission(
      receipt,
      { ...PETITION, ngayTiepNhan: '2026-05-20', hanGiaiQuyet: '2026-05-25' },
      {},
      { now },
    );
    expect(past.ok ? [] : past.errors.map((e) => e.field)).toEqual(['hanGiaiQuyet']);

    // The answer cannot be resolved before the letter arrived, nor signed before it was resolved.
    const resolve = compileForm(formOf('don-thu-kien-nghi-giai-quyet'));
    const early = validateSubmission(
      resolve,
      { ...REPLY, ngayGiaiQuyet: '2026-05-30' },
      { ngayTiepNhan: '2026-06-01' },
      { now },
    );
    expect(early.ok ? [] : early.errors.map((e) => [e.field, e.code])).toEqual([
      ['ngayGiaiQuyet', 'FORM_RULE'],
    ]);
    const approve = compileForm(formOf('don-thu-kien-nghi-duyet-tra-loi'));
    const signedEarly = validateSubmission(
      approve,
      { ...SIGNED, ngayBanHanh: '2026-06-09' },
      { ngayGiaiQuyet: '2026-06-10' },
      { now },
    );
    expect(signedEarly.ok ? [] : signedEarly.errors.map((e) => [e.field, e.code])).toEqual([
      ['ngayBanHanh', 'FORM_RULE'],
    ]);
    const badNumber = validateSubmission(
      approve,
      { ...SIGNED, soKyHieu: '15/CV' },
      { ngayGiaiQuyet: '2026-06-10' },
      { now },
    );
    expect(badNumber.ok ? [] : badNumber.errors.map((e) => e.field)).toEqual(['soKyHieu']);
    // A return says why.
    const silent = validateSubmission(approve, { quyetDinh: 'tra-lai' }, {}, { now });
    expect(silent.ok ? [] : silent.errors.map((e) => e.field)).toEqual(['yKienTraLai']);

    // A mass organisation is not a base organisation's committee: the register refuses it (an incident, nothing filed).
    const union = {
      ...UNIT,
      code: 'doan-thanh-nien',
      kind: 'doan-the',
      group: 'doan-the:doan-thanh-nien',
      headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
    };
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'don-thu-kien-nghi',
      variables: { unit: union, ...PETITION },
    });
    await eventually(async () => {
      const incidents = await h.rest.searchIncidents(loose({ filter: { processInstanceKey: pik } }), noWait);
      expect((incidents.items ?? []).map((i) => i.elementId)).toEqual(['Task_TiepNhan']);
      expect(incidents.items?.[0]?.errorMessage).toContain('không phải chi, đảng bộ cơ sở');
    }, 40_000);
    expect(await h.records.findRecord(`${pik}-don-thu-tiep-nhan`)).toBeUndefined();
    expect(await h.openTasks(pik)).toEqual([]);
  }, 120_000);
});
