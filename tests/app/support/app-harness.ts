import mongoose, { type Connection } from 'mongoose';
import { createAppModule, type AppModule } from '../../../src/app/app.module.js';
import { startHttpServer, type HttpServerHandle } from '../../../src/app/http/http-server.js';
import type { RouteDefinition } from '../../../src/app/http/route.types.js';
import { TestClock } from '../../../src/lib/clock.js';
import { loadConfig, type Config } from '../../../src/lib/config.js';
import { createLogger } from '../../../src/lib/logger.js';
import { createArgon2Hasher } from '../../../src/lib/password.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

export interface Harness {
  config: Config;
  clock: TestClock;
  db: TestDatabase;
  connection: Connection;
  module: AppModule;
  server: HttpServerHandle;
  url: string;
  client(): HttpClient;
  /** Creates a user (and the units it needs) directly through the services. */
  user(
    username: string,
    memberships: { unitCode: string; roles: ('staff' | 'head' | 'admin' | 'supervisor')[] }[],
  ): Promise<void>;
  close(): Promise<void>;
}

export const PASSWORD = 'Mat-khau-1234';

/** Real argon2id at a lower cost than production, so the suite stays fast on two shared cores. */
export const TEST_HASHER = createArgon2Hasher({ memoryCost: 4_096, timeCost: 2, parallelism: 1 });

/** The app on a real port against a fresh real database, with a clock the test moves. */
export async function startHarness(
  env: Record<string, string> = {},
  extraRoutes: RouteDefinition[] = [],
): Promise<Harness> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ...env,
  });
  const clock = new TestClock();
  const db = createTestDatabase('app');
  const connection = await mongoose.createConnection(db.uri).asPromise();
  const logger = createLogger({ level: config.logLevel });
  const module = createAppModule({
    hasher: TEST_HASHER,
    config,
    logger,
    clock,
    connection,
    extraRoutes,
  });
  await Promise.all([module.directory.units.list(), connection.syncIndexes()]);
  const server = await startHttpServer(module.app, { port: 0, shutdownTimeoutMs: 2_000 });
  const units = module.directory.units;
  return {
    config,
    clock,
    db,
    connection,
    module,
    server,
    url: server.url,
    client: () => new HttpClient(server.url),
    async user(username, memberships) {
      for (const { unitCode } of memberships) {
        if (!(await units.find(unitCode)))
          await units.create({ code: unitCode, name: `Đơn vị ${unitCode}`, kind: 'ban' });
      }
      await module.directory.users.create({
        username,
        fullName: `Người dùng ${username}`,
        password: PASSWORD,
        memberships,
        mustChangePassword: false,
      });
    },
    async close() {
      module.stop();
      await server.close();
      await connection.close();
      await db.drop();
    },
  };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & {
    code?: string;
    detail?: string;
    errors?: { field: string; message: string }[];
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on state-changing requests. */
export class HttpClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly base: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const all: Record<string, string> = { ...headers };
    if (this.cookie) all.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in all)) all['x-csrf-token'] = this.csrfToken;
    if (body !== undefined && typeof body !== 'string') all['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    let parsed: ApiResponse['body'] = {};
    if (text) parsed = JSON.parse(text) as ApiResponse['body'];
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get(path: string): Promise<ApiResponse> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.request('POST', path, body, headers);
  }

  patch(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request('PATCH', path, body);
  }

  async signIn(username: string, password = PASSWORD): Promise<ApiResponse> {
    const response = await this.post('/api/auth/sign-in', { username, password });
    if (response.status === 200) this.csrfToken = String(response.body.csrfToken);
    return response;
  }
}
