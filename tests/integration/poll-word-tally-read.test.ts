import { Client } from 'pg';
import { startTestApp, type TestApp } from '../helpers/app';
import { serverOnly } from '../helpers/database';
import { createPoll, SUBMIT } from '../helpers/polls';
import { waitForLockWaiters } from '../helpers/wait';

/**
 * A free-text question's words are read from the word tally plus the answers still queued. A fold
 * moves answers from the one to the other in one transaction (and a results read may start one in
 * the background), so the two reads must see the same moment, or a fold that commits between them
 * leaves its answers' words out of both.
 */

let t: TestApp;

beforeAll(async () => {
  // The test decides when the queue is folded: no background folder, no fold started by a read.
  t = await startTestApp({ seed: true, env: { TALLY_FOLD_ON_READ_AT: '1000000' } });
  await t.app.services.pollTallies.stop();
});
afterAll(() => t.close());

serverOnly()('counts every word when a fold commits between reading the word tally and the queued answers', async () => {
  const editor = await t.signIn('editor');
  const analyst = await t.signIn('analyst');
  const poll = await createPoll(t, editor, {
    titleFa: 'پیشنهاد برای محله',
    questions: [{ kind: 'FREE_TEXT', promptFa: 'پیشنهاد شما؟', maxLength: 200 }],
  });
  const questionId = poll.questions[0].id;
  for (let i = 0; i < 3; i++) {
    const res = await t.gql(SUBMIT, { input: { pollId: poll.id, answers: [{ questionId, text: 'پارک' }] } });
    expect(res.body.errors).toBeUndefined();
  }
  // Out of the answer mix into the results, still queued (the folder is stopped).
  await t.app.services.answerMix.flushAll({ fold: false });
  const [{ queued }] = await t.app.db.query('SELECT count(*)::int AS queued FROM poll_tally_queue WHERE poll_id = $1', [poll.id]);
  expect(queued).toBe(3);

  const folder = new Client({ connectionString: t.databaseUrl });
  await folder.connect();
  try {
    // A fold holds the queue: the read gets past the word tally and waits for the queued answers.
    await folder.query('BEGIN');
    await folder.query('LOCK TABLE poll_tally_queue IN ACCESS EXCLUSIVE MODE');
    const reading = t.gql(
      'query ($pollId: ID!, $questionId: ID!) { pollInsights(pollId: $pollId) { wordFrequency(questionId: $questionId, top: 5) { words { word count answerCount } } } }',
      { pollId: poll.id, questionId },
      { token: analyst },
    );
    await waitForLockWaiters(folder, 1);
    // What the fold commits: the answers leave the queue and their words enter the word tally.
    await folder.query('DELETE FROM poll_tally_queue WHERE poll_id = $1', [poll.id]);
    await folder.query(`INSERT INTO poll_word_tally (poll_id, question_id, word, occurrences, answers) VALUES ($1, $2, 'پارک', $3, $3)`, [
      poll.id,
      questionId,
      queued,
    ]);
    await folder.query('COMMIT');
    const res = await reading;
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.pollInsights.wordFrequency.words).toEqual([{ word: 'پارک', count: queued, answerCount: queued }]);
  } finally {
    await folder.end();
  }
});
