// `npm test`: the lint and the format check, every workspace's type check and its tests (one turbo run,
// so that the lint runs beside the builds instead of before them), and how long it all took.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const status = run('npx', ['turbo', 'run', 'lint', 'typecheck', 'test']);
process.stdout.write(`\nnpm test: ${status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(status);
