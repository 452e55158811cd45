/**
 * analytics-ingest: page views through the real beacon endpoint (POST /collect, text/plain as
 * navigator.sendBeacon sends it) next to a plain node:http server measured in the same run.
 *
 *   plain-http           a bare node:http server answering a tiny JSON body (the ceiling);
 *   collect              the bar: a mix in which a third of the page views come from a visitor new
 *                        that day (/, from a new X-Forwarded-For address each time) and two thirds
 *                        from a returning one (/goals and /polls), as readers who view a few pages;
 *   collect-new-visitor  the worst case: every page view from a new visitor.
 *
 * Both beacon scenarios have autocannon write a new id into every request (idReplacement), which
 * costs the load generator CPU that plain-http does not pay on this shared 2-core machine: the
 * ratios are on the conservative side.
 *
 * Writes go through the server's buffer, flushed every ANALYTICS_FLUSH_MS (1 s, the default) in one
 * transaction. The bars: collect reaches at least 25 % of plain-http's req/s (issue 15: a plain Fastify
 * route, far above a city's busiest day; plain node:http itself ranged 22,000–53,000 req/s between
 * runs here), and no acknowledged
 * page view is lost or stored twice: after the rounds, stored page views are compared with the 204s
 * the load generator saw, and an exact run of a fixed number of beacons from new visitors ends with
 * the graceful-shutdown flush and must store exactly that many page views and visitors.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { startTestApp, type TestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import {
  loadSettings,
  machine,
  plainHttpBaseline,
  printTable,
  problems,
  throughputRatios,
  writeResult,
  type LoadResult,
  type Measured,
} from '../lib';

const NAME = 'analytics-ingest';
const REQUIRED = { collectToPlainRatio: 0.25 } as const;
const EXACT_RUN_REQUESTS = 20_000;

const BROWSER =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36';
const BODY = JSON.stringify({ path: '/goals', referrer: 'https://www.google.com/', screen: 'mobile', language: 'fa-IR' });

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

interface Target {
  name: string;
  description: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** autocannon replaces [<id>] in the request (headers included) with a new id each time. */
  idReplacement?: boolean;
  /** Requests autocannon sends in turn, instead of `headers` and `body` every time. */
  requests?: Array<{ method: 'POST'; path: string; headers: Record<string, string>; body: string }>;
  expectedStatus: number;
}

