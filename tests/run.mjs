// `npm test` in this workspace: runs jest with the given arguments and prints how long it took. No --forceExit:
// every test closes what it opened, and a leaked server, socket or timer keeps the run from ending (and is a bug).
//
// On a PostgreSQL server every test file has a database of its own (helpers/database.ts), so files run
// side by side in TEST_WORKERS jest workers (default 2: this machine's two cores are each idle a third
// of the time while one file waits on the API, the website or Chromium). On the embedded PGlite, which
// runs one query at a time, they run one after another.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const jest = require.resolve('jest/bin/jest');
const started = Date.now();

async function serverAnswers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const workers = Number(process.env.TEST_WORKERS) || 2;
const parallel = workers > 1 && (await serverAnswers(url));
const result = spawnSync(
  process.execPath,
  [jest, '--config', 'jest.config.js', ...(parallel ? [`--maxWorkers=${workers}`] : ['--runInBand']), '--ci', ...process.argv.slice(2)],
  // A run that does not end by then (a leaked handle after the last test, or a hang) fails instead of holding CI.
  { stdio: 'inherit', timeout: 45 * 60_000, killSignal: 'SIGKILL' },
);
if (result.error) process.stderr.write(`\njest did not finish: ${result.error.message}\n`);
process.stdout.write(`\nnpm test: ${Math.round((Date.now() - started) / 1000)} s${parallel ? ` (${workers} workers)` : ''}\n`);
process.exit(result.status ?? 1);
