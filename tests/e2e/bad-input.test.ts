import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../src/app/http/route-audit.js';
import type { ServiceHandle } from '../../src/main.js';
import {
  endEvent,
  flow,
  processResource,
  processXml,
  startEvent,
  startTestService,
  userTask,
  type TestService,
} from '../support/harness/index.js';

/** A one-task process with a small form, so draft and complete reach the form's validator with a held task. */
const PROCESS_ID = 'kiem-thu-dau-vao';
const FORM_ID = 'kiem-thu-dau-vao-form';
const form = {
  id: FORM_ID,
  type: 'default',
  components: [
    { type: 'textfield', id: 'Field_a', key: 'a', label: 'A', validate: { required: true, maxLength: 100 } },
    { type: 'number', id: 'Field_n', key: 'n', label: 'N', validate: { min: 0, max: 10 } },
    {
      type: 'dynamiclist',
      id: 'List_l',
      path: 'l',
      label: 'L',
      components: [{ type: 'textfield', id: 'Field_x', key: 'x', label: 'X' }],
    },
  ],
};
const process = processXml(
  PROCESS_ID,
  [
    startEvent('start'),
    userTask('viec', { name: 'Việc kiểm thử', candidateGroups: 'van-phong', formId: FORM_ID }),
    endEvent('end'),
    flow('start', 'viec', { id: 'f1' }),
    flow('viec', 'end', { id: 'f2' }),
  ],
  { name: 'Kiểm thử đầu vào' },
);

const USER = 'kiemthu';
const PASSWORD = 'Dau-Vao-Xau-2026!';

interface Variant {
  name: string;
  body?: Buffer | string;
  headers?: Record<string, string>;
}

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const json = { 'content-type': 'application/json' };

/** The bad inputs every write route gets: broken syntax, encodings, compression, sizes, nesting, shapes. */
const VARIANTS: Variant[] = [
  { name: 'broken JSON', body: '{"data":', headers: json },
  { name: 'JSON null', body: 'null', headers: json },
  { name: 'JSON array', body: '[]', headers: json },
  { name: 'JSON string', body: '"x"', headers: json },
  { name: 'JSON number', body: '1', headers: json },
  { name: 'empty body', body: '', headers: json },
  { name: '50,000-deep array', body: deepArray(50_000), headers: json },
  { name: '50,000-deep data', body: `{"data":${deepArray(50_000)}}`, headers: json },
  { name: '5,000-deep object', body: deepObject(5_000), headers: json },
  { name: '40-deep data object', body: `{"data":${deepObject(40)}}`, headers: json },
  { name: 'over the body limit', body: `{"data":{"a":"${'x'.repeat(1_100_000)}"}}`, headers: json },
  { name: 'text/plain', body: '{"data":{}}', headers: { 'content-type': 'text/plain' } },
  { name: 'utf-16 charset', body: '{}', headers: { 'content-type': 'application/json; charset=utf-16' } },
  { name: 'unknown charset', body: '{}', headers: { 'content-type': 'application/json; charset=klingon' } },
  {
    name: 'broken gzip',
    body: Buffer.from('không phải gzip'),
    headers: { ...json, 'content-encoding': 'gzip' },
  },
  { name: 'broken deflate', body: Buffer.from('xx'), headers: { ...json, 'content-encoding': 'deflate' } },
  { name: 'broken brotli', body: Buffer.from('xx'), headers: { ...json, 'content-encoding': 'br' } },
  { name: 'unknown encoding', body: '{}', headers: { ...json, 'content-encoding': 'x-nen' } },
  {
    name: 'truncated gzip',
    body: gzipSync('{"data":{"a":"b"}}').subarray(0, 12),
    headers: { ...json, 'content-encoding': 'gzip' },
  },
  {
    name: 'gzip bomb',
    body: gzipSync(`{"a":"${'0'.repeat(20_000_000)}"}`),
    headers: { ...json, 'content-encoding': 'gzip' },
  },
  {
    name: 'invalid UTF-8',
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    headers: json,
  },
  { name: 'BOM', body: '\ufeff{"data":{}}', headers: json },
  { name: '__proto__', body: '{"__proto__":{"polluted":1},"data":{"__proto__":{"x":1}}}', headers: json },
  { name: 'constructor.prototype', body: '{"constructor":{"prototype":{"x":1}},"text":"a"}', headers: json },
  { name: 'NUL and lone surrogate', body: '{"text":"\\u0000\\ud800","data":{"a":"\\ud800"}}', headers: json },
  { name: 'huge number', body: '{"data":{"n":1e400},"text":1e400}', headers: json },
  { name: 'NaN literal', body: '{"data":{"n":NaN}}', headers: json },
  {
    name: 'operator injection',
    body: '{"username":{"$ne":null},"password":{"$gt":""},"data":{"a":{"$gt":""}}}',
    headers: json,
  },
  {
    name: 'wrong types everywhere',
    body: '{"text":123,"data":"x","name":[],"username":1,"password":true,"role":{}}',
    headers: json,
  },
  { name: 'data as array', body: '{"data":[1,2,3]}', headers: json },
  { name: 'data null', body: '{"data":null}', headers: json },
  { name: 'long key', body: `{"data":{"${'k'.repeat(5_000)}":1}}`, headers: json },
  {
    name: '20,000 keys',
    body: `{"data":{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',')}}}`,
    headers: json,
  },
  {
    name: '100,000-item list',
    body: `{"data":{"l":[${Array.from({ length: 100_000 }, () => '{"x":"y"}').join(',')}]}}`,
    headers: json,
  },
  { name: 'duplicate keys', body: '{"text":"a","text":"b","data":{"a":"x","a":{"b":1}}}', headers: json },
  { name: 'wrong field values', body: '{"data":{"a":{"b":[1]},"n":"mười","l":"x"}}', headers: json },
];

