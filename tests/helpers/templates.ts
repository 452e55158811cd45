import { Client } from 'pg';
import { createDataSource } from '../../server/src/db/data-source';
import { migrate } from '../../server/src/db/migrate';
import { seedDemoData } from '../../server/src/seed/demo-data';

/**
 * Template databases, made once per run by globalSetup on a PostgreSQL server: one migrated, one
 * migrated and loaded with the demo data. Each test file's database is a copy of one of them
 * (`CREATE DATABASE … TEMPLATE`), which takes a fraction of the time that migrating and seeding
 * a new database does. The app still runs its migrations and demo-data step on start: on a copy
 * they find nothing to do, exactly as on a restarted server.
 */
export interface Templates {
  migrated: string;
  seeded: string;
}

const withUrl = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function prepare(url: string, seed: boolean): Promise<void> {
  const db = createDataSource({ url, poolSize: 1 });
  await db.initialize();
  try {
    await migrate(db, seed ? (manager) => seedDemoData(manager) : undefined);
  } finally {
    await db.destroy();
  }
}

export async function createTemplates(url: string): Promise<Templates> {
  const prefix = `nabz_tpl_${process.pid}_${Date.now().toString(36)}`;
  const templates = { migrated: `${prefix}_migrated`, seeded: `${prefix}_seeded` };
  await admin(url, (c) => c.query(`CREATE DATABASE "${templates.migrated}"`));
  await prepare(withUrl(url, templates.migrated), false);
  await admin(url, (c) => c.query(`CREATE DATABASE "${templates.seeded}" TEMPLATE "${templates.migrated}"`));
  await prepare(withUrl(url, templates.seeded), true);
  return templates;
}

export async function dropTemplates(url: string, templates: Templates): Promise<void> {
  await admin(url, async (c) => {
    for (const name of [templates.seeded, templates.migrated]) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
