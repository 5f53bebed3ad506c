/**
 * Runs after `npm ci` / `npm install`: prepares what `npm start` would otherwise do on its first start, so the
 * service answers /readyz quickly. Never fails the install: anything missing here is retried at start.
 */
import { ensureFerretDbBinary, whichExecutable } from '../src/lib/db/ferretdb-binary.js';

const log = (message: string): void => console.log(`[postinstall] ${message}`);

try {
  if (process.env.MONGODB_URI) log('MONGODB_URI is set: no local database server needed.');
  else if (await whichExecutable('mongod')) log('mongod found on PATH.');
  else {
    const binary = await ensureFerretDbBinary(log);
    log(
      binary
        ? `FerretDB ready: ${binary}`
        : 'no Go toolchain: npm start will fall back to mongodb-memory-server.',
    );
  }
} catch (error) {
  log(`could not prepare the local database server (npm start will retry): ${(error as Error).message}`);
}

try {
  // vite is a development dependency: a production install (the Docker image) builds the web app in its own step.
  const vite = await import('vite').catch(() => undefined);
  if (!vite) log('vite not installed: skipping the web build (run `npm run build:web`).');
  else {
    const configFile = new URL('../web/vite.config.ts', import.meta.url).pathname;
    await vite.build({ configFile, logLevel: 'warn' });
    log('web app built into web/dist');
  }
} catch (error) {
  log(`could not build the web app (run \`npm run build:web\`): ${(error as Error).message}`);
}
