import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppModule } from '../../src/app/app.module.js';
import { startHttpServer } from '../../src/app/http/http-server.js';
import { TestClock } from '../../src/lib/clock.js';
import { loadConfig } from '../../src/lib/config.js';
import { createTestDatabase } from '../support/harness/index.js';

const db = createTestDatabase('log');
afterAll(async () => db.drop());

describe('request logging', () => {
  it('writes JSON logs carrying the request id, without cookies', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n'))
          if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logger = pino(
      { level: 'info', redact: { paths: ['req.headers.cookie'], censor: '[redacted]' } },
      sink,
    );
    const connection = await mongoose.createConnection(db.uri).asPromise();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0' });
    const module = createAppModule({ config, logger, clock: new TestClock(), connection });
    const server = await startHttpServer(module.app, { port: 0 });
    try {
      await fetch(`${server.url}/healthz`, {
        headers: { 'x-request-id': 'trace-42', cookie: 'dv_session=bi-mat' },
      });
      await fetch(`${server.url}/khong-co`, { headers: { 'x-request-id': 'trace-43' } });
    } finally {
      module.stop();
      await server.close();
      await connection.close();
    }
    const completed = lines.filter((line) => line.msg === 'request completed');
    const ids = completed.map((line) => (line.req as { id: string }).id);
    expect(ids).toEqual(['trace-42', 'trace-43']);
    expect(JSON.stringify(lines)).not.toContain('bi-mat');
    expect(completed[1]?.level).toBe(40); // a 404 logs as a warning
  });
});
