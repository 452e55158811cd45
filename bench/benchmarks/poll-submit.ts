/**
 * poll-submit: answering a poll through the one GraphQL pipeline (`submitPollResponse` through
 * Apollo Server, every answer validated, the answer written to the answer mix and moved to the
 * response tables in shuffled batches of at least k by the mixer on its timer), next to the
 * baselines measured in the same run:
 *   plain-http        a bare node:http server answering a tiny JSON body (the ceiling);
 *   trivial-query     `{ __typename }` through the real GraphQL stack, no database, at the same
 *                     concurrency as the submissions (the bars' baseline);
 *   trivial-query-10  the same at 10 connections, where it is fastest (shown beside, not the bar).
 *
 * Scenarios: `submit` (OPEN poll, every request with its own solved ALTCHA challenge: the bar),
 * `submit-unchallenged` (the same without a challenge: what the proof-of-work check costs),
 * `submit-verified` (RESIDENT_LIST poll, every request with its own blind token: the token check),
 * `submit-refused` (an NPS of 11: refused before any SQL).
 *
 * Concurrency: 50 connections. A submission is acknowledged only once its transaction has
 * committed, so each client waits out a commit; concurrent submissions share one (group commit).
 *
 * The bars (issue 13): challenged submissions ≥ 0.5 × the trivial query's req/s, p99 under 100 ms
 * in every round; verified submissions ≥ 0.4 ×; no acknowledged answer lost or stored twice
 * (after a last flushAll of the mix and fold, rows are compared with the 200-OK answers).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { createPoll, type CreatedPoll } from '../../tests/helpers/polls';
import { DEMO_SATISFACTION_SURVEY } from '../../server/src/seed/demo-polls';
import {
  load,
  loadSettings,
  machine,
  measure,
  plainHttpBaseline,
  printTable,
  problems,
  throughputRatios,
  writeResult,
  type Measured,
  type Scenario,
} from '../lib';
import { eligibilityList, memberNumbers, residentTokens, solvedChallenges } from '../lib/participation';
import { SUBMIT_MUTATION, surveySubmission } from '../lib/survey-submission';

const NAME = 'poll-submit';
const BASELINES = { 'trivial-query': 'trivial-query', 'trivial-query-10': 'trivial-query-10', 'plain-http': 'plain-http' };
const REQUIRED = { submitToTrivialRatio: 0.5, verifiedToTrivialRatio: 0.4, p99Ms: 100 } as const;
/** Requests of the exact-accounting run (a fixed number, so none is in flight when it ends). */
const EXACT_RUN_REQUESTS = 3000;
/** Seconds per round of the verified scenario: each request spends a token issued beforehand (blind signing is the slow part of preparing). */
const VERIFIED_SECONDS = 2;

