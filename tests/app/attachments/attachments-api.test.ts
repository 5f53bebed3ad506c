/**
 * Issue 16, point 4: files chosen in forms' file fields, over the whole service (src/main.ts's wiring) with a small
 * reporting process and a personnel one. Uploads are checked before and after reading (the held task, the field,
 * the size, the type by the content's first bytes); a submission may refer only to the submitter's own uploads for
 * that task; the files are then listed and downloaded by whoever may see the task — or the instance, in the cockpit —
 * within their unit's chain, and personnel files only by their readers, every read audited.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { AttachmentStore } from '../../../src/app/attachments/index.js';
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
import {
  attachmentResources,
  PERSONNEL_PROCESS_ID,
  REPORT_PROCESS_ID,
  sample,
  unitRef,
  cockpitGet,
} from './attachment-processes.js';

/** Small, so that "too large" is cheap to send. */
const MAX_BYTES = 64 * 1024;

const stack = useBeforeAll(async () => {
  const service = await startTestService({ env: { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
  await service.service.engineClients.zeebe.deployResources(attachmentResources);
  await service.service.directory.users.create({
    username: 'btg.giamsat',
    fullName: 'Giám sát Ban Tuyên giáo',
    password: DEMO_PASSWORD,
    memberships: [{ unitCode: 'ban-tuyen-giao', roles: ['supervisor'] }],
    mustChangePassword: false,
  });
  return service;
});

async function signedIn(username: string): Promise<HttpClient> {
  const client = new HttpClient(stack.url);
  expect((await client.signIn(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
}

/** A raw upload as the browser app sends it: the file as the body, its name URL-encoded in a header. */
async function upload(
  client: HttpClient,
  taskKey: string,
  field: string,
  fileName: string,
  content: Buffer | ReadableStream<Uint8Array>,
  contentType = 'application/octet-stream',
): Promise<ApiResponse> {
  const response = await fetch(
    `${stack.url}/api/inbox/tasks/${taskKey}/attachments?field=${encodeURIComponent(field)}`,
    {
      method: 'POST',
      headers: {
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
        'content-type': contentType,
        'x-file-name': encodeURIComponent(fileName),
      },
      body: content,
      ...(content instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit,
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

async function download(
  client: HttpClient,
  path: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${stack.url}${path}`, { headers: { cookie: client.cookie ?? '' } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The open tasks of an instance at an element, by candidate group, once the engine's reads show them. */
async function openTasks(
  processInstanceKey: string,
  elementId: string,
  count: number,
): Promise<Map<string, string>> {
  const { rest } = stack.service.engineClients;
  return eventually(async () => {
    const found = await rest.searchUserTasks(
      loose({ filter: { processInstanceKey, elementId, state: 'CREATED' } }),
      noWait,
    );
    const items = found.items as unknown as { userTaskKey: unknown; candidateGroups?: string[] }[];
    expect(items.length).toBe(count);
    return new Map(items.map((item) => [(item.candidateGroups ?? []).join(','), String(item.userTaskKey)]));
  });
}

async function start(bpmnProcessId: string, variables: Record<string, unknown>): Promise<string> {
  const created = await stack.service.engineClients.zeebe.createProcessInstance({
    bpmnProcessId,
    variables: variables as never,
  });
  return String(created.processInstanceKey);
}

const filesOfTask = (taskKey: string) =>
  stack.service.connection.collection('attachments.files').countDocuments({ 'metadata.taskKey': taskKey });

const STC = unitRef('co-so', 'so-tai-chinh', 'Đảng bộ Sở Tài chính');
const XM = unitRef('co-so', 'cong-ty-xi-mang-tan-quang', 'Chi bộ Công ty Cổ phần Xi măng Tân Quang');
const DTN = unitRef('doan-the', 'doan-thanh-nien', 'Đoàn Thanh niên Khối');

const report = { instance: '', stcTask: '', xmTask: '', signed: undefined as AttachmentRef | undefined };

describe('attachments through the inbox', () => {
  it('stores a file uploaded for a held task’s file field, and answers its reference', async () => {
    report.instance = await start(REPORT_PROCESS_ID, { units: [STC, XM] });
    const drafting = await openTasks(report.instance, 'lap', 2);
    report.stcTask = drafting.get(STC.group) ?? '';
    report.xmTask = drafting.get(XM.group) ?? '';
    const stc = await signedIn('sotaichinh.canbo');
    // Not claimed yet: only the one who holds the task attaches to it.
    expect((await upload(stc, report.stcTask, 'banKy', 'bao-cao.pdf', sample.pdf())).status).toBe(409);
    expect((await stc.post(`/api/inbox/tasks/${report.stcTask}/claim`)).status).toBe(204);

    const content = sample.pdf(5_000);
    const answer = await upload(
      stc,
      report.stcTask,
      'banKy',
      'Báo cáo 6 tháng đã ký.pdf',
      content,
      'application/pdf',
    );
    expect(answer.status).toBe(201);
    report.signed = answer.body as unknown as AttachmentRef;
    expect(report.signed).toMatchObject({
      name: 'Báo cáo 6 tháng đã ký.pdf',
      contentType: 'application/pdf',
      size: 5_000,
    });
    expect(report.signed.id).toMatch(/^[0-9a-f]{24}$/);
    // Every allowed kind, each recognised by its content (a file field inside a group is reached by its key path).
    for (const [name, bytes] of [
      ['so-lieu.xlsx', sample.xlsx()],
      ['to-trinh.docx', sample.docx()],
      ['to-trinh-cu.doc', sample.doc()],
      ['anh-chup.JPG', sample.jpg()],
      ['anh.png', sample.png()],
    ] as const)
      expect((await upload(stc, report.stcTask, 'phuLuc.tep', name, bytes)).status, name).toBe(201);
  });

  it('refuses a file too large with 413 and a Vietnamese message, whether its length is declared or not', async () => {
    const stc = await signedIn('sotaichinh.canbo');
    const before = await filesOfTask(report.stcTask);
    const declared = await upload(stc, report.stcTask, 'banKy', 'lon.pdf', sample.pdf(MAX_BYTES + 1));
    expect(declared.status).toBe(413);
    expect(declared.body.code).toBe('attachment_too_large');
    expect(declared.body.detail).toContain('vượt quá dung lượng cho phép');
    // Sent in chunks with no length: refused as soon as it grows past the limit.
    const chunk = sample.pdf(16 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await upload(stc, report.stcTask, 'banKy', 'lon.pdf', endless);
    expect(streamed.status).toBe(413);
    expect(await filesOfTask(report.stcTask)).toBe(before);
    // Exactly at the limit is accepted.
    expect((await upload(stc, report.stcTask, 'banKy', 'vua.pdf', sample.pdf(MAX_BYTES))).status).toBe(201);
  });

  it('refuses a type not allowed (415) and a content that is not what its name says (422)', async () => {
    const stc = await signedIn('sotaichinh.canbo');
    const before = await filesOfTask(report.stcTask);
    const cases: [string, Buffer, string, number, string][] = [
      [
        'chuong-trinh.exe',
        Buffer.from('MZ\x90\x00'),
        'application/octet-stream',
        415,
        'attachment_type_refused',
      ],
      ['trang.html', Buffer.from('<html>'), 'text/html', 415, 'attachment_type_refused'],
      ['khong-duoi', sample.pdf(), 'application/pdf', 415, 'attachment_type_refused'],
      // A PDF's name with another declared type.
      ['bao-cao.pdf', sample.pdf(), 'text/html', 415, 'attachment_type_refused'],
      // Names that lie about the content.
      ['anh.pdf', sample.png(), 'application/pdf', 422, 'attachment_content_mismatch'],
      ['so-lieu.xlsx', sample.docx(), 'application/octet-stream', 422, 'attachment_content_mismatch'],
      [
        'script.png',
        Buffer.from('<script>alert(1)</script>'),
        'image/png',
        422,
        'attachment_content_mismatch',
      ],
      ['rong.pdf', Buffer.alloc(0), 'application/pdf', 422, 'attachment_empty'],
    ];
    for (const [name, bytes, type, status, code] of cases) {
      const answer = await upload(stc, report.stcTask, 'banKy', name, bytes, type);
      expect(answer.status, name).toBe(status);
      expect(answer.body.code, name).toBe(code);
    }
    // A field the form does not have as a file field, a missing field, a missing name.
    expect((await upload(stc, report.stcTask, 'ghiChu', 'a.pdf', sample.pdf())).status).toBe(422);
    expect((await upload(stc, report.stcTask, '', 'a.pdf', sample.pdf())).status).toBe(400);
    expect((await upload(stc, report.stcTask, 'banKy', '', sample.pdf())).status).toBe(400);
    expect(await filesOfTask(report.stcTask)).toBe(before);
  });

  it('answers another unit’s task, and an unknown one, with 404; nothing is stored', async () => {
    const xm = await signedIn('ximang.canbo');
    const stcBefore = await filesOfTask(report.stcTask);
    for (const key of [report.stcTask, '2251799813999999', 'abc']) {
      const answer = await upload(xm, key, 'banKy', 'a.pdf', sample.pdf());
      expect(answer.status, key).toBe(404);
    }
    expect(await filesOfTask(report.stcTask)).toBe(stcBefore);
    expect((await xm.get(`/api/inbox/tasks/${report.stcTask}/attachments`)).status).toBe(404);
    expect(
      (await download(xm, `/api/inbox/tasks/${report.stcTask}/attachments/${report.signed!.id}`)).status,
    ).toBe(404);
  });

  it('leaves no file behind an upload cut short', async () => {
    const stc = await signedIn('sotaichinh.canbo');
    const before = await filesOfTask(report.stcTask);
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(sample.pdf(8_000));
        // The client goes away before the end of the file.
        setTimeout(() => controller.abort(), 200);
      },
    });
    await expect(
      fetch(`${stack.url}/api/inbox/tasks/${report.stcTask}/attachments?field=banKy`, {
        method: 'POST',
        headers: {
          cookie: stc.cookie ?? '',
          'x-csrf-token': stc.csrfToken ?? '',
          'content-type': 'application/pdf',
          'x-file-name': 'dang-gui.pdf',
        },
        body,
        duplex: 'half',
        signal: controller.signal,
      } as RequestInit),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await filesOfTask(report.stcTask)).toBe(before);
    const chunksWithoutFile = await stack.service.connection
      .collection('attachments.files')
      .countDocuments({ filename: 'dang-gui.pdf' });
    expect(chunksWithoutFile).toBe(0);
  });

  it('checks the references a submission makes: form-js’s own, unknown, another’s; 422 on the field, task still open', async () => {
    const stc = await signedIn('sotaichinh.canbo');
    const xm = await signedIn('ximang.canbo');
    expect((await xm.post(`/api/inbox/tasks/${report.xmTask}/claim`)).status).toBe(204);
    const xmFile = (await upload(xm, report.xmTask, 'banKy', 'cua-xi-mang.pdf', sample.pdf())).body;
    const own = report.signed!;
    const refused: [unknown, string][] = [
      ['files::abc', 'Tệp chưa được tải lên máy chủ'],
      [[{ ...own, id: '0123456789abcdef01234567' }], 'không được tải lên cho biểu mẫu này'],
      [[xmFile], 'không được tải lên cho biểu mẫu này'],
      [[own, own], 'hai lần'],
    ];
    for (const [banKy, message] of refused) {
      const answer = await stc.post(`/api/inbox/tasks/${report.stcTask}/complete`, { data: { banKy } });
      expect(answer.status, JSON.stringify(banKy)).toBe(422);
      expect(answer.body.errors).toEqual([{ field: 'banKy', message: expect.stringContaining(message) }]);
    }
    // A file uploaded for one field is not accepted in another.
    const wrongField = await stc.post(`/api/inbox/tasks/${report.stcTask}/complete`, {
      data: { phuLuc: { tep: [own] } },
    });
    expect(wrongField.status).toBe(422);
    expect(wrongField.body.errors?.[0]?.field).toBe('phuLuc.tep');
    // A reference's shape is the form's rule: unknown keys refused.
    const misshapen = await stc.post(`/api/inbox/tasks/${report.stcTask}/complete`, {
      data: { banKy: [{ id: own.id, path: '/etc/passwd' }] },
    });
    expect(misshapen.status).toBe(422);
    expect(
      (await stack.service.engineClients.rest.getUserTask(loose({ userTaskKey: report.stcTask }), noWait))
        .state,
    ).toBe('CREATED');
  });

  it('completes with the submitter’s upload, keeping the stored name, type and size rather than the browser’s', async () => {
    const stc = await signedIn('sotaichinh.canbo');
    const own = report.signed!;
    const answer = await stc.post(`/api/inbox/tasks/${report.stcTask}/complete`, {
      data: { ghiChu: 'Kèm bản đã ký', banKy: [{ ...own, name: 'doi-ten.exe', size: 1 }] },
    });
    expect(answer.status).toBe(204);
    const { rest } = stack.service.engineClients;
    const variable = await eventually(async () => {
      const found = await rest.searchVariables(
        loose({ filter: { processInstanceKey: report.instance, name: 'banKy' } }),
        noWait,
      );
      expect(found.items.length).toBeGreaterThan(0);
      return JSON.parse((found.items[0] as { value: string }).value) as AttachmentRef[];
    });
    expect(variable).toEqual([own]);
  });

  it('lets Ban Tuyên giáo, reviewing, list and download the unit’s submitted file; not the files left unsubmitted', async () => {
    const review = await openTasks(report.instance, 'xemXet', 1);
    const reviewTask = review.get('ban-tuyen-giao') ?? '';
    const btg = await signedIn('btg.canbo');
    const listed = await btg.get(`/api/inbox/tasks/${reviewTask}/attachments`);
    expect(listed.status).toBe(200);
    const items = (listed.body as unknown as AttachmentList).items;
    expect(items.map((item) => item.name)).toEqual(['Báo cáo 6 tháng đã ký.pdf']);
    expect(items[0]).toMatchObject({
      step: 'Lập báo cáo',
      field: 'banKy',
      uploadedBy: 'Trần Thị Ngọc',
      href: `/api/inbox/tasks/${reviewTask}/attachments/${report.signed!.id}`,
    });
    const file = await download(btg, items[0]!.href);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(sample.pdf(5_000))).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo 6 tháng đã ký.pdf')}`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    // Files uploaded on the task but not in the submission are its uploader's alone.
    const pending = await stack.service.connection
      .collection('attachments.files')
      .find({ 'metadata.taskKey': report.stcTask, 'metadata.submittedAt': null })
      .toArray();
    expect(pending.length).toBeGreaterThan(0);
    expect(
      (await download(btg, `/api/inbox/tasks/${reviewTask}/attachments/${pending[0]!._id.toHexString()}`))
        .status,
    ).toBe(404);
    // Unknown and malformed ids: 404.
    for (const id of ['0123456789abcdef01234567', 'khong-co'])
      expect((await download(btg, `/api/inbox/tasks/${reviewTask}/attachments/${id}`)).status).toBe(404);
  });

  it('keeps a unit’s files from another unit in the same instance, and shows the submitter their own', async () => {
    const xm = await signedIn('ximang.canbo');
    const own = await xm.get(`/api/inbox/tasks/${report.xmTask}/attachments`);
    expect(own.status).toBe(200);
    expect((own.body as unknown as AttachmentList).items).toEqual([]);
    // Sở Tài chính's file through Xi măng's own task: 404, as if it did not exist.
    expect(
      (await download(xm, `/api/inbox/tasks/${report.xmTask}/attachments/${report.signed!.id}`)).status,
    ).toBe(404);
    const stc = await signedIn('sotaichinh.canbo');
    const mine = await stc.get(`/api/inbox/tasks/${report.stcTask}/attachments`);
    expect((mine.body as unknown as AttachmentList).items.map((item) => item.id)).toEqual([
      report.signed!.id,
    ]);
  });

  it('lists and serves the instance’s files in the cockpit to those who watch it; a unit’s clerk gets 403', async () => {
    const giamsat = await signedIn('giamsat');
    const listed = await cockpitGet(giamsat, `/api/monitor/instances/${report.instance}/attachments`);
    expect(listed.status).toBe(200);
    const items = (listed.body as unknown as AttachmentList).items;
    expect(items.map((item) => item.id)).toEqual([report.signed!.id]);
    expect(items[0]!.href).toBe(`/api/monitor/instances/${report.instance}/attachments/${report.signed!.id}`);
    const file = await download(giamsat, items[0]!.href);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(sample.pdf(5_000))).toBe(true);
    // A file of another instance, reached through this one: 404.
    expect(
      (await download(giamsat, `/api/monitor/instances/2251799813999999/attachments/${report.signed!.id}`))
        .status,
    ).toBe(404);
    const stc = await signedIn('sotaichinh.canbo');
    expect((await stc.get(`/api/monitor/instances/${report.instance}/attachments`)).status).toBe(403);
  });
});

describe('personnel dossiers (y-kien-nhan-su)', () => {
  const personnel = { instance: '', file: undefined as AttachmentRef | undefined };

  it('are attached by the organisation and read by Ban Tổ chức through its task, each read audited', async () => {
    personnel.instance = await start(PERSONNEL_PROCESS_ID, { unit: DTN });
    const supplement = (await openTasks(personnel.instance, 'boSung', 1)).get(DTN.group) ?? '';
    const dtn = await signedIn('doanthanhnien.canbo');
    expect((await dtn.post(`/api/inbox/tasks/${supplement}/claim`)).status).toBe(204);
    const uploaded = await upload(dtn, supplement, 'hoSo', 'So yeu ly lich.docx', sample.docx());
    expect(uploaded.status).toBe(201);
    personnel.file = uploaded.body as unknown as AttachmentRef;
    expect(
      (await dtn.post(`/api/inbox/tasks/${supplement}/complete`, { data: { hoSo: [personnel.file] } }))
        .status,
    ).toBe(204);

    const check = (await openTasks(personnel.instance, 'kiemTra', 1)).get('ban-to-chuc') ?? '';
    const btc = await signedIn('btc.canbo');
    const listed = await btc.get(`/api/inbox/tasks/${check}/attachments`);
    expect((listed.body as unknown as AttachmentList).items.map((item) => item.id)).toEqual([
      personnel.file.id,
    ]);
    const file = await download(btc, `/api/inbox/tasks/${check}/attachments/${personnel.file.id}`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(sample.docx())).toBe(true);
    // Ban Tuyên giáo has no task here: 404.
    const btg = await signedIn('btg.canbo');
    expect((await download(btg, `/api/inbox/tasks/${check}/attachments/${personnel.file.id}`)).status).toBe(
      404,
    );

    const giamsat = await signedIn('giamsat');
    const trail = await giamsat.get('/api/admin/audit?action=personnel.attachment');
    expect(trail.status).toBe(200);
    const entries = trail.body.items as { actor: string; action: string; target: string }[];
    expect(entries.map((entry) => `${entry.actor} ${entry.action}`).sort()).toEqual([
      'btc.canbo personnel.attachment-download',
      'btc.canbo personnel.attachment-list',
    ]);
  });

  it('in the cockpit, are served to the personnel readers only: a supervisor of Ban Tuyên giáo sees none', async () => {
    const btc = await signedIn('btc.canbo');
    const listed = await cockpitGet(btc, `/api/monitor/instances/${personnel.instance}/attachments`);
    expect(listed.status).toBe(200);
    expect((listed.body as unknown as AttachmentList).items.map((item) => item.id)).toEqual([
      personnel.file!.id,
    ]);
    const path = `/api/monitor/instances/${personnel.instance}/attachments/${personnel.file!.id}`;
    expect((await download(btc, path)).status).toBe(200);

    const supervisor = await signedIn('btg.giamsat');
    const hidden = await supervisor.get(`/api/monitor/instances/${personnel.instance}/attachments`);
    expect(hidden.status).toBe(200);
    expect((hidden.body as unknown as AttachmentList).items).toEqual([]);
    expect((await download(supervisor, path)).status).toBe(404);
  });
});

describe('a dossier’s form opened again', () => {
  it('keeps the files already held when the form sends the field empty', async () => {
    const instance = await start(PERSONNEL_PROCESS_ID, { unit: DTN });
    const dtn = await signedIn('doanthanhnien.canbo');
    const btc = await signedIn('btc.canbo');
    const first = (await openTasks(instance, 'boSung', 1)).get(DTN.group) ?? '';
    expect((await dtn.post(`/api/inbox/tasks/${first}/claim`)).status).toBe(204);
    const held = (await upload(dtn, first, 'hoSo', 'Bien ban.pdf', sample.pdf()))
      .body as unknown as AttachmentRef;
    expect((await dtn.post(`/api/inbox/tasks/${first}/complete`, { data: { hoSo: [held] } })).status).toBe(
      204,
    );
    const check = (await openTasks(instance, 'kiemTra', 1)).get('ban-to-chuc') ?? '';
    expect((await btc.post(`/api/inbox/tasks/${check}/claim`)).status).toBe(204);
    expect(
      (await btc.post(`/api/inbox/tasks/${check}/complete`, { data: { nhanXet: 'Bổ sung' } })).status,
    ).toBe(204);

    const again = (await openTasks(instance, 'boSungLai', 1)).get(DTN.group) ?? '';
    expect((await dtn.post(`/api/inbox/tasks/${again}/claim`)).status).toBe(204);
    // The file picker cannot show stored files: the browser sends the field empty.
    expect((await dtn.post(`/api/inbox/tasks/${again}/complete`, { data: { hoSo: null } })).status).toBe(204);
    const hoSo = async () =>
      eventually(async () => {
        const found = await stack.service.engineClients.rest.searchVariables(
          loose({ filter: { processInstanceKey: instance, name: 'hoSo' } }),
          noWait,
        );
        expect(found.items).toHaveLength(1);
        return JSON.parse(String(found.items[0]?.value)) as AttachmentRef[];
      });
    expect(await hoSo()).toEqual([held]);
    // The instance's list shows the file once, submitted with the first form.
    const list = await cockpitGet(btc, `/api/monitor/instances/${instance}/attachments`);
    expect((list.body as unknown as AttachmentList).items.map((item) => item.step)).toEqual([
      'Bổ sung hồ sơ',
    ]);
  });
});

describe('uploads never submitted', () => {
  it('are dropped with their chunks by the sweep; submitted files stay', async () => {
    const store = new AttachmentStore(stack.service.connection);
    const files = stack.service.connection.collection('attachments.files');
    const chunks = stack.service.connection.collection('attachments.chunks');
    const submitted = await files.countDocuments({ 'metadata.submittedAt': { $ne: null } });
    const unsubmitted = await files.countDocuments({ 'metadata.submittedAt': null });
    expect(submitted).toBe(3);
    expect(unsubmitted).toBeGreaterThan(0);
    // Not yet old enough: kept.
    expect(await store.dropUnsubmitted(new Date(Date.parse('2000-01-01')))).toBe(0);
    expect(await store.dropUnsubmitted(new Date(Date.now() + 400 * 24 * 3_600_000))).toBe(unsubmitted);
    expect(await files.countDocuments({})).toBe(submitted);
    const kept = (await files.find({}).toArray()).map((file) => file._id);
    expect(await chunks.countDocuments({ files_id: { $nin: kept } })).toBe(0);
  });
});
