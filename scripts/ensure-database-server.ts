/**
 * Builds (once) and caches the FerretDB launcher so that the first test run does not pay for it inside a test
 * timeout. Prints which database server `npm start` and `npm test` will use.
 */
import { ensureFerretDbBinary, whichExecutable } from '../src/lib/db/ferretdb-binary.js';

const log = (message: string): void => console.log(message);

if (process.env.MONGODB_URI) {
  log('MONGODB_URI is set: the tests use that server.');
} else if (await whichExecutable('mongod')) {
  log('mongod found on PATH: the tests start it.');
} else if (await whichExecutable('ferretdb')) {
  log('ferretdb found on PATH: the tests start it.');
} else {
  const binary = await ensureFerretDbBinary(log);
  log(
    binary
      ? `FerretDB launcher ready: ${binary}`
      : 'no Go toolchain: tests fall back to mongodb-memory-server.',
  );
}
