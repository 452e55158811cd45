/**
 * analytics-stats: how long the public counters (`siteStats`) take to answer with 10 million stored
 * page views, next to the same read on an empty site and `{ __typename }` timed the same way
 * (latency, not throughput: sequential requests over HTTP, one at a time). The staff
 * `siteTraffic` read over 30 and 365 days is timed beside it, for information.
 *
 * { __typename } and siteStats are sent in turn, so the machine's noise falls on both alike.
 *
 * The page views are generated with set-based SQL (generate_series into analytics_page_view,
 * spread over 400 days ending now, about 8,000 visitors a day), then folded into the rollups with
 * set-based SQL that follows the writer's rules (page-view-writer.ts): a visit per (day, visitor),
 * counted for the value of the visitor's first page view of the day. The tables are then vacuumed
 * and a checkpoint taken, so that autovacuum and the checkpointer do not run during the timing.
 *
 * The bars: siteStats p95 under 5 ms at 10,000,000 page views over HTTP, as it ships (each
 * instance reuses its answer for up to a second), and the same for the uncached read behind it,
 * timed in-process (`siteStatsFromRollups`: one statement, three primary-key lookups, whatever the
 * number of page views).
 */
import 'reflect-metadata';
import { startTestApp, type TestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { machine, printTable, writeResult } from '../lib';

const NAME = 'analytics-stats';
const REQUIRED = { siteStatsP95Ms: 5 } as const;
const JSON_HEADERS = { 'content-type': 'application/json' };
const DAYS = 400;
const VISITORS_PER_DAY = 8_000;
const CHUNK = 1_000_000;
const TIME_ZONE = 'Asia/Tehran';

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, not ${raw}`);
  return n;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]),
  };
}

interface Read {
  name: string;
  description: string;
  headers: Record<string, string>;
  body: { query: string; variables?: Record<string, unknown> };
}

/**
 * Sends the reads in turn (one of each, then again), `count + warmup` times, one request at a time:
 * interleaved, so that the machine's noise falls on every read alike. Returns each read's
 * latencies (ms) of the last `count` rounds, and the data of its first answer.
 */
async function time(
  url: string,
  reads: Read[],
  count: number,
  warmup: number,
): Promise<Record<string, { latency: Latency; data: Record<string, any> }>> {
  const bodies = reads.map((r) => JSON.stringify(r.body));
  const samples: number[][] = reads.map(() => []);
  const data: Array<Record<string, any>> = reads.map(() => ({}));
  for (let i = 0; i < count + warmup; i++) {
    for (let k = 0; k < reads.length; k++) {
      const read = reads[k];
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers: read.headers, body: bodies[k] });
      const text = await res.text();
      const ms = performance.now() - started;
      if (i === 0) {
        expect(res.status === 200, `${read.name}: HTTP ${res.status}: ${text.slice(0, 300)}`);
        const parsed = JSON.parse(text) as { data?: Record<string, any>; errors?: unknown[] };
        expect(!parsed.errors?.length && !!parsed.data, `${read.name}: ${JSON.stringify(parsed.errors)}`);
        data[k] = parsed.data!;
      } else if (res.status !== 200) {
        throw new Error(`${read.name}: answer ${i}: HTTP ${res.status}`);
      }
      if (i >= warmup) samples[k].push(ms);
    }
  }
  return Object.fromEntries(reads.map((r, k) => [r.name, { latency: percentiles(samples[k]), data: data[k] }]));
}

/** Generates `count` page views in chunks of CHUNK rows (two connections on a server), spread over DAYS days ending now. */
async function generate(t: TestApp, count: number): Promise<number> {
  const started = performance.now();
  const chunks: Array<[number, number]> = [];
  for (let from = 1; from <= count; from += CHUNK) chunks.push([from, Math.min(count, from + CHUNK - 1)]);
  const connections = process.env.NABZ_TEST_DB_MODE === 'server' ? 2 : 1;
  const now = new Date().toISOString();
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        // Skewed picks (powers of random()): a few pages and referrers take most views, as on a real site.
        await t.app.db.query(
          `INSERT INTO analytics_page_view (at, day, visitor_key, path, referrer_host, screen, language)
           SELECT at, (at AT TIME ZONE $5)::date,
                  substr(sha256(convert_to((at AT TIME ZONE $5)::date::text || ':' || v::text, 'UTF8')), 1, 16),
                  '/page/' || floor(power(random(), 3) * 300)::int,
                  CASE WHEN random() < 0.5 THEN NULL ELSE 'referrer' || floor(power(random(), 2) * 20)::int || '.example' END,
                  (ARRAY['MOBILE', 'MOBILE', 'MOBILE', 'DESKTOP', 'DESKTOP', 'TABLET', NULL])[1 + floor(random() * 7)::int]::analytics_screen_class,
                  (ARRAY['fa', 'fa', 'fa', 'fa', 'fa', 'fa', 'en', 'ar', NULL])[1 + floor(random() * 9)::int]
           FROM generate_series($1::bigint, $2::bigint) AS g
           CROSS JOIN LATERAL (SELECT $3::timestamptz - ((($4 - g)::float8 / $4) * ${DAYS}) * interval '1 day' AS at, (g * 2654435761) % ${VISITORS_PER_DAY} AS v) x
           ORDER BY g`,
          [chunk[0], chunk[1], now, count, TIME_ZONE],
        );
        done += chunk[1] - chunk[0] + 1;
        process.stderr.write(`\r  generated ${done} / ${count} page views`);
      }
    }),
  );
  process.stderr.write('\n');
  return performance.now() - started;
}

/** Folds every raw page view into the rollups and totals, as the writer would have (set-based). */
async function fold(t: TestApp): Promise<number> {
  const started = performance.now();
  await t.app.db.transaction(async (m) => {
    await m.query(`SET LOCAL work_mem = '256MB'`);
    await m.query(
      `INSERT INTO analytics_daily (day, visitors, page_views) SELECT day, count(DISTINCT visitor_key), count(*) FROM analytics_page_view GROUP BY day`,
    );
    await m.query(
      `WITH firsts AS MATERIALIZED (
         SELECT DISTINCT ON (day, visitor_key) day, path, referrer_host, screen::text AS screen, language FROM analytics_page_view ORDER BY day, visitor_key, at
       ), views AS (
         SELECT day, GROUPING(path, referrer_host, screen, language) AS g, path, referrer_host, screen::text AS screen, language, count(*) AS n
         FROM analytics_page_view GROUP BY GROUPING SETS ((day, path), (day, referrer_host), (day, screen), (day, language))
       ), visits AS (
         SELECT day, GROUPING(path, referrer_host, screen, language) AS g, path, referrer_host, screen, language, count(*) AS n
         FROM firsts GROUP BY GROUPING SETS ((day, path), (day, referrer_host), (day, screen), (day, language))
       ), keyed AS (
         SELECT 'v' AS kind, * FROM views UNION ALL SELECT 'f', * FROM visits
       )
       INSERT INTO analytics_daily_dimension (dimension, day, value, page_views, visits)
       SELECT dimension::analytics_dimension, day, value, sum(n) FILTER (WHERE kind = 'v'), coalesce(sum(n) FILTER (WHERE kind = 'f'), 0)
       FROM (
         SELECT kind, day, n,
                CASE g WHEN 7 THEN 'PAGE' WHEN 11 THEN 'REFERRER' WHEN 13 THEN 'SCREEN' ELSE 'LANGUAGE' END AS dimension,
                coalesce(CASE g WHEN 7 THEN path WHEN 11 THEN referrer_host WHEN 13 THEN screen ELSE language END, '') AS value
         FROM keyed
       ) x
       GROUP BY dimension, day, value`,
    );
    await m.query(
      `UPDATE analytics_total SET visitors = s.visitors, page_views = s.page_views, max_daily = s.max_daily, max_daily_day = s.max_daily_day
       FROM (SELECT sum(visitors) AS visitors, sum(page_views) AS page_views,
                    (SELECT visitors FROM analytics_daily ORDER BY visitors DESC, day LIMIT 1) AS max_daily,
                    (SELECT day FROM analytics_daily ORDER BY visitors DESC, day LIMIT 1) AS max_daily_day
             FROM analytics_daily) s
       WHERE id = 1`,
    );
    // Visitor keys are kept for today and yesterday only (salts.ts).
    await m.query(
      `INSERT INTO analytics_visitor_day (day, visitor_key) SELECT DISTINCT day, visitor_key FROM analytics_page_view WHERE day >= (now() AT TIME ZONE $1)::date - 1`,
      [TIME_ZONE],
    );
  });
  // What autovacuum and the checkpointer would otherwise do while the reads are timed.
  await t.app.db.query(
    'VACUUM (ANALYZE) analytics_page_view, analytics_daily, analytics_daily_dimension, analytics_visitor_day, analytics_total',
  );
  await t.app.db.query('CHECKPOINT');
  return performance.now() - started;
}

export default async function analyticsStats(): Promise<void> {
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  const startedOn = machine();
  await globalSetup();
  const embedded = process.env.NABZ_TEST_DB_MODE !== 'server';
  const database = { mode: embedded ? 'pglite (embedded fallback)' : 'postgresql', version: '' };
  // The embedded PGlite runs one statement at a time, in WASM: 10 million rows would take far longer than the runner allows.
  const pageViews = positiveInt('BENCH_ANALYTICS_PAGE_VIEWS', embedded ? 200_000 : 10_000_000);
  const requests = positiveInt('BENCH_REQUESTS', 2000);
  const warmup = 200;
  let t: TestApp | undefined;
  try {
    // Demo data on: siteStats carries the customer's imported figures, as it ships.
    t = await startTestApp({ seed: true, env: { LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '10' } });
    const [{ server_version: version }] = (await t.app.db.query('SHOW server_version')) as Array<{ server_version: string }>;
    database.version = version;
    process.stdout.write(
      `[bench] database: ${database.mode} ${version}; ${pageViews} page views; ${requests} sequential requests per read (after ${warmup} unrecorded)\n`,
    );

    const analyst = await t.signIn('analyst');
    const today = t.app.services.analytics.today();
    const minus = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const trivial: Read = {
      name: 'trivial-query',
      description: 'Baseline: { __typename } through the real GraphQL stack (no database)',
      headers: JSON_HEADERS,
      body: { query: '{ __typename }' },
    };
    const stats: Read = {
      name: 'siteStats',
      description:
        'The public counters: siteStats { today yesterday total maxDaily maxDailyDate pageViewsToday pageViewsYesterday pageViewsTotal }, anonymous. The bar.',
      headers: JSON_HEADERS,
      body: { query: '{ siteStats { today yesterday total maxDaily maxDailyDate pageViewsToday pageViewsYesterday pageViewsTotal } }' },
    };
    const TRAFFIC = `query ($from: String!, $to: String!) { siteTraffic(from: $from, to: $to) { visits pageViews days { date visitors pageViews } topPages { value pageViews visits } topReferrers { value visits } devices { screen visits } languages { value visits } activeVisitors } }`;
    const traffic = (days: number): Read => ({
      name: `siteTraffic-${days}d`,
      description: `Staff: siteTraffic over the last ${days} days (daily series, top 10 pages and referrers, devices, languages, active visitors), as the demo analyst.`,
      headers: { ...JSON_HEADERS, authorization: `Bearer ${analyst}` },
      body: { query: TRAFFIC, variables: { from: minus(days - 1), to: today } },
    });
    const reads = [trivial, stats, traffic(30), traffic(365)];

    const sizes: Record<string, { pageViews: number; reads: Record<string, Latency> }> = {};
    const measureAll = async (label: string, n: number) => {
      sizes[label] = { pageViews: n, reads: {} };
      // The rollup read itself, in-process and without siteStats' one-second answer cache: what every
      // cache miss costs (one SQL statement, three primary-key lookups).
      const direct: number[] = [];
      for (let i = 0; i < requests + warmup; i++) {
        const started = performance.now();
        await t!.app.services.analytics.siteStatsFromRollups();
        if (i >= warmup) direct.push(performance.now() - started);
      }
      sizes[label].reads['siteStats-rollup-read'] = percentiles(direct);
      // The bar's pair interleaved; the staff reads (slower, for information) after it, fewer times.
      const plan: Array<[Read[], number]> = [
        [[trivial, stats], requests],
        [[traffic(30)], Math.min(requests, 500)],
        [[traffic(365)], Math.min(requests, 200)],
      ];
      for (const [group, count] of plan) {
        process.stderr.write(`  ${label}: ${group.map((r) => r.name).join(' + ')} × ${count}\n`);
        for (const [name, result] of Object.entries(await time(t!.graphqlUrl, group, count, Math.min(warmup, count))))
          sizes[label].reads[name] = result.latency;
      }
    };

    await measureAll('empty', 0);
    const generationMs = await generate(t, pageViews);
    const foldMs = await fold(t);
    const [{ n: stored }] = (await t.app.db.query('SELECT count(*)::int AS n FROM analytics_page_view')) as Array<{ n: number }>;
    expect(stored === pageViews, `expected ${pageViews} page views, found ${stored}`);
    await measureAll('full', pageViews);

    // The counters must be the rollups' figures, plus the imported ones.
    const answer = (await time(t.graphqlUrl, [stats], 1, 0)).siteStats.data.siteStats;
    const [expected] = (await t.app.db.query(
      `SELECT (SELECT coalesce(visitors, 0) FROM analytics_daily WHERE day = $1) AS today, (SELECT coalesce(visitors, 0) FROM analytics_daily WHERE day = $2) AS yesterday,
              (SELECT visitors + imported_visitors FROM analytics_total)::int AS total, (SELECT page_views FROM analytics_total)::int AS "pageViewsTotal"`,
      [today, minus(1)],
    )) as Array<Record<string, number>>;
    expect(
      answer.today === expected.today &&
        answer.yesterday === expected.yesterday &&
        answer.total === expected.total &&
        answer.pageViewsTotal === pageViews,
      `siteStats ${JSON.stringify(answer)} differs from the rollups ${JSON.stringify(expected)}`,
    );

    const full = sizes.full.reads;
    const checks = {
      siteStatsP95: {
        required: `siteStats p95 < ${REQUIRED.siteStatsP95Ms} ms at ${pageViews} page views`,
        measured: full.siteStats.p95,
        pass: full.siteStats.p95 < REQUIRED.siteStatsP95Ms,
      },
      rollupReadP95: {
        required: `the uncached rollup read (in-process, SQL only) p95 < ${REQUIRED.siteStatsP95Ms} ms at ${pageViews} page views`,
        measured: full['siteStats-rollup-read'].p95,
        pass: full['siteStats-rollup-read'].p95 < REQUIRED.siteStatsP95Ms,
      },
      constantTime: {
        required: 'rollup read p95 at full size ÷ on an empty site (information: constant time means about 1)',
        measured: round(full['siteStats-rollup-read'].p95 / sizes.empty.reads['siteStats-rollup-read'].p95),
        pass: true,
      },
    };

    process.stdout.write('\n');
    printTable(
      Object.entries(sizes).flatMap(([label, size]) =>
        Object.entries(size.reads).map(([name, l]) => ({
          size: label,
          'page views': size.pageViews,
          read: name,
          'p50 ms': l.p50,
          'p95 ms': l.p95,
          'p99 ms': l.p99,
          'max ms': l.max,
          '÷ trivial p95': round(l.p95 / size.reads['trivial-query'].p95),
        })),
      ),
    );
    process.stdout.write(
      `\ngeneration ${Math.round(generationMs / 1000)} s, fold ${Math.round(foldMs / 1000)} s; siteStats answered ${JSON.stringify(answer)}\n\n`,
    );
    printTable(
      Object.entries(checks).map(([name, c]) => ({
        bar: name,
        required: c.required,
        measured: String(c.measured),
        pass: c.pass ? 'PASS' : 'FAIL',
      })),
    );

    const failed = Object.entries(checks)
      .filter(([, c]) => !c.pass)
      .map(([name]) => name);
    const file = writeResult(
      NAME,
      {
        description:
          "siteStats (public counters) and siteTraffic (staff) latency over HTTP, sequential requests, on an empty site and with the page views generated in SQL and folded into the rollups; { __typename } timed the same way as the baseline. Ratios are p95 ÷ the trivial query's p95 at the same size.",
        required: { siteStatsP95Ms: REQUIRED.siteStatsP95Ms, pageViews },
        pass: failed.length === 0,
        checks,
        settings: {
          requests,
          warmup,
          pageViews,
          days: DAYS,
          visitorsPerDay: VISITORS_PER_DAY,
          server:
            'in-process (tests/helpers/app startTestApp), demo data on, LOG_LEVEL silent, DATABASE_POOL_SIZE 10; client: fetch, one request at a time, same machine',
          siteTraffic30Requests: Math.min(requests, 500),
          siteTraffic365Requests: Math.min(requests, 200),
          order: 'trivial-query and siteStats interleaved (one of each, in turn); then siteTraffic-30d, then siteTraffic-365d',
        },
        database,
        setupMs: { generation: Math.round(generationMs), fold: Math.round(foldMs) },
        baselines: { 'trivial-query': Object.fromEntries(Object.entries(sizes).map(([label, s]) => [label, s.reads['trivial-query']])) },
        ratios: Object.fromEntries(
          Object.entries(sizes).map(([label, s]) => [
            label,
            Object.fromEntries(Object.entries(s.reads).map(([name, l]) => [name, round(l.p95 / s.reads['trivial-query'].p95)])),
          ]),
        ),
        scenarios: [
          ...reads.map((r) => ({
            name: r.name,
            description: r.description,
            latencyMs: Object.fromEntries(Object.entries(sizes).map(([label, s]) => [label, s.reads[r.name]])),
          })),
          {
            name: 'siteStats-rollup-read',
            description:
              'AnalyticsService.siteStatsFromRollups() in-process: the SQL read behind siteStats without its one-second answer cache (no HTTP, no GraphQL).',
            latencyMs: Object.fromEntries(Object.entries(sizes).map(([label, s]) => [label, s.reads['siteStats-rollup-read']])),
          },
        ],
        answer,
        failed,
      },
      { machine: startedOn },
    );
    process.stdout.write(`[bench] wrote ${file}\n`);
    if (failed.length) {
      process.stderr.write(`[bench] ${NAME}: bars missed: ${failed.join(', ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await t?.close();
    await globalTeardown();
  }
}
