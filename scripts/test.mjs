// `npm test`: the lint and the format check, then every workspace's type check and tests (turbo), and how long it all took.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
let status = run('npm', ['run', 'lint']);
if (status === 0) status = run('npx', ['turbo', 'run', 'typecheck', 'test']);
process.stdout.write(`\nnpm test: ${status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(status);
