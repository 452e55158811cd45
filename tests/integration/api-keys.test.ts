/**
 * Partner API keys: issued and revoked by admins, stored only as a hash, scoped, rate-limited per
 * key, and counted. Everything over real HTTP with the `X-Api-Key` header, as a partner app sends it.
 */
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

const CREATE =
  'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix scopes requestsPerMinute revokedAt } } }';
const REVOKE = 'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } } }';
const LIST = '{ apiKeys { id name prefix scopes requestCount lastUsedAt revokedAt } }';
const SUBMIT = 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }';
const INSIGHTS = 'query ($id: ID!) { pollInsights(pollId: $id) { responseCount } }';

let t: TestApp;
let admin: string;
let poll: CreatedPoll;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  admin = await t.signIn('admin');
  poll = await createPoll(t, await t.signIn('editor'), surveyInput());
});
afterAll(() => t.close());

async function issue(scopes: string[], requestsPerMinute = 600): Promise<{ id: string; secret: string }> {
  const res = await t.gql(CREATE, { input: { name: `Partner ${scopes.join('+')}`, scopes, requestsPerMinute } }, { token: admin });
  expect(res.body.errors).toBeUndefined();
  const { secret, apiKey } = res.body.data!.createApiKey;
  return { id: apiKey.id, secret };
}

const withKey = (secret: string) => ({ headers: { 'x-api-key': secret } });

function answers(): Record<string, unknown> {
  const [single, , rating] = poll.questions;
  return {
    pollId: poll.id,
    answers: [
      { questionId: single.id, optionIds: [single.options[0].id] },
      { questionId: rating.id, number: 4 },
    ],
  };
}

async function responses(): Promise<number> {
  await t.settle();
  const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [poll.id]);
  return n;
}

