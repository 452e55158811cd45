import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/src/config';
import { startTestApp } from '../helpers/app';

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
