/**
 * poll-submit: answering a poll through the real HTTP GraphQL path (`submitPollResponse`, every
 * answer validated, the one-response-per-respondent constraint on), each request a new respondent,
 * next to the baselines measured in the same run:
 *   plain-http        a bare node:http server answering a tiny JSON body (the ceiling);
 *   trivial-query     `{ __typename }` through the real GraphQL stack, no database, at the same
 *                     concurrency as the submissions (the bar's baseline);
 *   trivial-query-10  the same at 10 connections, where it is fastest (shown beside, not the bar).
 *
 * Concurrency: 50 connections. A submission is acknowledged only once its transaction has
 * committed, so each client waits out a commit; concurrent submissions share one (group commit,
 * poll-submission.service.ts). With few clients the server idles between commits whatever its
 * speed; a poll in the news has thousands of citizens answering within minutes. Every scenario of
 * the bar runs at the same 50 connections (BENCH_CONNECTIONS changes it).
 *
 * The bars (issue requirement 8): submissions reach at least 75 % of the trivial query's req/s,
 * p99 under 100 ms in every round, and no acknowledged response is lost or stored twice (rows in
 * poll_participation / poll_response / poll_answer / the tallies are compared with the 200-OK
 * answers the load generator saw).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { startTestApp, type TestApp } from '../../tests/helpers/app';
import globalSetup from '../../tests/helpers/global-setup';
import globalTeardown from '../../tests/helpers/global-teardown';
import { createPoll, type CreatedPoll } from '../../tests/helpers/polls';
import { DEMO_SATISFACTION_SURVEY } from '../../server/src/seed/demo-polls';
import { load, loadSettings, machine, measure, plainHttpBaseline, printTable, problems, throughputRatios, writeResult, type Measured, type Scenario } from '../lib';

const NAME = 'poll-submit';
const BASELINES = { 'trivial-query': 'trivial-query', 'trivial-query-10': 'trivial-query-10', 'plain-http': 'plain-http' };
const REQUIRED = { submitToTrivialRatio: 0.75, p99Ms: 100 } as const;
/** Requests of the exact-accounting run (a fixed number, so none is in flight when it ends). */
const EXACT_RUN_REQUESTS = 3000;

