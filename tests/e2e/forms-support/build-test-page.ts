import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Builds a one-page test app (its index.html and main.js) with vite into a fresh directory under test-artifacts and
 * returns that directory; `name` prefixes the directory.
 */
export async function buildTestPage(name: string, html: string, mainJs: string): Promise<string> {
  await mkdir(path.join(repo, 'test-artifacts'), { recursive: true });
  const root = await mkdtemp(path.join(repo, 'test-artifacts', `${name}-src-`));
  const outDir = root.replace('-src-', '-dist-');
  await writeFile(path.join(root, 'index.html'), html);
  await writeFile(path.join(root, 'main.js'), mainJs);
  const { build } = await import('vite');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: './',
    publicDir: false,
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
  await rm(root, { recursive: true, force: true });
  return outDir;
}
