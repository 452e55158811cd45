/**
 * Several server processes on one PostgreSQL and Redis: rate limits hold across instances, and
 * analysts' reads go to a read replica when DATABASE_READ_URL says so. (A subscription on one
 * instance seeing a response submitted to another is in live-results.test.ts.)
 */
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../helpers/app';
import { serverOnly, testDatabase } from '../helpers/database';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

const REDIS_URL = 'redis://127.0.0.1:6379';
const SUBMIT = 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }';

function answers(poll: CreatedPoll): Record<string, unknown> {
  const [single, , rating] = poll.questions;
  return {
    pollId: poll.id,
    answers: [
      { questionId: single.id, optionIds: [single.options[0].id] },
      { questionId: rating.id, number: 3 },
    ],
  };
}

describe('two instances sharing PostgreSQL and Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ env: { REDIS_URL } });
    b = await startTestApp({ databaseUrl: a.databaseUrl, env: { REDIS_URL } });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("holds an API key's rate limit across both", async () => {
    const created = await a.gql(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'Two-instance partner', scopes: ['PUBLIC_READ'], requestsPerMinute: 4 } },
      { token: await a.signIn('admin') },
    );
    const headers = { 'x-api-key': created.body.data!.createApiKey.secret };
    const codes: Array<string | undefined> = [];
    for (const t of [a, b, a, b, a, b])
      codes.push((await t.gql('{ districts { id } }', {}, { headers })).body.errors?.[0].extensions?.code);
    expect(codes).toEqual([undefined, undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('holds the per-address submission limit across both', async () => {
    const c = await startTestApp({ env: { REDIS_URL, SUBMISSIONS_PER_MINUTE: '3' } });
    const d = await startTestApp({ databaseUrl: c.databaseUrl, env: { REDIS_URL, SUBMISSIONS_PER_MINUTE: '3' } });
    try {
      // Another test run may have used this address's budget within the minute: start from a clean key.
      await c.app.services.pollSubmissions['limits'].perClient.reset(
        require('../../server/src/common/rate-limit').hashKey('client:127.0.0.1'),
      );
      const poll = await createPoll(c, await c.signIn('editor'), surveyInput());
      const codes: Array<string | undefined> = [];
      for (const t of [c, d, c, d]) codes.push((await t.gql(SUBMIT, { input: answers(poll) })).body.errors?.[0].extensions?.code);
      expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    } finally {
      await d.close();
      await c.close();
    }
  });
});

describe('a read replica for analysts (DATABASE_READ_URL)', () => {
  serverOnly()('sends pollInsights to the replica and everything else to the primary', async () => {
    // The "replica": a copy of the primary taken while the primary has 2 responses; the primary then gets a 3rd.
    const primary = await startTestApp();
    const editor = await primary.signIn('editor');
    const poll = await createPoll(primary, editor, surveyInput());
    for (let i = 0; i < 2; i++) await primary.gql(SUBMIT, { input: answers(poll) });
    await primary.settle();
    const primaryUrl = primary.databaseUrl;
    await primary.app.close(); // no connection may remain while the copy is taken

    const replicaName = `${new URL(primaryUrl).pathname.slice(1)}_replica`;
    const admin = new Client({ connectionString: testDatabase().url });
    await admin.connect();
    let withReplica: TestApp | undefined;
    try {
      await admin.query(`CREATE DATABASE "${replicaName}" TEMPLATE "${new URL(primaryUrl).pathname.slice(1)}"`);
      const replicaUrl = new URL(primaryUrl);
      replicaUrl.pathname = `/${replicaName}`;
      withReplica = await startTestApp({ databaseUrl: primaryUrl, env: { DATABASE_READ_URL: replicaUrl.toString() } });
      await withReplica.gql(SUBMIT, { input: answers(poll) });
      await withReplica.settle();

      const analyst = await withReplica.signIn('analyst');
      const insights = await withReplica.gql(
        'query ($id: ID!) { pollInsights(pollId: $id) { responseCount } }',
        { id: poll.id },
        { token: analyst },
      );
      const results = await withReplica.gql('query ($id: ID!) { pollResults(pollId: $id) { responseCount } }', { id: poll.id });
      expect(insights.body.data!.pollInsights.responseCount).toBe(2); // the replica's
      expect(results.body.data!.pollResults.responseCount).toBe(3); // the primary's
    } finally {
      await withReplica?.app.close();
      await admin.query(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(primaryUrl).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
