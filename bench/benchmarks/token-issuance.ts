/**
 * token-issuance: how many blind-signed poll tokens (RFC 9474) the API issues a second once a
 * person is verified (issue 13: ≥ 300 tokens/s on one core). Three measurements of one
 * RESIDENT_LIST poll, each on identifiers and blinded messages prepared beforehand:
 *   issue-http      `issuePollToken { pollId residentId blindedMessage }` POSTed to /graphql, one a
 *                   request, 10 connections (autocannon in a worker thread): eligibility check
 *                   (keyed hash looked up in the list), the issuance row, the RSA blind signature,
 *                   all through Apollo Server. The bar.
 *   issue-service   the same ParticipationService.issueToken calls in-process, 10 at a time: the
 *                   work without HTTP and GraphQL.
 *   blind-sign      PollTokenKeys.blindSign alone, one after another: the RSA-2048 private-key
 *                   operation (OpenSSL) and its check, the floor of the rest.
 * The server is one Node process (one thread runs the JavaScript and the synchronous signing), so
 * its rate is a one-core rate; its main thread's CPU time per token is reported beside (the
 * load generator's thread and PostgreSQL excluded). The trivial query is measured in the same run.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { createPoll } from '../../tests/helpers/polls';
import { DEMO_SATISFACTION_SURVEY } from '../../server/src/seed/demo-polls';
import { PollTokenKeys } from '../../server/src/modules/polls/participation/poll-tokens';
import { load, machine, mainThreadCpuMs, printTable, writeResult } from '../lib';
import { blindMessages, blindWith, eligibilityList, ISSUE_POLL_TOKEN, memberNumbers, rsaKey } from '../lib/participation';

const NAME = 'token-issuance';
const REQUIRED = { tokensPerSecond: 300 } as const;
const JSON_HEADERS = { 'content-type': 'application/json' };

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, not ${raw}`);
  return n;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export default async function tokenIssuance(): Promise<void> {
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  const count = positiveInt('BENCH_TOKENS', 3000);
  const connections = positiveInt('BENCH_CONNECTIONS', 10);
  const startedOn = machine();
  const bodyDir = mkdtempSync(path.join(os.tmpdir(), 'nabz-bench-tokens-'));

  await globalSetup();
  const database = { mode: process.env.NABZ_TEST_DB_MODE === 'server' ? 'postgresql' : 'pglite (embedded fallback)', version: '' };
  let t: TestApp | undefined;
  try {
    t = await startTestApp({
      env: { LOG_LEVEL: 'silent', VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN: '1000000000', DATABASE_POOL_SIZE: '10' },
    });
    const app = t;
    const [{ server_version: version }] = (await t.app.db.query('SHOW server_version')) as Array<{ server_version: string }>;
    database.version = version;
    process.stdout.write(
      `[bench] database: ${database.mode} ${version}; ${count} tokens a measurement, ${connections} connections over HTTP\n`,
    );

    const editor = await t.signIn('editor');
    // Two polls on one list: one for HTTP, one for the service calls (a person gets one token a poll).
    const residents = memberNumbers(count + 200);
    const listId = await eligibilityList(t.graphqlUrl, editor, residents);
    const httpPoll = await createPoll(app, editor, { ...DEMO_SATISFACTION_SURVEY, assurance: 'RESIDENT_LIST', eligibilityListId: listId });
    const servicePoll = await createPoll(app, editor, {
      ...DEMO_SATISFACTION_SURVEY,
      assurance: 'RESIDENT_LIST',
      eligibilityListId: listId,
    });

    // Baseline: the trivial query at the same concurrency, this run.
    const trivialBody = JSON.stringify({ query: '{ __typename }' });
    await load(t.graphqlUrl, { body: trivialBody, headers: JSON_HEADERS, connections, durationSeconds: 1 });
    const trivial = await load(t.graphqlUrl, { body: trivialBody, headers: JSON_HEADERS, connections, durationSeconds: 3 });

    // issue-http: bodies prepared (blinded) beforehand, each sent once; the first 200 warm up.
    const warm = 200;
    const { blinded } = await blindMessages(t.graphqlUrl, httpPoll.id, count + warm);
    const bodies = residents.slice(0, count + warm).map((residentId, i) =>
      JSON.stringify({
        query: ISSUE_POLL_TOKEN,
        variables: { input: { pollId: httpPoll.id, residentId, blindedMessage: blinded[i].blindedMessage } },
      }),
    );
    const file = (lines: string[], name: string) => {
      const f = path.join(bodyDir, name);
      writeFileSync(f, lines.join('\n'));
      return f;
    };
    const run = async (lines: string[], name: string) => {
      process.env.BENCH_BODIES_FILE = file(lines, name);
      process.env.BENCH_EXPECT_PREFIX = '{"data":{"issuePollToken":{"blindSignature":"';
      const cpuBefore = mainThreadCpuMs();
      const started = performance.now();
      const result = await autocannon({
        url: app.graphqlUrl,
        method: 'POST',
        headers: JSON_HEADERS,
        connections,
        pipelining: 1,
        timeout: 10,
        workers: 1,
        amount: lines.length,
        requests: [{ setupRequest: path.resolve(__dirname, '../lib/next-body.cjs') }],
        verifyBody: path.resolve(__dirname, '../lib/expect-body.cjs'),
      });
      const seconds = (performance.now() - started) / 1000;
      return { result, seconds, cpuMs: mainThreadCpuMs() - cpuBefore };
    };
    await run(bodies.slice(0, warm), 'warm.jsonl');
    const http = await run(bodies.slice(warm), 'http.jsonl');
    const issued = http.result['2xx'] - http.result.mismatches;
    const httpFigures = {
      tokens: issued,
      refusedOrErrors: http.result.mismatches + http.result.non2xx + http.result.errors,
      seconds: round(http.seconds, 2),
      tokensPerSecond: round(issued / http.seconds),
      latencyMs: { p50: http.result.latency.p50, p99: http.result.latency.p99, max: http.result.latency.max },
      serverMainThreadCpuMsPerToken: round(http.cpuMs / issued, 3),
      /** Tokens per second of the server thread's own CPU time: the rate with a core to itself (PostgreSQL's CPU not counted). */
      tokensPerServerCpuSecond: round((issued * 1000) / http.cpuMs),
    };
    process.stderr.write(`  issue-http: ${issued} tokens in ${httpFigures.seconds} s\n`);

    // issue-service: the service's issueToken in-process, `connections` at a time.
    const service = t.app.services.participation;
    const serviceBlinded = (await blindMessages(t.graphqlUrl, servicePoll.id, count)).blinded;
    let next = 0;
    let serviceIssued = 0;
    const serviceCpu = mainThreadCpuMs();
    const serviceStarted = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < count) {
          const i = next++;
          await service.issueToken(
            { pollId: servicePoll.id, residentId: residents[i], blindedMessage: serviceBlinded[i].blindedMessage },
            'benchmark',
          );
          serviceIssued++;
        }
      }),
    );
    const serviceSeconds = (performance.now() - serviceStarted) / 1000;
    const serviceCpuMs = mainThreadCpuMs() - serviceCpu;
    const serviceFigures = {
      tokens: serviceIssued,
      seconds: round(serviceSeconds, 2),
      tokensPerSecond: round(serviceIssued / serviceSeconds),
      mainThreadCpuMsPerToken: round(serviceCpuMs / serviceIssued, 3),
      tokensPerServerCpuSecond: round((serviceIssued * 1000) / serviceCpuMs),
    };

    // blind-sign alone, on a fresh RSA-2048 key (the same parameters as a poll's).
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
    const keys = {
      publicKey: pair.publicKey,
      privateKey: pair.privateKey,
      publicKeyDer: pair.publicKey.export({ type: 'spki', format: 'der' }),
    };
    const signer = new PollTokenKeys(t.app.db, 'benchmark-only-secret');
    const messages = blindWith(rsaKey(pair.publicKey), count).map((b) => Buffer.from(b.blindedMessage, 'base64url'));
    for (const m of messages.slice(0, 100)) signer.blindSign(keys, m);
    const signCpu = mainThreadCpuMs();
    const signStarted = performance.now();
    for (const m of messages) signer.blindSign(keys, m);
    const signSeconds = (performance.now() - signStarted) / 1000;
    const signCpuMs = mainThreadCpuMs() - signCpu;
    const signFigures = {
      signatures: count,
      seconds: round(signSeconds, 2),
      signaturesPerSecond: round(count / signSeconds),
      mainThreadCpuMsPerSignature: round(signCpuMs / count, 3),
      signaturesPerServerCpuSecond: round((count * 1000) / signCpuMs),
    };

    const checks = {
      tokensPerSecond: {
        required: `issuePollToken over HTTP ≥ ${REQUIRED.tokensPerSecond} tokens/s (one server process)`,
        measured: httpFigures.tokensPerSecond,
        pass: httpFigures.tokensPerSecond >= REQUIRED.tokensPerSecond && httpFigures.refusedOrErrors === 0,
      },
    };
    const trivialRps = trivial.requestsPerSecond;
    process.stdout.write('\n');
    printTable([
      {
        measurement: 'trivial-query (baseline)',
        'per second': Math.round(trivialRps),
        'p50 ms': trivial.latencyMs.p50,
        'p99 ms': trivial.latencyMs.p99,
        'CPU ms each': '–',
        'per CPU-second': '–',
        '÷ trivial': 1,
      },
      {
        measurement: 'issue-http (the bar)',
        'per second': Math.round(httpFigures.tokensPerSecond),
        'p50 ms': httpFigures.latencyMs.p50,
        'p99 ms': httpFigures.latencyMs.p99,
        'CPU ms each': httpFigures.serverMainThreadCpuMsPerToken,
        'per CPU-second': Math.round(httpFigures.tokensPerServerCpuSecond),
        '÷ trivial': round(httpFigures.tokensPerSecond / trivialRps, 3),
      },
      {
        measurement: 'issue-service',
        'per second': Math.round(serviceFigures.tokensPerSecond),
        'p50 ms': '–',
        'p99 ms': '–',
        'CPU ms each': serviceFigures.mainThreadCpuMsPerToken,
        'per CPU-second': Math.round(serviceFigures.tokensPerServerCpuSecond),
        '÷ trivial': round(serviceFigures.tokensPerSecond / trivialRps, 3),
      },
      {
        measurement: 'blind-sign',
        'per second': Math.round(signFigures.signaturesPerSecond),
        'p50 ms': '–',
        'p99 ms': '–',
        'CPU ms each': signFigures.mainThreadCpuMsPerSignature,
        'per CPU-second': Math.round(signFigures.signaturesPerServerCpuSecond),
        '÷ trivial': round(signFigures.signaturesPerSecond / trivialRps, 3),
      },
    ]);
    process.stdout.write(
      "(CPU ms each: the server process's main thread, /proc/self/task; the load generator and PostgreSQL not counted. per CPU-second: 1000 ÷ CPU ms each, the rate with a core to itself)\n\n",
    );
    printTable(
      Object.entries(checks).map(([bar, c]) => ({ bar, required: c.required, measured: c.measured, pass: c.pass ? 'PASS' : 'FAIL' })),
    );

    const failed = Object.entries(checks)
      .filter(([, c]) => !c.pass)
      .map(([bar]) => bar);
    const written = writeResult(
      NAME,
      {
        description:
          'Blind-signed poll tokens (RFC 9474, RSA-2048) issued once a person is verified, for a RESIDENT_LIST poll (listed member numbers): issue-http = issuePollToken over HTTP through Apollo Server (eligibility check, issuance row, blind signature) — the bar; issue-service = ParticipationService.issueToken in-process; blind-sign = PollTokenKeys.blindSign alone. One server process: its JavaScript and the synchronous OpenSSL signing run on one thread, i.e. one core.',
        measuredHow:
          'issue-http: autocannon (1 worker thread), a fixed number of requests each with its own identifier and blinded message (bench/lib/next-body.cjs), 200 unrecorded first; tokens/s = tokens ÷ wall time of the run. Blinded messages prepared beforehand with bench/lib/participation.ts (RFC 9474 blinding with native BigInt)',
        required: REQUIRED,
        pass: failed.length === 0,
        checks,
        beside: `With a core to itself the server thread would issue ${Math.round(httpFigures.tokensPerServerCpuSecond)} tokens/s over HTTP (tokens ÷ its own CPU seconds; PostgreSQL's CPU not counted); the bar is checked on the wall-clock rate of this shared machine.`,
        settings: {
          tokens: count,
          connections,
          server:
            "in-process (tests/helpers/app startTestApp), LOG_LEVEL silent, VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN 1e9, DATABASE_POOL_SIZE 10; Error.prepareStackTrace reset to V8's",
        },
        database,
        baselines: { 'trivial-query': { connections, requestsPerSecond: trivialRps, latencyMs: trivial.latencyMs } },
        ratios: {
          'issue-http': { 'trivial-query': round(httpFigures.tokensPerSecond / trivialRps, 3) },
          'issue-service': { 'trivial-query': round(serviceFigures.tokensPerSecond / trivialRps, 3) },
        },
        scenarios: [
          { name: 'issue-http', ...httpFigures },
          { name: 'issue-service', ...serviceFigures },
          { name: 'blind-sign', ...signFigures },
        ],
        failed,
      },
      { machine: startedOn },
    );
    process.stdout.write(`[bench] wrote ${written}\n`);
    if (failed.length) {
      process.stderr.write(`[bench] ${NAME}: bars missed: ${failed.join(', ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await t?.close();
    await globalTeardown();
    rmSync(bodyDir, { recursive: true, force: true });
  }
}
