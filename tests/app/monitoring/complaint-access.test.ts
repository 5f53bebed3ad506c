/**
 * Complainant data in the cockpit (Art. 8.3, 6, 4.3): a letter names its sender, so the cockpit shows a
 * `don-thu-kien-nghi` instance to the bodies that own it (Ủy ban Kiểm tra, Thường trực) and to supervisors, and its
 * data only to members of the bodies the regulation names (UBKT, Thường trực, BTV) and of the receiving unit.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { InstanceDetail, InstanceList } from '../../../src/shared/contracts/index.js';
import { HttpClient, eventually, startTestService, useBeforeAll } from '../../support/harness/index.js';

const stack = useBeforeAll(() => startTestService());

async function signedIn(username: string, password = DEMO_PASSWORD): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, password)).status).toBe(200);
  return client;
}

const SENDER = 'Nguyễn Văn Người Gửi';

describe('complainant data in the cockpit', () => {
  it('shows a letter to UBKT and Thường trực with its data, to a supervisor elsewhere without it, and not to other bodies', async () => {
    const created = await stack.service.engineClients.zeebe.createProcessInstance({
      bpmnProcessId: 'don-thu-kien-nghi',
      variables: {
        unit: {
          code: 'so-tai-chinh',
          kind: 'co-so',
          name: 'Đảng bộ Sở Tài chính',
          group: 'co-so:so-tai-chinh',
          headGroup: 'co-so:so-tai-chinh:lanh-dao',
        },
        loaiDon: 'to-cao',
        tomTat: 'Tố cáo trưởng phòng',
        hoTenNguoiGui: SENDER,
        ngayTiepNhan: '2020-01-01',
        hanGiaiQuyet: '2020-01-10',
      } as never,
    });
    const key = String(created.processInstanceKey);
    const senderShown = (shown: InstanceDetail) =>
      shown.variables?.find((variable) => variable.name === 'hoTenNguoiGui')?.text;

    // Ủy ban Kiểm tra (Art. 6) and Thường trực (Art. 4.3) own the process: they list it and read its data.
    const ubkt = await signedIn('ubkt.canbo');
    await eventually(async () => {
      const answer = await ubkt.get('/api/monitor/instances?process=don-thu-kien-nghi');
      expect(answer.status).toBe(200);
      expect((answer.body as unknown as InstanceList).items.map((item) => item.key)).toContain(key);
    });
    const ownList = (await ubkt.get('/api/monitor/instances')).body as unknown as InstanceList;
    expect(ownList.processes.map((process) => process.id)).toEqual(['don-thu-kien-nghi']);
    await eventually(async () => {
      const answer = await ubkt.get(`/api/monitor/instances/${key}`);
      expect(answer.status).toBe(200);
      expect(senderShown(answer.body as unknown as InstanceDetail)).toContain(SENDER);
    });
    const tt = await signedIn('thuongtruc.canbo');
    const byTt = (await tt.get(`/api/monitor/instances/${key}`)).body as unknown as InstanceDetail;
    expect(senderShown(byTt)).toContain(SENDER);

    // Văn phòng and Ban Tuyên giáo own other processes, not this one: as if it did not exist.
    for (const username of ['vanphong.canbo', 'btg.canbo'])
      expect((await (await signedIn(username)).get(`/api/monitor/instances/${key}`)).status, username).toBe(
        404,
      );

    // A supervisor of a unit the regulation does not name watches the instance but not the sender's data.
    const admin = await signedIn('admin');
    const made = await admin.post('/api/admin/users', {
      username: 'giamsat.btg',
      fullName: 'Giám sát Ban Tuyên giáo',
      password: 'Kiem-tra-xa-2026!Tq',
      memberships: [{ unitCode: 'ban-tuyen-giao', roles: ['supervisor'] }],
      mustChangePassword: false,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const other = await signedIn('giamsat.btg', 'Kiem-tra-xa-2026!Tq');
    const hidden = (await other.get(`/api/monitor/instances/${key}`)).body as unknown as InstanceDetail;
    expect(hidden.variables).toBeNull();
    expect(
      (await other.request('PUT', `/api/monitor/instances/${key}/variables`, { variables: { x: 1 } })).status,
    ).toBe(403);
  }, 120_000);
});
