/** Connection-level failures of PostgreSQL (down, restarting, unreachable, connection cut). */
const DB_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * Whether an error means the database is out of reach (down, restarting, unreachable, the
 * connection cut), as opposed to refusing a statement. The API answers these SERVICE_UNAVAILABLE;
 * the submission writer does not retry them one by one.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown } | undefined,
      depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === 'string' && DB_UNAVAILABLE_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|\b(ECONNREFUSED|ECONNRESET|EPIPE)\b|the database system is (shutting down|starting up)|terminating connection due to administrator command/.test(
        e.message,
      )
    )
      return true;
    e = (e.driverError ?? e.originalError ?? e.cause) as typeof e;
  }
  return false;
}
