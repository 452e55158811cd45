import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freshDatabase } from '../../tests/helpers/database';

const SERVER = path.resolve(__dirname, '../../server');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  url: string;
  graphqlUrl: string;
  pid: number;
  /** The process's resident set size now, MiB (from /proc). */
  rssMiB(): number;
  close(): Promise<void>;
}

/**
 * The API as it runs in production, in its own process (`node server/dist/main.js`, freshly built)
 * on a fresh database, so its memory can be read alone. Needs the tests' globalSetup to have run.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  execFileSync('npm', ['run', 'build', '-w', 'server'], { cwd: path.resolve(SERVER, '..'), stdio: 'ignore' });
  const database = await freshDatabase();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    cwd: SERVER,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      TRUSTED_DOCUMENTS: 'off',
      RESPONDENT_SECRET: 'benchmark-respondent-secret-0123456789abcdef',
      // As in server/Dockerfile: fewer glibc malloc arenas, so memory freed after a peak goes back to the OS.
      MALLOC_ARENA_MAX: '2',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error('the server did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    pid: child.pid!,
    rssMiB() {
      const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN);
      return Math.round((kib / 1024) * 10) / 10;
    },
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await database.drop();
    },
  };
}

/** A GraphQL call to a server process, throwing on errors. */
export async function call<T = Record<string, any>>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
