import { Client } from 'pg';
import { startTestApp, type TestApp } from '../helpers/app';
import { serverOnly } from '../helpers/database';
import { waitFor, waitForLockWaiters } from '../helpers/wait';
import { createPoll, SUBMIT, surveyInput, type CreatedPoll } from '../helpers/polls';
import { FOLD_LOCK_CLASS } from '../../server/src/modules/polls/poll-tally.service';

// Concurrent submissions are written in batches (group commit, submission-writer.ts): these
// tests pin what a respondent must not notice — every answer acknowledged is stored once, and one
// faulty submission does not fail the others written with it.

let t: TestApp;
let editor: string;
let analyst: string;
/** A results read that finds this many of its poll's responses queued folds them first. */
const FOLD_ON_READ_AT = 20;

beforeAll(async () => {
  t = await startTestApp({ env: { SUBMISSIONS_PER_MINUTE: '100000', TALLY_FOLD_ON_READ_AT: String(FOLD_ON_READ_AT) } });
  editor = await t.signIn('editor');
  analyst = await t.signIn('analyst');
});
afterAll(() => t.close());

const answersFor = (poll: CreatedPoll) => [
  { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] },
  { questionId: poll.questions[2].id, number: 4 },
];

async function stored(pollId: string) {
  // Accepted answers wait in the answer mix: move them (and fold), as the mixer's timer would.
  await t.settle();
  const [row] = await t.app.db.query(
    `SELECT (SELECT count(*) FROM poll_participation WHERE poll_id = $1)::int AS participations,
            (SELECT count(*) FROM poll_response WHERE poll_id = $1)::int AS responses,
            (SELECT count(*) FROM poll_answer a JOIN poll_response r ON r.id = a.response_id WHERE r.poll_id = $1)::int AS answers,
            (SELECT count(*) FROM poll_tally_queue q JOIN poll_response r ON r.id = q.response_id AND r.poll_id = q.poll_id WHERE q.poll_id = $1)::int
              + (SELECT coalesce(sum(responses), 0) FROM poll_response_tally WHERE poll_id = $1)::int AS counted`,
    [pollId],
  );
  return row as { participations: number; responses: number; answers: number; counted: number };
}

