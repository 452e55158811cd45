import { type DataSource } from 'typeorm';

// Any constant works; it only has to be the same in every instance of the server.
const MIGRATION_LOCK_KEY = 7_142_026;

/**
 * Runs pending migrations, holding a PostgreSQL advisory lock so that several instances starting
 * at once migrate one after another instead of racing. `work` (demo data) runs under the same lock.
 */
export async function migrate(db: DataSource, options: { exclusive: boolean }, work?: () => Promise<unknown>): Promise<void> {
  if (!options.exclusive) {
    // The embedded database serves one connection: nobody else can be migrating it.
    await db.runMigrations({ transaction: 'each' });
    await work?.();
    return;
  }
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await db.runMigrations({ transaction: 'each' });
    await work?.();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
