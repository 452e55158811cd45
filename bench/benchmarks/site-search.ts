/**
 * site-search: latency of the public `search` query (goals, news, events, polls at once) over HTTP,
 * sequential requests, with 100,000 searchable items in a fresh database (25,000 of each kind, a
 * fifth of them hidden: drafts that must not be found), inserted with set-based SQL. Realistic
 * Persian queries (Arabic and Persian letters, half-spaces) and English ones. Bar: p95 < 50 ms.
 */
import 'reflect-metadata';
import { startTestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { machine, printTable, writeResult } from '../lib';

const NAME = 'site-search';
const ITEMS_PER_KIND = 25_000;
const BAR_P95_MS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const QUERIES = [
  'زیباسازی پارک',
  'زيباسازي',
  'آسفالت',
  'مترو',
  'نظرسنجی',
  'فضای سبز',
  'پیاده‌رو',
  'جشنواره فرهنگی',
  'park',
  'festival',
  'metro line',
  'budget 1404',
  'بودجه',
  'شهردار منطقه',
];

// Words the generated texts are built from: Persian (some in Arabic spelling), English, with half-spaces.
const FA_WORDS = [
  'زیباسازی',
  'زيباسازي',
  'پارک',
  'پارك',
  'آسفالت',
  'مترو',
  'فضای سبز',
  'پیاده‌رو',
  'جشنواره',
  'فرهنگی',
  'بودجه',
  'شهردار',
  'منطقه',
  'محله',
  'نظرسنجی',
  'ترافیک',
  'پسماند',
  'کتابخانه',
  'ورزشی',
  'نوروز',
];
const EN_WORDS = [
  'park',
  'festival',
  'metro',
  'line',
  'budget',
  '1404',
  'traffic',
  'library',
  'sports',
  'square',
  'waste',
  'district',
  'mayor',
  'green',
  'space',
  'road',
];

function textExpr(words: string[], n: number, seed: string): string {
  const arr = `ARRAY[${words.map((w) => `'${w}'`).join(',')}]`;
  return `(SELECT string_agg((${arr})[1 + ((g * ${seed} + k * 7919) % ${words.length})], ' ') FROM generate_series(1, ${n}) k)`;
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]),
  };
}

