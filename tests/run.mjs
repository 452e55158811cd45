// `npm test` in this workspace: runs jest with the given arguments and prints how long it took.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [jest, '--config', 'jest.config.js', '--runInBand', '--ci', '--forceExit', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.stdout.write(`\nnpm test: ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(result.status ?? 1);
