import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('the browser app type-checks', () => {
  // The root tsconfig covers src, tests and scripts only; web/ has its own (DOM, JSX for preact, bundler resolution).
  it('passes tsc -p web/tsconfig.json', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'web/tsconfig.json', '--pretty', 'false'], {
      cwd: repo,
    }).then(
      () => ({ code: 0, output: '' }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? '' }),
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);
});
