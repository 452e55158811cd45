/**
 * PostgreSQL restarting (an upgrade, a failover, the host rebooting) must not take the API down:
 * the real server process keeps running while the database refuses connections, and is ready
 * again once it is back. PostgreSQL is reached through a TCP proxy this test owns, so it can
 * "restart" without touching the server other tests use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { freshDatabase, serverOnly } from '../helpers/database';
import { waitFor } from '../helpers/wait';

const SERVER = path.resolve(__dirname, '../../server');

/** A proxy to PostgreSQL that can be cut (every connection destroyed, new ones refused) and restored. */
async function postgresProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  };
  await listen();
  return {
    url() {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    /** As PostgreSQL shutting down: open connections end, new ones are refused (ECONNREFUSED). */
    async cut() {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: listen,
    async close() {
      for (const s of sockets) s.destroy();
      if (server?.listening) await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

serverOnly()(
  'keeps the server process running while PostgreSQL is down, and is ready again when it is back',
  async () => {
    const db = await freshDatabase();
    const proxy = await postgresProxy(new URL(db.url));
    let child: ChildProcess | undefined;
    let output = '';
    let exitCode: number | null | undefined;
    try {
      const port = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as net.AddressInfo;
          probe.close(() => resolve(free));
        });
      });
      child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
        cwd: SERVER,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: proxy.url(),
          PORT: String(port),
          HOST: '127.0.0.1',
          DEMO_DATA: 'false',
          LOG_LEVEL: 'warn',
          // Every background loop runs often, so each meets the outage within the test.
          ANSWER_MIX_INTERVAL_MS: '100',
          TALLY_INTERVAL_MS: '100',
          ANALYTICS_FLUSH_MS: '100',
          MAIL_POLL_INTERVAL_MS: '100',
          WEBHOOK_INTERVAL_MS: '100',
        },
      });
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', (code) => (exitCode = code));
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await status(`${base}/readyz`)) === 200, 60_000, 'the server to be ready');

      await proxy.cut();
      const cutAt = output.length;
      await waitFor(async () => (await status(`${base}/readyz`)) === 503, 15_000, 'the server to notice the database is gone');
      // The answer mixer (whose failure used to end the process) has met the outage several times, or the process is gone.
      const mixFailures = () => output.slice(cutAt).split('moving answers from the mix failed').length - 1;
      await waitFor(() => exitCode !== undefined || mixFailures() >= 3, 15_000, 'the answer mixer to fail three times');
      expect({ exitCode, alive: await status(`${base}/healthz`) }).toEqual({ exitCode: undefined, alive: 200 });

      await proxy.restore();
      await waitFor(async () => (await status(`${base}/readyz`)) === 200, 30_000, 'the server to be ready again');
      expect(exitCode).toBeUndefined();
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- server output ---\n${output.slice(-4000)}`, { cause: err });
    } finally {
      if (child && exitCode === undefined) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await proxy.close();
      await db.drop();
    }
  },
  120_000,
);
