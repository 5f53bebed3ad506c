import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const webDir = path.join(repo, 'web');

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out.sort();
}

/** A fingerprint of everything the build reads, so an unchanged app is built once per checkout, not per test file. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const inputs = [
    ...(await filesUnder(path.join(webDir, 'src'))),
    path.join(webDir, 'index.html'),
    path.join(webDir, 'vite.config.ts'),
    path.join(repo, 'package-lock.json'),
    // Shared with the server: contracts, dates, the Vietnamese form-js messages.
    ...(await filesUnder(path.join(repo, 'src', 'shared'))),
  ];
  for (const file of inputs) {
    hash.update(path.relative(repo, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the SPA with vite's build() API into test-artifacts/web-<hash> (reused while the sources are unchanged) and
 * returns that directory. Two test files building at once both succeed: each builds apart, the first rename wins.
 */
export async function buildWeb(): Promise<string> {
  const outDir = path.join(repo, 'test-artifacts', `web-${await sourceHash()}`);
  if (existsSync(path.join(outDir, 'index.html'))) return outDir;
  const temporary = `${outDir}.tmp-${process.pid}`;
  const { build } = await import('vite');
  await build({
    configFile: path.join(webDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: temporary, emptyOutDir: true },
  });
  await mkdir(path.dirname(outDir), { recursive: true });
  try {
    await rename(temporary, outDir);
  } catch (error) {
    if (!(await stat(path.join(outDir, 'index.html')).catch(() => undefined))) throw error;
    await rm(temporary, { recursive: true, force: true });
  }
  return outDir;
}
