import { runCreateAdminCommand } from './create-admin.command.js';

/** Keys typed ahead of a prompt (a paste of two lines answers both prompts). */
let pending = '';

/** Reads a line from the terminal without echoing it (raw mode: each key arrives as typed). */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stdout.write(prompt);
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    /** Consumes pending keys up to the end of the line; true when the line is complete. */
    const consume = (): boolean => {
      while (pending.length > 0) {
        const char = pending[0] ?? '';
        pending = pending.slice(1);
        if (char === '\r' || char === '\n') {
          if (char === '\r' && pending[0] === '\n') pending = pending.slice(1);
          finish();
          return true;
        }
        if (char === '\u0003') {
          finish(new Error('Đã hủy.'));
          return true;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
      return false;
    };
    const onData = (chunk: string) => {
      pending += chunk;
      consume();
    };
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    if (!consume()) input.resume();
  });
}

const code = await runCreateAdminCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  ...(process.stdin.isTTY ? { readPassword: readHidden } : {}),
});
process.exitCode = code;
