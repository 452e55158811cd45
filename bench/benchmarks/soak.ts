/**
 * soak: a steady mixed load for 10 minutes (BENCH_SOAK_SECONDS to change it) — public reads,
 * poll submissions and analysts' insights at fixed rates — against the API in its own process,
 * sampling its resident memory and each minute's latency. The bar (issue "Partner API and
 * hardening", requirement 7): no growth in memory or latency over the run. The baseline is the
 * run's own second window (the first one warms up).
 */
import os from 'node:os';
import autocannon from 'autocannon';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { call, demoSurvey, machine, printTable, startServerProcess, writeResult } from '../lib';

const NAME = 'soak';
const TOTAL_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const WINDOW_SECONDS = Math.min(60, Math.max(10, Math.floor(TOTAL_SECONDS / 10)));
const RATES = { publicRead: 100, submit: 40, analystRead: 5 } as const;
/** Growth allowed from the baseline window to the last third of the run (the machine is noisy). */
const REQUIRED = { rssGrowth: 1.1, p95Growth: 1.5 };

interface Window {
  window: number;
  /** The lowest resident size sampled in the window (every second): what survives garbage collection. */
  rssFloorMiB: number;
  rssMiB: number;
  loadAverage1m: number;
  publicReadP95: number;
  submitP95: number;
  analystReadP95: number;
  requests: number;
  errors: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function soak(): Promise<void> {
  const startedOn = machine();
  await globalSetup();
  const server = await startServerProcess({ SUBMISSIONS_PER_MINUTE: '1000000000', UNCHALLENGED_SUBMISSIONS_PER_HOUR: '1000000000' });
  try {
    const { submit, publicRead, analystRead } = await demoSurvey(server.graphqlUrl);
    const { signIn } = await call<{ signIn: { token: string } }>(
      server.graphqlUrl,
      'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      { input: { email: 'analyst@nabz.example', password: 'nabz-demo-1405' } },
    );
    const json = { 'content-type': 'application/json' };
    const run = (body: unknown, rate: number, headers: Record<string, string> = json) =>
      autocannon({
        url: server.graphqlUrl,
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        connections: Math.max(1, Math.ceil(rate / 20)),
        overallRate: rate,
        duration: WINDOW_SECONDS,
      });

    const windows: Window[] = [];
    const count = Math.max(3, Math.round(TOTAL_SECONDS / WINDOW_SECONDS));
    for (let w = 1; w <= count; w++) {
      const rssSamples: number[] = [];
      const sampler = setInterval(() => rssSamples.push(server.rssMiB()), 1000);
      const [reads, submits, insights] = await Promise.all([
        run(publicRead, RATES.publicRead),
        run(submit, RATES.submit),
        run(analystRead, RATES.analystRead, { ...json, authorization: `Bearer ${signIn.token}` }),
      ]);
      clearInterval(sampler);
      const row: Window = {
        window: w,
        rssFloorMiB: Math.min(...rssSamples),
        rssMiB: server.rssMiB(),
        loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
        publicReadP95: reads.latency.p97_5 ?? reads.latency.p90,
        submitP95: submits.latency.p97_5 ?? submits.latency.p90,
        analystReadP95: insights.latency.p97_5 ?? insights.latency.p90,
        requests: reads.requests.total + submits.requests.total + insights.requests.total,
        errors: reads.non2xx + submits.non2xx + insights.non2xx + reads.errors + submits.errors + insights.errors,
      };
      windows.push(row);
      process.stderr.write(`  window ${w}/${count}: ${JSON.stringify(row)}\n`);
    }

    const baseline = windows[1];
    const lastThird = windows.slice(Math.floor((windows.length * 2) / 3));
    const rssEnd = median(lastThird.map((w) => w.rssFloorMiB));
    const p95 = (w: Window) => Math.max(w.publicReadP95, w.submitP95, w.analystReadP95);
    const p95End = median(lastThird.map(p95));
    const checks = {
      memory: {
        required: `median resident-memory floor (lowest sample of a window) of the last third ≤ ${REQUIRED.rssGrowth} × the baseline window's`,
        measured: Math.round((rssEnd / baseline.rssFloorMiB) * 1000) / 1000,
        pass: rssEnd <= baseline.rssFloorMiB * REQUIRED.rssGrowth,
      },
      latency: {
        required: `median worst p97.5 of the last third ≤ ${REQUIRED.p95Growth} × the baseline window's (+2 ms for the 1 ms resolution)`,
        measured: Math.round((p95End / Math.max(1, p95(baseline))) * 1000) / 1000,
        pass: p95End <= p95(baseline) * REQUIRED.p95Growth + 2,
      },
      errors: {
        required: 'no failed request',
        measured: windows.reduce((s, w) => s + w.errors, 0),
        pass: windows.every((w) => w.errors === 0),
      },
    };
    printTable(windows.map((w) => ({ ...w })));
    printTable(Object.entries(checks).map(([name, c]) => ({ check: name, measured: c.measured, pass: c.pass ? 'yes' : 'NO' })));
    const pass = Object.values(checks).every((c) => c.pass);
    writeResult(
      NAME,
      {
        description: `A steady mixed load for ${TOTAL_SECONDS} s in ${WINDOW_SECONDS}-second windows: public reads (a poll, its results and goals) at ${RATES.publicRead}/s, submissions (a new respondent each) at ${RATES.submit}/s, analysts' insights (a district crosstab) at ${RATES.analystRead}/s, against node server/dist/main.js (NODE_ENV=production). Latencies are autocannon's p97.5 (its nearest to p95), ms.`,
        required: REQUIRED,
        pass,
        checks,
        settings: { totalSeconds: TOTAL_SECONDS, windowSeconds: WINDOW_SECONDS, rates: RATES },
        baselines: { 'window-2': baseline },
        scenarios: windows,
        ratios: { 'last-third': { 'window-2-rss': checks.memory.measured, 'window-2-p95': checks.latency.measured } },
      },
      { machine: startedOn },
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await server.close();
    await globalTeardown();
  }
}
