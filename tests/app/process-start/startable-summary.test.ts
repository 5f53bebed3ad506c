import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../../src/app/http/route.types.js';
import { unitRefOf } from '../../../src/app/organisation/index.js';
import { createProcessStartModule, formsDirectoryLoader } from '../../../src/app/process-start/index.js';
import { startTestApp, type TestApp } from '../../support/harness/index.js';

const SUMMARY = '/api/processes/startable/summary';

describe('the processes a user may start, names only (for the navigation)', () => {
  let h: TestApp;
  let summaryRoute: RouteDefinition | undefined;
  const formsRead: string[] = [];

  beforeAll(async () => {
    // The harness takes its routes when it starts; this one delegates to the module built over its connection.
    const delegate: RouteDefinition = {
      method: 'get',
      path: SUMMARY,
      permission: { kind: 'policy', name: 'signed-in', allows: () => true },
      summary: 'delegate',
      handler: (ctx) => summaryRoute?.handler(ctx),
    };
    h = await startTestApp({}, [delegate]);
    const loadForm = formsDirectoryLoader(path.resolve(import.meta.dirname, '../../../forms'));
    const module = createProcessStartModule({
      connection: h.connection,
      clock: h.clock,
      starter: { start: () => Promise.reject(new Error('nothing is started here')) },
      loadForm: (formId) => {
        formsRead.push(formId);
        return loadForm(formId);
      },
      unitOf: async (code) => {
        const unit = await h.module.directory.units.find(code);
        return unit?.active ? unitRefOf(unit) : undefined;
      },
    });
    summaryRoute = module.routes.find((route) => route.method === 'get' && route.path === SUMMARY);
    await h.module.directory.units.create({
      code: 'doan-thanh-nien',
      name: 'Đoàn Thanh niên Khối',
      kind: 'doan-the',
    });
    await h.user('btg.canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
    await h.user('dtn.lanhdao', [{ unitCode: 'doan-thanh-nien', roles: ['head'] }]);
    await h.user('vp.quantri', [{ unitCode: 'van-phong', roles: ['admin'] }]);
    await h.module.directory.units.create({
      code: 'so-y-te',
      name: 'Đảng bộ Sở Y tế',
      kind: 'co-so',
      sector: 'co-quan',
    });
    await h.user('syt.lanhdao', [{ unitCode: 'so-y-te', roles: ['head'] }]);
  });
  afterAll(async () => h?.close());

  it('is a route of the module, for any signed-in user', () => {
    expect(summaryRoute).toBeDefined();
    expect(summaryRoute?.permission).toMatchObject({ kind: 'policy', name: 'signed-in' });
  });

  it('lists what the start table allows the user, without reading any form', async () => {
    const btg = h.client();
    await btg.signIn('btg.canbo');
    const res = await btg.get(SUMMARY);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { processId: 'bao-cao-dan-van', name: 'Báo cáo công tác dân vận' },
      { processId: 'giao-ban-quy', name: 'Giao ban quý' },
      { processId: 'danh-gia-khen-thuong', name: 'Đánh giá, khen thưởng năm' },
    ]);
    const dtn = h.client();
    await dtn.signIn('dtn.lanhdao');
    expect((await dtn.get(SUMMARY)).body.items).toEqual([
      { processId: 'y-kien-nhan-su', name: 'Đề nghị cho ý kiến về nhân sự' },
      { processId: 'dan-van-kheo', name: 'Đăng ký mô hình "Dân vận khéo"' },
    ]);
    // Art. 10.3: a base organisation's head may report urgently; Art. 8.3: and enter the letters it receives.
    const syt = h.client();
    await syt.signIn('syt.lanhdao');
    expect((await syt.get(SUMMARY)).body.items).toEqual([
      { processId: 'bao-cao-dot-xuat', name: 'Báo cáo đột xuất' },
      { processId: 'dan-van-kheo', name: 'Đăng ký mô hình "Dân vận khéo"' },
      { processId: 'don-thu-kien-nghi', name: 'Tiếp nhận đơn thư, kiến nghị' },
    ]);
    expect(formsRead).toEqual([]);
  });

  it('is empty for a user who may start nothing, and refuses an anonymous caller', async () => {
    const admin = h.client();
    await admin.signIn('vp.quantri');
    const res = await admin.get(SUMMARY);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect((await h.client().get(SUMMARY)).status).toBe(401);
  });
});
