import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  name?: string;
}

/** JSON logs on stdout; secrets that may pass through requests are redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino({
    name: options.name ?? 'dan-van',
    level: options.level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  });
}