const JSON_HEADERS = { 'content-type': 'application/json' };
/** Only `pollId` is selected, so every accepted answer has the same body (the token comes back as a cookie). */
const SUBMIT = 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }';
/** The same, in a shape the submission fast path leaves to Apollo Server (a directive): the general path's cost. */
const SUBMIT_GENERAL = 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId @include(if: true) } }';

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function graphqlData(body: string): Record<string, any> {
  const parsed = JSON.parse(body) as { data?: Record<string, any>; errors?: unknown[] };
  if (parsed.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(parsed.errors)}`);
  if (!parsed.data) throw new Error('no data');
  return parsed.data;
}

/** A full response to the benchmark survey: one answer to each of its questions (free text included). */
function submission(poll: CreatedPoll, districtId: string, query = SUBMIT): { query: string; variables: { input: { pollId: string; districtId: string; answers: Array<Record<string, unknown>> } } } {
  const [satisfaction, priority, cleanliness, nps, suggestion] = poll.questions;
  return {
    query,
    variables: {
      input: {
        pollId: poll.id,
        districtId,
        answers: [
          { questionId: satisfaction.id, optionIds: [satisfaction.options[1].id] },
          { questionId: priority.id, optionIds: [priority.options[0].id] },
          { questionId: cleanliness.id, number: 4 },
          { questionId: nps.id, number: 8 },
          { questionId: suggestion.id, text: 'ایستگاه دوچرخه نزدیک پارک محله' },
        ],
      },
    },
  };
}

interface Rows {
  participations: number;
  responses: number;
  answers: number;
  queued: number;
  tallied: number;
}

async function rows(t: TestApp, pollId: string): Promise<Rows> {
  const [row] = (await t.app.db.query(
    `SELECT (SELECT count(*) FROM poll_participation WHERE poll_id = $1)::int AS participations,
            (SELECT count(*) FROM poll_response WHERE poll_id = $1)::int AS responses,
            (SELECT count(*) FROM poll_answer a JOIN poll_response r ON r.id = a.response_id WHERE r.poll_id = $1)::int AS answers,
            (SELECT count(*) FROM poll_tally_queue q JOIN poll_response r ON r.id = q.response_id AND r.poll_id = q.poll_id WHERE q.poll_id = $1)::int AS queued,
            (SELECT coalesce(sum(responses), 0) FROM poll_response_tally WHERE poll_id = $1)::int AS tallied`,
    [pollId],
  )) as Rows[];
  return row;
}

/** Waits until the poll's response count stops moving (requests cut off at the end of a run may still commit). */
async function settled(t: TestApp, pollId: string): Promise<Rows> {
  let last = await rows(t, pollId);
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await rows(t, pollId);
    if (now.responses === last.responses) return now;
    last = now;
  }
}

/** What a writing scenario submits to: the poll it measures and the one its warm-up fills. */
interface Writing {
  scenario: Scenario;
  poll: CreatedPoll;
  warmupPoll: CreatedPoll;
  query: string;
}

export default async function pollSubmit(): Promise<void> {
  // The benchmark runs the server's TypeScript through @swc-node/register, which installs
  // source-map-support: every error's stack is then source-mapped, which made a refused
  // submission cost 2–3× more than in production (`node dist/main.js`, no source maps). Back to V8's own.
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  const settings = loadSettings({ connections: 50, durationSeconds: 5, rounds: 3, warmupSeconds: 2 });
  const startedOn = machine();

  await globalSetup();
  const database = { mode: process.env.NABZ_TEST_DB_MODE === 'server' ? 'postgresql' : 'pglite (embedded fallback)', version: '' };
  const plain = await plainHttpBaseline();
  let t: TestApp | undefined;
  try {
    t = await startTestApp({
      env: {
        LOG_LEVEL: 'silent',
        // The per-address limit (30 a minute by default) would refuse a load generator on one address.
        SUBMISSIONS_PER_MINUTE: '1000000000',
        // The server's own default pool (the tests use 5).
        DATABASE_POOL_SIZE: '10',
        // The server's default: new responses are folded into the tallies every second during the
        // load, as in production (the tests' helper turns the timer off).
        TALLY_INTERVAL_MS: '1000',
      },
    });
    const app = t;
    const [{ server_version: version }] = (await t.app.db.query('SHOW server_version')) as Array<{ server_version: string }>;
    database.version = version;
    process.stdout.write(`[bench] database: ${database.mode} ${version}; ${settings.connections} connections, ${settings.rounds} × ${settings.durationSeconds} s per scenario\n`);

    const editor = await t.signIn('editor');
    const [district] = (await t.app.db.query('SELECT id FROM district ORDER BY code LIMIT 1')) as Array<{ id: string }>;
    // The demo survey as it ships (results PUBLIC).
    const survey = () => createPoll(app, editor, DEMO_SATISFACTION_SURVEY);
    const answersPerResponse = DEMO_SATISFACTION_SURVEY.questions.length;

    const accepted = (poll: CreatedPoll) => (status: number, text: string) => {
      expect(status === 200, `HTTP ${status}`);
      expect(graphqlData(text).submitPollResponse?.pollId === poll.id, 'not accepted');
    };
    const writingScenario = async (name: string, description: string, query: string): Promise<Writing> => {
      // Each writing scenario has its own poll, and its warm-up another: a poll's rows are exactly its probe's and rounds'.
      const [poll, warmupPoll] = [await survey(), await survey()];
      return { poll, warmupPoll, query, scenario: { name, description, url: app.graphqlUrl, method: 'POST', headers: JSON_HEADERS, body: submission(poll, district.id, query), check: accepted(poll) } };
    };
    const submit = await writingScenario(
      'submit',
      `submitPollResponse to the demo satisfaction survey as it ships (results PUBLIC): a new respondent each time (no token, no cookie: the server issues one), ${answersPerResponse} answers, all checked, district given; answered by the submission fast path. The bar.`,
      SUBMIT,
    );
    const submitGeneral = await writingScenario(
      'submit-general',
      'The same submission with `@include(if: true)` on its one field: a shape the fast path leaves to Apollo Server, so it shows what the general GraphQL path costs for the same work.',
      SUBMIT_GENERAL,
    );
    const refusedPoll = await survey();
    const refusedBody = submission(refusedPoll, district.id);
    refusedBody.variables.input.answers[3] = { questionId: refusedPoll.questions[3].id, number: 11 };
    const refused: Scenario = {
      name: 'submit-refused',
      description:
        'The same request with an NPS of 11 (the 4th answer): refused with BAD_USER_INPUT by the answer checks, before any SQL. The fast path leaves refusals to the general path, which checks again and answers.',
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
    const writing = [submit, submitGeneral];
    const scenarios: Scenario[] = [
      { name: 'plain-http', description: 'Baseline: bare node:http server answering a tiny JSON body', url: plain.url, method: 'POST', headers: JSON_HEADERS, body: { query: '{ __typename }' }, check: (status) => expect(status === 200, `HTTP ${status}`) },
      trivial,
      { ...trivial, name: 'trivial-query-10', description: 'The trivial query at 10 connections, where it is fastest (the submissions\' ratio to it is shown; the bar compares like with like)', connections: 10 },
      submit.scenario,
      submitGeneral.scenario,
      refused,
    ];

    // SQL statements per request, counted on the warm-up polls (the definition is cached for 2 s: a second submission shows the usual count).
    const sqlPerRequest: Record<string, number> = { 'plain-http': 0, 'trivial-query': 0 };
    for (const w of writing) {
      const body = submission(w.warmupPoll, district.id, w.query);
      await t.gql(w.query, body.variables);
      const before = t.sqlCount();
      const res = await t.gql(w.query, body.variables);
      expect(!res.body.errors, `probe submission failed: ${JSON.stringify(res.body.errors)}`);
      sqlPerRequest[w.scenario.name] = t.sqlCount() - before;
    }
    {
      await t.gql(SUBMIT, refusedBody.variables);
      const before = t.sqlCount();
      await t.gql(SUBMIT, refusedBody.variables);
      sqlPerRequest[refused.name] = t.sqlCount() - before;
    }

    // Warm-up outside measure(), each writing scenario submitting to its warm-up poll.
    if (settings.warmupSeconds > 0) {
      for (const s of scenarios) {
        process.stderr.write(`  warm-up ${s.name} (${settings.warmupSeconds} s)\n`);
        const w = writing.find((x) => x.scenario === s);
        await load(s.url, { method: 'POST', headers: s.headers, body: w ? submission(w.warmupPoll, district.id, w.query) : s.body, connections: s.connections ?? settings.connections, durationSeconds: settings.warmupSeconds });
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
      const foldStarted = performance.now();
      await t.app.services.pollTallies.foldAll();
      foldMs += performance.now() - foldStarted;
      const after = await rows(t, w.poll.id);
      accounting[w.scenario.name] = {
        acknowledged,
        unacknowledgedAtMost: cutOff,
        rowsBeforeLastFold: before,
        rows: after,
        noneLost: after.responses >= acknowledged && after.participations >= acknowledged,
        noneDuplicated: after.responses <= acknowledged + cutOff,
        consistent: after.participations === after.responses && after.answers === after.responses * answersPerResponse && after.tallied === after.responses && after.queued === 0,
      };
    }

    // Exact accounting: a fixed number of requests, so every one is answered before the run ends.
    process.stderr.write(`  exact-accounting run: ${EXACT_RUN_REQUESTS} submissions\n`);
    const exactPoll = await survey();
    const exactBody = JSON.stringify(submission(exactPoll, district.id));
    const expectBody = await (await fetch(t.graphqlUrl, { method: 'POST', headers: JSON_HEADERS, body: exactBody })).text();
    expect(graphqlData(expectBody).submitPollResponse?.pollId === exactPoll.id, 'exact-run probe not accepted');
    const exact = await autocannon({ url: t.graphqlUrl, method: 'POST', headers: JSON_HEADERS, body: exactBody, connections: settings.connections, pipelining: 1, timeout: 10, workers: 1, expectBody, amount: EXACT_RUN_REQUESTS } as autocannon.Options);
    await settled(t, exactPoll.id);
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
      rows: exactRows,
      exact: exactRows.participations === exactAcknowledged && exactRows.responses === exactAcknowledged && exactRows.answers === exactAcknowledged * answersPerResponse && exactRows.tallied === exactAcknowledged,
    };

    const bar = byName('submit');
    const worstP99 = Math.max(...bar.rounds.map((r) => r.latencyMs.p99));
    const ratio = ratios.submit['trivial-query'];
    const all = (key: string) => writing.every((w) => accounting[w.scenario.name][key] === true);
    const refusals = writing.reduce((s, w) => s + byName(w.scenario.name).mismatches + byName(w.scenario.name).non2xx, 0) + exactAccounting.refusedOrErrors;
    const checks = {
      throughput: { required: `submit req/s ≥ ${REQUIRED.submitToTrivialRatio} × trivial-query req/s`, measured: ratio, pass: ratio !== null && ratio >= REQUIRED.submitToTrivialRatio },
      p99: { required: `submit p99 < ${REQUIRED.p99Ms} ms in every round`, measured: worstP99, pass: worstP99 < REQUIRED.p99Ms },
      noneLost: {
        required: 'every acknowledged response is stored (participation, response, answers, tally)',
        measured: `${writing.map((w) => `${w.scenario.name}: ${(accounting[w.scenario.name].rows as Rows).responses} stored for ${accounting[w.scenario.name].acknowledged} acknowledged`).join('; ')}; exact run: ${exactRows.responses} for ${exactAcknowledged}`,
        pass: all('noneLost') && exactAccounting.exact,
      },
      noneDuplicated: {
        required: 'no response stored twice: stored ≤ acknowledged + requests cut off at the ends of rounds; exact run equal',
        measured: `${writing.map((w) => `${w.scenario.name}: ≤ ${accounting[w.scenario.name].acknowledged as number} + ${accounting[w.scenario.name].unacknowledgedAtMost as number}`).join('; ')}; exact run equal: ${exactAccounting.exact}`,
        pass: all('noneDuplicated') && all('consistent') && exactAccounting.exact,
      },
      noAlreadyResponded: { required: 'zero ALREADY_RESPONDED (or any other refusal) with distinct respondents', measured: refusals, pass: refusals === 0 },
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
        errors: m.errors,
        'non-2xx': m.non2xx,
        'bad body': m.mismatches,
        '÷ trivial': ratios[m.name]['trivial-query'],
        '÷ trivial@10': ratios[m.name]['trivial-query-10'],
        '÷ plain': ratios[m.name]['plain-http'],
      })),
    );
    process.stdout.write('(req/s: mean of the rounds; ÷ trivial, ÷ plain: req/s as a fraction of that baseline in this run)\n\n');
    printTable(Object.entries(checks).map(([name, c]) => ({ bar: name, required: c.required, measured: String(c.measured), pass: c.pass ? 'PASS' : 'FAIL' })));
    process.stdout.write(
      `\nexact run: ${exactAccounting.requests} requests, ${exactAcknowledged} acknowledged, rows ${JSON.stringify(exactRows)}, ${exactAccounting.requestsPerSecond} req/s, p99 ${exact.latency.p99} ms\n`,
    );

    // The scenarios' own problems, except the refused one's expected errors (its bodies are checked instead).
    const trouble = problems(measured);
    const failed = Object.entries(checks).filter(([, c]) => !c.pass).map(([name]) => name);
    const file = writeResult(
      NAME,
      {
        description:
          'submitPollResponse over HTTP, each request a new respondent (no token: the server issues one), next to a plain node:http server and a trivial GraphQL query measured in the same run at the same concurrency. Ratios are req/s ÷ baseline req/s. The bars apply to `submit`; `submit-general` (the same through Apollo Server) and `submit-refused` show where the time goes; `trivial-query-10` is the trivial query at its best concurrency.',
        required: { submitToTrivialRatio: REQUIRED.submitToTrivialRatio, p99Ms: REQUIRED.p99Ms, noneLost: true, noneDuplicated: true, alreadyResponded: 0 },
        pass: failed.length === 0 && trouble.length === 0,
        checks,
        settings: {
          ...settings,
          loadGenerator: 'autocannon 8.0.0, 1 worker thread, pipelining 1, same machine, 127.0.0.1',
          server:
            'in-process (tests/helpers/app startTestApp), LOG_LEVEL silent, SUBMISSIONS_PER_MINUTE 1e9, DATABASE_POOL_SIZE 10, tallies folded every TALLY_INTERVAL_MS (1 s) during the load; Error.prepareStackTrace reset to V8\'s (no source-mapped stacks, as in production)',
          concurrency: 'every scenario at `connections`, except trivial-query-10 (10)',
          respondents: 'no respondentToken and no cookie: the server issues a new token per request, so every request is a new respondent; only `pollId` is selected, so every accepted answer has the same body',
          survey: 'the demo satisfaction survey (server/src/seed/demo-polls.ts): 2 single choices, rating, NPS, free text; asksDistrict',
        },
        database,
        baselines: Object.fromEntries(Object.entries(BASELINES).map(([label, name]) => [label, summary(byName(name))])),
        ratios,
        accounting: { ...accounting, exactRun: exactAccounting, foldAfterRunsMs: Math.round(foldMs) },
        scenarios: measured.map((m) => ({ ...m, sqlPerRequest: sqlPerRequest[m.name], ratios: ratios[m.name] })),
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

function summary(m: Measured) {
  return { scenario: m.name, requestsPerSecond: m.requestsPerSecond, requestsPerSecondRange: m.requestsPerSecondRange, latencyMs: m.latencyMs };
}
