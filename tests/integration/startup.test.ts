import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/src/config';
import { startTestApp } from '../helpers/app';
import { freshDatabase } from '../helpers/database';
import { createPoll, SUBMIT } from '../helpers/polls';
import { waitFor } from '../helpers/wait';

const SERVER = path.resolve(__dirname, '../../server');

describe('configuration', () => {
  it('names every wrong setting at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL/);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  it('uses the embedded database when DATABASE_URL is not set', () => {
    expect(loadConfig({}).database.kind).toBe('embedded');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).database).toMatchObject({ kind: 'url', url: 'postgres://u@h:5432/d' });
  });

  // `npm start` on a fresh machine: the real server process on the embedded PostgreSQL must take
  // every migration (the extensions they create included) and the demo data, and answer the site.
  it('starts on a fresh embedded database with the demo data, as `npm start` does, and answers a site search', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nabz-pglite-'));
    const server = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: SERVER,
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', PGLITE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    try {
      // main.ts logs the API's address once migrations and demo data are in.
      await waitFor(() => /"msg":"Nabz API ready"/.test(output) || server.exitCode !== null, 110_000, 'the API on PGlite');
      const url = /"url":"(http:[^"]+)"/.exec(output)?.[1];
      expect({ ready: Boolean(url), output: url ? '' : output }).toEqual({ ready: true, output: '' });
      const response = await fetch(url!.replace('localhost', '127.0.0.1'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ goals(first: 1) { totalCount } search(query: "پارک") { totalCount } }' }),
      });
      const body = (await response.json()) as {
        data?: { goals: { totalCount: number }; search: { totalCount: number } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(body.data!.goals.totalCount).toBeGreaterThan(0);
      expect(body.data!.search.totalCount).toBeGreaterThan(0);
    } finally {
      server.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('stops the real server at start-up with a message naming the bad setting', () => {
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: SERVER,
      env: { PATH: process.env.PATH, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/Invalid configuration/);
    expect(run.stderr).toMatch(/PORT/);
  });
});

describe('secrets that stored data depends on', () => {
  const A = 'a'.repeat(32);
  const B = 'b'.repeat(32);

  it('refuses a server whose RESPONDENT_SECRET is not the database’s, saying what it would break, until the change is accepted', async () => {
    const database = await freshDatabase();
    const databaseUrl = database.url;
    const first = await startTestApp({ databaseUrl, env: { RESPONDENT_SECRET: A } });
    try {
      // One answer waits in the mix (fewer than k).
      const editor = await first.signIn('editor');
      const poll = await createPoll(first, editor, {
        titleFa: 'نظرسنجی کلید',
        questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'کدام؟', options: [{ labelFa: 'این' }, { labelFa: 'آن' }] }],
      });
      const answered = await first.gql(SUBMIT, {
        input: { pollId: poll.id, answers: [{ questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] }] },
      });
      expect(answered.body.errors).toBeUndefined();
    } finally {
      await first.close();
    }

    // Another secret: refused, naming both secrets (the second-factor key is derived from it) and the waiting answer.
    const refused = await startTestApp({ databaseUrl, env: { RESPONDENT_SECRET: B } }).then(
      async (t) => {
        await t.close();
        return null;
      },
      (err: Error) => err,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect(refused!.message).toMatch(/RESPONDENT_SECRET: not the value this database has used since/);
    expect(refused!.message).toMatch(/1 answer\(s\) waiting in the answer mix would never open/);
    expect(refused!.message).toMatch(/SECOND_FACTOR_KEY: not the value/);
    expect(refused!.message).toMatch(/ACCEPT_CHANGED_SECRETS=RESPONDENT_SECRET/);
    // Nothing was changed: the first secret still starts.
    const again = await startTestApp({ databaseUrl, env: { RESPONDENT_SECRET: A } });
    await again.close();

    // Accepted on purpose once; from then on the new secret is the database's, and the old one is refused.
    const accepted = await startTestApp({
      databaseUrl,
      env: { RESPONDENT_SECRET: B, ACCEPT_CHANGED_SECRETS: 'RESPONDENT_SECRET,SECOND_FACTOR_KEY' },
    });
    await accepted.close();
    const next = await startTestApp({ databaseUrl, env: { RESPONDENT_SECRET: B } });
    await next.close();
    await expect(startTestApp({ databaseUrl, env: { RESPONDENT_SECRET: A } })).rejects.toThrow(/RESPONDENT_SECRET: not the value/);

    // The real server says so and stops with EX_CONFIG, without a stack trace.
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: SERVER,
      env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, RESPONDENT_SECRET: A, DEMO_DATA: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/Invalid configuration:\n {2}- RESPONDENT_SECRET: not the value/);
    expect(run.stderr).not.toMatch(/\bat .+\.ts:\d+/);
    await database.drop();
  }, 120_000);

  it('refuses a name ACCEPT_CHANGED_SECRETS does not know', () => {
    expect(() => loadConfig({ ACCEPT_CHANGED_SECRETS: 'RESPONDENT_SECRET,SESSION_SECRET' })).toThrow(
      /ACCEPT_CHANGED_SECRETS.*SESSION_SECRET/s,
    );
  });
});

describe('readiness', () => {
  it('reports not ready once the database stops answering, while staying live', async () => {
    const t = await startTestApp({ seed: false });
    try {
      expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
      await t.app.db.destroy();
      const res = await fetch(`${t.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', reason: 'database' });
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      // A request that needs the database now fails, masked: no driver message reaches the client.
      const gql = await t.gql('{ districts { id } }');
      expect(gql.body.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
      expect(JSON.stringify(gql.body)).not.toMatch(/pool|connection|SELECT|typeorm/i);
    } finally {
      await t.close();
    }
  });
});
