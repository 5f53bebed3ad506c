/**
 * Issue 16, point 4: the personnel proposal's dossier (the real `y-kien-nhan-su` and its start form), attached with
 * the start form before the instance exists, then read by Ban Tổ chức through its task and by the personnel readers
 * in the cockpit. Only whoever may start the process uploads; a file serves one start only.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import type { AttachmentList, AttachmentRef } from '../../../src/shared/contracts/index.js';
import {
  eventually,
  HttpClient,
  loose,
  noWait,
  startTestService,
  useBeforeAll,
  type ApiResponse,
} from '../../support/harness/index.js';
import { cockpitGet, sample } from './attachment-processes.js';

const stack = useBeforeAll(() => startTestService());

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

async function upload(
  client: HttpClient,
  processId: string,
  field: string,
  fileName: string,
  content: Buffer,
): Promise<ApiResponse> {
  const response = await fetch(
    `${stack.url}/api/processes/${processId}/attachments?field=${encodeURIComponent(field)}`,
    {
      method: 'POST',
      headers: {
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(fileName),
      },
      body: content,
    },
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

const nomination = {
  chucDanh: 'bi-thu-doan-thanh-nien-khoi',
  hinhThuc: 'bau-cu',
  nhiemKy: '2025-2030',
  hoTenUngVien: 'Nguyễn Văn An',
  ngaySinh: '1990-05-01',
  gioiTinh: 'nam',
  chucVuHienTai: 'Phó Bí thư',
  donViCongTac: 'Đoàn Thanh niên Khối',
  ngayVaoDang: '2012-03-26',
  trinhDoChuyenMon: 'Cử nhân',
  trinhDoLyLuanChinhTri: 'trung-cap',
  tomTatQuaTrinhCongTac: 'Công tác tại Đoàn Thanh niên Khối từ năm 2012.',
  nhanXetDanhGia: 'Hoàn thành tốt nhiệm vụ, có uy tín trong tập thể.',
  taiLieuKemTheo: ['so-yeu-ly-lich'],
  nguoiLienHe: 'Triệu Thị Mai',
  dienThoaiLienHe: '+84912345678',
};

const run = { instance: '', file: undefined as AttachmentRef | undefined };

describe('the personnel proposal’s dossier, attached with the start form', () => {
  it('is uploaded only by whoever may start the process, for a file field of its start form', async () => {
    const btg = await signedIn('btg.canbo');
    expect((await upload(btg, 'y-kien-nhan-su', 'hoSoDinhKem', 'a.pdf', sample.pdf())).status).toBe(403);
    const dtn = await signedIn('doanthanhnien.canbo');
    expect((await upload(dtn, 'khong-co', 'hoSoDinhKem', 'a.pdf', sample.pdf())).status).toBe(404);
    expect((await upload(dtn, 'y-kien-nhan-su', 'hoTenUngVien', 'a.pdf', sample.pdf())).status).toBe(422);
    expect((await upload(dtn, 'y-kien-nhan-su', 'hoSoDinhKem', 'a.exe', sample.pdf())).status).toBe(415);
    const uploaded = await upload(dtn, 'y-kien-nhan-su', 'hoSoDinhKem', 'Sơ yếu lý lịch.pdf', sample.pdf());
    expect(uploaded.status).toBe(201);
    run.file = uploaded.body as unknown as AttachmentRef;
  });

  it('starts the process with the stored file; the same file cannot serve another start', async () => {
    const dtn = await signedIn('doanthanhnien.canbo');
    const other = await signedIn('doanthanhnien.lanhdao');
    // Another starter of the same organisation may not use it.
    const stolen = await other.post('/api/processes/y-kien-nhan-su/start', {
      data: { ...nomination, hoSoDinhKem: [run.file] },
    });
    expect(stolen.status).toBe(422);
    expect(stolen.body.errors).toEqual([{ field: 'hoSoDinhKem', message: expect.stringContaining('không') }]);
    const started = await dtn.post('/api/processes/y-kien-nhan-su/start', {
      data: { ...nomination, hoSoDinhKem: [{ ...run.file, name: 'doi-ten.pdf' }] },
    });
    expect(started.body.errors ?? []).toEqual([]);
    expect(started.status).toBe(201);
    run.instance = String(started.body.processInstanceKey);
    const again = await dtn.post('/api/processes/y-kien-nhan-su/start', {
      data: { ...nomination, hoSoDinhKem: [run.file] },
    });
    expect(again.status).toBe(422);
    const variable = await eventually(async () => {
      const found = await stack.service.engineClients.rest.searchVariables(
        loose({ filter: { processInstanceKey: run.instance, name: 'hoSoDinhKem' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return JSON.parse(String(found.items[0]?.value)) as AttachmentRef[];
    });
    expect(variable).toEqual([run.file]);
  });

  it('is read by Ban Tổ chức through its check of the dossier, and by the personnel readers in the cockpit', async () => {
    const check = await eventually(async () => {
      const found = await stack.service.engineClients.rest.searchUserTasks(
        loose({
          filter: { processInstanceKey: run.instance, elementId: 'Task_KiemTraHoSo', state: 'CREATED' },
        }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return String(found.items[0]?.userTaskKey);
    });
    const btc = await signedIn('btc.canbo');
    const listed = await btc.get(`/api/inbox/tasks/${check}/attachments`);
    expect(listed.status).toBe(200);
    const items = (listed.body as unknown as AttachmentList).items;
    expect(items.map((item) => [item.name, item.field, item.uploadedBy])).toEqual([
      ['Sơ yếu lý lịch.pdf', 'hoSoDinhKem', 'Triệu Thị Mai'],
    ]);
    const file = await fetch(`${stack.url}${items[0]!.href}`, { headers: { cookie: btc.cookie ?? '' } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(sample.pdf())).toBe(true);

    const giamsat = await signedIn('giamsat');
    const inCockpit = await cockpitGet(giamsat, `/api/monitor/instances/${run.instance}/attachments`);
    expect((inCockpit.body as unknown as AttachmentList).items.map((item) => item.id)).toEqual([
      run.file!.id,
    ]);
    // Ban Tuyên giáo's staff use the cockpit for their own processes, not this one: as if it did not exist.
    const btg = await signedIn('btg.canbo');
    expect((await btg.get(`/api/monitor/instances/${run.instance}/attachments`)).status).toBe(404);
    expect((await btg.get(`/api/inbox/tasks/${check}/attachments`)).status).toBe(404);
  });
});
