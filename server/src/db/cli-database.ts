import { type DataSource } from 'typeorm';
import { type Config } from '../config';
import { createLogger } from '../logger';
import { createDataSource } from './data-source';
import { migrate } from './migrate';
import { QueryLogger } from './query-logger';

/**
 * The database of a command line (admin:create, goals:import): DATABASE_URL's, migrated first as the
 * server does at start, closed afterwards. SQL errors go through the server's logger at error level:
 * TypeORM's own console logger would print a refused statement with its parameters before the one
 * sentence the operator needs. Answers exit code 2 (and says why) without a DATABASE_URL.
 */
export async function withCliDatabase(command: string, config: Config, use: (db: DataSource) => Promise<number>): Promise<number> {
  if (config.database.kind !== 'url') {
    process.stderr.write(`${command} needs DATABASE_URL (the embedded development database is used only by a running server).\n`);
    return 2;
  }
  const logger = new QueryLogger(createLogger('error'));
  const db = createDataSource({ url: config.database.url, poolSize: 1, applicationName: `nabz-${command.replace(':', '-')}`, logger });
  await db.initialize();
  try {
    await migrate(db);
    return await use(db);
  } finally {
    await db.destroy();
  }
}
