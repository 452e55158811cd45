import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
// WEB_DIR serves another copy of the site (one built apart from the working tree).
const webDir = process.env.WEB_DIR ? path.resolve(process.env.WEB_DIR) : path.join(repoRoot, 'web');
const nextBin = path.join(repoRoot, 'node_modules/next/dist/bin/next');

const STARTUP_TIMEOUT_MS = 30_000;
const SHUTDOWN_TIMEOUT_MS = 5_000;

export interface RunningWeb {
  /** Base URL of the public site, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/**
 * The secret the tests' website and API share (WEB_API_SECRET), as a deployment sets one: the
 * website signs each visitor's address with it. startSite gives it to both.
 */
export const TEST_WEB_API_SECRET = 'nabz-tests-web-api-secret-0123456789abcdef';

/**
 * Serves the production build of web/ against `graphqlUrl` on a free port, with the website's own
 * server (web/server.mjs), which decides each visitor's address from the connection. `env` adds to
 * or overrides its environment (WEB_API_SECRET is TEST_WEB_API_SECRET unless given).
 * The build is not made here: a cold `next build` takes about a minute, so tests expect it.
 */
export async function startWeb(graphqlUrl: string, options: { env?: Record<string, string> } = {}): Promise<RunningWeb> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(webDir, distDir, 'BUILD_ID'))) {
    throw new Error(`web/${distDir} has no production build: run \`npm run build -w web\` first`);
  }
  const port = await freePort();
  // "localhost", not "127.0.0.1": with a literal loopback IP as hostname, Next 16 treats the
  // proxy's locale rewrite as external and loops (vercel/next.js#94745).
  const url = `http://localhost:${port}`;
  // A copy of the site built before web/server.mjs existed is served by `next start`.
  const server = path.join(webDir, 'server.mjs');
  const command = existsSync(server) ? [server] : [nextBin, 'start'];
  const child = spawn(process.execPath, [...command, '-p', String(port), '-H', 'localhost'], {
    cwd: webDir,
    env: { ...process.env, GRAPHQL_URL: graphqlUrl, NEXT_TELEMETRY_DISABLED: '1', WEB_API_SECRET: TEST_WEB_API_SECRET, ...options.env },
    // Its own process group: `next start` forks next-server, which outlives a plain kill.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  try {
    await waitUntilAnswering(url, child, output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, close: () => stop(child) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}):\n${output.join('')}`);
    }
    try {
      // A static route: readiness must not depend on the API answering.
      const response = await fetch(`${url}/icon.svg`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`next start did not answer on ${url} within ${STARTUP_TIMEOUT_MS} ms:\n${output.join('')}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), SHUTDOWN_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
