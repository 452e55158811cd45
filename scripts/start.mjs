#!/usr/bin/env node
// `npm start`: builds server and web, starts both (the server on the embedded PostgreSQL unless
// DATABASE_URL is set), waits until they answer, and prints where they are and how to sign in.
// Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const apiPort = process.env.API_PORT ?? '4000';
const webPort = process.env.WEB_PORT ?? '3000';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };
const say = (line) => process.stdout.write(`[nabz] ${line}\n`);

const started = Date.now();
say('building server and web (the first build takes a minute or two) ...');
const build = spawnSync(process.execPath, [path.join(root, 'node_modules/turbo/bin/turbo'), 'run', 'build', '--output-logs=errors-only'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
function run(name, args, cwd, extraEnv) {
  const child = spawn(process.execPath, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => `${name} | ${l}\n`)
      .join('');
  child.stdout.on('data', (c) => process.stdout.write(prefix(c)));
  child.stderr.on('data', (c) => process.stderr.write(prefix(c)));
  child.on('exit', (code) => {
    if (!stopping) {
      say(`${name} stopped (exit ${code}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole group, with anything a server forked
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

// The website signs each visitor's address with a secret it shares with the API (WEB_API_SECRET), so
// the API's per-address limits count each citizen rather than the website, and no one else can pass
// for the website. A fresh one each run unless given. TRUST_PROXY is the API's own (who may forward
// to it directly); WEB_TRUST_PROXY, the website's (the proxies in front of the website), if any.
const webApiSecret = process.env.WEB_API_SECRET || randomBytes(32).toString('base64url');
// The website's address, where the API's links (e-mails, webhooks, set-password) lead and whose
// pages may open the live results' WebSocket: the port the website is started on here.
const apiEnv = {
  PORT: apiPort,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  WEB_API_SECRET: webApiSecret,
  PUBLIC_SITE_URL: process.env.PUBLIC_SITE_URL ?? `http://localhost:${webPort}`,
};
if (!process.env.DATABASE_URL) say('no DATABASE_URL: using the embedded PostgreSQL in server/.data/pglite');
run('api', [path.join(root, 'server/dist/main.js')], path.join(root, 'server'), apiEnv);
try {
  await waitFor(`http://localhost:${apiPort}/readyz`, 120);
} catch (e) {
  say(e.message);
  stop(1);
}
const apiReady = Date.now();
run('web', [path.join(root, 'web/server.mjs'), '-p', webPort], path.join(root, 'web'), {
  PORT: webPort,
  GRAPHQL_URL: process.env.GRAPHQL_URL ?? `http://localhost:${apiPort}/graphql`,
  WEB_API_SECRET: webApiSecret,
  TRUST_PROXY: process.env.WEB_TRUST_PROXY ?? 'false',
});
await waitFor(`http://localhost:${webPort}/`, 60).catch((e) => {
  say(e.message);
  stop(1);
});

say('');
say(
  `Nabz is running (${((Date.now() - started) / 1000).toFixed(1)} s; API ready ${((apiReady - started) / 1000).toFixed(1)} s after start).`,
);
say(`  public site   http://localhost:${webPort}/   (English: http://localhost:${webPort}/en)`);
say(`  GraphQL API   http://localhost:${apiPort}/graphql`);
say(`  health        http://localhost:${apiPort}/healthz  http://localhost:${apiPort}/readyz`);
say('  demo sign-ins (password for all: nabz-demo-1405):');
say('    admin@nabz.example (ADMIN)  editor@nabz.example (EDITOR)  analyst@nabz.example (ANALYST)  media@nabz.example (MEDIA_OFFICER)');
say('Ctrl-C stops both.');
