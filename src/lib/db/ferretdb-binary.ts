import { spawn } from 'node:child_process';
import { access, mkdir, rename } from 'node:fs/promises';
import { constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FERRETDB_VERSION = 'v1.24.2';

const launcherSource = fileURLToPath(new URL('../../../tools/ferretdb/', import.meta.url));

/** Where the built FerretDB launcher is cached: outside the repository, shared by every clone on the machine. */
export function ferretDbCachePath(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'dan-van-workflow', `ferretdb-sqlite-${FERRETDB_VERSION}`);
}

export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds an executable on PATH, or undefined. */
export async function whichExecutable(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/**
 * Returns the path of the FerretDB launcher (tools/ferretdb), building it once with the Go toolchain if needed.
 * Resolves undefined when there is no cached binary and no `go` on PATH.
 */
export async function ensureFerretDbBinary(log: (message: string) => void): Promise<string | undefined> {
  const target = ferretDbCachePath();
  if (await isExecutable(target)) return target;
  const go = await whichExecutable('go');
  if (!go) return undefined;
  log(`building FerretDB ${FERRETDB_VERSION} with ${go} (once; cached at ${target})`);
  await mkdir(path.dirname(target), { recursive: true });
  // Build beside the target and rename, so a concurrent reader never sees a half-written binary.
  const partial = `${target}.${process.pid}.partial`;
  await run(go, ['build', '-trimpath', '-o', partial, '.'], launcherSource);
  await rename(partial, target);
  return target;
}
