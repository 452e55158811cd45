/**
 * web-pages: the public website (web/, production build served by `next start`) in front of the
 * real API on a seeded database.
 *
 *   1. JavaScript each page ships up front (the scripts its HTML names), compressed as transferred
 *      (Chromium's own count), against an empty App Router page of the same Next.js version built
 *      in the same run (bar: at most 40 KB more); beside it, what a page fetches later by itself
 *      when a part that needs it comes near the screen (the districts map, the proof-of-work widget).
 *   2. 50 concurrent readers: each loads a page, reads it for 3–7 s, loads the next, across every
 *      public page in both languages (bar: p95 under 200 ms).
 *   3. Harder loads, reported beside it: 50 eager readers (a page every 0.5–1.5 s) and 50
 *      connections back to back with no reading at all (the ceiling).
 *
 * Needs `npm run build -w web` first (as the end-to-end tests do).
 */
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { chromium } from 'playwright-core';
import { startTestApp, type TestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { startWeb, type RunningWeb } from '../../tests/helpers/web';
import { machine, printTable, writeResult } from '../lib';

const NAME = 'web-pages';
const REPO = path.resolve(__dirname, '..', '..');
const NEXT_BIN = path.join(REPO, 'node_modules/next/dist/bin/next');
const EMPTY_APP = path.join(REPO, 'bench/.empty-next');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const READERS = Number(process.env.BENCH_READERS ?? 50);
const READ_SECONDS = Number(process.env.BENCH_DURATION ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 5);
/** A reader reads each page for 3 to 7 seconds before the next: the bar's load. */
const THINK_MS: [number, number] = [3000, 7000];
/** Eager readers, a page every second or so: a harder load, reported beside it. */
const EAGER_THINK_MS: [number, number] = [500, 1500];
const P95_BAR_MS = 200;
const JS_BAR_BYTES = 40 * 1024;

export interface BenchSite {
  app: TestApp;
  web: RunningWeb;
  /** Locale-free paths of one page of each kind, by name. */
  pages: { name: string; path: string }[];
  close(): Promise<void>;
}

function cityDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date(Date.now() + days * 86_400_000));
}

/** The API on a fresh seeded database and the built site in front of it, with one page of each kind. */
export async function startBenchSite(): Promise<BenchSite> {
  await globalSetup();
  const app = await startTestApp({ seed: true, env: { LOG_LEVEL: 'silent' } });
  let web: RunningWeb | undefined;
  try {
    web = await startWeb(app.graphqlUrl);
    const { body } = await app.gql<{
      polls: { edges: { node: { id: string } }[] };
      news: { edges: { node: { slug: string } }[] };
      events: { edges: { node: { id: string } }[] };
    }>(`{
      polls(first: 1) { edges { node { id } } }
      news(first: 1) { edges { node { slug } } }
      events(from: "${cityDay(0)}", to: "${cityDay(60)}", first: 1, kinds: [CULTURAL_EVENT, MAYOR_APPEARANCE, PRESS_CONFERENCE]) { edges { node { id } } }
    }`);
    if (!body.data) throw new Error(`could not list the demo content: ${JSON.stringify(body.errors)}`);
    const pollId = body.data.polls.edges[0].node.id;
    const pages = [
      { name: 'home', path: '/' },
      { name: 'goals', path: '/goals' },
      { name: 'polls', path: '/polls' },
      { name: 'poll', path: `/polls/${pollId}` },
      { name: 'poll-results', path: `/polls/${pollId}/results` },
      { name: 'calendar', path: '/calendar' },
      { name: 'calendar-list', path: '/calendar?view=list' },
      { name: 'event', path: `/events/${encodeURIComponent(body.data.events.edges[0].node.id)}` },
      { name: 'news', path: '/news' },
      { name: 'news-item', path: `/news/${body.data.news.edges[0].node.slug}` },
      { name: 'districts', path: '/districts' },
    ];
    const started = web;
    return {
      app,
      web,
      pages,
      async close() {
        await started.close();
        await app.close();
        await globalTeardown();
      },
    };
  } catch (error) {
    await web?.close();
    await app.close();
    await globalTeardown();
    throw error;
  }
}

export const inEnglish = (path: string) => (path === '/' ? '/en' : `/en${path}`);

/**
 * Script bytes a page loads, as transferred (compressed, with headers), counted by Chromium: all of
 * them, and those the page's HTML names (its up-front scripts: what a visitor waits for before the
 * page works). The rest are chunks the page fetches itself later, when a part that needs them
 * comes near the screen (the districts map, the proof-of-work widget).
 */
