/**
 * Where the API's main thread spends a challenged submission: the poll-submit benchmark's bar
 * scenario (OPEN poll, a solved ALTCHA challenge each, 50 connections) under V8's sampling
 * profiler, then a summary by package and by function. Not a benchmark (the profiler slows what it
 * measures, so nothing is written to bench/results/); the .cpuprofile it writes opens in Chrome's
 * DevTools. From tests/:
 *
 *   SWC_NODE_PROJECT=tsconfig.json node -r @swc-node/register ../bench/tools/profile-poll-submit.ts
 *
 * PROFILE_REQUESTS (6000) sets the number of profiled submissions, PROFILE_FILE where the profile goes.
 */
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { startTestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { createPoll } from '../../tests/helpers/polls';
import { DEMO_SATISFACTION_SURVEY } from '../../server/src/seed/demo-polls';
import { load, mainThreadCpuMs } from '../lib';
import { solvedChallenges } from '../lib/participation';
import { surveySubmission } from '../lib/survey-submission';

const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 6000);
const PROFILE_FILE = process.env.PROFILE_FILE ?? path.join(os.tmpdir(), 'poll-submit.cpuprofile');

async function main(): Promise<void> {
  await globalSetup();
  // The benchmark's settings: no per-address limits (one load generator), the cheapest challenge.
  const t = await startTestApp({
    env: {
      LOG_LEVEL: 'silent',
      SUBMISSIONS_PER_MINUTE: '1000000000',
      ALTCHA_MAX_COUNTER: '100',
      DATABASE_POOL_SIZE: '10',
      TALLY_INTERVAL_MS: '1000',
      ANSWER_MIX_INTERVAL_MS: '1000',
    },
  });
  try {
    const editor = await t.signIn('editor');
    const [district] = (await t.app.db.query('SELECT id FROM district ORDER BY code LIMIT 1')) as Array<{ id: string }>;
    const poll = await createPoll(t, editor, { ...DEMO_SATISFACTION_SURVEY });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'profile-submit-'));
    const bodies = async (count: number, name: string) => {
      const file = path.join(dir, `${name}.jsonl`);
      const challenges = await solvedChallenges(t.graphqlUrl, count);
      const lines = challenges.map((challenge) => JSON.stringify(surveySubmission(poll, district.id, { challenge })));
      writeFileSync(file, lines.join('\n'));
      return file;
    };
    const submit = (file: string, amount: number) =>
      load(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, connections: 50, bodiesFile: file, amount });

    await submit(await bodies(2000, 'warm-up'), 2000);
    const measured = await bodies(REQUESTS, 'measured');

    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const cpuBefore = mainThreadCpuMs();
    const result = await submit(measured, REQUESTS);
    const cpuMs = mainThreadCpuMs() - cpuBefore;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    writeFileSync(PROFILE_FILE, JSON.stringify(profile));

    process.stdout.write(
      `${REQUESTS} submissions under the profiler: ${result.requestsPerSecond} req/s, main thread ${(cpuMs / REQUESTS).toFixed(3)} CPU ms each\n` +
        `profile: ${PROFILE_FILE}\n\n`,
    );
    summarise(profile);
  } finally {
    await t.close();
    await globalTeardown();
  }
}

/** Self time by package (or server directory) and by function, as shares of the profiled time. */
function summarise(profile: Profiler.Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  profile.samples?.forEach((id, i) => {
    const dt = profile.timeDeltas?.[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    totalUs += dt;
  });
  const where = (url: string, name: string) => {
    const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (pkg) return pkg[1];
    if (url.includes('/server/src/')) return `server/src/${path.dirname(url.split('/server/src/')[1])}`;
    return url || (name.startsWith('(') ? name : '(native)');
  };
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const pkg = where(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'}  ${url.replace(/^.*node_modules\//, '').replace(/^.*\/server\/src\//, 'server/src/')}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const top = (title: string, shares: Map<string, number>, n: number) => {
    process.stdout.write(`${title}\n`);
    for (const [key, us] of [...shares].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      process.stdout.write(`${((100 * us) / totalUs).toFixed(1).padStart(6)} %  ${key}\n`);
    }
    process.stdout.write('\n');
  };
  top('self time by package', packages, 25);
  top('self time by function', functions, 30);

  // Inclusive time (the function and everything it called) of the server's own functions and of
  // altcha-lib's. An async function's work after an await is counted under it again, not under
  // its caller (altcha-lib's hmac, resumed after WebCrypto's importKey and sign, is its own line).
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { functionName, url } = byId.get(at)!.callFrame;
      if (!url.includes('/server/src/') && !url.includes('/altcha-lib/')) continue;
      const key = `${functionName || '(anonymous)'}  ${url.replace(/^.*node_modules\//, '').replace(/^.*\/server\/src\//, 'server/src/')}`;
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      seen.add(key);
    }
  }
  top("inclusive time: the server's functions and altcha-lib's", inclusive, 25);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
