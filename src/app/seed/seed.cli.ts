import { runSeedCommand } from './seed.command.js';

const code = await runSeedCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exitCode = code;