async function javascriptBytes(urls: string[]): Promise<{ total: number; upFront: number }[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const sizes: { total: number; upFront: number }[] = [];
    for (const url of urls) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const scripts = new Map<string, string>();
      const loaded: { url: string; bytes: number }[] = [];
      cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string } }) => {
        if (e.type === 'Script') scripts.set(e.requestId, e.response.url);
      });
      cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
        const script = scripts.get(e.requestId);
        if (script) loaded.push({ url: script, bytes: e.encodedDataLength });
      });
      const response = await page.goto(url, { waitUntil: 'networkidle' });
      if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
      const html = await response.text();
      const named = new Set(
        [...html.matchAll(/(?:src|href)="([^"]+?\.js[^"]*)"/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&'), url).href),
      );
      sizes.push({
        total: loaded.reduce((sum, s) => sum + s.bytes, 0),
        upFront: loaded.filter((s) => named.has(s.url)).reduce((sum, s) => sum + s.bytes, 0),
      });
      await context.close();
    }
    return sizes;
  } finally {
    await browser.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * An empty App Router page (a layout with <html><body> and a page with one heading), built with
 * this repository's Next.js into bench/.empty-next and served by `next start`: the baseline that
 * "what an empty Next.js page ships" means, measured in the same run.
 */
export async function startEmptyNextPage(): Promise<{ url: string; close(): Promise<void> }> {
  rmSync(EMPTY_APP, { recursive: true, force: true });
  mkdirSync(path.join(EMPTY_APP, 'app'), { recursive: true });
  writeFileSync(
    path.join(EMPTY_APP, 'app/layout.js'),
    'export const metadata = { title: "Empty", description: "An empty Next.js page, the baseline of the web benchmarks." };\n' +
      'export default function RootLayout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  writeFileSync(path.join(EMPTY_APP, 'app/page.js'), 'export default function Page() { return <main><h1>Empty</h1></main>; }\n');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build', EMPTY_APP], { env, encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0) throw new Error(`building the empty Next.js app failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', EMPTY_APP, '-p', String(port), '-H', 'localhost'], {
    env,
    detached: true,
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}/`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async close() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      rmSync(EMPTY_APP, { recursive: true, force: true });
    },
  };
}

async function emptyNextPageBytes(): Promise<number> {
  const empty = await startEmptyNextPage();
  try {
    const [bytes] = await javascriptBytes([empty.url]);
    return bytes.upFront;
  } finally {
    await empty.close();
  }
}

interface Sample {
  page: string;
  ms: number;
  status: number;
  /** Measured after the warm-up. */
  recorded: boolean;
}

/**
 * Readers in a worker thread (so the load generator does not share the API's event loop): each
 * fetches a page, waits a think time, fetches the next page of the list (its own starting point),
 * until the time is up.
 */
function runReaders(
  urls: { page: string; url: string }[],
  readers: number,
  seconds: number,
  warmup: number,
  think: [number, number],
): Promise<Sample[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { urls, readers, seconds, warmup, think } = workerData;
    const samples = [];
    const start = Date.now();
    const recordFrom = start + warmup * 1000;
    const end = recordFrom + seconds * 1000;
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    async function reader(i) {
      let n = i;
      await sleep(Math.random() * (think[1] || 50));
      while (Date.now() < end) {
        const { page, url } = urls[n++ % urls.length];
        const t0 = performance.now();
        let status = 0;
        try {
          const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
          await response.arrayBuffer();
          status = response.status;
        } catch { status = -1; }
        const t1 = performance.now();
        samples.push({ page, ms: t1 - t0, status, recorded: t0 + performance.timeOrigin >= recordFrom });
        if (think[1] > 0) await sleep(think[0] + Math.random() * (think[1] - think[0]));
      }
    }
    Promise.all(Array.from({ length: readers }, (_, i) => reader(i))).then(() => parentPort.postMessage(samples));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { urls, readers, seconds, warmup, think } });
    worker.once('message', (samples: Sample[]) => {
      void worker.terminate();
      resolve(samples);
    });
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 10) / 10;
}

function summarize(samples: Sample[], seconds: number) {
  const recorded = samples.filter((s) => s.recorded);
  const ms = recorded.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: recorded.length,
    requestsPerSecond: Math.round((recorded.length / seconds) * 10) / 10,
    latencyMs: { p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: percentile(ms, 100) },
    failures: recorded.filter((s) => s.status !== 200).length,
  };
}

