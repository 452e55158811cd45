import 'reflect-metadata';
import path from 'node:path';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { ENTITIES } from './entities';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  logger?: TypeOrmLogger;
  applicationName?: string;
  /** statement_timeout for every connection, in ms: bounds what one request's query may run (issue 14 item 4). */
  statementTimeoutMs?: number;
}

/** Migrations are the only way the schema changes: `synchronize` is never on. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: [path.join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (PGlite has none).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error', 'warn', 'migration'],
    logger: options.logger,
    maxQueryExecutionTime: 500,
    applicationName: options.applicationName ?? 'nabz-server',
    extra: {
      max: options.poolSize,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      // Every query here is short; JIT compilation only adds hundreds of ms when statistics are stale.
      options: `-c jit=off${options.statementTimeoutMs ? ` -c statement_timeout=${options.statementTimeoutMs}` : ''}`,
    },
  });
}
