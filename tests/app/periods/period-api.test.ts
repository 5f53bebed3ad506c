/**
 * Issue 15, points 4 and 5, at the HTTP API of the whole service: who may watch which periods (supervisors all; Ban
 * Tuyên giáo the reporting periods and review rounds, Art. 10.2, 11.3, 11.4; Văn phòng and Thường trực the briefing
 * quarters, Art. 4.2; clerks none), bad input answered 4xx, and the documents list's audience and filters.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { DocumentList, PeriodDashboard, PeriodList } from '../../../src/shared/contracts/index.js';
import { suiteDay } from '../../support/suite-clock.js';
import { eventually, HttpClient, startTestService, useBeforeAll } from '../../support/harness/index.js';

const stack = useBeforeAll(() => startTestService());
const keys = { report: '', briefing: '', review: '' };

async function as(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

describe('period dashboard API', () => {
  it('lists the periods each body may watch, and refuses clerks with 403', async () => {
    const { zeebe } = stack.service.engineClients;
    const year = Number(suiteDay(0).slice(0, 4));
    keys.report = String(
      (
        await zeebe.createProcessInstance({
          bpmnProcessId: 'bao-cao-dan-van',
          variables: { loaiKy: 'nam', nam: year, hanNopBaoCao: suiteDay(20), hanThuThap: suiteDay(30) },
        })
      ).processInstanceKey,
    );
    keys.briefing = String(
      (await zeebe.createProcessInstance({ bpmnProcessId: 'giao-ban-quy', variables: {} }))
        .processInstanceKey,
    );
    keys.review = String(
      (
        await zeebe.createProcessInstance({
          bpmnProcessId: 'danh-gia-khen-thuong',
          variables: { nam: year, hanTuDanhGia: suiteDay(20), hanThuThap: suiteDay(30) },
        })
      ).processInstanceKey,
    );
    const supervisor = await as('giamsat');
    const listed = await eventually(async () => {
      const answer = (await supervisor.get('/api/monitor/periods')).body as unknown as PeriodList;
      expect(answer.items.map((p) => p.id).sort()).toEqual([keys.report, keys.briefing, keys.review].sort());
      expect(answer.items.every((p) => p.label !== '')).toBe(true);
      return answer;
    }, 30_000);
    expect(listed.items.find((p) => p.id === keys.report)).toMatchObject({
      processId: 'bao-cao-dan-van',
      label: `năm ${year}`,
      state: 'ACTIVE',
      startedBy: null,
    });

    const btg = await as('btg.canbo');
    const btgList = (await btg.get('/api/monitor/periods')).body as unknown as PeriodList;
    expect(btgList.items.map((p) => p.processId).sort()).toEqual(['bao-cao-dan-van', 'danh-gia-khen-thuong']);
    expect((await btg.get(`/api/monitor/periods/${keys.briefing}`)).status).toBe(404);

    const office = await as('vanphong.canbo');
    const officeList = (await office.get('/api/monitor/periods')).body as unknown as PeriodList;
    expect(officeList.items.map((p) => p.processId)).toEqual(['giao-ban-quy']);
    expect((await office.get(`/api/monitor/periods/${keys.report}`)).status).toBe(404);
    expect((await (await as('thuongtruc.lanhdao')).get('/api/monitor/periods')).status).toBe(200);

    for (const clerk of ['sotaichinh.canbo', 'doanthanhnien.lanhdao', 'btc.canbo']) {
      const client = await as(clerk);
      for (const path of [
        '/api/monitor/periods',
        `/api/monitor/periods/${keys.report}`,
        `/api/monitor/periods/${keys.report}/export.xlsx`,
        `/api/monitor/periods/${keys.report}/units/so-tai-chinh/report`,
      ])
        expect((await client.get(path)).status, `${clerk} ${path}`).toBe(403);
    }
    expect((await new HttpClient(stack.url).get('/api/monitor/periods')).status).toBe(401);
  }, 120_000);

  it('a review round lists every reporting unit with its self-evaluation task offered to it (Art. 11.4)', async () => {
    const btg = await as('btg.canbo');
    const dashboard = await eventually(async () => {
      const answer = (await btg.get(`/api/monitor/periods/${keys.review}`))
        .body as unknown as PeriodDashboard;
      expect(answer.unitCount).toBeGreaterThan(0);
      expect(answer.totals['not-started']).toBe(answer.unitCount);
      expect(answer.rows.every((row) => row.openTaskKey !== null)).toBe(true);
      return answer;
    }, 30_000);
    expect(dashboard.dueDate).toBe(`${suiteDay(20)}T17:00:00+07:00`);
    const own = dashboard.rows.find((row) => row.unitCode === 'so-tai-chinh');
    expect(own?.holder?.groupNames).toEqual(['Đảng bộ Sở Tài chính']);
    expect(dashboard.pressingIssues).toEqual([]);
  }, 60_000);

  it('a briefing quarter lists the mass organisations, each not started', async () => {
    const office = await as('vanphong.canbo');
    const dashboard = await eventually(async () => {
      const answer = (await office.get(`/api/monitor/periods/${keys.briefing}`))
        .body as unknown as PeriodDashboard;
      expect(answer.unitCount).toBeGreaterThan(0);
      return answer;
    }, 30_000);
    expect(dashboard.rows.every((row) => row.unitKind === 'doan-the')).toBe(true);
    expect(dashboard.totals['not-started']).toBe(dashboard.unitCount);
    expect(dashboard.period.label).toMatch(/^Quý [IV]+ năm \d{4}$/);
    // The briefs are asked for once Thường trực approves the plan: until then no unit holds anything.
    expect(dashboard.rows.every((row) => row.holder === null && row.openedAt === null)).toBe(true);
  }, 60_000);

  it('answers bad input with a 4xx, never a 500', async () => {
    const supervisor = await as('giamsat');
    const status = async (path: string) => (await supervisor.get(path)).status;
    expect(await status(`/api/monitor/periods/${keys.report}?status=nonsense`)).toBe(400);
    expect(await status(`/api/monitor/periods/${keys.report}?status=accepted`)).toBe(200);
    expect(await status('/api/monitor/periods/not-a-key')).toBe(404);
    expect(await status('/api/monitor/periods/99999999999')).toBe(404);
    expect(await status('/api/monitor/periods/99999999999999999999999')).toBe(404);
    expect(await status(`/api/monitor/periods/${keys.report}/units/so-tai-chinh/report`)).toBe(404);
    expect(await status(`/api/monitor/periods/${keys.report}/units/${'x'.repeat(300)}/report`)).toBe(404);
    expect(await status('/api/documents?processInstanceKey=abc')).toBe(400);
    expect(await status('/api/documents?unit=%3Cscript%3E')).toBe(400);
    expect(await status('/api/documents?page=-4')).toBe(200);
  }, 60_000);

  it('lists documents to their audience: Bloc bodies all, a clerk only their unit’s, personnel only its groups', async () => {
    const at = new Date();
    const save = (
      key: string,
      units: { code: string; name: string }[],
      audienceGroups: string[] | null = null,
    ) =>
      stack.records.saveDocument(
        {
          key,
          mauVanBan: 'quyet-dinh-khen-thuong',
          tenTep: `${key}.docx`,
          soKyHieu: `${key}-QĐ/ĐUK`,
          processInstanceKey: '42',
          audienceGroups,
          meta: {
            processId: 'danh-gia-khen-thuong',
            periodCode: '2026-DG',
            periodLabel: 'năm 2026',
            units,
            ngayBanHanh: '2026-12-01',
          },
          content: Buffer.from('PK'),
        },
        at,
      );
    await save('d1', [{ code: 'so-tai-chinh', name: 'Đảng bộ Sở Tài chính' }]);
    await save('d2', [{ code: 'benh-vien-da-khoa-tinh', name: 'Đảng bộ Bệnh viện Đa khoa tỉnh' }]);
    await save(
      'd3',
      [{ code: 'doan-thanh-nien', name: 'Đoàn Thanh niên' }],
      ['ban-to-chuc', 'doan-the:doan-thanh-nien'],
    );
    const ids = async (username: string, query = '') =>
      ((await (await as(username)).get(`/api/documents${query}`)).body as unknown as DocumentList).items
        .map((d) => d.id)
        .sort();
    expect(await ids('sotaichinh.canbo')).toEqual(['d1']);
    expect(await ids('benhvien.lanhdao')).toEqual(['d2']);
    expect(await ids('doanthanhnien.canbo')).toEqual(['d3']);
    expect(await ids('btg.canbo')).toEqual(['d1', 'd2']);
    expect(await ids('btc.canbo')).toEqual(['d1', 'd2', 'd3']);
    expect(await ids('giamsat')).toEqual(['d1', 'd2']);
    expect(await ids('btg.canbo', '?unit=benh-vien-da-khoa-tinh')).toEqual(['d2']);
    expect(await ids('btg.canbo', '?processId=giao-ban-quy')).toEqual([]);
    expect(await ids('btg.canbo', '?q=d1-q')).toEqual(['d1']);
    expect(await ids('btg.canbo', '?processInstanceKey=42&period=2026-DG')).toEqual(['d1', 'd2']);
  }, 60_000);
});