export default async function webPages(): Promise<void> {
  const startedOn = machine();
  const site = await startBenchSite();
  try {
    const all = site.pages.flatMap((p) => [
      { page: `fa ${p.name}`, url: site.web.url + p.path },
      { page: `en ${p.name}`, url: site.web.url + inEnglish(p.path) },
    ]);
    for (const { page, url } of all) {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`${page} (${url}) answered ${response.status}`);
    }

    process.stdout.write('[bench] JavaScript per page (Chromium, as transferred) and an empty Next.js page ...\n');
    const empty = await emptyNextPageBytes();
    const faPages = all.filter((p) => p.page.startsWith('fa '));
    const sizes = await javascriptBytes(faPages.map((p) => p.url));
    const javascript = faPages.map((p, i) => ({
      page: p.page.slice(3),
      bytes: sizes[i].upFront,
      overEmptyPage: sizes[i].upFront - empty,
      withinBar: sizes[i].upFront - empty <= JS_BAR_BYTES,
      // Fetched by the page itself once a part that needs it is near the screen.
      laterBytes: sizes[i].total - sizes[i].upFront,
    }));

    process.stdout.write(
      `[bench] ${READERS} readers, think time ${THINK_MS[0]}–${THINK_MS[1]} ms, ${READ_SECONDS} s after ${WARMUP_SECONDS} s warm-up ...\n`,
    );
    const readerSamples = await runReaders(all, READERS, READ_SECONDS, WARMUP_SECONDS, THINK_MS);
    const readers = summarize(readerSamples, READ_SECONDS);
    const byPage = all.map(({ page }) => ({
      page,
      ...summarize(
        readerSamples.filter((s) => s.page === page),
        READ_SECONDS,
      ),
    }));

    process.stdout.write(`[bench] ${READERS} eager readers, think time ${EAGER_THINK_MS[0]}–${EAGER_THINK_MS[1]} ms, 20 s ...\n`);
    const eager = summarize(await runReaders(all, READERS, 20, 3, EAGER_THINK_MS), 20);
    process.stdout.write(`[bench] ${READERS} connections back to back (no think time), 10 s ...\n`);
    const saturated = summarize(await runReaders(all, READERS, 10, 2, [0, 0]), 10);

    process.stdout.write('\n');
    printTable(
      javascript.map((j) => ({
        page: j.page,
        'JS bytes': j.bytes,
        'over empty': j.overEmptyPage,
        '≤ 40 KB': j.withinBar ? 'yes' : 'NO',
        'later (lazy)': j.laterBytes,
      })),
    );
    process.stdout.write(`(empty Next.js ${'16'} App Router page: ${empty} bytes of JavaScript as transferred)\n\n`);
    printTable(
      byPage.map((p) => ({
        page: p.page,
        requests: p.requests,
        'p50 ms': p.latencyMs.p50,
        'p95 ms': p.latencyMs.p95,
        'p99 ms': p.latencyMs.p99,
        failures: p.failures,
      })),
    );
    process.stdout.write('\n');
    printTable([
      {
        load: `${READERS} readers (read 3–7 s)`,
        'req/s': readers.requestsPerSecond,
        'p50 ms': readers.latencyMs.p50,
        'p95 ms': readers.latencyMs.p95,
        'p99 ms': readers.latencyMs.p99,
        failures: readers.failures,
      },
      {
        load: `${READERS} eager readers (0.5–1.5 s)`,
        'req/s': eager.requestsPerSecond,
        'p50 ms': eager.latencyMs.p50,
        'p95 ms': eager.latencyMs.p95,
        'p99 ms': eager.latencyMs.p99,
        failures: eager.failures,
      },
      {
        load: `${READERS} connections, no think time`,
        'req/s': saturated.requestsPerSecond,
        'p50 ms': saturated.latencyMs.p50,
        'p95 ms': saturated.latencyMs.p95,
        'p99 ms': saturated.latencyMs.p99,
        failures: saturated.failures,
      },
    ]);

    const problems = [
      ...(readers.failures ? [`${readers.failures} reader requests failed or were not 200`] : []),
      ...(eager.failures ? [`${eager.failures} eager-reader requests failed or were not 200`] : []),
      ...(saturated.failures ? [`${saturated.failures} back-to-back requests failed or were not 200`] : []),
    ];
    const file = writeResult(
      NAME,
      {
        description:
          'The public website (next start, production build) in front of the real API on a seeded database, on this machine: JavaScript per page against an empty Next.js page, and response times under 50 concurrent readers.',
        settings: {
          readers: READERS,
          thinkTimeMs: THINK_MS,
          durationSeconds: READ_SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          pages: all.map((p) => p.page),
          loadGenerator:
            'fetch (undici) in 1 worker thread, same machine; a reader fetches a page (the whole body), reads it for the think time, then fetches the next page of the list',
          server: 'web: next start (NODE_ENV=production); API: in-process (tests/helpers/app startTestApp), LOG_LEVEL silent',
        },
        requirements: {
          javascriptOverEmptyPage: {
            bar: `≤ ${JS_BAR_BYTES} bytes`,
            worst: Math.max(...javascript.map((j) => j.overEmptyPage)),
            met: javascript.every((j) => j.withinBar),
          },
          readersP95: { bar: `< ${P95_BAR_MS} ms`, measured: readers.latencyMs.p95, met: readers.latencyMs.p95 < P95_BAR_MS },
        },
        emptyNextPageJavascriptBytes: empty,
        javascript,
        readers,
        readersByPage: byPage,
        eagerReaders: { thinkTimeMs: EAGER_THINK_MS, durationSeconds: 20, ...eager },
        noThinkTime: saturated,
        baselines: { 'empty-next-page': { javascriptBytes: empty } },
        ratios: {},
        scenarios: [],
        problems,
      },
      { machine: startedOn },
    );
    process.stdout.write(`[bench] wrote ${file}\n`);
    if (problems.length) {
      process.stderr.write(`[bench] ${NAME}: ${problems.join('; ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await site.close();
  }
}
