/**
 * Issue 15's cockpit API over the whole service (engine, workers, app) with the real `bao-cao-dan-van`: the list's
 * filters and counts, an instance's overlays and history, an incident caused by a worker's input error retried
 * after the data is fixed, cancellation with a reason, and who may see and do what.
 */
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { InstanceDetail, InstanceList, ProcessView } from '../../../src/shared/contracts/index.js';
import {
  PROCESS_INSTANCE_HISTORY,
  toHistoryDocument,
  type HistoryDocument,
} from '../../../src/engine/state/history/history-collections.js';
import { HttpClient, eventually, startTestService, useBeforeAll } from '../../support/harness/index.js';

const stack = useBeforeAll(() => startTestService());

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

async function startReport(variables: Record<string, unknown>): Promise<string> {
  const created = await stack.service.engineClients.zeebe.createProcessInstance({
    bpmnProcessId: 'bao-cao-dan-van',
    variables: variables as never,
  });
  return String(created.processInstanceKey);
}

const list = async (client: HttpClient, query: string) => {
  const answer = await client.get(`/api/monitor/instances?${query}`);
  expect(answer.status).toBe(200);
  return answer.body as unknown as InstanceList;
};
const detail = async (client: HttpClient, key: string) => {
  const answer = await client.get(`/api/monitor/instances/${key}`);
  expect(answer.status).toBe(200);
  return answer.body as unknown as InstanceDetail;
};

const run = { good: '', bad: '' };

