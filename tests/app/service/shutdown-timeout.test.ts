import express from 'express';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../src/app/http/http-server.js';

describe('shutdown timeout', () => {
  it('cuts a request that outlives the shutdown timeout instead of hanging', async () => {
    const app = express();
    let reached!: () => void;
    const inHandler = new Promise<void>((resolve) => (reached = resolve));
    app.get('/stuck', () => reached()); // never answers
    const server = await startHttpServer(app, { port: 0, shutdownTimeoutMs: 300 });
    const request = fetch(`${server.url}/stuck`).then(
      () => 'answered',
      () => 'cut',
    );
    await inHandler;
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await request).toBe('cut');
  });
});