describe('issuing keys', () => {
  it('shows the secret once and stores only its SHA-256', async () => {
    const { id, secret } = await issue(['PUBLIC_READ']);
    expect(secret).toMatch(/^nabz_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.app.db.query(
      `SELECT encode(key_hash, 'hex') AS hash, prefix, row_to_json(api_key)::text AS everything FROM api_key WHERE id = $1`,
      [id],
    );
    expect(row.hash).toBe(require('node:crypto').createHash('sha256').update(secret).digest('hex'));
    expect(row.prefix).toBe(secret.slice(0, 12));
    expect(row.everything).not.toContain(secret.slice(12));
    // The list never carries it either, and the audit trail records the issue without it.
    const listed = await t.gql(LIST, {}, { token: admin });
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(12));
    const [audit] = await t.app.db.query(`SELECT after::text AS after FROM audit_log WHERE action = 'createApiKey' AND entity_id = $1`, [
      id,
    ]);
    expect(audit.after).not.toContain(secret.slice(12));
    expect(audit.after).not.toContain('keyHash');
  });

  it('refuses a key without scopes, name or a sane limit, storing nothing', async () => {
    const [{ n: before }] = await t.app.db.query('SELECT count(*)::int AS n FROM api_key');
    for (const input of [
      { name: 'x', scopes: [], requestsPerMinute: 10 },
      { name: '  ', scopes: ['PUBLIC_READ'], requestsPerMinute: 10 },
      { name: 'x', scopes: ['PUBLIC_READ'], requestsPerMinute: 0 },
      { name: 'x', scopes: ['PUBLIC_READ'], requestsPerMinute: 1_000_000 },
    ]) {
      const res = await t.gql(CREATE, { input }, { token: admin });
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const [{ n: after }] = await t.app.db.query('SELECT count(*)::int AS n FROM api_key');
    expect(after).toBe(before);
  });

  it('is for admins only', async () => {
    for (const account of ['editor', 'analyst', 'media'] as const) {
      const res = await t.gql(LIST, {}, { token: await t.signIn(account) });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(LIST)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('scopes', () => {
  it('PUBLIC_READ reads public data but cannot answer polls: FORBIDDEN with requiredScope, nothing stored', async () => {
    const { secret } = await issue(['PUBLIC_READ']);
    const read = await t.gql('{ goals(first: 2) { edges { node { id } } } }', {}, withKey(secret));
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.goals.edges).toHaveLength(2);

    const before = await responses();
    const res = await t.gql(SUBMIT, { input: answers() }, withKey(secret));
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'SUBMIT_RESPONSES' });
    expect(await responses()).toBe(before);
  });

  it('SUBMIT_RESPONSES answers polls (each partner user with their own respondent token)', async () => {
    const { secret } = await issue(['SUBMIT_RESPONSES']);
    const before = await responses();
    const res = await t.gql(SUBMIT, { input: answers() }, withKey(secret));
    expect(res.body.errors).toBeUndefined();
    expect(await responses()).toBe(before + 1);
    // ...but reads nothing public without PUBLIC_READ.
    const read = await t.gql('{ districts { id } }', {}, withKey(secret));
    expect(read.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'PUBLIC_READ' });
  });

  it("ANALYTICS_READ reads opinion insights, but never citizens' free text", async () => {
    const analytics = await issue(['ANALYTICS_READ']);
    const res = await t.gql(INSIGHTS, { id: poll.id }, withKey(analytics.secret));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.pollInsights.responseCount).toBe(await responses());

    const freeText = poll.questions.find((q) => q.kind === 'FREE_TEXT')!;
    const text = await t.gql(
      'query ($id: ID!, $q: ID!) { pollInsights(pollId: $id) { freeTextAnswers(questionId: $q) { edges { node { text } } } } }',
      { id: poll.id, q: freeText.id },
      withKey(analytics.secret),
    );
    expect(text.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(text.body.data?.pollInsights?.freeTextAnswers ?? null).toBeNull();

    const publicKey = await issue(['PUBLIC_READ']);
    const refused = await t.gql(INSIGHTS, { id: poll.id }, withKey(publicKey.secret));
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'ANALYTICS_READ' });
  });

  it('never reaches staff operations, whatever its scopes', async () => {
    const { secret } = await issue(['PUBLIC_READ', 'SUBMIT_RESPONSES', 'ANALYTICS_READ']);
    const [{ n: before }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll');
    const res = await t.gql(
      'mutation ($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }',
      { input: surveyInput() },
      withKey(secret),
    );
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [{ n: after }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll');
    expect(after).toBe(before);
    // Hiding the field in a fragment changes nothing.
    const hidden = await t.gql('query { ...F } fragment F on Query { apiKeys { id } }', {}, withKey(secret));
    expect(hidden.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be combined with a staff token', async () => {
    const { secret } = await issue(['PUBLIC_READ']);
    const res = await t.gql('{ districts { id } }', {}, { token: admin, ...withKey(secret) });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // An Authorization header that is no bearer token is refused first, as docs/api.md says.
    const malformed = await t.gql('{ districts { id } }', {}, { headers: { ...withKey(secret).headers, authorization: 'Basic eDp5' } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('authentication, limits and counts', () => {
  it('refuses malformed and unknown secrets with 401 UNAUTHENTICATED', async () => {
    for (const secret of ['nope', `nabz_${'A'.repeat(43)}`, `nabz_${'A'.repeat(42)}'`]) {
      const res = await t.gql('{ districts { id } }', {}, withKey(secret));
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rate-limits each key on its own, with 429, retryAfter and Retry-After', async () => {
    const limited = await issue(['PUBLIC_READ'], 3);
    const other = await issue(['PUBLIC_READ'], 3);
    for (let i = 0; i < 3; i++) expect((await t.gql('{ districts { id } }', {}, withKey(limited.secret))).body.errors).toBeUndefined();
    const refused = await t.gql('{ districts { id } }', {}, withKey(limited.secret));
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0].extensions?.retryAfter).toBeGreaterThan(0);
    // HTTP clients and proxies read the wait from the header too.
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.errors?.[0].extensions?.retryAfter));
    expect((await t.gql('{ districts { id } }', {}, withKey(other.secret))).body.errors).toBeUndefined();
  });

  it("counts each key's requests (refused ones too) for the admins", async () => {
    const { id, secret } = await issue(['PUBLIC_READ'], 2);
    for (let i = 0; i < 4; i++) await t.gql('{ districts { id } }', {}, withKey(secret));
    // Counted in memory at once, written within seconds (and on shutdown).
    const listed = async () =>
      (
        (await t.gql(LIST, {}, { token: admin })).body.data!.apiKeys as Array<{
          id: string;
          requestCount: number;
          lastUsedAt: string | null;
        }>
      ).find((k) => k.id === id)!;
    expect((await listed()).requestCount).toBe(4);
    await t.app.services.apiKeys.flush();
    const [row] = await t.app.db.query('SELECT request_count::int AS n, last_used_at FROM api_key WHERE id = $1', [id]);
    expect(row.n).toBe(4);
    expect(row.last_used_at).not.toBeNull();
    expect((await listed()).requestCount).toBe(4);
  });

  it('refuses a revoked key at once, and keeps it listed as revoked', async () => {
    const { id, secret } = await issue(['PUBLIC_READ']);
    expect((await t.gql('{ districts { id } }', {}, withKey(secret))).body.errors).toBeUndefined();
    const revoked = await t.gql(REVOKE, { input: { id } }, { token: admin });
    expect(revoked.body.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    const res = await t.gql('{ districts { id } }', {}, withKey(secret));
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [audit] = await t.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'revokeApiKey' AND entity_id = $1`, [id]);
    expect(audit.n).toBe(1);
    expect((await t.gql(REVOKE, { input: { id: 'not-a-uuid' } }, { token: admin })).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('analytics through API keys', () => {
  it('ANALYTICS_READ reads siteTraffic; SUBMIT_RESPONSES reports page views; PUBLIC_READ does neither', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const traffic = `{ siteTraffic(from: "${today}", to: "${today}") { activeVisitors } }`;
    const analytics = await issue(['ANALYTICS_READ']);
    expect((await t.gql(traffic, {}, withKey(analytics.secret))).body.errors).toBeUndefined();
    const reader = await issue(['PUBLIC_READ']);
    expect((await t.gql(traffic, {}, withKey(reader.secret))).body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredScope: 'ANALYTICS_READ',
    });

    const track = 'mutation ($input: TrackPageviewInput!) { trackPageview(input: $input) { counted } }';
    const input = { path: '/polls', language: 'fa' };
    const submitter = await issue(['SUBMIT_RESPONSES']);
    const tracked = await t.gql(track, { input }, { headers: { 'x-api-key': submitter.secret, 'user-agent': 'CityApp/2.1 (Android 14)' } });
    expect(tracked.body.errors).toBeUndefined();
    expect((await t.gql(track, { input }, withKey(reader.secret))).body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredScope: 'SUBMIT_RESPONSES',
    });
  });
});
