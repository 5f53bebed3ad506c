import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { loadConfig } from '../../../src/lib/config.js';
import { startService } from '../../../src/main.js';

let dataDir: string | undefined;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm start without MONGODB_URI', () => {
  it('starts its own database in DATA_DIR/mongo, seeds once, and keeps the data across restarts', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'dan-van-start-'));
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      PORT: '0',
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      DATA_DIR: dataDir,
    });
    expect(config.mongodbUri).toBeUndefined();

    const first = await startService(config);
    try {
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      expect(await first.connection.collection('users').countDocuments()).toBe(DEMO_ACCOUNTS.length);
      await first.directory.units.update('so-tai-chinh', { name: 'Đảng bộ Sở Tài chính (đã đổi tên)' });
    } finally {
      await first.close();
    }
    expect((await stat(path.join(dataDir, 'mongo'))).isDirectory()).toBe(true);

    const second = await startService(config);
    try {
      expect((await second.directory.units.get('so-tai-chinh')).name).toBe(
        'Đảng bộ Sở Tài chính (đã đổi tên)',
      );
      expect(await second.connection.collection('users').countDocuments()).toBe(DEMO_ACCOUNTS.length);
      const signIn = await fetch(`${second.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await second.close();
    }
  }, 120_000);
});