const JSON_HEADERS = { 'content-type': 'application/json' };

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function graphqlData(body: string): Record<string, any> {
  const parsed = JSON.parse(body) as { data?: Record<string, any>; errors?: unknown[] };
  if (parsed.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(parsed.errors)}`);
  if (!parsed.data) throw new Error('no data');
  return parsed.data;
}

interface Rows {
  participations: number;
  /** Answers waiting in the answer mix (not yet moved to the response tables). */
  mixed: number;
  responses: number;
  answers: number;
  queued: number;
  tallied: number;
}

async function rows(t: TestApp, pollId: string): Promise<Rows> {
  const [row] = (await t.app.db.query(
    `SELECT (SELECT count(*) FROM poll_participation WHERE poll_id = $1)::int AS participations,
            (SELECT count(*) FROM poll_answer_mix WHERE poll_id = $1)::int AS mixed,
            (SELECT count(*) FROM poll_response WHERE poll_id = $1)::int AS responses,
            (SELECT count(*) FROM poll_answer a JOIN poll_response r ON r.id = a.response_id WHERE r.poll_id = $1)::int AS answers,
            (SELECT count(*) FROM poll_tally_queue q JOIN poll_response r ON r.id = q.response_id AND r.poll_id = q.poll_id WHERE q.poll_id = $1)::int AS queued,
            (SELECT coalesce(sum(responses), 0) FROM poll_response_tally WHERE poll_id = $1)::int AS tallied`,
    [pollId],
  )) as Rows[];
  return row;
}

/** Waits until the poll's participation count stops moving (requests cut off at the end of a run may still commit). */
async function settled(t: TestApp, pollId: string): Promise<Rows> {
  let last = await rows(t, pollId);
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await rows(t, pollId);
    if (now.participations === last.participations) return now;
    last = now;
  }
}

/** What a writing scenario submits to: the poll it measures and the one its warm-up fills. */
interface Writing {
  scenario: Scenario;
  poll: CreatedPoll;
  warmupPoll: CreatedPoll;
  /** Bodies for a run against `poll`, each used once (a JSON-lines file), when every request must differ. */
  bodies?(poll: CreatedPoll, count: number): Promise<string>;
  /** Requests a second seen in the warm-up: how many bodies a timed run needs. */
  rate?: number;
}

export default async function pollSubmit(): Promise<void> {
  // The benchmark runs the server's TypeScript through @swc-node/register, which installs
  // source-map-support: every error's stack is then source-mapped, which made a refused
  // submission cost 2–3× more than in production (`node dist/main.js`, no source maps). Back to V8's own.
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  const settings = loadSettings({ connections: 50, durationSeconds: 5, rounds: 3, warmupSeconds: 2 });
  const startedOn = machine();
  const bodyDir = mkdtempSync(path.join(os.tmpdir(), 'nabz-bench-bodies-'));
  let bodyFiles = 0;
  const writeBodies = (bodies: unknown[]) => {
    const file = path.join(bodyDir, `${++bodyFiles}.jsonl`);
    writeFileSync(file, bodies.map((b) => JSON.stringify(b)).join('\n'));
    return file;
  };

  await globalSetup();
  const database = { mode: process.env.NABZ_TEST_DB_MODE === 'server' ? 'postgresql' : 'pglite (embedded fallback)', version: '' };
  const plain = await plainHttpBaseline();
  let t: TestApp | undefined;
  try {
    t = await startTestApp({
      env: {
        LOG_LEVEL: 'silent',
        // The per-address limits would refuse a load generator on one address.
        SUBMISSIONS_PER_MINUTE: '1000000000',
        UNCHALLENGED_SUBMISSIONS_PER_HOUR: '1000000000',
        VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN: '1000000000',
        // The least work a challenge may ask (the server's floor): the benchmark solves tens of
        // thousands beforehand; the server's check costs the same whatever the counter.
        ALTCHA_MAX_COUNTER: '100',
        // The server's own default pool (the tests use 5).
        DATABASE_POOL_SIZE: '10',
        // The server's defaults: the mixer moves answers and the fold runs every second during the
        // load, as in production (the tests' helper turns both timers off).
        TALLY_INTERVAL_MS: '1000',
        ANSWER_MIX_INTERVAL_MS: '1000',
      },
    });
    const app = t;
    const [{ server_version: version }] = (await t.app.db.query('SHOW server_version')) as Array<{ server_version: string }>;
    database.version = version;
    process.stdout.write(
      `[bench] database: ${database.mode} ${version}; ${settings.connections} connections, ${settings.rounds} × ${settings.durationSeconds} s per scenario\n`,
    );

    const editor = await t.signIn('editor');
    const [district] = (await t.app.db.query('SELECT id FROM district ORDER BY code LIMIT 1')) as Array<{ id: string }>;
    // The demo survey as it ships (results PUBLIC, OPEN assurance).
    const survey = (extra: Record<string, unknown> = {}) => createPoll(app, editor, { ...DEMO_SATISFACTION_SURVEY, ...extra });
    const answersPerResponse = DEMO_SATISFACTION_SURVEY.questions.length;

    // Verified: one eligibility list of member numbers for every RESIDENT_LIST poll of the run
    // (tokens are per poll, so each listed number may answer each poll once).
    const residents = memberNumbers(Number(process.env.BENCH_RESIDENTS ?? 20000));
    const listStarted = performance.now();
    const listId = await eligibilityList(t.graphqlUrl, editor, residents);
    process.stderr.write(`  eligibility list of ${residents.length} member numbers in ${Math.round(performance.now() - listStarted)} ms\n`);
    const verifiedSurvey = () => survey({ assurance: 'RESIDENT_LIST', eligibilityListId: listId });

    const accepted = (poll: CreatedPoll) => (status: number, text: string) => {
      expect(status === 200, `HTTP ${status}`);
      expect(graphqlData(text).submitPollResponse?.pollId === poll.id, 'not accepted');
    };
    const preparing = { challenges: 0, challengeMs: 0, tokens: 0, tokenMs: 0 };
    const challengedBodies = async (poll: CreatedPoll, count: number) => {
      const started = performance.now();
      const payloads = await solvedChallenges(app.graphqlUrl, count);
      preparing.challenges += count;
      preparing.challengeMs += performance.now() - started;
      process.stderr.write(`  ${count} challenges fetched and solved in ${Math.round(performance.now() - started)} ms\n`);
      return writeBodies(payloads.map((challenge) => surveySubmission(poll, district.id, { challenge })));
    };
    // Each verified poll's residents are used in order: a resident's token for a poll is issued once.
    const usedResidents = new Map<string, number>();
    const verifiedBodies = async (poll: CreatedPoll, count: number) => {
      const from = usedResidents.get(poll.id) ?? 0;
      if (from + count > residents.length)
        throw new Error(
          `the eligibility list has ${residents.length} members; ${from + count} tokens asked of poll ${poll.id} (raise BENCH_RESIDENTS)`,
        );
      usedResidents.set(poll.id, from + count);
      const started = performance.now();
      const tokens = await residentTokens(app.graphqlUrl, poll.id, residents.slice(from, from + count));
      preparing.tokens += count;
      preparing.tokenMs += performance.now() - started;
      process.stderr.write(`  ${count} tokens blinded, issued and unblinded in ${Math.round(performance.now() - started)} ms\n`);
      return writeBodies(tokens.map((pollToken) => surveySubmission(poll, district.id, { pollToken })));
    };
    const firstBody = async (w: Omit<Writing, 'scenario'>) => {
      if (!w.bodies) return surveySubmission(w.poll, district.id);
      const file = await w.bodies(w.poll, 1);
      return JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
    };
    const writingScenario = async (
      name: string,
      description: string,
      make: () => Promise<CreatedPoll>,
      bodies?: Writing['bodies'],
      durationSeconds?: number,
    ): Promise<Writing> => {
      // Each writing scenario has its own poll, and its warm-up another: a poll's rows are exactly its probe's and rounds'.
      const [poll, warmupPoll] = [await make(), await make()];
      const w: Writing = { poll, warmupPoll, bodies, scenario: undefined as unknown as Scenario };
      w.scenario = {
        name,
        description,
        url: app.graphqlUrl,
        method: 'POST',
        headers: JSON_HEADERS,
        body: await firstBody(w),
        check: accepted(poll),
        durationSeconds,
        // A run sends exactly the bodies made for it: as many as the last run's rate (at least 1,000/s) would send in `seconds`.
        bodiesFor: bodies
          ? async (seconds) => {
              const count = Math.ceil(Math.max(w.rate ?? 0, 1000) * seconds);
              return { file: await bodies(poll, count), count };
            }
          : undefined,
        onResult: (result) => {
          w.rate = result.requestsPerSecond;
        },
      };
      return w;
    };
    const submit = await writingScenario(
      'submit',
      `submitPollResponse to the demo satisfaction survey as it ships (OPEN, results PUBLIC), each request with its own solved ALTCHA challenge (altchaChallenge, solved beforehand): a new respondent each time (no token, no cookie: the server issues one), ${answersPerResponse} answers, all checked, district given; through Apollo Server into the answer mix. The bars.`,
      () => survey(),
      challengedBodies,
    );
    const unchallenged = await writingScenario(
      'submit-unchallenged',
      'The same submission without a challenge (a form sent without JavaScript: stored as UNCHALLENGED): the difference to `submit` is what verifying and spending the challenge costs.',
      () => survey(),
    );
    const verified = await writingScenario(
      'submit-verified',
      `The same answers to a RESIDENT_LIST poll, each request with its own blind token (issuePollToken for a listed member number, unblinded), so the server verifies the RSA-PSS signature and spends the token. ${VERIFIED_SECONDS} s a round (the tokens are issued beforehand). The verified bar.`,
      verifiedSurvey,
      verifiedBodies,
      VERIFIED_SECONDS,
    );
    const refusedPoll = await survey();
    const refusedBody = surveySubmission(refusedPoll, district.id);
    refusedBody.variables.input.answers[3] = { questionId: refusedPoll.questions[3].id, number: 11 };
    const refused: Scenario = {
      name: 'submit-refused',
      description:
        'The same request (no challenge) with an NPS of 11 (the 4th answer): refused with BAD_USER_INPUT by the answer checks, before any SQL.',
      url: t.graphqlUrl,
      method: 'POST',
      headers: JSON_HEADERS,
      body: refusedBody,
      check: (status, text) => {
        expect(status === 200, `HTTP ${status}`);
        const code = (JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;
        expect(code === 'BAD_USER_INPUT', `expected BAD_USER_INPUT, got ${code}`);
      },
    };
    const trivial: Scenario = {
      name: 'trivial-query',
      description: 'Baseline: { __typename } through the real GraphQL stack (no database)',
      url: t.graphqlUrl,
      method: 'POST',
      headers: JSON_HEADERS,
      body: { query: '{ __typename }' },
      check: (status, text) => {
        expect(status === 200, `HTTP ${status}`);
        expect(graphqlData(text).__typename === 'Query', 'no __typename');
      },
    };
    const writing = [submit, unchallenged, verified];
    const scenarios: Scenario[] = [
      {
        name: 'plain-http',
        description: 'Baseline: bare node:http server answering a tiny JSON body',
        url: plain.url,
        method: 'POST',
        headers: JSON_HEADERS,
        body: { query: '{ __typename }' },
        check: (status) => expect(status === 200, `HTTP ${status}`),
      },
      trivial,
      {
        ...trivial,
        name: 'trivial-query-10',
        description:
          "The trivial query at 10 connections, where it is fastest (the submissions' ratio to it is shown; the bar compares like with like)",
        connections: 10,
      },
      submit.scenario,
      unchallenged.scenario,
      verified.scenario,
      refused,
    ];

    // SQL statements per request, counted on the warm-up polls (the definition is cached for 2 s: a second submission shows the usual count).
    const sqlPerRequest: Record<string, number> = { 'plain-http': 0, 'trivial-query': 0 };
    for (const w of writing) {
      const body = await firstBody({ ...w, poll: w.warmupPoll });
      const again = await firstBody({ ...w, poll: w.warmupPoll });
      await t.gql(SUBMIT_MUTATION, body.variables);
      const before = t.sqlCount();
      const res = await t.gql(SUBMIT_MUTATION, again.variables);
      expect(!res.body.errors, `probe submission failed: ${JSON.stringify(res.body.errors)}`);
      sqlPerRequest[w.scenario.name] = t.sqlCount() - before;
    }
    {
      await t.gql(SUBMIT_MUTATION, refusedBody.variables);
      const before = t.sqlCount();
      await t.gql(SUBMIT_MUTATION, refusedBody.variables);
      sqlPerRequest[refused.name] = t.sqlCount() - before;
    }

    // Warm-up outside measure(), each writing scenario submitting to its warm-up poll; a writing
    // scenario's warm-up rate sizes the bodies its timed runs get.
    if (settings.warmupSeconds > 0) {
      for (const s of scenarios) {
        const w = writing.find((x) => x.scenario === s);
        const seconds = Math.min(settings.warmupSeconds, s.durationSeconds ? s.durationSeconds / 2 : Infinity);
        process.stderr.write(`  warm-up ${s.name} (${seconds} s)\n`);
        const amount = w?.bodies ? Math.ceil(2000 * seconds) : undefined;
        const bodiesFile = w?.bodies && amount ? await w.bodies(w.warmupPoll, amount) : undefined;
        const result = await load(s.url, {
          method: 'POST',
          headers: s.headers,
          body: w ? surveySubmission(w.warmupPoll, district.id) : s.body,
          connections: s.connections ?? settings.connections,
          durationSeconds: seconds,
          bodiesFile,
          amount,
        });
        if (w) w.rate = result.requestsPerSecond;
      }
    }

    const measured = await measure(scenarios, { ...settings, warmupSeconds: 0 });
    const ratios = throughputRatios(measured, BASELINES);
    const byName = (name: string) => measured.find((m) => m.name === name)!;

    // Accounting per measured poll. Acknowledged = the probe's answer + every 200 OK with the
    // expected body. A request cut off when a round ends (at most one per connection: autocannon
    // destroys its sockets) may still commit without being acknowledged: that is the only slack.
    const accounting: Record<string, Record<string, unknown>> = {};
    let foldMs = 0;
    for (const w of writing) {
      const m = byName(w.scenario.name);
      const acknowledged = 1 + m.rounds.reduce((s, r) => s + r.total - r.non2xx - r.mismatches, 0);
      const cutOff = m.rounds.length * settings.connections + m.rounds.reduce((s, r) => s + r.errors, 0);
      const before = await settled(t, w.poll.id);
      // What still waits in the mix (fewer than 2k, or what arrived since the mixer's last tick) is moved now, and folded.
      const foldStarted = performance.now();
      await t.app.services.answerMix.flushAll();
      await t.app.services.pollTallies.foldAll();
      foldMs += performance.now() - foldStarted;
      const after = await rows(t, w.poll.id);
      accounting[w.scenario.name] = {
        acknowledged,
        unacknowledgedAtMost: cutOff,
        rowsBeforeLastFold: before,
        rows: after,
        noneLost: after.responses >= acknowledged && after.participations >= acknowledged && after.mixed === 0,
        noneDuplicated: after.responses <= acknowledged + cutOff,
        consistent:
          after.participations === after.responses &&
          after.answers === after.responses * answersPerResponse &&
          after.tallied === after.responses &&
          after.queued === 0,
      };
    }

    // Exact accounting: a fixed number of requests, so every one is answered before the run ends.
    process.stderr.write(`  exact-accounting run: ${EXACT_RUN_REQUESTS} challenged submissions\n`);
    const exactPoll = await survey();
    const expectBody = await (
      await fetch(t.graphqlUrl, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify(await firstBody({ ...submit, poll: exactPoll })),
      })
    ).text();
    expect(graphqlData(expectBody).submitPollResponse?.pollId === exactPoll.id, 'exact-run probe not accepted');
    const exactBodies = await challengedBodies(exactPoll, EXACT_RUN_REQUESTS);
    process.env.BENCH_BODIES_FILE = exactBodies;
    process.env.BENCH_EXPECT_BODY = expectBody;
    const exact = await autocannon({
      url: t.graphqlUrl,
      method: 'POST',
      headers: JSON_HEADERS,
      connections: settings.connections,
      pipelining: 1,
      timeout: 10,
      workers: 1,
      verifyBody: path.resolve(__dirname, '../lib/expect-body.cjs'),
      amount: EXACT_RUN_REQUESTS,
      requests: [{ setupRequest: path.resolve(__dirname, '../lib/next-body.cjs') }],
    });
    const exactWaiting = await settled(t, exactPoll.id);
    await t.app.services.answerMix.flushAll();
    await t.app.services.pollTallies.foldAll();
    const exactRows = await rows(t, exactPoll.id);
    const exactAcknowledged = 1 + exact['2xx'] - exact.mismatches;
    const exactAccounting = {
      requests: EXACT_RUN_REQUESTS + 1,
      answered2xx: exact['2xx'] + 1,
      refusedOrErrors: exact.mismatches + exact.non2xx + exact.errors,
      acknowledged: exactAcknowledged,
      requestsPerSecond: Math.round(exact.requests.mean),
      latencyMs: { p50: exact.latency.p50, p99: exact.latency.p99, max: exact.latency.max },
      rowsBeforeFlush: exactWaiting,
      rows: exactRows,
      exact:
        exactRows.mixed === 0 &&
        exactRows.participations === exactAcknowledged &&
        exactRows.responses === exactAcknowledged &&
        exactRows.answers === exactAcknowledged * answersPerResponse &&
        exactRows.tallied === exactAcknowledged,
    };

    const bar = byName('submit');
    const worstP99 = Math.max(...bar.rounds.map((r) => r.latencyMs.p99));
    const ratio = ratios.submit['trivial-query'];
    const verifiedRatio = ratios['submit-verified']['trivial-query'];
    const all = (key: string) => writing.every((w) => accounting[w.scenario.name][key] === true);
    const refusals =
      writing.reduce((s, w) => s + byName(w.scenario.name).mismatches + byName(w.scenario.name).non2xx, 0) +
      exactAccounting.refusedOrErrors;
    const checks = {
      throughput: {
        required: `submit req/s ≥ ${REQUIRED.submitToTrivialRatio} × trivial-query req/s`,
        measured: ratio,
        pass: ratio !== null && ratio >= REQUIRED.submitToTrivialRatio,
      },
      verifiedThroughput: {
        required: `submit-verified req/s ≥ ${REQUIRED.verifiedToTrivialRatio} × trivial-query req/s`,
        measured: verifiedRatio,
        pass: verifiedRatio !== null && verifiedRatio >= REQUIRED.verifiedToTrivialRatio,
      },
      p99: { required: `submit p99 < ${REQUIRED.p99Ms} ms in every round`, measured: worstP99, pass: worstP99 < REQUIRED.p99Ms },
      noneLost: {
        required:
          'every acknowledged answer is stored (participation; after the last flushAll of the mix: response, answers, tally, nothing left in the mix)',
        measured: `${writing.map((w) => `${w.scenario.name}: ${(accounting[w.scenario.name].rows as Rows).responses} stored for ${accounting[w.scenario.name].acknowledged} acknowledged`).join('; ')}; exact run: ${exactRows.responses} for ${exactAcknowledged}`,
        pass: all('noneLost') && exactAccounting.exact,
      },
      noneDuplicated: {
        required: 'no response stored twice: stored ≤ acknowledged + requests cut off at the ends of rounds; exact run equal',
        measured: `${writing.map((w) => `${w.scenario.name}: ≤ ${accounting[w.scenario.name].acknowledged as number} + ${accounting[w.scenario.name].unacknowledgedAtMost as number}`).join('; ')}; exact run equal: ${exactAccounting.exact}`,
        pass: all('noneDuplicated') && all('consistent') && exactAccounting.exact,
      },
      noAlreadyResponded: {
        required: 'zero ALREADY_RESPONDED (or any other refusal) with distinct respondents',
        measured: refusals,
        pass: refusals === 0,
      },
    };

    process.stdout.write('\n');
    printTable(
      measured.map((m) => ({
        scenario: m.name,
        'req/s': Math.round(m.requestsPerSecond),
        'min–max': `${Math.round(m.requestsPerSecondRange[0])}–${Math.round(m.requestsPerSecondRange[1])}`,
        conns: m.name === 'trivial-query-10' ? 10 : settings.connections,
        'p50 ms': m.latencyMs.p50,
        'p99 ms': m.latencyMs.p99,
        'SQL/req': sqlPerRequest[m.name],
        'CPU ms/req': cpuPerRequest(m),
        errors: m.errors,
        'non-2xx': m.non2xx,
        'bad body': m.mismatches,
        '÷ trivial': ratios[m.name]['trivial-query'],
        '÷ trivial@10': ratios[m.name]['trivial-query-10'],
        '÷ plain': ratios[m.name]['plain-http'],
      })),
    );
    process.stdout.write(
      "(req/s: mean of the rounds; ÷ trivial, ÷ plain: req/s as a fraction of that baseline in this run; CPU ms/req: the server process's main thread, load generator and PostgreSQL excluded)\n\n",
    );
    printTable(
      Object.entries(checks).map(([name, c]) => ({
        bar: name,
        required: c.required,
        measured: String(c.measured),
        pass: c.pass ? 'PASS' : 'FAIL',
      })),
    );
    process.stdout.write(
      `\nexact run: ${exactAccounting.requests} requests, ${exactAcknowledged} acknowledged, rows ${JSON.stringify(exactRows)}, ${exactAccounting.requestsPerSecond} req/s, p99 ${exact.latency.p99} ms\n`,
    );

    // The scenarios' own problems, except the refused one's expected errors (its bodies are checked instead).
    const trouble = problems(measured);
    const failed = Object.entries(checks)
      .filter(([, c]) => !c.pass)
      .map(([name]) => name);
    const file = writeResult(
      NAME,
      {
        description:
          'submitPollResponse over HTTP through Apollo Server (the one submission pipeline), answers into the answer mix and moved by the mixer every second, next to a plain node:http server and a trivial GraphQL query measured in the same run at the same concurrency. Ratios are req/s ÷ baseline req/s. `submit`: OPEN poll, each request a new respondent with its own solved ALTCHA challenge (the throughput and p99 bars); `submit-verified`: RESIDENT_LIST poll, each request with its own blind token (the verified bar); `submit-unchallenged` and `submit-refused` show where the time goes; `trivial-query-10` is the trivial query at its best concurrency.',
        required: {
          submitToTrivialRatio: REQUIRED.submitToTrivialRatio,
          verifiedToTrivialRatio: REQUIRED.verifiedToTrivialRatio,
          p99Ms: REQUIRED.p99Ms,
          noneLost: true,
          noneDuplicated: true,
          alreadyResponded: 0,
        },
        pass: failed.length === 0 && trouble.length === 0,
        checks,
        settings: {
          ...settings,
          loadGenerator: 'autocannon 8.0.0, 1 worker thread, pipelining 1, same machine, 127.0.0.1',
          server:
            "in-process (tests/helpers/app startTestApp), LOG_LEVEL silent, SUBMISSIONS_PER_MINUTE, UNCHALLENGED_SUBMISSIONS_PER_HOUR and VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN 1e9, ALTCHA_MAX_COUNTER 100, DATABASE_POOL_SIZE 10, ANSWER_MIX_K 10 (default), the mixer (ANSWER_MIX_INTERVAL_MS) and the tally fold (TALLY_INTERVAL_MS) every 1 s during the load; Error.prepareStackTrace reset to V8's (no source-mapped stacks, as in production)",
          bodies:
            "submit and submit-verified send a different body each request (bench/lib/next-body.cjs in autocannon's worker): challenges fetched with altchaChallenge and solved, tokens issued with issuePollToken for listed member numbers and unblinded, all before each timed run; each of their runs sends exactly the bodies made for it (autocannon `amount`: the last run's rate × the round's seconds, at least 1,000/s), so its length varies around the round's",
          preparing: { ...preparing, challengeMs: Math.round(preparing.challengeMs), tokenMs: Math.round(preparing.tokenMs) },
          concurrency: 'every scenario at `connections`, except trivial-query-10 (10)',
          respondents:
            'no respondentToken and no cookie: the server issues a new token per request, so every request is a new respondent; only `pollId` is selected, so every accepted answer has the same body',
          survey: 'the demo satisfaction survey (server/src/seed/demo-polls.ts): 2 single choices, rating, NPS, free text; asksDistrict',
        },
        database,
        baselines: Object.fromEntries(Object.entries(BASELINES).map(([label, name]) => [label, summary(byName(name))])),
        ratios,
        accounting: { ...accounting, exactRun: exactAccounting, foldAfterRunsMs: Math.round(foldMs) },
        scenarios: measured.map((m) => ({
          ...m,
          sqlPerRequest: sqlPerRequest[m.name],
          serverCpuMsPerRequest: cpuPerRequest(m),
          ratios: ratios[m.name],
        })),
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
    rmSync(bodyDir, { recursive: true, force: true });
    await globalTeardown();
  }
}

/**
 * The in-process server's main-thread CPU time per request over the scenario's rounds (ms; the
 * mixer and the fold on their timers included, the load generator's thread and PostgreSQL not).
 * Not the server's for plain-http, whose server shares that thread.
 */
function cpuPerRequest(m: Measured): number {
  const total = m.rounds.reduce((s, r) => s + r.total, 0);
  return total ? Math.round((m.rounds.reduce((s, r) => s + (r.mainThreadCpuMs ?? 0), 0) / total) * 1000) / 1000 : 0;
}

function summary(m: Measured) {
  return {
    scenario: m.name,
    requestsPerSecond: m.requestsPerSecond,
    requestsPerSecondRange: m.requestsPerSecondRange,
    latencyMs: m.latencyMs,
  };
}
