import { Client } from 'pg';
import { createTemplates } from './templates';
import { EMBEDDED_EXTENSIONS } from '../../server/src/db/embedded';

// Shared with run.mjs, which asks the same question to choose how many workers.
const { testServerUrl, serverAnswers } = require('./server-probe.cjs') as {
  testServerUrl(): string;
  serverAnswers(url: string): Promise<boolean>;
};

export default async function globalSetup(): Promise<void> {
  const url = testServerUrl();
  if (await serverAnswers(url)) {
    process.env.NABZ_TEST_DB_MODE = 'server';
    process.env.NABZ_TEST_DB_URL = url;
    await dropStaleDatabases(url);
    const templates = await createTemplates(url);
    process.env.NABZ_TEST_TEMPLATE_MIGRATED = templates.migrated;
    process.env.NABZ_TEST_TEMPLATE_SEEDED = templates.seeded;
    (globalThis as Record<string, unknown>).__NABZ_TEMPLATES__ = templates;
    process.stdout.write(`\n[tests] PostgreSQL: ${url.replace(/\/\/[^@]*@/, '//')}\n`);
    return;
  }
  // No server answers: run the same tests on the embedded PostgreSQL, and say so.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create('memory://', { extensions: EMBEDDED_EXTENSIONS });
  // Several connections may overlap briefly (one test file's app closing while the next connects);
  // PGlite still runs one query at a time, the socket server multiplexes them.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  (globalThis as Record<string, unknown>).__NABZ_PGLITE__ = { db, server };
  process.env.NABZ_TEST_DB_MODE = 'embedded';
  process.env.NABZ_TEST_DB_URL = `postgres://postgres@${server.getServerConn()}/postgres`;
  process.stdout.write(`\n[tests] No PostgreSQL answers at ${url.replace(/\/\/[^@]*@/, '//')}: running on the embedded PGlite instead.\n`);
}

/** Databases a run that was killed left behind (its process is gone): templates and test files' copies. */
async function dropStaleDatabases(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'nabz\\_t\\_%' OR datname LIKE 'nabz\\_tpl\\_%'",
    );
    for (const { datname } of rows) {
      const pid = Number(/^nabz_tpl?_(\d+)_/.exec(datname)?.[1]);
      if (!pid || alive(pid)) continue;
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
