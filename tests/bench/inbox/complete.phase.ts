import type { InboxPage } from '../../../src/shared/contracts/index.js';
import type { SignedInUser } from './list.phase.js';
import { openTaskKeys, taskState } from './task-seed.js';
import { percentile } from '../support/stats.js';

/** Valid values for every field of forms/bao-cao-dan-van-lap.form (the conditional `vanDeBucXuc` stays hidden). */
export function validReport(username: string, n: number): Record<string, unknown> {
  return {
    soBuoiQuanTriet: 3 + (n % 7),
    soLuotThamDu: 120 + n,
    noiDungQuanTriet: 'Quán triệt Quy chế công tác dân vận và các nghị quyết của Đảng ủy Khối trong kỳ.',
    soHoiNghiNguoiLaoDong: 1,
    ketQuaQuyCheDanChu: 'Thực hiện công khai, dân chủ; tổ chức đối thoại định kỳ với người lao động.',
    soMoHinhDanVanKheo: 1,
    moHinhDanVanKheo: [
      {
        tenMoHinh: `Mô hình dân vận khéo số ${n}`,
        linhVuc: 'Cải cách hành chính',
        ketQuaMoHinh: 'Rút ngắn thời gian giải quyết thủ tục.',
      },
    ],
    tinhHinhTuTuong:
      'Cán bộ, đảng viên, người lao động yên tâm công tác, tin tưởng vào sự lãnh đạo của Đảng.',
    coVanDeBucXuc: false,
    soLuotTiepCongDan: 4,
    soDonThuTiepNhan: 2,
    soDonThuDaGiaiQuyet: 2,
    kienNghiDeXuat: '',
    nguoiLap: `Người lập ${username}`,
    dienThoaiLienHe: '+84912345678',
  };
}

/** Each breaks a different rule of the form: required, minimum, minimum length, phone, a shown conditional field. */
const INVALID: { data: (valid: Record<string, unknown>) => Record<string, unknown>; fields: string[] }[] = [
  { data: ({ nguoiLap: _dropped, ...rest }) => rest, fields: ['nguoiLap'] },
  { data: (valid) => ({ ...valid, soBuoiQuanTriet: -1 }), fields: ['soBuoiQuanTriet'] },
  { data: (valid) => ({ ...valid, noiDungQuanTriet: 'ngắn' }), fields: ['noiDungQuanTriet'] },
  { data: (valid) => ({ ...valid, dienThoaiLienHe: 'không phải số' }), fields: ['dienThoaiLienHe'] },
  { data: (valid) => ({ ...valid, coVanDeBucXuc: true }), fields: ['vanDeBucXuc'] },
];

export interface CompleteFigures {
  claim: number[];
  complete: number[];
  failures: string[];
  invalidChecked: number;
  completedKeys: string[];
  /** Tasks not attempted because the time budget ran out. */
  notAttempted: number;
}

/**
 * For `total` tasks: the user claims a task of their unit (POST …/claim, 204) and completes it with valid form data
 * (POST …/complete, 204), timed apart; then the engine is asked whether the task is COMPLETED. The first few tasks
 * first get an invalid submission, which must be answered 422 naming the broken field and leave the task open.
 * Task keys come from the engine's search beforehand, so the timings are of claim and complete only.
 */
export async function measureComplete(
  users: SignedInUser[],
  restAddress: string,
  total: number,
  inFlight: number,
  invalidCount: number,
  budgetMs: number,
  progress: (message: string) => void,
): Promise<CompleteFigures> {
  const figures: CompleteFigures = {
    claim: [],
    complete: [],
    failures: [],
    invalidChecked: 0,
    completedKeys: [],
    notAttempted: 0,
  };
  const perUser = Math.ceil(total / users.length);
  const chosen = users.slice(0, Math.ceil(total / perUser));
  // Users of the same unit share its tasks: ask once per unit and hand out distinct keys.
  const byGroup = new Map<string, string[]>();
  const jobs: { user: SignedInUser; key: string }[] = [];
  for (const user of chosen) {
    const group = user.group;
    if (!byGroup.has(group)) byGroup.set(group, await openTaskKeys(restAddress, group, 100));
    const keys = byGroup.get(group)!;
    for (let n = 0; n < perUser && jobs.length < total; n += 1) {
      const key = keys.shift();
      if (key) jobs.push({ user, key });
    }
  }
  if (jobs.length < total)
    figures.failures.push(`only ${jobs.length} open tasks found for ${total} completions`);
  let next = 0;
  const deadline = Date.now() + budgetMs;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < jobs.length && Date.now() < deadline) {
        const number = next++;
        const { user, key } = jobs[number]!;
        const fail = (message: string) =>
          figures.failures.push(`${user.session.username} task ${key}: ${message}`);
        const claim = await user.session.post(`/api/inbox/tasks/${key}/claim`);
        if (claim.status !== 204) {
          fail(`claim ${claim.status} ${JSON.stringify(claim.body).slice(0, 300)}`);
          continue;
        }
        figures.claim.push(claim.ms);
        const valid = validReport(user.session.username, number);
        if (number < invalidCount) {
          const broken = INVALID[number % INVALID.length]!;
          const refused = await user.session.post<{ errors?: { field: string }[] }>(
            `/api/inbox/tasks/${key}/complete`,
            { data: broken.data(valid) },
          );
          const named = (refused.body?.errors ?? []).map((error) => error.field).join(' ');
          if (refused.status !== 422) fail(`invalid data answered ${refused.status}, expected 422`);
          else if (!broken.fields.every((field) => named.includes(field)))
            fail(`422 names [${named}], expected ${broken.fields.join(', ')}`);
          else if ((await taskState(restAddress, key)) !== 'CREATED')
            fail('task not open after a refused submission');
          else figures.invalidChecked += 1;
        }
        const completed = await user.session.post(`/api/inbox/tasks/${key}/complete`, { data: valid });
        if (completed.status !== 204) {
          fail(`complete ${completed.status} ${JSON.stringify(completed.body).slice(0, 300)}`);
          continue;
        }
        figures.complete.push(completed.ms);
        if (figures.complete.length % 50 === 0)
          progress(
            `${figures.complete.length} completed, p95 so far ${Math.round(percentile(figures.complete, 95))} ms`,
          );
        const state = await taskState(restAddress, key);
        if (state !== 'COMPLETED') fail(`engine says ${state} after complete`);
        else figures.completedKeys.push(key);
      }
    }),
  );
  figures.notAttempted = Math.max(0, jobs.length - next);
  // Seen from the inbox: nothing left in "mine", and the completed tasks are gone from the unit's list.
  for (const user of chosen.slice(0, 3)) {
    const mine = await user.session.get<InboxPage>('/api/inbox/tasks?scope=mine');
    if (mine.status !== 200 || mine.body.counts.mine !== 0)
      figures.failures.push(
        `${user.session.username}: "mine" after completing: ${mine.status} ${JSON.stringify(mine.body?.counts)}`,
      );
    const done = new Set(figures.completedKeys);
    for (let page = 1; page <= 20; page += 1) {
      const all = await user.session.get<InboxPage>(`/api/inbox/tasks?scope=all&sort=created&page=${page}`);
      if (all.status !== 200) break;
      const stale = all.body.items.find((item) => done.has(item.id));
      if (stale) figures.failures.push(`${user.session.username}: completed task ${stale.id} still listed`);
      if (all.body.items.length < 20) break;
    }
  }
  return figures;
}