describe('the cockpit API', () => {
  it('lists a running report by unit and period, with counts per state', async () => {
    run.good = await startReport({ loaiKy: '6-thang', nam: 2026 });
    // A year the worker's input check refuses: the job fails with no retries, an incident.
    run.bad = await startReport({ loaiKy: '6-thang', nam: 1999 });
    const giamsat = await signedIn('giamsat');
    const found = await eventually(async () => {
      const page = await list(giamsat, 'process=bao-cao-dan-van&unit=so-tai-chinh&state=ACTIVE');
      expect(page.items.map((row) => row.key)).toEqual([run.good]);
      return page;
    });
    expect(found.counts.ACTIVE).toBe(1);
    expect(found.processes.map((process) => process.id)).toContain('y-kien-nhan-su');
    // The period is written by the first service task, so the instance is found by it a little later.
    await eventually(async () =>
      expect((await list(giamsat, 'period=2026-6T')).items.map((row) => row.key)).toEqual([run.good]),
    );
    expect((await list(giamsat, 'period=2025-6T')).total).toBe(0);
    const withIncidents = await eventually(async () => {
      const page = await list(giamsat, 'incidents=true');
      expect(page.items.map((row) => row.key)).toEqual([run.bad]);
      return page;
    });
    expect(withIncidents.counts.incidents).toBe(1);
    const all = await list(giamsat, `key=${run.good}`);
    expect(all.items).toHaveLength(1);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect((await list(giamsat, `from=${today}&to=${today}&sort=startDate&order=asc`)).total).toBe(2);
    expect((await list(giamsat, 'from=2020-01-01&to=2020-01-02')).total).toBe(0);
  });

  it('refuses a query it cannot mean with 400', async () => {
    const giamsat = await signedIn('giamsat');
    for (const query of [
      'state=RUNNING',
      'from=31/12/2026',
      'unit=*',
      'key=abc',
      'from=2026-02-01&to=2026-01-01',
    ])
      expect((await giamsat.get(`/api/monitor/instances?${query}`)).status, query).toBe(400);
  });

  it('shows an instance: current step with its count, the path taken, data and history', async () => {
    const giamsat = await signedIn('giamsat');
    const shown = await eventually(async () => {
      const found = await detail(giamsat, run.good);
      expect(
        found.elements.find((element) => element.elementId === 'Task_LapBaoCao')?.active,
      ).toBeGreaterThan(1);
      // The instance's variables and element history show behind its tokens under Camunda's secondary storage.
      expect(found.variables?.find((variable) => variable.name === 'period')?.text).toContain(
        '"code": "2026-6T"',
      );
      expect(found.history.find((line) => line.elementId === 'Task_XacDinhKy')?.state).toBe('COMPLETED');
      return found;
    });
    expect(shown.bpmnXml).toContain('Task_LapBaoCao');
    expect(shown.flows.length).toBeGreaterThan(1);
    expect(shown.mayAct).toBe(true);
  });

  it('retries an incident after the data is fixed, and every action is audited', async () => {
    const giamsat = await signedIn('giamsat');
    const broken = await eventually(async () => {
      const found = await detail(giamsat, run.bad);
      expect(found.incidents).toHaveLength(1);
      return found;
    });
    const incident = broken.incidents[0]!;
    expect(incident.elementId).toBe('Task_XacDinhKy');
    expect(incident.message).toMatch(/nam/);
    const fixed = await giamsat.request('PUT', `/api/monitor/instances/${run.bad}/variables`, {
      variables: { nam: 2026 },
    });
    expect(fixed.status).toBe(204);
    expect(
      (await giamsat.post(`/api/monitor/instances/${run.bad}/incidents/${incident.key}/retry`)).status,
    ).toBe(204);
    await eventually(async () => {
      const found = await detail(giamsat, run.bad);
      expect(found.incidents).toHaveLength(0);
      expect(found.elements.find((element) => element.elementId === 'Task_XacDinhKy')?.completed).toBe(1);
    });
    expect((await giamsat.post(`/api/monitor/instances/${run.bad}/cancel`, { reason: '' })).status).toBe(400);
    expect(
      (await giamsat.post(`/api/monitor/instances/${run.bad}/cancel`, { reason: 'Khởi tạo nhầm kỳ' })).status,
    ).toBe(204);
    const cancelled = await eventually(async () => {
      const found = await detail(giamsat, run.bad);
      expect(found.instance.state).toBe('TERMINATED');
      // The audit entry is written just after the 204 goes out (route-mounter), so it may trail the answer briefly.
      expect(found.actions.map((action) => action.action).sort()).toEqual([
        'monitor.incident-retry',
        'monitor.instance-cancel',
        'monitor.variables-set',
      ]);
      return found;
    });
    expect(cancelled.actions.find((action) => action.action === 'monitor.instance-cancel')?.detail).toBe(
      'Khởi tạo nhầm kỳ',
    );
    expect(
      (await giamsat.post(`/api/monitor/instances/${run.bad}/cancel`, { reason: 'lần nữa' })).status,
    ).toBe(409);
  });

  it('shows a process with per-element counts and running instances per version', async () => {
    const giamsat = await signedIn('giamsat');
    const answer = await giamsat.get('/api/monitor/processes/bao-cao-dan-van');
    expect(answer.status).toBe(200);
    const view = answer.body as unknown as ProcessView;
    expect(view.versions[0]?.running).toBe(1);
    expect(
      view.versions[0]?.elements.find((element) => element.elementId === 'Task_XacDinhKy'),
    ).toMatchObject({
      completed: 2,
    });
    expect((await giamsat.get('/api/monitor/processes/khong-co')).status).toBe(404);
  });

  it('gives each owning body its own processes, read-only for staff, and clerks nothing (403)', async () => {
    const clerk = await signedIn('sotaichinh.canbo');
    for (const path of [
      '/api/monitor/instances',
      `/api/monitor/instances/${run.good}`,
      '/api/monitor/processes/bao-cao-dan-van',
    ])
      expect((await clerk.get(path)).status, path).toBe(403);
    expect((await clerk.post(`/api/monitor/instances/${run.good}/cancel`, { reason: 'thử' })).status).toBe(
      403,
    );

    const btg = await signedIn('btg.canbo');
    const own = await list(btg, '');
    expect(own.processes.map((process) => process.id).sort()).toEqual([
      'bao-cao-dan-van',
      // Art. 5: Ban Tuyên giáo is the standing body of the "Dân vận khéo" movement's steering board.
      'dan-van-kheo',
      'danh-gia-khen-thuong',
    ]);
    expect((await detail(btg, run.good)).mayAct).toBe(false);
    expect((await btg.post(`/api/monitor/instances/${run.good}/cancel`, { reason: 'thử hủy' })).status).toBe(
      403,
    );
    expect((await btg.get('/api/monitor/instances?process=y-kien-nhan-su')).status).toBe(404);
    expect((await btg.get('/api/monitor/processes/y-kien-nhan-su')).status).toBe(404);

    const btc = await signedIn('btc.canbo');
    expect((await btc.get(`/api/monitor/instances/${run.good}`)).status).toBe(404);
  });

  it('shows personnel data only to the bodies the regulation names, and audits each read', async () => {
    const created = await stack.service.engineClients.zeebe.createProcessInstance({
      bpmnProcessId: 'y-kien-nhan-su',
      variables: {
        unit: {
          code: 'doan-thanh-nien',
          kind: 'doan-the',
          name: 'Đoàn Thanh niên Khối',
          group: 'doan-the:doan-thanh-nien',
          headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
        },
        hoTenUngVien: 'Nguyễn Văn Ứng Viên',
      } as never,
    });
    const key = String(created.processInstanceKey);
    // giamsat is a supervisor of Ủy ban Kiểm tra, a body the regulation names: they read it, and the read is audited.
    const giamsat = await signedIn('giamsat');
    // Just started, the instance is not in the engine's searches yet (Camunda 8.8): a clear 404 that says so.
    const early = await giamsat.get(`/api/monitor/instances/${key}`);
    if (early.status === 404) expect(JSON.stringify(early.body)).toContain('vài giây');
    // Every read that shows the instance's data to giamsat is audited, the ones before its variables showed too.
    let readsByGiamsat = early.status === 200 ? 1 : 0;
    await eventually(async () => {
      const shown = await detail(giamsat, key);
      readsByGiamsat++;
      expect(shown.variables?.find((variable) => variable.name === 'hoTenUngVien')?.text).toContain(
        'Ứng Viên',
      );
    });
    // A supervisor of another unit watches the instance but not its personnel data.
    const admin = await signedIn('admin');
    const made = await admin.post('/api/admin/users', {
      username: 'giamsat.khac',
      fullName: 'Giám sát Sở Tài chính',
      password: 'Kiem-tra-xa-2026!Tq',
      memberships: [{ unitCode: 'so-tai-chinh', roles: ['supervisor'] }],
      mustChangePassword: false,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const other = new HttpClient(stack.url);
    expect((await other.signIn('giamsat.khac', 'Kiem-tra-xa-2026!Tq')).status).toBe(200);
    const hidden = await detail(other, key);
    expect(hidden.variables).toBeNull();
    expect(
      (await other.request('PUT', `/api/monitor/instances/${key}/variables`, { variables: { x: 1 } })).status,
    ).toBe(403);
    const audit = await admin.get(`/api/admin/audit?action=personnel.instance-read&target=${key}`);
    const entries = (audit.body as unknown as { items: { actor: string }[] }).items;
    expect(entries.map((entry) => entry.actor)).toEqual(
      Array.from({ length: readsByGiamsat }, () => 'giamsat'),
    );
    // Ban Tổ chức's staff watch the personnel process; Ban Tuyên giáo's do not.
    expect((await detail(await signedIn('btc.canbo'), key)).variables).not.toBeNull();
    expect((await (await signedIn('btg.canbo')).get(`/api/monitor/instances/${key}`)).status).toBe(404);
  });
  it('says "at least" where the engine stops counting at 10,000, as Camunda 8.8 does', async () => {
    const giamsat = await signedIn('giamsat');
    // Ten years of cancelled reports: copies of the one cancelled above, written as the engine's history copy writes.
    const client = await MongoClient.connect(stack.database.sibling('-engine').uri);
    try {
      const history = client.db().collection<HistoryDocument>(PROCESS_INSTANCE_HISTORY);
      const model = await eventually(async () => {
        const found = await history.findOne({ _id: run.bad });
        expect(found).not.toBeNull();
        return found!;
      });
      const record = JSON.parse(String(model.j)) as Record<string, unknown>;
      const copies = Array.from({ length: 10_020 }, (_, index) => {
        const key = String(BigInt(run.bad) + 5_000_000n + BigInt(index));
        return toHistoryDocument(key, JSON.stringify({ ...record, key, processInstanceKey: key }));
      });
      for (let from = 0; from < copies.length; from += 1000)
        await history.insertMany(copies.slice(from, from + 1000));
    } finally {
      await client.close();
    }
    const cancelled = await eventually(async () => {
      const page = await list(giamsat, 'process=bao-cao-dan-van&state=TERMINATED');
      expect(page.totalIsLowerBound).toBe(true);
      expect(page.items).toHaveLength(page.pageSize);
      return page;
    }, 20_000);
    expect(cancelled.total).toBe(10_000);
    expect(cancelled.counts.TERMINATED).toBe(10_000);
    expect(cancelled.countIsLowerBound.TERMINATED).toBe(true);
    // The running ones are few, and counted exactly.
    expect(cancelled.countIsLowerBound.ACTIVE).toBe(false);
    expect(cancelled.counts.ACTIVE).toBeLessThan(100);
  }, 60_000);
});
