import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { ConfigError, loadConfig, type Env } from '../../lib/config.js';
import { openDatabase } from '../../lib/database.js';
import { createLogger } from '../../lib/logger.js';
import { argon2Hasher, type PasswordHasher } from '../../lib/password.js';
import { assertStrongPassword } from '../../lib/password-policy.js';
import { OrganisationDirectory } from '../organisation/index.js';

export interface CreateAdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks for a password without echoing it; absent when nobody is at a terminal. */
  readPassword?: (prompt: string) => Promise<string>;
  clock?: Clock;
  hasher?: PasswordHasher;
}

const USAGE = `Cách dùng: npm run admin:create -- --username TÊN [--full-name "HỌ TÊN"] [--password-file TỆP]
                                 [--unit MÃ] [--unit-name "TÊN ĐƠN VỊ"]
  Tạo tài khoản quản trị viên (vai trò admin), dùng khi cơ sở dữ liệu chưa có ai đăng nhập được.
  --username        tên đăng nhập (chữ thường không dấu, số, dấu chấm, gạch; 3–40 ký tự)
  --full-name       họ và tên (mặc định "Quản trị hệ thống")
  --password-file   đọc mật khẩu từ dòng đầu của tệp; không có thì hỏi (không hiện ký tự gõ)
  --unit            đơn vị giữ vai trò quản trị (mặc định van-phong; chưa có thì được tạo)
  --unit-name       tên đơn vị khi phải tạo (mặc định "Văn phòng Đảng ủy Khối")
  Mật khẩu phải đổi ở lần đăng nhập đầu tiên.`;

/** Exit codes: 0 done, 2 bad arguments or password, 4 the username exists. */
export async function runCreateAdminCommand(args: string[], env: Env, io: CreateAdminIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        'full-name': { type: 'string', default: 'Quản trị hệ thống' },
        'password-file': { type: 'string' },
        unit: { type: 'string', default: 'van-phong' },
        'unit-name': { type: 'string', default: 'Văn phòng Đảng ủy Khối' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`Tham số không hợp lệ: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const username = values.username?.trim().toLowerCase();
  if (!username || !/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username)) {
    io.err('Cần --username hợp lệ: 3–40 ký tự, chữ thường không dấu, số, dấu chấm, gạch.');
    io.err(USAGE);
    return 2;
  }
  const password = await passwordOf(values['password-file'], io);
  if (password === undefined) return 2;
  try {
    // Checked before anything is written: a refused password leaves the database as it was.
    assertStrongPassword(password, { username, fullName: values['full-name'] }, '/password');
  } catch (error) {
    if (error instanceof AppError) {
      io.err(error.message);
      return 2;
    }
    throw error;
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
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    name: 'admin',
  });
  const database = await openDatabase(config, logger);
  try {
    const directory = new OrganisationDirectory(
      database.connection,
      io.clock ?? systemClock,
      io.hasher ?? argon2Hasher,
    );
    await Promise.all(Object.values(database.connection.models).map((model) => model.init()));
    if (await directory.users.find(username)) {
      io.err(
        `Tài khoản "${username}" đã có. Dùng trang Người dùng để đặt lại mật khẩu, hoặc chọn tên đăng nhập khác.`,
      );
      return 4;
    }
    const unitCode = values.unit;
    const existing = await directory.units.find(unitCode);
    if (existing && !existing.active) await directory.units.setActive(unitCode, true);
    if (!existing) await directory.units.ensure({ code: unitCode, name: values['unit-name'], kind: 'ban' });
    await directory.users.create({
      username,
      fullName: values['full-name'],
      password,
      memberships: [{ unitCode, roles: ['admin'] }],
      mustChangePassword: true,
    });
    io.out(
      `Đã tạo quản trị viên "${username}" (đơn vị ${unitCode}). Đăng nhập bằng mật khẩu vừa đặt; hệ thống sẽ yêu cầu đổi mật khẩu ngay.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(error.message);
      for (const field of error.errors ?? [])
        if (field.message !== error.message) io.err(`  ${field.message}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** From the file's first line, or asked twice at the terminal; undefined (with the reason said) when neither works. */
async function passwordOf(file: string | undefined, io: CreateAdminIo): Promise<string | undefined> {
  if (file) {
    try {
      const password = (await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '';
      if (password === '') io.err(`Tệp ${file} không có mật khẩu ở dòng đầu.`);
      return password || undefined;
    } catch {
      io.err(`Không đọc được tệp mật khẩu ${file}.`);
      return undefined;
    }
  }
  if (!io.readPassword) {
    io.err('Không có terminal để hỏi mật khẩu: dùng --password-file TỆP.');
    return undefined;
  }
  const first = await io.readPassword('Mật khẩu (ít nhất 12 ký tự): ');
  const second = await io.readPassword('Nhập lại mật khẩu: ');
  if (first !== second) {
    io.err('Hai lần nhập mật khẩu không khớp.');
    return undefined;
  }
  return first;
}
