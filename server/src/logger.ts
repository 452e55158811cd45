import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; secrets never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'nabz-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', 'password', 'variables.input.password'],
      censor: '[redacted]',
    },
  });
}
