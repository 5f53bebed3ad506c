import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser app. Built into web/dist (served by src/app/web); the form viewer and the diagram viewer are split into
 * their own chunks, loaded only on the task page.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    target: 'es2022',
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
