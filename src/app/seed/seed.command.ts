import { systemClock, type Clock } from '../../lib/clock.js';
import { ConfigError, loadConfig, type Env } from '../../lib/config.js';
import { openDatabase } from '../../lib/database.js';
import { createLogger } from '../../lib/logger.js';
import { argon2Hasher } from '../../lib/password.js';
import { OrganisationDirectory } from '../organisation/index.js';
import { seedOrganisation } from './seed.service.js';

export interface SeedCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  clock?: Clock;
}

const USAGE = `Cách dùng: npm run seed -- [--no-demo-accounts] [--allow-production]
  Tạo các đơn vị của Khối và các tài khoản dùng thử còn thiếu (chạy lại không thay đổi gì).
  --no-demo-accounts   chỉ tạo đơn vị, không tạo tài khoản dùng thử
  --allow-production   cho phép chạy khi NODE_ENV=production`;

/** The seed command; returns the process exit code. */
export async function runSeedCommand(args: string[], env: Env, io: SeedCommandIo): Promise<number> {
  const known = new Set(['--no-demo-accounts', '--allow-production', '--help']);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0 || args.includes('--help')) {
    if (unknown.length > 0) io.err(`Tham số không hợp lệ: ${unknown.join(' ')}`);
    io.err(USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  if (config.nodeEnv === 'production' && !args.includes('--allow-production')) {
    io.err(
      'Từ chối chạy: NODE_ENV=production. Dữ liệu mẫu và tài khoản dùng thử không dành cho môi trường thật; ' +
        'nếu thực sự cần, chạy lại với --allow-production.',
    );
    return 3;
  }
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, name: 'seed' });
  const database = await openDatabase(config, logger);
  try {
    const directory = new OrganisationDirectory(database.connection, io.clock ?? systemClock, argon2Hasher);
    await Promise.all(Object.values(database.connection.models).map((model) => model.init()));
    const result = await seedOrganisation(directory, { demoAccounts: !args.includes('--no-demo-accounts') });
    io.out(
      `Đã tạo ${result.unitsCreated} đơn vị và ${result.usersCreated} tài khoản (phần đã có được giữ nguyên).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