async function run(
  target: Target,
  connections: number,
  durationSeconds: number,
  amount?: number,
): Promise<LoadResult & { raw: autocannon.Result }> {
  // amount and idReplacement are autocannon options that bench/lib's declaration leaves out.
  const options: autocannon.Options & { amount?: number; idReplacement?: boolean; requests?: unknown[] } = {
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections,
    pipelining: 1,
    timeout: 10,
    workers: 1,
    idReplacement: target.idReplacement ?? false,
    ...(target.requests ? { requests: target.requests } : {}),
    ...(amount ? { amount } : { duration: durationSeconds }),
  };
  const result = await autocannon(options);
  // A 204 has no body; anything else (a refusal, an error) is counted as not 2xx.
  return {
    requestsPerSecond: Math.round(result.requests.mean * 10) / 10,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: Math.round(result.latency.mean * 100) / 100,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: 0,
    total: result.requests.total,
    durationSeconds: result.duration,
    raw: result,
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function summarise(target: Target, rounds: LoadResult[]): Measured {
  const rps = rounds.map((r) => r.requestsPerSecond);
  return {
    name: target.name,
    description: target.description,
    request: { method: 'POST', path: new URL(target.url).pathname, body: target.body },
    requestsPerSecond: round(mean(rps), 1),
    requestsPerSecondRange: [Math.min(...rps), Math.max(...rps)],
    latencyMs: {
      p50: round(mean(rounds.map((r) => r.latencyMs.p50))),
      p90: round(mean(rounds.map((r) => r.latencyMs.p90))),
      p99: round(mean(rounds.map((r) => r.latencyMs.p99))),
    },
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    non2xx: rounds.reduce((a, r) => a + r.non2xx, 0),
    mismatches: 0,
    total: rounds.reduce((a, r) => a + r.total, 0),
    rounds,
  };
}

interface Rows {
  pageViews: number;
  visitorKeys: number;
  dailyVisitors: number;
  dailyPageViews: number;
  totalPageViews: number;
}

async function rows(t: TestApp): Promise<Rows> {
  const [row] = (await t.app.db.query(
    `SELECT (SELECT count(*) FROM analytics_page_view)::int AS "pageViews",
            (SELECT count(*) FROM analytics_visitor_day)::int AS "visitorKeys",
            (SELECT coalesce(sum(visitors), 0) FROM analytics_daily)::int AS "dailyVisitors",
            (SELECT coalesce(sum(page_views), 0) FROM analytics_daily)::int AS "dailyPageViews",
            (SELECT page_views FROM analytics_total)::int AS "totalPageViews"`,
  )) as Rows[];
  return row;
}

export default async function analyticsIngest(): Promise<void> {
  // As in poll-submit: V8's own stack traces, not source-mapped ones (as in production).
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  const settings = loadSettings({ connections: 10, durationSeconds: 5, rounds: 3, warmupSeconds: 2 });
  const startedOn = machine();

  await globalSetup();
  const database = { mode: process.env.NABZ_TEST_DB_MODE === 'server' ? 'postgresql' : 'pglite (embedded fallback)', version: '' };
  const plain = await plainHttpBaseline();
  let t: TestApp | undefined;
  try {
    t = await startTestApp({
      seed: false,
      env: {
        // The beacon route writes no access log at any level; warn keeps the start-up lines out of the table.
        LOG_LEVEL: 'warn',
        DATABASE_POOL_SIZE: '10',
        // X-Forwarded-For is the client address, as behind the city's load balancer: it lets one load generator be many visitors.
        TRUST_PROXY: 'true',
        ANALYTICS_FLUSH_MS: '1000',
        ANALYTICS_SITE: 'city.example',
        // The returning visitor is one address sending thousands of beacons a second: lift its per-address limit.
        ANALYTICS_BEACONS_PER_MINUTE: '1000000000',
      },
    });
    const [{ server_version: version }] = (await t.app.db.query('SHOW server_version')) as Array<{ server_version: string }>;
    database.version = version;
    process.stdout.write(
      `[bench] database: ${database.mode} ${version}; ${settings.connections} connections, ${settings.rounds} × ${settings.durationSeconds} s per scenario\n`,
    );

    const collect = `${t.url}/collect`;
    const beaconHeaders = (ip: string) => ({
      'content-type': 'text/plain;charset=UTF-8',
      'user-agent': BROWSER,
      'x-forwarded-for': ip,
      'accept-language': 'fa-IR,fa;q=0.9',
    });
    const targets: Target[] = [
      {
        name: 'plain-http',
        description: 'Baseline: bare node:http server answering a tiny JSON body',
        url: plain.url,
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
        expectedStatus: 200,
      },
      {
        name: 'collect',
        description:
          'POST /collect, text/plain beacons (path, referrer, screen, language): a third from a new visitor each time (/ from a new X-Forwarded-For), two thirds from a returning visitor (/goals, /polls). The bar.',
        url: collect,
        headers: beaconHeaders('10.0.0.1'),
        body: BODY,
        idReplacement: true,
        requests: [
          { method: 'POST', path: '/collect', headers: beaconHeaders('10.100.[<id>]'), body: BODY },
          {
            method: 'POST',
            path: '/collect',
            headers: beaconHeaders('10.99.0.1'),
            body: JSON.stringify({ path: '/goals', referrer: '', screen: 'mobile', language: 'fa-IR' }),
          },
          {
            method: 'POST',
            path: '/collect',
            headers: beaconHeaders('10.99.0.1'),
            body: JSON.stringify({ path: '/polls', referrer: '', screen: 'mobile', language: 'fa-IR' }),
          },
        ],
        expectedStatus: 204,
      },
      {
        name: 'collect-new-visitor',
        description:
          'The worst case: the same beacon, every page view from a new visitor (autocannon writes a new X-Forwarded-For into every request, at a CPU cost to itself).',
        url: collect,
        headers: beaconHeaders('10.200.[<id>]'),
        body: BODY,
        idReplacement: true,
        expectedStatus: 204,
      },
    ];

    // One request of each, checked, before any load.
    for (const target of targets) {
      const res = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body.replace('[<id>]', 'probe') });
      expect(res.status === target.expectedStatus, `${target.name}: HTTP ${res.status} ${await res.text()}`);
    }

    if (settings.warmupSeconds > 0) {
      for (const target of targets) {
        process.stderr.write(`  warm-up ${target.name} (${settings.warmupSeconds} s)\n`);
        await run(target, settings.connections, settings.warmupSeconds);
      }
    }
    await t.app.services.analytics.flush();
    const afterWarmup = await rows(t);

    const results = new Map<string, LoadResult[]>(targets.map((x) => [x.name, []]));
    for (let r = 0; r < settings.rounds; r++) {
      for (let i = 0; i < targets.length; i++) {
        const target = targets[(i + r) % targets.length];
        const { raw: _raw, ...result } = await run(target, settings.connections, settings.durationSeconds);
        results.get(target.name)!.push(result);
        process.stderr.write(
          `  round ${r + 1}/${settings.rounds} ${target.name.padEnd(22)} ${String(Math.round(result.requestsPerSecond)).padStart(6)} req/s  p99 ${result.latencyMs.p99} ms${result.errors + result.non2xx ? `  (${result.errors} errors, ${result.non2xx} non-2xx)` : ''}\n`,
        );
      }
    }
    const measured = targets.map((x) => summarise(x, results.get(x.name)!));
    const ratios = throughputRatios(measured, { 'plain-http': 'plain-http' });
    const byName = (name: string) => measured.find((m) => m.name === name)!;

    // Accounting over the rounds: every 204 is a page view that must be stored once.
    const flushStarted = performance.now();
    await t.app.services.analytics.flush();
    const flushMs = performance.now() - flushStarted;
    const stored = await rows(t);
    const writing = [byName('collect'), byName('collect-new-visitor')];
    const acknowledged = writing.reduce((a, m) => a + m.total - m.non2xx, 0);
    const cutOff = settings.rounds * writing.length * settings.connections + writing.reduce((a, m) => a + m.errors, 0);
    const storedInRounds = stored.pageViews - afterWarmup.pageViews;
    const rounds = {
      acknowledged,
      unacknowledgedAtMost: cutOff,
      storedPageViews: storedInRounds,
      noneLost: storedInRounds >= acknowledged,
      noneDuplicated: storedInRounds <= acknowledged + cutOff,
      rollupsAgree:
        stored.dailyPageViews === stored.pageViews &&
        stored.totalPageViews === stored.pageViews &&
        stored.dailyVisitors === stored.visitorKeys,
    };

    // Exact run: a fixed number of new visitors, then the graceful-shutdown flush (services.analytics.stop()).
    process.stderr.write(`  exact run: ${EXACT_RUN_REQUESTS} beacons from new visitors, then the shutdown flush\n`);
    const exactTarget = { ...targets[2], headers: beaconHeaders('10.201.[<id>]') };
    // The rounds end with requests in flight (at most one per connection): wait until the server
    // holds no connection and a flush adds nothing more, so none of them lands in the exact run.
    const http = t.app.http.server;
    for (let settled = false; !settled;) {
      const open = await new Promise<number>((resolve, reject) => http.getConnections((err, n) => (err ? reject(err) : resolve(n))));
      await t.app.services.analytics.flush();
      const a = await rows(t);
      await t.app.services.analytics.flush();
      settled = open === 0 && (await rows(t)).pageViews === a.pageViews;
    }
    const before = await rows(t);
    const exact = await run(exactTarget, settings.connections, 0, EXACT_RUN_REQUESTS);
    const bufferedAtEnd = t.app.services.analytics.buffered;
    await t.app.services.analytics.stop();
    const after = await rows(t);
    const exactAcknowledged = exact.total - exact.non2xx;
    const exactRun = {
      requests: EXACT_RUN_REQUESTS,
      acknowledged: exactAcknowledged,
      refusedOrErrors: exact.non2xx + exact.errors,
      requestsPerSecond: Math.round(exact.raw.requests.mean),
      bufferedWhenTheLoadEnded: bufferedAtEnd,
      storedPageViews: after.pageViews - before.pageViews,
      newVisitors: after.dailyVisitors - before.dailyVisitors,
      exact:
        after.pageViews - before.pageViews === exactAcknowledged &&
        after.dailyVisitors - before.dailyVisitors === exactAcknowledged &&
        after.visitorKeys - before.visitorKeys === exactAcknowledged,
    };

    const bar = byName('collect');
    const ratio = ratios[bar.name]['plain-http'];
    const checks = {
      throughput: {
        required: `collect req/s ≥ ${REQUIRED.collectToPlainRatio} × plain-http req/s`,
        measured: ratio,
        pass: ratio !== null && ratio >= REQUIRED.collectToPlainRatio,
      },
      noneLost: {
        required: 'every acknowledged page view is stored (rounds; exact run after the shutdown flush)',
        measured: `rounds: ${storedInRounds} stored for ${acknowledged} acknowledged; exact run: ${exactRun.storedPageViews} for ${exactAcknowledged}`,
        pass: rounds.noneLost && exactRun.exact,
      },
      noneDuplicated: {
        required: 'no page view stored twice; rollups agree with the raw rows',
        measured: `rounds: ≤ ${acknowledged} + ${cutOff}; rollups agree: ${rounds.rollupsAgree}; exact run equal: ${exactRun.exact}`,
        pass: rounds.noneDuplicated && rounds.rollupsAgree && exactRun.exact,
      },
    };

    process.stdout.write('\n');
    printTable(
      measured.map((m) => ({
        scenario: m.name,
        'req/s': Math.round(m.requestsPerSecond),
        'min–max': `${Math.round(m.requestsPerSecondRange[0])}–${Math.round(m.requestsPerSecondRange[1])}`,
        'p50 ms': m.latencyMs.p50,
        'p99 ms': m.latencyMs.p99,
        errors: m.errors,
        'non-2xx': m.non2xx,
        '÷ plain': ratios[m.name]['plain-http'],
      })),
    );
    process.stdout.write('(req/s: mean of the rounds; ÷ plain: req/s as a fraction of the plain node:http server in this run)\n\n');
    printTable(
      Object.entries(checks).map(([name, c]) => ({
        bar: name,
        required: c.required,
        measured: String(c.measured),
        pass: c.pass ? 'PASS' : 'FAIL',
      })),
    );
    process.stdout.write(`\nexact run: ${JSON.stringify(exactRun)}\nfinal flush after the rounds: ${Math.round(flushMs)} ms\n`);

    const trouble = problems(measured);
    const failed = Object.entries(checks)
      .filter(([, c]) => !c.pass)
      .map(([name]) => name);
    const file = writeResult(
      NAME,
      {
        description:
          'Page views through POST /collect (the sendBeacon endpoint, a plain Fastify route: a hand-written check, an HMAC visitor key, a push to the in-memory buffer, 204), next to a plain node:http server in the same run. Writes are batched (one transaction per flush). Ratios are req/s ÷ plain-http req/s; the bar applies to collect (a third of the page views from visitors new that day); collect-new-visitor is the worst case.',
        required: { collectToPlainRatio: REQUIRED.collectToPlainRatio, noneLost: true, noneDuplicated: true },
        pass: failed.length === 0 && trouble.length === 0,
        checks,
        settings: {
          ...settings,
          loadGenerator:
            "autocannon 8.0.0, 1 worker thread, pipelining 1, same machine, 127.0.0.1; idReplacement (a new id written into every request) gives collect's first request of three and every request of collect-new-visitor a new X-Forwarded-For",
          server:
            'in-process (tests/helpers/app startTestApp), LOG_LEVEL warn (the beacon route logs no request line at any level), TRUST_PROXY true, DATABASE_POOL_SIZE 10, ANALYTICS_FLUSH_MS 1000 (the default): the buffer is written during the load, as in production',
        },
        database,
        baselines: {
          'plain-http': { requestsPerSecond: byName('plain-http').requestsPerSecond, latencyMs: byName('plain-http').latencyMs },
        },
        ratios,
        accounting: { rounds, rowsAfterRounds: stored, exactRun, finalFlushMs: Math.round(flushMs) },
        scenarios: measured.map((m) => ({ ...m, ratios: ratios[m.name] })),
        problems: trouble,
        failed,
      },
      { machine: startedOn },
    );
    process.stdout.write(`[bench] wrote ${file}\n`);
    if (trouble.length) process.stderr.write(`[bench] ${NAME}: figures are not trustworthy:\n  ${trouble.join('\n  ')}\n`);
    if (failed.length) process.stderr.write(`[bench] ${NAME}: bars missed: ${failed.join(', ')}\n`);
    if (trouble.length || failed.length) process.exitCode = 1;
  } finally {
    await t?.close();
    await plain.close();
    await globalTeardown();
  }
}
