#!/usr/bin/env node
// Runs before `npm test`: the end-to-end tests drive Debian's Chromium (never a downloaded
// browser). When it is missing and we may install system packages (root on Debian), install it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  process.stderr.write(
    `Chromium not found at ${wanted}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.\n`,
  );
  process.exit(1);
}
process.stdout.write(`Chromium not found at ${wanted}: installing Debian's chromium package ...\n`);
const opts = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], opts);
if (r.status !== 0) {
  spawnSync('apt-get', ['update'], opts);
  r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], opts);
}
process.exit(r.status ?? 1);
