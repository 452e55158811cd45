import { type DataSource, type EntityManager, MigrationExecutor } from 'typeorm';

// Any constant works; it only has to be the same in every instance of the server.
const MIGRATION_LOCK_KEY = 7_142_026;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several instances
 * starting at once migrate one after another instead of racing. `work` (demo data) runs under the
 * same lock, on the same connection: a pool of one (the embedded database) cannot deadlock.
 */
export async function migrate(db: DataSource, work?: (manager: EntityManager) => Promise<unknown>): Promise<void> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // Migrations and demo data may rewrite whole tables: the request queries' statement timeout is not for them.
    await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(db, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
    await work?.(runner.manager);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