describe('poll submissions under concurrency', () => {
  it('stores each of 300 concurrent respondents once over HTTP, with a token each', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const results = await Promise.all(
      Array.from({ length: 300 }, () => t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } })),
    );
    const accepted = results.filter((r) => r.body.data?.submitPollResponse?.pollId === poll.id);
    expect(accepted.length).toBe(300);
    expect(new Set(accepted.map((r) => r.body.data!.submitPollResponse.respondentToken)).size).toBe(300);
    expect(await stored(poll.id)).toEqual({ participations: 300, responses: 300, answers: 600, counted: 300 });
  });

  it('writes submissions that arrive together in a few statements, not one each', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const submissions = t.app.services.pollSubmissions;
    await submissions.submit({ pollId: poll.id, answers: answersFor(poll) } as never, { clientKey: 'batch-test' }); // caches the definition
    const before = t.sqlCount();
    const results = await Promise.all(
      Array.from({ length: 300 }, () =>
        submissions.submit({ pollId: poll.id, answers: answersFor(poll) } as never, { clientKey: 'batch-test' }),
      ),
    );
    const statements = t.sqlCount() - before;
    expect(new Set(results.map((r) => r.respondentToken)).size).toBe(300);
    expect(await stored(poll.id)).toEqual({ participations: 301, responses: 301, answers: 602, counted: 301 });
    expect(statements).toBeLessThanOrEqual(10);
  });

  it('fails only the submission the database refuses, not the others written in the same batch', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    await t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } });
    // A rule the application does not know of: the database refuses the one submission breaking it
    // (answers wait sealed, so the rule is on the sealed length: a long free text fills a larger bucket).
    await t.app.db.query('ALTER TABLE poll_answer_mix ADD CONSTRAINT test_no_nine CHECK (octet_length(sealed) < 400) NOT VALID');
    try {
      const good = Array.from({ length: 40 }, () => t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } }));
      const bad = t.gql(SUBMIT, {
        input: { pollId: poll.id, answers: [...answersFor(poll), { questionId: poll.questions[4].id, text: 'پیشنهاد'.repeat(28) }] },
      });
      const [goodResults, badResult] = [await Promise.all(good), await bad];
      expect(goodResults.filter((r) => r.body.data?.submitPollResponse).length).toBe(40);
      expect(badResult.body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await stored(poll.id)).toEqual({ participations: 41, responses: 41, answers: 82, counted: 41 });
    } finally {
      await t.app.db.query('ALTER TABLE poll_answer_mix DROP CONSTRAINT test_no_nine');
    }
  });

  it('refuses with POLL_CHANGED, storing nothing of it, a submission checked against a definition that changed since', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    // Cache the definition, then remove an optional question behind the cache's back (as another
    // server instance would, before the poll has responses): an answer to it must not be stored.
    await t.app.services.polls.definition(poll.id);
    const removed = poll.questions[3]; // NPS, optional
    await t.app.db.query('DELETE FROM poll_question WHERE id = $1', [removed.id]);

    const good = Array.from({ length: 40 }, () => t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } }));
    const bad = t.gql(SUBMIT, { input: { pollId: poll.id, answers: [...answersFor(poll), { questionId: removed.id, number: 9 }] } });
    const [goodResults, badResult] = [await Promise.all(good), await bad];

    expect(goodResults.filter((r) => r.body.data?.submitPollResponse).length).toBe(40);
    expect(badResult.body.errors?.[0].extensions?.code).toBe('POLL_CHANGED');
    expect(await stored(poll.id)).toEqual({ participations: 40, responses: 40, answers: 80, counted: 40 });
    const [{ orphans }] = await t.app.db.query('SELECT count(*)::int AS orphans FROM poll_answer WHERE question_id = $1', [removed.id]);
    expect(orphans).toBe(0);
    // The cached definition was dropped: the same submission now gets the checks' own answer.
    const again = await t.gql(SUBMIT, {
      input: { pollId: poll.id, answers: [...answersFor(poll), { questionId: removed.id, number: 9 }] },
    });
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers[2].questionId' });
  });

  it('keeps what the foreign keys kept: deleting responses deletes their answers, and an answered poll, its questions and options cannot be deleted', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    await t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } });
    await expect(t.app.db.query('DELETE FROM poll WHERE id = $1', [poll.id])).rejects.toThrow(/cannot be deleted/);
    await expect(t.app.db.query('DELETE FROM poll_question WHERE id = $1', [poll.questions[0].id])).rejects.toThrow(/cannot be deleted/);
    await expect(t.app.db.query('DELETE FROM poll_option WHERE id = $1', [poll.questions[0].options[2].id])).rejects.toThrow(
      /cannot be deleted/,
    );
    expect((await stored(poll.id)).answers).toBe(2);
    const [{ ids }] = await t.app.db.query('SELECT array_agg(id) AS ids FROM poll_response WHERE poll_id = $1', [poll.id]);
    await t.app.db.query('DELETE FROM poll_tally_queue WHERE response_id = ANY($1)', [ids]);
    await t.app.db.query('DELETE FROM poll_response WHERE poll_id = $1', [poll.id]);
    const [{ left }] = await t.app.db.query('SELECT count(*)::int AS left FROM poll_answer WHERE response_id = ANY($1)', [ids]);
    expect(left).toBe(0);
  });

  // Two sessions side by side: the embedded PGlite serves every connection from one session.
  const sideBySide = serverOnly();

  sideBySide('makes a submission wait for a removal being committed, and then refuse with POLL_CHANGED', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    await t.app.services.polls.definition(poll.id);
    const removed = poll.questions[0].options[0];
    const editorSession = new Client({ connectionString: t.databaseUrl });
    await editorSession.connect();
    try {
      await editorSession.query('BEGIN');
      await editorSession.query('DELETE FROM poll_option WHERE id = $1', [removed.id]); // no responses yet: allowed
      let settled = false;
      const pending = t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } }).finally(() => (settled = true));
      await waitForLockWaiters(editorSession);
      expect(settled).toBe(false); // the batch waits on the poll's answer lock
      await editorSession.query('COMMIT');
      expect((await pending).body.errors?.[0].extensions?.code).toBe('POLL_CHANGED');
    } finally {
      await editorSession.end();
    }
    const [{ orphans }] = await t.app.db.query('SELECT count(*)::int AS orphans FROM poll_answer WHERE option_id = $1', [removed.id]);
    expect(orphans).toBe(0);
    expect(await stored(poll.id)).toEqual({ participations: 0, responses: 0, answers: 0, counted: 0 });
  });

  sideBySide('makes a removal wait for a submission being written, and then refuse it with POLL_HAS_RESPONSES', async () => {
    const input = surveyInput();
    const poll = await createPoll(t, editor, input);
    const writer = new Client({ connectionString: t.databaseUrl });
    await writer.connect();
    try {
      // A batch in flight, as the submission statement leaves it before its commit.
      await writer.query('BEGIN');
      await writer.query('SELECT * FROM nabz_submission_gone(ARRAY[$1]::uuid[], ARRAY[$2]::uuid[], ARRAY[$3]::uuid[])', [
        poll.id,
        poll.questions[3].id,
        null,
      ]);
      await writer.query("INSERT INTO poll_response (poll_id, submitted_at) VALUES ($1, date_trunc('hour', now()))", [poll.id]);
      const questions = input.questions.map((q, i) => ({
        ...q,
        id: poll.questions[i].id,
        options: q.options?.map((o, j) => ({ ...o, id: poll.questions[i].options[j].id })),
      }));
      let settled = false;
      const update = t
        .gql(
          'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
          { input: { id: poll.id, questions: questions.filter((_, i) => i !== 3) } },
          { token: editor },
        )
        .finally(() => (settled = true));
      await waitForLockWaiters(writer);
      expect(settled).toBe(false);
      await writer.query('COMMIT');
      expect((await update).body.errors?.[0].extensions?.code).toBe('POLL_HAS_RESPONSES');
    } finally {
      await writer.end();
    }
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_question WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(poll.questions.length);
  });

  it("falls back to unnamed statements when the database session is not the connection's own (PGlite, a transaction pooler)", async () => {
    // One connection, so the test's DEALLOCATE reaches the session the writer prepared its statement in.
    const single = await startTestApp({ databaseUrl: t.databaseUrl, env: { DATABASE_POOL_SIZE: '1', SUBMISSIONS_PER_MINUTE: '100000' } });
    try {
      const poll = await createPoll(t, editor, surveyInput());
      expect((await single.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } })).body.errors).toBeUndefined();
      await single.app.db.query('DEALLOCATE ALL'); // as a pooler handing the connection another session would
      const res = await single.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } });
      expect(res.body.errors).toBeUndefined();
      expect((await single.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } })).body.errors).toBeUndefined();
      expect((await stored(poll.id)).responses).toBe(3);
    } finally {
      await single.close();
    }
  });

  it('accepts one of many concurrent submissions with the same token, whatever batches they fall in', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const token = (await t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } })).body.data!.submitPollResponse
      .respondentToken;
    const target = await createPoll(t, editor, surveyInput());
    const others = Array.from({ length: 60 }, () => t.gql(SUBMIT, { input: { pollId: target.id, answers: answersFor(target) } }));
    const same = Array.from({ length: 20 }, () =>
      t.gql(SUBMIT, { input: { pollId: target.id, respondentToken: token, answers: answersFor(target) } }),
    );
    const [otherResults, sameResults] = [await Promise.all(others), await Promise.all(same)];
    expect(otherResults.filter((r) => r.body.data?.submitPollResponse).length).toBe(60);
    expect(sameResults.filter((r) => r.body.data?.submitPollResponse).length).toBe(1);
    expect(sameResults.filter((r) => r.body.errors?.[0].extensions?.code === 'ALREADY_RESPONDED').length).toBe(19);
    expect(await stored(target.id)).toEqual({ participations: 61, responses: 61, answers: 122, counted: 61 });
  });
});

