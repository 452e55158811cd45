import { Client } from 'pg';

// Shared with run.mjs, which asks the same question to choose how many workers.
const { testServerUrl, serverAnswers } = require('./server-probe.cjs') as {
  testServerUrl(): string;
  serverAnswers(url: string): Promise<boolean>;
};

/** What globalSetup itself leaves on the runner's global for globalTeardown; nothing else stays. */
const KEPT_GLOBALS = new Set<PropertyKey>(['__NABZ_TEMPLATES__', '__NABZ_PGLITE__']);

export default async function globalSetup(): Promise<void> {
  const before = new Set(Reflect.ownKeys(globalThis));
  try {
    await prepareDatabases();
  } finally {
    // Building the templates loads the server here (required only now, so that `before` is the
    // global as the runner had it), and its libraries keep registries on the global: TypeORM's,
    // type-graphql's and class-validator's metadata, zod's, tslib's helpers. Jest's node
    // environment lends each test file the runner's globals, so in band every file used these same
    // registries, added its own entity and resolver classes to them, and so kept the whole server
    // of every earlier file alive. Put the global back as it was.
    // A library may fix its global for good (signal-exit's emitter is not configurable): that one
    // stays, as it would have anyway.
    for (const key of Reflect.ownKeys(globalThis)) {
      if (before.has(key) || KEPT_GLOBALS.has(key)) continue;
      if (Object.getOwnPropertyDescriptor(globalThis, key)?.configurable) delete (globalThis as Record<PropertyKey, unknown>)[key];
    }
  }
}

async function prepareDatabases(): Promise<void> {
  const url = testServerUrl();
  if (await serverAnswers(url)) {
    process.env.NABZ_TEST_DB_MODE = 'server';
    process.env.NABZ_TEST_DB_URL = url;
    await dropStaleDatabases(url);
    const { createTemplates } = require('./templates') as typeof import('./templates');
    const templates = await createTemplates(url);
    process.env.NABZ_TEST_TEMPLATE_MIGRATED = templates.migrated;
    process.env.NABZ_TEST_TEMPLATE_SEEDED = templates.seeded;
    (globalThis as Record<string, unknown>).__NABZ_TEMPLATES__ = templates;
    process.stdout.write(`\n[tests] PostgreSQL: ${url.replace(/\/\/[^@]*@/, '//')}\n`);
    return;
  }
  // No server answers: run the same tests on the embedded PostgreSQL, and say so.
  const { EMBEDDED_EXTENSIONS } = require('../../server/src/db/embedded') as typeof import('../../server/src/db/embedded');
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
