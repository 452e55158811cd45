import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout (or `destination`); secrets never reach them, and neither do the
 * values of a failed SQL statement: its parameters (TypeORM's QueryFailedError carries them as
 * `parameters`) and PostgreSQL's `detail` ("Failing row contains (…)", "Key (…)=(…)"), which are
 * what callers sent — search words, answers — where the log never holds bodies (docs/privacy.md).
 * The statement's text, with its $1 placeholders, and the constraint's name are kept.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'nabz-server' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          'password',
          'variables.input.password',
          'err.parameters',
          'err.detail',
          'err.driverError.detail',
          'err.cause.parameters',
          'err.cause.detail',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
