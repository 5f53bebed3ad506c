/**
 * The start table against the real processes, engine and workers: a mass organisation's nomination started through the
 * service passes the worker that records it (which refuses a unit not of kind doan-the) and reaches Ban Tổ chức's first check with the `unit` the server set from the starter's membership.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitRefOf } from '../../../src/app/organisation/index.js';
import { ProcessStartService } from '../../../src/app/process-start/process-start.service.js';
import {
  formsDirectoryLoader,
  ProcessStartStore,
  zeebeProcessStarter,
} from '../../../src/app/process-start/index.js';
import { seedOrganisation } from '../../scenarios/support/organisation-fixture.js';
import { eventually, startScenario, type ScenarioHarness } from '../../scenarios/support/scenario-harness.js';

let h: ScenarioHarness;
let service: ProcessStartService;

beforeAll(async () => {
  h = await startScenario('2026-06-01T02:00:00.000Z');
  await seedOrganisation(h.directory);
  service = new ProcessStartService({
    starter: zeebeProcessStarter(h.zeebe),
    store: new ProcessStartStore(h.connection),
    clock: { now: () => new Date(h.clock.now()) },
    loadForm: formsDirectoryLoader(path.resolve(import.meta.dirname, '../../../forms')),
    unitOf: async (code) => {
      const unit = await h.directory.units.find(code);
      return unit?.active ? unitRefOf(unit) : undefined;
    },
  });
}, 120_000);
afterAll(async () => h?.close());

describe('starting y-kien-nhan-su on the real engine', () => {
  it('starts with the server-set unit and reaches the first check of Ban Tổ chức', async () => {
    const { processInstanceKey } = await service.start(starter, 'y-kien-nhan-su', nomination);
    const task = await h.waitForTask(processInstanceKey, 'Task_KiemTraHoSo');
    expect(task.candidateGroups).toContain('ban-to-chuc');
    // The instance's own record may show after its task's under ENGINE_PROFILE=camunda-8.8, as on Camunda.
    await eventually(async () => expect(await h.state(processInstanceKey)).toBe('ACTIVE'));
  }, 60_000);

  it('starts one instance for one request id, however often the browser sends it (operationReference)', async () => {
    const first = await service.start(starter, 'y-kien-nhan-su', nomination, 'retry-after-timeout-1');
    const retried = await service.start(starter, 'y-kien-nhan-su', nomination, 'retry-after-timeout-1');
    expect(retried.processInstanceKey).toBe(first.processInstanceKey);
    const other = await service.start(starter, 'y-kien-nhan-su', nomination, 'another-start-2');
    expect(other.processInstanceKey).not.toBe(first.processInstanceKey);
    // Another user's identical request id is another start.
    const colleague = { ...starter, username: 'doanthanhnien.lanhdao' };
    const theirs = await service.start(colleague, 'y-kien-nhan-su', nomination, 'retry-after-timeout-1');
    expect(theirs.processInstanceKey).not.toBe(first.processInstanceKey);
  }, 60_000);
});

const starter = {
  username: 'doanthanhnien.canbo',
  fullName: 'Triệu Thị Mai',
  memberships: [{ unitCode: 'doan-thanh-nien', roles: ['staff'] }],
};

const nomination = {
  chucDanh: 'bi-thu-doan-thanh-nien-khoi',
  hinhThuc: 'bau-cu',
  nhiemKy: '2026-2031',
  hoTenUngVien: 'Trần Văn Bình',
  ngaySinh: '1988-04-12',
  gioiTinh: 'nam',
  chucVuHienTai: 'Phó Bí thư Đoàn Thanh niên Khối',
  donViCongTac: 'Đoàn Thanh niên Khối',
  ngayVaoDang: '2010-03-26',
  trinhDoChuyenMon: 'Cử nhân Luật',
  trinhDoLyLuanChinhTri: 'trung-cap',
  tomTatQuaTrinhCongTac: 'Công tác tại Đoàn Thanh niên Khối từ năm 2012.',
  nhanXetDanhGia: 'Có bản lĩnh chính trị vững vàng, năng lực tổ chức tốt.',
  taiLieuKemTheo: ['so-yeu-ly-lich'],
  nguoiLienHe: 'Lê Thị Hoa',
  dienThoaiLienHe: '+84912000111',
};
