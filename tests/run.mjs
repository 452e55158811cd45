// `npm test` in this workspace: runs jest with the given arguments and prints how long it took. No --forceExit:
// every test closes what it opened, and a leaked server, socket or timer keeps the run from ending (and is a bug).
//
// On a PostgreSQL server every test file has a database of its own (helpers/database.ts), so files run
// side by side in TEST_WORKERS jest workers (default 2: one file at a time leaves the cores idle while
// it waits on the API, the website or Chromium). On the embedded PGlite, which runs one query at a
// time, they run one after another.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jest = require.resolve('jest/bin/jest');
const started = Date.now();

const { testServerUrl, serverAnswers } = require('./helpers/server-probe.cjs');
const workers = Number(process.env.TEST_WORKERS) || 2;
const parallel = workers > 1 && (await serverAnswers(testServerUrl()));
const args = process.argv.slice(2);

function jestRun(options) {
  const result = spawnSync(
    process.execPath,
    [jest, '--config', 'jest.config.js', '--ci', ...options, ...(args.length ? ['--passWithNoTests'] : []), ...args],
    // A run that does not end by then (a leaked handle after the last test, or a hang) fails instead of holding CI.
    { stdio: 'inherit', timeout: 45 * 60_000, killSignal: 'SIGKILL' },
  );
  if (result.error) process.stderr.write(`\njest did not finish: ${result.error.message}\n`);
  return result.status ?? 1;
}

let status;
if (!parallel) status = jestRun(['--runInBand']);
else {
  // faults/ stops and restarts this machine's PostgreSQL under load: beside other files it would cut
  // their connections too, so it runs after them, alone.
  const rest = jestRun([`--maxWorkers=${workers}`, '--testPathIgnorePatterns', '/node_modules/', '/faults/']);
  const faults = jestRun(['--runInBand', '--roots', '<rootDir>/faults']);
  status = rest || faults;
}
process.stdout.write(
  `\nnpm test: ${Math.round((Date.now() - started) / 1000)} s${parallel ? ` (${workers} workers; faults/ alone after)` : ''}\n`,
);
process.exit(status);
