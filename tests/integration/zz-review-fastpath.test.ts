import { Client } from 'pg';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

const FAST = 'mutation Answer($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId respondentToken } }';
const GENERAL = 'mutation Answer($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId @include(if: true) respondentToken } }';
let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await startTestApp({ env: { SUBMISSIONS_PER_MINUTE: '100000' } });
  editor = await t.signIn('editor');
});
afterAll(() => t.close());
const submission = (poll: CreatedPoll) => ({
  pollId: poll.id,
  answers: [
    { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[1].id] },
    { questionId: poll.questions[2].id, number: 4 },
  ],
});
async function send(app: TestApp, query: string, poll: CreatedPoll, headers: Record<string, string> = {}) {
  const before = app.app.submissionFastPath.answered;
  const res = await fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables: { input: submission(poll) } }) });
  const body = await res.text();
  const h: Record<string, string> = {};
  res.headers.forEach((v, k) => (h[k] = k === 'set-cookie' ? v.replace(/=[^;]+/, '=<t>') : v));
  delete h.date; delete h['x-request-id']; delete h['content-length'];
  return { fast: app.app.submissionFastPath.answered > before, status: res.status, headers: h, body: body.slice(0, 160) };
}

describe('review', () => {
  it('headers, accept variants', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const out: Record<string, unknown> = {};
    for (const accept of [undefined, 'text/html', 'APPLICATION/GRAPHQL-RESPONSE+JSON', 'application/json;q=0, text/plain']) {
      const h: Record<string, string> = accept ? { accept } : {};
      out[String(accept)] = { fast: await send(t, FAST, poll, h), general: await send(t, GENERAL, poll, h) };
    }
    console.log(JSON.stringify(out, null, 1));
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [poll.id]);
    console.log('stored', n);
  });

  it('secure cookie', async () => {
    const s = await startTestApp({ databaseUrl: t.databaseUrl, env: { COOKIE_SECURE: 'true', SUBMISSIONS_PER_MINUTE: '100000' } });
    try {
      const poll = await createPoll(t, editor, surveyInput());
      console.log(JSON.stringify({ fast: await send(s, FAST, poll), general: await send(s, GENERAL, poll) }, null, 1));
    } finally {
      await s.close();
    }
  });

  it('xmin links participation to response', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    for (let i = 0; i < 3; i++) await send(t, FAST, poll);
    const rows = await t.app.db.query(
      `SELECT encode(p.respondent_key, 'hex') AS key, r.id AS response FROM poll_participation p JOIN poll_response r ON r.xmin = p.xmin AND r.poll_id = p.poll_id WHERE p.poll_id = $1`,
      [poll.id],
    );
    console.log('xmin join', rows.length, JSON.stringify(rows));
  });

  it('option deletion racing the first responses orphans answers', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const option = poll.questions[0].options[2].id;
    const a = new Client({ connectionString: t.databaseUrl });
    const b = new Client({ connectionString: t.databaseUrl });
    await a.connect(); await b.connect();
    try {
      await a.query('BEGIN');
      // What the batch statement does for one response (participation, response, answer) in its transaction.
      await a.query(`WITH p AS (INSERT INTO poll_participation (poll_id, respondent_key) VALUES ($1, '\\x01') RETURNING poll_id),
        r AS (INSERT INTO poll_response (id, poll_id, submitted_at) SELECT '11111111-1111-4111-8111-111111111111', poll_id, now() FROM p RETURNING id)
        INSERT INTO poll_answer (response_id, seq, question_id, option_id) SELECT id, 1, $2, $3 FROM r`, [poll.id, poll.questions[0].id, option]);
      const del = await b.query('DELETE FROM poll_option WHERE id = $1', [option]); // not blocked, trigger sees no committed response
      console.log('deleted options', del.rowCount);
      await a.query('COMMIT');
      const [{ orphans }] = await t.app.db.query('SELECT count(*)::int AS orphans FROM poll_answer a LEFT JOIN poll_option o ON o.id = a.option_id WHERE a.option_id IS NOT NULL AND o.id IS NULL');
      console.log('orphan answers', orphans);
    } finally {
      await a.end(); await b.end();
    }
  });
});
