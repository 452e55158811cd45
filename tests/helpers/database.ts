import { Client } from 'pg';

/**
 * Where the tests' PostgreSQL is. globalSetup decides once per run: the server at
 * TEST_DATABASE_URL (default: the local server's `test` database) when it answers, otherwise an
 * embedded PGlite that globalSetup starts. Test files read the decision from the environment.
 */
export type TestDatabaseMode = 'server' | 'embedded';

export function testDatabase(): { mode: TestDatabaseMode; url: string } {
  const mode = process.env.NABZ_TEST_DB_MODE as TestDatabaseMode | undefined;
  const url = process.env.NABZ_TEST_DB_URL;
  if (!mode || !url) throw new Error('The test database is not set up: run the tests through jest (globalSetup).');
  return { mode, url };
}

let counter = 0;

/**
 * A database no other test file has touched. On a server: a copy of the run's template database,
 * migrated and (unless `seed` is false) loaded with the demo data, dropped afterwards (helpers/templates.ts).
 * On the embedded PGlite (one database only): the public schema is emptied instead, and the app migrates and seeds it.
 */
export async function freshDatabase(options: { seed?: boolean } = {}): Promise<{ url: string; poolSize: number; drop(): Promise<void> }> {
  const { mode, url } = testDatabase();
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    if (mode === 'embedded') {
      await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      return { url, poolSize: 1, drop: async () => undefined };
    }
    const name = `nabz_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const template = options.seed === false ? process.env.NABZ_TEST_TEMPLATE_MIGRATED : process.env.NABZ_TEST_TEMPLATE_SEEDED;
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    // TypeORM records generated columns under the database's name: the copy has a name of its own.
    if (template) {
      const copy = new Client({ connectionString: dbUrl.toString() });
      await copy.connect();
      await copy.query('UPDATE typeorm_metadata SET database = current_database()').finally(() => copy.end());
    }
    return {
      url: dbUrl.toString(),
      poolSize: 5,
      async drop() {
        const c = new Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
      },
    };
  } finally {
    await admin.end();
  }
}

/**
 * `it` for a test that needs a PostgreSQL server (concurrency the embedded PGlite cannot show):
 * skipped on PGlite locally, but on CI (CI set) it fails, so CI cannot pass by quietly skipping it.
 */
export function serverOnly(): jest.It {
  if (testDatabase().mode === 'server') return it;
  if (!process.env.CI) return it.skip;
  const failing = ((name: string) =>
    it(name, () => {
      throw new Error(
        'this test needs a PostgreSQL server, and on CI (CI is set) it may not be skipped: start PostgreSQL or set TEST_DATABASE_URL',
      );
    })) as unknown as jest.It;
  return failing;
}