/** Path parameter values: a plausible one, and those that cannot be (bad encoding, overlong, traversal, NUL). */
const PARAM_VARIANTS = [
  '%ff',
  '%E0%A4%A',
  '..%2F..%2Fetc',
  'a'.repeat(3_000),
  '%00',
  '99999999999999999999999999',
];

let stack: TestService;
let service: ServiceHandle;
let cookie = '';
let csrf = '';
let heldKey = '';

async function signIn(): Promise<void> {
  const response = await fetch(`${service.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  csrf = String(((await response.json()) as { csrfToken: string }).csrfToken);
}

beforeAll(async () => {
  // The bad bodies sent to sign-in would otherwise use up the address's attempts before the test's own sign-ins.
  stack = await startTestService({ env: { LOGIN_IP_MAX_ATTEMPTS: '100000' } });
  service = stack.service;
  await service.directory.users.create({
    username: USER,
    fullName: 'Kiểm Thử Viên',
    password: PASSWORD,
    memberships: [{ unitCode: 'van-phong', roles: ['admin', 'supervisor', 'staff', 'head'] }],
    mustChangePassword: false,
  });
  await service.engineClients.zeebe.deployResources([
    processResource(`${PROCESS_ID}.bpmn`, process),
    { name: `${FORM_ID}.form`, form: Buffer.from(JSON.stringify(form)) },
  ]);
  await service.engineClients.zeebe.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: {} });
  await signIn();
  for (let attempt = 0; attempt < 100 && !heldKey; attempt++) {
    const list = await fetch(`${service.url}/api/inbox/tasks?scope=unclaimed`, { headers: { cookie } });
    const items = ((await list.json()) as { items: { id: string; name: string }[] }).items;
    heldKey = items.find((task) => task.name === 'Việc kiểm thử')?.id ?? '';
    if (!heldKey) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(heldKey).not.toBe('');
  const claimed = await fetch(`${service.url}/api/inbox/tasks/${heldKey}/claim`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf },
  });
  expect(claimed.status).toBe(204);
}, 180_000);

afterAll(async () => stack?.close());

const rank = (path: string): number =>
  path === '/api/auth/sign-out' ? 2 : path === '/api/inbox/tasks/:key/unclaim' ? 1 : 0;

describe('bad input on every write route', () => {
  it('answers ≥ 30 bad variants on every write route with a 4xx problem+json, never ≥ 500, and stays ready', async () => {
    const writes = listRoutes(service.app)
      .filter((route) => ['post', 'put', 'patch', 'delete'].includes(route.method))
      // Giving the task back and signing out go last: an empty body is a valid request to them, and the other routes
      // need the held task and the session.
      .sort((a, b) => rank(a.path) - rank(b.path));
    expect(writes.length).toBeGreaterThanOrEqual(20);
    expect(VARIANTS.length).toBeGreaterThanOrEqual(30);
    const plausible: Record<string, string> = {
      key: heldKey,
      username: 'khong-co-ai',
      code: 'khong-co',
      id: '000000000000000000000000',
      processId: PROCESS_ID,
    };
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    let sent = 0;
    const send = async (method: string, path: string, variant: Variant): Promise<void> => {
      const response = await fetch(`${service.url}${path}`, {
        method: method.toUpperCase(),
        headers: { cookie, 'x-csrf-token': csrf, ...variant.headers },
        body: variant.body,
      });
      const text = await response.text();
      sent += 1;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const label = `${method.toUpperCase()} ${path.slice(0, 80)} [${variant.name}] → ${response.status}`;
      if (response.status >= 500) failures.push(`${label}: ${text.slice(0, 200)}`);
      else if (
        response.status >= 400 &&
        !(response.headers.get('content-type') ?? '').includes('application/problem+json')
      )
        failures.push(`${label}: not problem+json`);
      else if (response.status === 401 && path !== '/api/auth/sign-in') await signIn();
    };
    for (const route of writes) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => plausible[name] ?? 'x');
      for (const variant of VARIANTS) await send(route.method, path, variant);
      if (route.path.includes(':'))
        for (const value of PARAM_VARIANTS)
          await send(route.method, route.path.replace(/:(\w+)/g, value), VARIANTS[1]!);
    }
    // Paths that do not decode, and a GET with no session at all.
    for (const path of ['/%ff', '/api/%ff', '/api/inbox/tasks/%ff', '/api/documents/%E0%A4%A'])
      for (const method of ['get', 'post']) await send(method, path, { name: 'path', headers: {} });

    console.info(`bad input: ${sent} requests on ${writes.length} write routes`, statuses);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(writes.length * 30);

    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    // The task was not completed by any of it, and nothing odd reached its data.
    await signIn();
    const task = await fetch(`${service.url}/api/inbox/tasks/${heldKey}`, { headers: { cookie } });
    expect(task.status).toBe(200);
    const detail = (await task.json()) as { open: boolean; data: Record<string, unknown> };
    expect(detail.open).toBe(true);
    expect(Object.keys(detail.data).filter((key) => !['a', 'n', 'l'].includes(key))).toEqual([]);
    expect(detail.data).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);
});
