import { spawn } from 'node:child_process';
import { access, copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FERRETDB_VERSION = 'v1.24.2';

/**
 * Fixes applied to FerretDB's source before it is built. Each names the defect it repairs; the build stops if the
 * text it replaces is not found, so a version change cannot silently drop one.
 */
export const FERRETDB_PATCHES: readonly { file: string; find: string; replace: string; why: string }[] = [
  {
    why:
      'The SQLite backend indexes `_id` as `_ferretdb_sjson->"_id"` but looks it up as `_ferretdb_sjson->\'$._id\'`, ' +
      'an expression SQLite does not match to that index: every find, update and delete by `_id` scanned the whole ' +
      'collection (measured: 73 ms per deleteOne at 30,000 documents). 1.24 is the last 1.x release, so no upstream fix.',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: `IDColumn = DefaultColumn + "->\\"_id\\""`,
  },
];

/** Changes whenever the patches do, so a launcher built from other sources is not reused. */
const BUILD_TAG = `${FERRETDB_VERSION}-p${FERRETDB_PATCHES.length}`;

const launcherSource = fileURLToPath(new URL('../../../tools/ferretdb/', import.meta.url));

/** Where the built FerretDB launcher is cached: outside the repository, shared by every clone on the machine. */
export function ferretDbCachePath(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'dan-van-workflow', `ferretdb-sqlite-${BUILD_TAG}`);
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
  log(`building FerretDB ${BUILD_TAG} with ${go} (once; cached at ${target})`);
  await mkdir(path.dirname(target), { recursive: true });
  // Build beside the target and rename, so a concurrent reader never sees a half-written binary.
  const partial = `${target}.${process.pid}.partial`;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'ferretdb-build-'));
  try {
    for (const file of ['go.mod', 'go.sum', 'main.go'])
      await copyFile(path.join(launcherSource, file), path.join(workDir, file));
    // Vendoring gives a private, writable copy of FerretDB's source to patch; the module cache stays untouched.
    await run(go, ['mod', 'vendor'], workDir);
    await applyPatches(path.join(workDir, 'vendor', 'github.com', 'FerretDB', 'FerretDB'));
    await run(go, ['build', '-mod=vendor', '-trimpath', '-o', partial, '.'], workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  await rename(partial, target);
  return target;
}

async function applyPatches(sourceRoot: string): Promise<void> {
  for (const patch of FERRETDB_PATCHES) {
    const file = path.join(sourceRoot, patch.file);
    const text = await readFile(file, 'utf8');
    if (!text.includes(patch.find))
      throw new Error(`FerretDB patch no longer applies: ${patch.file} has no ${patch.find}`);
    await writeFile(file, text.replace(patch.find, patch.replace));
  }
}
