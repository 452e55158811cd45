// `npm test` in this workspace: runs jest with the given arguments and prints how long it took. No --forceExit:
// every test closes what it opened, and a leaked server, socket or timer keeps the run from ending (and is a bug).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [jest, '--config', 'jest.config.js', '--runInBand', '--ci', ...process.argv.slice(2)],
  // A run that does not end by then (a leaked handle after the last test, or a hang) fails instead of holding CI.
  { stdio: 'inherit', timeout: 45 * 60_000, killSignal: 'SIGKILL' },
);
if (result.error) process.stderr.write(`\njest did not finish: ${result.error.message}\n`);
process.stdout.write(`\nnpm test: ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(result.status ?? 1);