describe('a backlog of queued responses', () => {
  const queuedOf = async (pollId: string) =>
    ((await t.app.db.query('SELECT count(*)::int AS n FROM poll_tally_queue WHERE poll_id = $1', [pollId])) as Array<{ n: number }>)[0].n;
  const submitMoved = async (poll: CreatedPoll, n: number) => {
    const results = await Promise.all(
      Array.from({ length: n }, () => t.gql(SUBMIT, { input: { pollId: poll.id, answers: answersFor(poll) } })),
    );
    expect(results.filter((r) => r.body.data?.submitPollResponse).length).toBe(n);
  };
  const insights = async (pollId: string) => {
    const res = await t.gql(
      'query ($pollId: ID!) { pollInsights(pollId: $pollId) { responseCount questions { answeredCount } } }',
      { pollId },
      { token: analyst },
    );
    expect(res.body.errors).toBeUndefined();
    const read = res.body.data!.pollInsights as { responseCount: number; questions: Array<{ answeredCount: number }> };
    return { responses: read.responseCount, firstAnswered: read.questions[0].answeredCount };
  };

  it('is folded once a read finds enough of its poll’s responses queued, every read counting them exactly; a short queue is read as it is', async () => {
    // The background folder stays out of it; the mixer moves answers without folding, as when a fold fails.
    await t.app.services.pollTallies.stop();
    try {
      const [busy, other] = [await createPoll(t, editor, surveyInput()), await createPoll(t, editor, surveyInput())];
      await submitMoved(busy, FOLD_ON_READ_AT + 5);
      await submitMoved(other, FOLD_ON_READ_AT + 5);
      await t.app.services.answerMix.flushAll({ fold: false });
      expect([await queuedOf(busy.id), await queuedOf(other.id)]).toEqual([FOLD_ON_READ_AT + 5, FOLD_ON_READ_AT + 5]);

      expect(await insights(busy.id)).toEqual({ responses: FOLD_ON_READ_AT + 5, firstAnswered: FOLD_ON_READ_AT + 5 });
      // Folded for the reads after it (in the background); another poll's queue is left to the folder.
      await waitFor(async () => (await queuedOf(busy.id)) === 0 || undefined, 15_000, 'the read to have the queue folded');
      expect(await queuedOf(other.id)).toBe(FOLD_ON_READ_AT + 5);
      expect(await insights(busy.id)).toEqual({ responses: FOLD_ON_READ_AT + 5, firstAnswered: FOLD_ON_READ_AT + 5 });

      // Fewer than the threshold: the read adds them itself, and they stay queued.
      await submitMoved(busy, 3);
      await t.app.services.answerMix.flushAll({ fold: false });
      expect(await insights(busy.id)).toEqual({ responses: FOLD_ON_READ_AT + 8, firstAnswered: FOLD_ON_READ_AT + 8 });
      expect(await queuedOf(busy.id)).toBe(3);
      // Once folded, the same figures from the tallies alone.
      await t.app.services.pollTallies.foldAll();
      expect(await insights(busy.id)).toEqual({ responses: FOLD_ON_READ_AT + 8, firstAnswered: FOLD_ON_READ_AT + 8 });
      expect(await stored(busy.id)).toEqual({
        participations: FOLD_ON_READ_AT + 8,
        responses: FOLD_ON_READ_AT + 8,
        answers: 2 * (FOLD_ON_READ_AT + 8),
        counted: FOLD_ON_READ_AT + 8,
      });
    } finally {
      t.app.services.pollTallies.start(1000);
    }
  });

  it('lets concurrent reads of a backlog have it folded, each counting every response once', async () => {
    await t.app.services.pollTallies.stop();
    try {
      const poll = await createPoll(t, editor, surveyInput());
      await submitMoved(poll, 3 * FOLD_ON_READ_AT);
      await t.app.services.answerMix.flushAll({ fold: false });
      // Reads before, during and after the fold they start: each counts every response once.
      const reads = await Promise.all(Array.from({ length: 8 }, () => insights(poll.id)));
      await waitFor(async () => (await queuedOf(poll.id)) === 0 || undefined, 15_000, 'the reads to have the queue folded');
      reads.push(...(await Promise.all(Array.from({ length: 4 }, () => insights(poll.id)))));
      for (const read of reads) expect(read).toEqual({ responses: 3 * FOLD_ON_READ_AT, firstAnswered: 3 * FOLD_ON_READ_AT });
      const [{ tallied }] = (await t.app.db.query(
        'SELECT coalesce(sum(responses), 0)::int AS tallied FROM poll_response_tally WHERE poll_id = $1',
        [poll.id],
      )) as Array<{ tallied: number }>;
      expect(tallied).toBe(3 * FOLD_ON_READ_AT);
    } finally {
      t.app.services.pollTallies.start(1000);
    }
  });

  const sideBySide = serverOnly();

  sideBySide('is folded by one fold at a time: a fold of everything waits for another, the fold a read asks for gives way', async () => {
    await t.app.services.pollTallies.stop();
    // Held as another instance's fold would hold it.
    const otherFold = new Client({ connectionString: t.databaseUrl });
    await otherFold.connect();
    try {
      const poll = await createPoll(t, editor, surveyInput());
      await submitMoved(poll, FOLD_ON_READ_AT + 5);
      await t.app.services.answerMix.flushAll({ fold: false });
      await otherFold.query('SELECT pg_advisory_lock($1, 0)', [FOLD_LOCK_CLASS]);

      expect(await insights(poll.id)).toEqual({ responses: FOLD_ON_READ_AT + 5, firstAnswered: FOLD_ON_READ_AT + 5 });
      // stop() waits for the fold the read asked for: it gave way at once, folding nothing.
      await t.app.services.pollTallies.stop();
      expect(await queuedOf(poll.id)).toBe(FOLD_ON_READ_AT + 5);

      let folded = false;
      const all = t.app.services.pollTallies.foldAll().finally(() => (folded = true));
      await waitForLockWaiters(otherFold);
      expect(folded).toBe(false);
      await otherFold.query('SELECT pg_advisory_unlock($1, 0)', [FOLD_LOCK_CLASS]);
      expect(await all).toBeGreaterThanOrEqual(FOLD_ON_READ_AT + 5);
      expect(await queuedOf(poll.id)).toBe(0);
      expect(await insights(poll.id)).toEqual({ responses: FOLD_ON_READ_AT + 5, firstAnswered: FOLD_ON_READ_AT + 5 });
    } finally {
      await otherFold.end();
      t.app.services.pollTallies.start(1000);
    }
  });
});
