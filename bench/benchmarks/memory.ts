/**
 * memory: the API's resident memory under the submission load of poll-submit, in its own process
 * (`node server/dist/main.js`, NODE_ENV=production), next to its own idle size measured in the same
 * run. The bars (issue "Partner API and hardening", requirement 7): under 300 MB resident during the
 * load, and back within 10 % of the idle size afterwards.
 */
import autocannon from 'autocannon';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { demoSurvey, machine, printTable, startServerProcess, writeResult } from '../lib';

const NAME = 'memory';
const REQUIRED = { peakMiB: 300, settledRatio: 1.1 };
const LOAD_SECONDS = Number(process.env.BENCH_DURATION ?? 30);
/** How long the process may take to give memory back after the load. */
const SETTLE_SECONDS = 60;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export default async function memory(): Promise<void> {
  const startedOn = machine();
  await globalSetup();
  const server = await startServerProcess({ SUBMISSIONS_PER_MINUTE: '1000000000', UNCHALLENGED_SUBMISSIONS_PER_HOUR: '1000000000' });
  try {
    const { submit, publicRead } = await demoSurvey(server.graphqlUrl);
    const headers = { 'content-type': 'application/json' };
    // Warm up every path once (JIT, caches, pools), then let it rest: that is "idle".
    await autocannon({ url: server.graphqlUrl, method: 'POST', headers, body: JSON.stringify(publicRead), connections: 4, duration: 3 });
    await autocannon({ url: server.graphqlUrl, method: 'POST', headers, body: JSON.stringify(submit), connections: 4, duration: 3 });
    await sleep(10_000);
    const idle = server.rssMiB();

    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(server.rssMiB()), 250);
    const result = await autocannon({
      url: server.graphqlUrl,
      method: 'POST',
      headers,
      body: JSON.stringify(submit),
      connections: 10,
      duration: LOAD_SECONDS,
      workers: 1,
    });
    clearInterval(sampler);
    const peak = Math.max(...samples);

    // Back to idle: sampled every second until within the bar or SETTLE_SECONDS pass.
    let settled = server.rssMiB();
    const settleSamples: number[] = [settled];
    for (let s = 0; s < SETTLE_SECONDS && settled > idle * REQUIRED.settledRatio; s++) {
      await sleep(1000);
      settled = server.rssMiB();
      settleSamples.push(settled);
    }
    const checks = {
      peak: { required: `resident memory under ${REQUIRED.peakMiB} MiB during the load`, measured: peak, pass: peak < REQUIRED.peakMiB },
      settled: {
        required: `within ${Math.round((REQUIRED.settledRatio - 1) * 100)} % of idle within ${SETTLE_SECONDS} s after the load`,
        measured: Math.round((settled / idle) * 1000) / 1000,
        pass: settled <= idle * REQUIRED.settledRatio,
      },
    };
    printTable([
      { phase: 'idle (after warm-up and 10 s rest)', rssMiB: idle, ratioToIdle: 1 },
      {
        phase: `peak during ${LOAD_SECONDS} s of submissions (${Math.round(result.requests.mean)} req/s, ${result.non2xx} non-2xx)`,
        rssMiB: peak,
        ratioToIdle: peak / idle,
      },
      { phase: `after, ${settleSamples.length - 1} s later`, rssMiB: settled, ratioToIdle: settled / idle },
    ]);
    const pass = checks.peak.pass && checks.settled.pass;
    writeResult(
      NAME,
      {
        description:
          'Resident memory (VmRSS) of the API process, alone in its own process, idle, under the submission load of poll-submit (10 connections, a new respondent per request), and after it; the baseline is the same process idle.',
        required: REQUIRED,
        pass,
        checks,
        settings: {
          loadSeconds: LOAD_SECONDS,
          connections: 10,
          sampleEveryMs: 250,
          server: 'node server/dist/main.js, NODE_ENV=production, PostgreSQL',
        },
        baselines: { idle: { rssMiB: idle } },
        scenarios: [
          {
            name: 'submit',
            requestsPerSecond: Math.round(result.requests.mean),
            non2xx: result.non2xx,
            peakRssMiB: peak,
            settledRssMiB: settled,
            samples: samples.filter((_, i) => i % 4 === 0),
            settleSamples,
          },
        ],
        ratios: { submit: { idle: Math.round((peak / idle) * 1000) / 1000 } },
      },
      { machine: startedOn },
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await server.close();
    await globalTeardown();
  }
}
