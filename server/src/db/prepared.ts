import { type DataSource } from 'typeorm';

interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Data sources whose connections share server sessions, where named statements collide. */
const unnamed = new WeakSet<DataSource>();

/**
 * "prepared statement … already exists" and "… does not exist": the database session is not the
 * connection's own. The embedded PGlite serves every connection from one session, as does a
 * pooler such as PgBouncer in transaction mode; the statement was refused before it ran.
 */
const SHARED_SESSION_CODES = new Set(['42P05', '26000']);

/**
 * Runs a hot statement as a named prepared statement on the data source's pool: each connection
 * parses and plans it once, then only binds and executes it. For the batched submission write
 * (CTEs over unnest()) planning cost about as much PostgreSQL CPU as executing; a prepared
 * statement roughly halved the database's time per response. The statement is counted and logged
 * like every other (TypeORM's own `query` cannot name statements). Where sessions are shared
 * (see SHARED_SESSION_CODES) the data source falls back to unnamed statements for good.
 */
export async function preparedQuery<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  db.logger.logQuery(text, values);
  const pool = (db.driver as unknown as { master: PgPool }).master;
  if (!unnamed.has(db)) {
    try {
      return (await pool.query({ name, text, values })).rows as T[];
    } catch (err) {
      if (!SHARED_SESSION_CODES.has((err as { code?: string }).code ?? '')) throw err;
      unnamed.add(db);
    }
  }
  return (await pool.query({ text, values })).rows as T[];
}
