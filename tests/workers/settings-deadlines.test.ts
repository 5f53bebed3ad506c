/**
 * Issue 14, point 6: each process's deadlines are read from the saved settings when the worker runs, so a saved change
 * moves the deadlines computed after it. One test per process, each through the real settings store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisation } from '../../src/app/seed/seed.service.js';
import { DEFAULT_SETTINGS, SettingsStore } from '../../src/app/settings/index.js';
import { suggestedSymbol } from '../../src/app/settings/index.js';
import type { ProcessSettingsValues } from '../../src/shared/contracts/index.js';
import { luuHoSoNhanSu } from '../../src/workers/jobs/luu-ho-so-nhan-su.worker.js';
import { xacDinhHanGiaoBan } from '../../src/workers/jobs/xac-dinh-han-giao-ban.worker.js';
import { xacDinhKyDanhGia } from '../../src/workers/jobs/xac-dinh-ky-danh-gia.worker.js';
import { xacDinhKyGiaoBan } from '../../src/workers/jobs/xac-dinh-ky-giao-ban.worker.js';
import { xacDinhKyBaoCao } from '../../src/workers/jobs/xac-dinh-ky-bao-cao.worker.js';
import type { WorkerDeps } from '../../src/workers/runtime/worker-definition.js';
import { job, startBench, type WorkerBench } from './support.js';

let bench: WorkerBench;
let store: SettingsStore;
let deps: WorkerDeps;

beforeAll(async () => {
  bench = await startBench('2026-07-01T03:00:00Z');
  // The Bloc's bodies, which the default start rules name.
  await seedOrganisation(bench.deps.directory, { demoAccounts: false });
  store = new SettingsStore(bench.connection, bench.clock, async () =>
    (await bench.deps.directory.units.list({ includeInactive: true })).map((unit) => unit.code),
  );
  deps = { ...bench.deps, settings: store };
}, 60_000);
afterAll(async () => bench?.close());

/** Saves the defaults changed by `change` as the next version, as an administrator would. */
async function saveChanged(change: (values: ProcessSettingsValues) => void): Promise<void> {
  const current = await store.current();
  const values = structuredClone(current.values);
  change(values);
  await store.save('admin', current.version, values, 'test');
}

const DOAN_THANH_NIEN = {
  code: 'doan-thanh-nien',
  kind: 'doan-the',
  name: 'Đoàn Thanh niên Khối',
  group: 'doan-the:doan-thanh-nien',
  headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
};

// One sequence: each test saves the next version on top of the ones before.
describe('deadlines read from the saved settings', () => {
  it('bao-cao-dan-van: the annual report deadline and its reminder', async () => {
    const period = job({ loaiKy: 'nam', nam: 2026 });
    expect(await xacDinhKyBaoCao.handle(period, deps)).toMatchObject({
      reportDueDate: '2026-11-20T17:00:00+07:00',
    });
    await saveChanged((values) => {
      values.baoCaoDanVan.nam.reportDue = '11-25';
      values.baoCaoDanVan.nam.reminderDaysBefore = 5;
    });
    expect(await xacDinhKyBaoCao.handle(period, deps)).toMatchObject({
      reportDueDate: '2026-11-25T17:00:00+07:00',
      reminderDate: '2026-11-20T17:00:00+07:00',
    });
  });

  it('danh-gia-khen-thuong: the self-evaluation deadline and each step after it', async () => {
    const year = job({ nam: 2026 });
    expect(await xacDinhKyDanhGia.handle(year, deps)).toMatchObject({
      evaluationDueDate: '2026-12-05T17:00:00+07:00',
      collectionDeadline: '2026-12-10T17:00:00+07:00',
      issueDueDate: '2026-12-29T17:00:00+07:00',
    });
    await saveChanged((values) => {
      values.danhGiaKhenThuong.nam = {
        evaluationDue: '12-01',
        reminderDaysBefore: 2,
        collectionGraceDays: 3,
        proposalDays: 4,
        decisionDays: 5,
        issueDays: 6,
      };
    });
    expect(await xacDinhKyDanhGia.handle(year, deps)).toEqual(
      expect.objectContaining({
        evaluationDueDate: '2026-12-01T17:00:00+07:00',
        reminderDate: '2026-11-29T17:00:00+07:00',
        collectionDeadline: '2026-12-04T17:00:00+07:00',
        proposalDueDate: '2026-12-08T17:00:00+07:00',
        decisionDueDate: '2026-12-13T17:00:00+07:00',
        issueDueDate: '2026-12-19T17:00:00+07:00',
      }),
    );
  });

  it('giao-ban-quy: the proposal from today and the briefs back from the meeting', async () => {
    expect(await xacDinhKyGiaoBan.handle(job({ quy: '3', nam: 2026 }), deps)).toMatchObject({
      proposalDueDate: '2026-07-06T17:00:00+07:00',
    });
    await saveChanged((values) => {
      values.giaoBanQuy.quy = {
        proposalDays: 10,
        briefDaysBeforeMeeting: 7,
        cutoffDaysBeforeMeeting: 3,
        reminderDaysBefore: 1,
      };
    });
    expect(await xacDinhKyGiaoBan.handle(job({ quy: '3', nam: 2026 }), deps)).toMatchObject({
      proposalDueDate: '2026-07-11T17:00:00+07:00',
    });
    expect(await xacDinhHanGiaoBan.handle(job({ ngayHop: '2026-07-20' }), deps)).toEqual({
      briefDueDate: '2026-07-13T17:00:00+07:00',
      briefReminderDate: '2026-07-12T17:00:00+07:00',
      briefCutoffDate: '2026-07-17T17:00:00+07:00',
    });
  });

  it('y-kien-nhan-su: every step counted from the receipt', async () => {
    const nomination = () =>
      job(
        { unit: DOAN_THANH_NIEN, hoTenUngVien: 'Nguyễn Văn An', chucDanh: 'Bí thư' },
        {},
        { processInstanceKey: '2201' },
      );
    expect(await luuHoSoNhanSu.handle(nomination(), deps)).toMatchObject({
      checkDueDate: '2026-07-06T17:00:00+07:00',
      issueDueDate: '2026-08-05T17:00:00+07:00',
    });
    await saveChanged((values) => {
      values.yKienNhanSu = {
        checkDays: 3,
        appraisalDays: 10,
        standingReviewDays: 14,
        decisionDays: 21,
        issueDays: 25,
      };
    });
    expect(await luuHoSoNhanSu.handle(nomination(), deps)).toMatchObject({
      checkDueDate: '2026-07-04T17:00:00+07:00',
      appraisalDueDate: '2026-07-11T17:00:00+07:00',
      standingReviewDueDate: '2026-07-15T17:00:00+07:00',
      decisionDueDate: '2026-07-22T17:00:00+07:00',
      issueDueDate: '2026-07-26T17:00:00+07:00',
    });
  });

  it('the issuing form is offered the symbol of the process document, as saved', async () => {
    expect(suggestedSymbol(DEFAULT_SETTINGS.documentSymbols, 'danh-gia-khen-thuong')).toBe('-QĐ/ĐUK');
    await saveChanged((values) => {
      values.documentSymbols.issuer = 'ĐUKCCQ';
    });
    const saved = (await store.current()).values.documentSymbols;
    expect(suggestedSymbol(saved, 'bao-cao-dan-van')).toBe('-BC/ĐUKCCQ');
    expect(suggestedSymbol(saved, 'khong-co')).toBeUndefined();
  });
});
