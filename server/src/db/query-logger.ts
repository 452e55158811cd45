import { type Logger as TypeOrmLogger } from 'typeorm';
import { type Logger } from '../logger';

/**
 * Routes TypeORM's logging into the structured log and counts SQL statements. The count lets the
 * tests prove that a rejected request ran no SQL and that nested lists run a constant number of
 * statements; SQL text goes to the server log only (debug level), never to a client.
 */
export class QueryLogger implements TypeOrmLogger {
  statements = 0;

  constructor(private readonly out: Logger) {}

  logQuery(query: string): void {
    this.statements++;
    if (this.out.isLevelEnabled('trace')) this.out.trace({ sql: query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.statements++;
    this.out.debug({ err: error, sql: query }, 'sql failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.out.warn({ ms: time, sql: query }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.out.debug(message);
  }
  logMigration(message: string): void {
    this.out.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn({ typeorm: message }, 'typeorm');
    else this.out.debug({ typeorm: message }, 'typeorm');
  }
}