export default async function siteSearch(): Promise<void> {
  const startedOn = machine();
  await globalSetup();
  let app: Awaited<ReturnType<typeof startTestApp>> | undefined;
  try {
    app = await startTestApp({ env: { LOG_LEVEL: 'silent' } });
    const db = app.app.db;
    const [{ server_version: version }] = (await db.query('SHOW server_version')) as Array<{ server_version: string }>;
    const loadStart = Date.now();
    const [staff] = await db.query(`SELECT id FROM staff_user LIMIT 1`);
    const n = ITEMS_PER_KIND;
    // One transaction without the app's statement timeout: the bulk load is not a request.
    await db.transaction(async (m) => {
      await m.query('SET LOCAL statement_timeout = 0');
      await m.query(`INSERT INTO goal (title_fa, title_en, description_fa, category, position, status)
      SELECT ${textExpr(FA_WORDS, 4, '31')}, ${textExpr(EN_WORDS, 4, '17')}, ${textExpr(FA_WORDS, 20, '13')}, 'AWARENESS', 1000 + g,
             CASE WHEN g % 5 = 0 THEN 'DRAFT'::goal_status ELSE 'ACTIVE'::goal_status END FROM generate_series(1, ${n}) g`);
      await m.query(
        `INSERT INTO press_release (slug, title_fa, title_en, summary_fa, body_fa, status, published_at, created_by)
      SELECT 'bench-' || g, ${textExpr(FA_WORDS, 6, '37')}, ${textExpr(EN_WORDS, 5, '19')}, ${textExpr(FA_WORDS, 25, '11')}, 'متن',
             CASE WHEN g % 5 = 0 THEN 'DRAFT'::press_release_status ELSE 'PUBLISHED'::press_release_status END,
             CASE WHEN g % 5 = 0 THEN NULL ELSE now() - g * interval '1 minute' END, $1 FROM generate_series(1, ${n}) g`,
        [staff.id],
      );
      await m.query(`INSERT INTO event (kind, title_fa, title_en, description_fa, venue_fa, starts_at, ends_at, status, published_at)
      SELECT 'MAYOR_APPEARANCE', ${textExpr(FA_WORDS, 4, '41')}, ${textExpr(EN_WORDS, 4, '23')}, ${textExpr(FA_WORDS, 15, '7')}, ${textExpr(FA_WORDS, 2, '3')},
             now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '2 hours',
             CASE WHEN g % 5 = 0 THEN 'DRAFT'::event_status ELSE 'PUBLISHED'::event_status END,
             CASE WHEN g % 5 = 0 THEN NULL ELSE now() END FROM generate_series(1, ${n}) g`);
      await m.query(`INSERT INTO poll (title_fa, title_en, description_fa, series_id, state)
      SELECT ${textExpr(FA_WORDS, 4, '43')}, ${textExpr(EN_WORDS, 4, '29')}, ${textExpr(FA_WORDS, 15, '5')}, gen_random_uuid(),
             CASE WHEN g % 5 = 0 THEN 'DRAFT'::poll_state ELSE 'PUBLISHED'::poll_state END FROM generate_series(1, ${n}) g`);
    });
    await db.query('ANALYZE goal; ANALYZE press_release; ANALYZE event; ANALYZE poll');
    const loadSeconds = (Date.now() - loadStart) / 1000;
    process.stdout.write(`[bench] ${NAME}: loaded ${4 * n} items in ${loadSeconds.toFixed(1)} s (PostgreSQL ${version})\n`);

    const query = `query ($q: String!) { search(query: $q, first: 5) { totalCount goals { totalCount hits { id title snippet path } } news { totalCount hits { id title snippet path } } events { totalCount hits { id title snippet path } } polls { totalCount hits { id title snippet path } } } }`;
    for (const q of QUERIES) {
      const res = await app.gql<{ search: { totalCount: number } }>(query, { q });
      if (res.body.errors) throw new Error(`search ${q}: ${JSON.stringify(res.body.errors)}`);
    }
    const all: number[] = [];
    const perQuery: Array<{ query: string; totalCount: number; latencyMs: ReturnType<typeof percentiles> }> = [];
    for (const q of QUERIES) {
      const samples: number[] = [];
      let totalCount = 0;
      for (let r = 0; r < ROUNDS * 10; r++) {
        const t0 = performance.now();
        const res = await app.gql<{ search: { totalCount: number } }>(query, { q });
        samples.push(performance.now() - t0);
        totalCount = res.body.data!.search.totalCount;
      }
      all.push(...samples);
      perQuery.push({ query: q, totalCount, latencyMs: percentiles(samples) });
    }
    const overall = percentiles(all);
    // The baseline beside it: the same client and server answering the cheapest query.
    const trivial: number[] = [];
    for (let r = 0; r < ROUNDS * 50; r++) {
      const t0 = performance.now();
      await app.gql('{ __typename }');
      trivial.push(performance.now() - t0);
    }
    const baseline = percentiles(trivial);
    printTable(
      perQuery.map((p) => ({
        query: p.query,
        found: p.totalCount,
        'p50 ms': p.latencyMs.p50,
        'p95 ms': p.latencyMs.p95,
        'p99 ms': p.latencyMs.p99,
      })),
    );
    process.stdout.write(
      `overall: p50 ${overall.p50} ms, p95 ${overall.p95} ms, p99 ${overall.p99} ms (bar: p95 < ${BAR_P95_MS} ms); trivial query p95 ${baseline.p95} ms\n`,
    );
    const pass = overall.p95 < BAR_P95_MS;
    const file = writeResult(
      NAME,
      {
        description: `Latency of the public search query (all four kinds, first: 5) over HTTP, sequential requests, with ${4 * n} items (${n} per kind, a fifth of them drafts) loaded with generate_series; ${QUERIES.length} Persian and English queries × ${ROUNDS * 10} requests each.`,
        settings: { itemsPerKind: n, rounds: ROUNDS * 10, server: 'in-process (tests/helpers/app startTestApp), LOG_LEVEL silent' },
        database: { version, loadSeconds },
        required: { p95Ms: BAR_P95_MS },
        pass,
        checks: { p95: { required: `search p95 < ${BAR_P95_MS} ms over ${4 * n} items`, measured: overall.p95, pass } },
        latencyMs: overall,
        baselines: { trivialQueryMs: baseline },
        ratios: { search: { p95OverTrivialP95: Math.round((overall.p95 / baseline.p95) * 10) / 10 } },
        scenarios: perQuery,
      },
      { machine: startedOn },
    );
    process.stdout.write(`[bench] wrote ${file}\n`);
    if (!pass) process.exitCode = 1;
  } finally {
    await app?.close();
    await globalTeardown();
  }
}
