/** Issue 4, item 6: `npm start` deploys every process and form; a changed file becomes a new version, an unchanged one does not. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployProcessesAndForms } from '../../../src/app/deployment/index.js';
import { startTestEngine, type TestEngine } from '../../support/harness/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
/** The forms the repository ships (forms/*.form). */
const SEED_FORMS = 47; // 37 + the four of dan-van-kheo + the six of don-thu-kien-nghi
const SEED_PROCESSES = 7; // the regulation's seven procedures (processes/README.md)
let engine: TestEngine;
let dirs: { processes: string; forms: string };
let work: string;

beforeAll(async () => {
  engine = await startTestEngine({ database: 'deploy', clients: {} });
  work = await mkdtemp(path.join(tmpdir(), 'deploy-'));
  dirs = { processes: path.join(work, 'processes'), forms: path.join(work, 'forms') };
  await cp(path.join(root, 'processes'), dirs.processes, { recursive: true });
  await cp(path.join(root, 'forms'), dirs.forms, { recursive: true });
}, 60_000);
afterAll(async () => {
  await engine?.close();
  await rm(work, { recursive: true, force: true });
});

const versions = (list: { version: number }[], idOf: (item: never) => string) =>
  Object.fromEntries(list.map((item) => [idOf(item as never), item.version]));

describe('deployProcessesAndForms', () => {
  it('deploys every process and every form; unchanged files keep their versions; a changed one gets version 2', async () => {
    const zeebe = engine.zeebe;
    const first = await deployProcessesAndForms(zeebe, dirs);
    expect(first.processes.map((p) => p.bpmnProcessId).sort()).toEqual([
      'bao-cao-dan-van',
      'bao-cao-dot-xuat',
      'dan-van-kheo',
      'danh-gia-khen-thuong',
      'don-thu-kien-nghi',
      'giao-ban-quy',
      'y-kien-nhan-su',
    ]);
    expect(first.forms.length).toBe(SEED_FORMS);
    expect(first.processes.every((p) => p.version === 1)).toBe(true);

    const second = await deployProcessesAndForms(zeebe, dirs);
    expect(versions(second.processes, (p: { bpmnProcessId: string }) => p.bpmnProcessId)).toEqual(
      versions(first.processes, (p: { bpmnProcessId: string }) => p.bpmnProcessId),
    );
    expect(second.forms.every((f) => f.version === 1)).toBe(true);

    const file = path.join(dirs.processes, 'giao-ban-quy.bpmn');
    await writeFile(file, (await readFile(file, 'utf8')) + '\n<!-- sửa đổi -->\n');
    const third = await deployProcessesAndForms(zeebe, dirs);
    const byId = versions(third.processes, (p: { bpmnProcessId: string }) => p.bpmnProcessId);
    expect(byId['giao-ban-quy']).toBe(2);
    expect(byId['bao-cao-dan-van']).toBe(1);
    expect(third.forms.every((f) => f.version === 1)).toBe(true);
  }, 60_000);

  it('leaves out the seed files of processes and forms an administrator has deployed through the studio', async () => {
    const result = await deployProcessesAndForms(engine.zeebe, dirs, {
      processes: ['bao-cao-dan-van'],
      forms: ['bao-cao-dan-van-lap'],
    });
    expect(result.processes.map((p) => p.bpmnProcessId)).not.toContain('bao-cao-dan-van');
    expect(result.processes.length).toBe(SEED_PROCESSES - 1);
    expect(result.forms.map((f) => f.formId)).not.toContain('bao-cao-dan-van-lap');
    expect(result.forms.length).toBe(SEED_FORMS - 1);
  }, 60_000);
});
