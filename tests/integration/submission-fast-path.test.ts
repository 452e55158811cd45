import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

// The submission fast path (server/src/graphql/submission-fast-path.ts) answers common
// submitPollResponse requests without Apollo Server. Its promise: the same answer, byte for byte,
// as the general path. Each case here is sent twice in the same state — once in the fast path's
// shape and once with a directive that sends it through Apollo Server — and the two answers
// (status, content type, cookie, body) must be equal; the path's own counter shows which ran.

const FAST = 'mutation Answer($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId respondentToken } }';
/** The same operation, but `@include` makes it a shape the fast path leaves to Apollo Server. */
const GENERAL = 'mutation Answer($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId @include(if: true) respondentToken } }';

let t: TestApp;
let limited: TestApp;
let editor: string;

beforeAll(async () => {
  t = await startTestApp({ env: { SUBMISSIONS_PER_MINUTE: '100000' } });
  limited = await startTestApp({ databaseUrl: t.databaseUrl, env: { SUBMISSIONS_PER_MINUTE: '2' } });
  editor = await t.signIn('editor');
});
afterAll(async () => {
  await limited.close();
  await t.close();
});

const fastAnswered = (app: TestApp = t) => app.app.submissionFastPath.answered;

interface Answer {
  status: number;
  contentType: string | null;
  setCookie: string | null;
  body: string;
}

/** POSTs raw JSON; the answer with every issued token and request id replaced by a placeholder. */
async function send(app: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<Answer & { tokens: string[] }> {
  const res = await fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  const tokens = [...text.matchAll(/"respondentToken":"([^"]+)"/g)].map((m) => m[1]);
  const requestId = res.headers.get('x-request-id') ?? '';
  let normalized = text;
  for (const token of tokens) normalized = normalized.replaceAll(token, '<token>');
  normalized = normalized.replaceAll(requestId, '<request-id>');
  const setCookie = res.headers.get('set-cookie');
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    setCookie: setCookie && setCookie.replace(/^nabz_respondent=[^;]+/, 'nabz_respondent=<token>'),
    body: normalized,
    tokens,
  };
}

const submission = (poll: CreatedPoll, extra: Record<string, unknown> = {}) => ({
  pollId: poll.id,
  answers: [
    { questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[1].id] },
    { questionId: poll.questions[2].id, number: 4 },
    { questionId: poll.questions[4].id, text: 'ایستگاه دوچرخه' },
  ],
  ...extra,
});

/** Sends the case both ways; returns the two answers and how many the fast path took. */
async function bothWays(request: (query: string) => Promise<Answer>, app: TestApp = t) {
  const before = fastAnswered(app);
  const fast = await request(FAST);
  const afterFast = fastAnswered(app);
  const general = await request(GENERAL);
  expect(fastAnswered(app)).toBe(afterFast);
  const strip = ({ status, contentType, setCookie, body }: Answer) => ({ status, contentType, setCookie, body });
  return { fast: strip(fast), general: strip(general), tookFastPath: afterFast - before === 1 };
}

/**
 * A published poll whose definition both instances have cached, as a poll's first submission
 * through the general path leaves it: the fast path takes only such polls.
 */
async function openPoll(input: Record<string, unknown> = surveyInput()): Promise<CreatedPoll> {
  const poll = await createPoll(t, editor, input);
  await Promise.all([t, limited].map((app) => app.app.services.polls.definition(poll.id)));
  return poll;
}

async function issuedToken(): Promise<string> {
  const other = await createPoll(t, editor, surveyInput());
  const res = await send(t, { query: FAST, variables: { input: submission(other) } });
  return res.tokens[0];
}

describe('the submission fast path', () => {
  it('answers a new respondent exactly as the general path does, cookie included, and stores both', async () => {
    const poll = await openPoll();
    const { fast, general, tookFastPath } = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }));
    expect(tookFastPath).toBe(true);
    expect(fast).toEqual(general);
    expect(fast.status).toBe(200);
    expect(fast.contentType).toBe('application/json; charset=utf-8');
    expect(fast.setCookie).toBe('nabz_respondent=<token>; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax');
    expect(JSON.parse(fast.body)).toEqual({ data: { submitPollResponse: { pollId: poll.id, respondentToken: '<token>' } } });
    const [{ n, answers }] = await t.app.db.query(
      'SELECT count(*)::int AS n, (SELECT count(*)::int FROM poll_answer a JOIN poll_response r ON r.id = a.response_id WHERE r.poll_id = $1) AS answers FROM poll_response WHERE poll_id = $1',
      [poll.id],
    );
    expect([n, answers]).toEqual([2, 6]);
  });

  it('takes the token from the cookie and then sets no cookie, as the general path', async () => {
    const poll = await openPoll();
    const tokens = [await issuedToken(), await issuedToken()];
    let i = 0;
    const { fast, general, tookFastPath } = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, { cookie: `nabz_respondent=${tokens[i++]}` }));
    expect(tookFastPath).toBe(true);
    expect(fast).toEqual(general);
    expect(fast.setCookie).toBeNull();
  });

  it('refuses a second answer with the same token with the same ALREADY_RESPONDED', async () => {
    const poll = await openPoll();
    const token = (await send(t, { query: FAST, variables: { input: submission(poll) } })).tokens[0];
    const { fast, general, tookFastPath } = await bothWays((query) => send(t, { query, variables: { input: submission(poll, { respondentToken: token }) } }));
    expect(tookFastPath).toBe(true);
    expect(fast).toEqual(general);
    expect(JSON.parse(fast.body)).toMatchObject({ errors: [{ path: ['submitPollResponse'], extensions: { code: 'ALREADY_RESPONDED' } }], data: null });
  });

  it('with an alias, aliased fields, __typename and an operation name', async () => {
    const poll = await openPoll();
    const fastQuery = 'mutation Vote($in: SubmitPollResponseInput!) { answer: submitPollResponse(input: $in) { id: pollId __typename } }';
    const generalQuery = 'mutation Vote($in: SubmitPollResponseInput!) { answer: submitPollResponse(input: $in) { id: pollId @include(if: true) __typename } }';
    const before = fastAnswered();
    const fast = await send(t, { query: fastQuery, operationName: 'Vote', variables: { in: submission(poll) } });
    expect(fastAnswered()).toBe(before + 1);
    const general = await send(t, { query: generalQuery, operationName: 'Vote', variables: { in: submission(poll) } });
    expect(fastAnswered()).toBe(before + 1);
    expect({ ...fast, tokens: [] }).toEqual({ ...general, tokens: [] });
    expect(JSON.parse(fast.body)).toEqual({ data: { answer: { id: poll.id, __typename: 'SubmitPollResponsePayload' } } });
  });

  it('leaves refused submissions to the general path, which gives its own error and stores nothing', async () => {
    const poll = await openPoll();
    const closed = await openPoll();
    await t.gql('mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { id } } }', { input: { id: closed.id } }, { token: editor });
    const cases: Array<[string, Record<string, unknown>]> = [
      ['BAD_USER_INPUT', submission(poll, { answers: [{ questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[1].id] }, { questionId: poll.questions[2].id, number: 9 }] })],
      ['BAD_USER_INPUT', submission(poll, { respondentToken: 'not-one-of-ours' })],
      ['POLL_CLOSED', submission(closed)],
      ['NOT_FOUND', submission(poll, { pollId: '00000000-0000-4000-8000-000000000000' })],
      ['BAD_USER_INPUT', submission(poll, { districtId: '00000000-0000-4000-8000-000000000000' })],
    ];
    for (const [code, input] of cases) {
      const { fast, general, tookFastPath } = await bothWays((query) => send(t, { query, variables: { input } }));
      expect([code, tookFastPath]).toEqual([code, false]);
      expect(fast).toEqual(general);
      expect(JSON.parse(fast.body).errors[0].extensions.code).toBe(code);
    }
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(0);
  });

  it('leaves variables that need GraphQL coercion, unknown fields, staff and unknown API keys to Apollo Server', async () => {
    const poll = await openPoll();
    const before = fastAnswered();
    const rating = await openPoll(surveyInput({ questions: [{ kind: 'RATING', promptFa: 'نمره' }] }));
    // One answer, not a list: GraphQL coerces it to a list of one.
    const res1 = await send(t, { query: FAST, variables: { input: { pollId: rating.id, answers: { questionId: rating.questions[0].id, number: 4 } } } });
    expect(JSON.parse(res1.body).data.submitPollResponse.pollId).toBe(rating.id);
    const res2 = await send(t, { query: FAST, variables: { input: { ...submission(poll), extra: 1 } } });
    expect(JSON.parse(res2.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const res3 = await send(t, { query: FAST, variables: { input: submission(poll) } }, { authorization: `Bearer ${editor}` });
    expect(JSON.parse(res3.body).data.submitPollResponse.pollId).toBe(poll.id);
    const res6 = await send(t, { query: FAST, variables: { input: submission(poll) } }, { 'x-api-key': 'nabz_unknownkeyunknownkeyunknownkey00' });
    expect(JSON.parse(res6.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const res5 = await send(t, { query: FAST, variables: { input: submission(poll) } }, { accept: 'application/graphql-response+json' });
    expect(res5.contentType).toBe('application/graphql-response+json; charset=utf-8');
    const res4 = await send(t, { query: FAST, operationName: 'Other', variables: { input: submission(poll) } });
    expect(res4.status).toBe(400); // Apollo: unknown operation name
    expect(fastAnswered()).toBe(before);
  });

  it('gives the same RATE_LIMITED once the address has spent its submissions', async () => {
    const poll = await openPoll();
    const tokens = [await issuedToken(), await issuedToken(), await issuedToken(), await issuedToken()];
    let i = 0;
    const request = (query: string) => send(limited, { query, variables: { input: submission(poll, { respondentToken: tokens[i++] }) } });
    await request(FAST);
    await request(FAST);
    const { fast, general, tookFastPath } = await bothWays(request, limited);
    expect(tookFastPath).toBe(true);
    expect(fast).toEqual(general);
    expect(JSON.parse(fast.body)).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }], data: null });
  });

  it('leaves polls it has not checked before to the general path, so a limited client reads nothing from the database', async () => {
    const poll = await openPoll();
    const tokens = [await issuedToken(), await issuedToken()];
    for (const token of tokens) await send(limited, { query: FAST, variables: { input: submission(poll, { respondentToken: token }) } });
    const before = limited.sqlCount();
    const fastBefore = fastAnswered(limited);
    for (let i = 0; i < 5; i++) {
      const res = await send(limited, { query: FAST, variables: { input: submission(poll, { pollId: `00000000-0000-4000-8000-00000000000${i}` }) } });
      expect(JSON.parse(res.body).errors[0].extensions.code).toBe('RATE_LIMITED');
    }
    expect(limited.sqlCount()).toBe(before);
    expect(fastAnswered(limited)).toBe(fastBefore);
    // A new poll's first submission goes the general way and caches it; the next takes the fast path.
    const fresh = await createPoll(t, editor, surveyInput());
    const first = await bothWays((query) => send(t, { query, variables: { input: submission(fresh) } }));
    expect([first.tookFastPath, first.fast.status]).toEqual([false, 200]);
    const second = await bothWays((query) => send(t, { query, variables: { input: submission(fresh) } }));
    expect(second.tookFastPath).toBe(true);
  });

  it('refuses an empty respondent token, and takes an empty cookie for none, both ways', async () => {
    const poll = await openPoll();
    const empty = await bothWays((query) => send(t, { query, variables: { input: submission(poll, { respondentToken: '' }) } }));
    expect(empty.fast).toEqual(empty.general);
    expect(JSON.parse(empty.fast.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'input.respondentToken' } }], data: null });
    // An empty cookie is no token: each request is a new respondent with a new token and cookie.
    const cookie = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, { cookie: 'nabz_respondent=' }));
    expect(cookie.tookFastPath).toBe(true);
    expect(cookie.fast).toEqual(cookie.general);
    expect(cookie.fast.setCookie).toMatch(/^nabz_respondent=<token>;/);
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(2);
  });

  it('refuses, before storing anything, a client that accepts no JSON answer; answers in the negotiated media type', async () => {
    const poll = await openPoll();
    for (const accept of ['text/html', 'application/json;q=0, text/plain']) {
      const { fast, general, tookFastPath } = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, { accept }));
      expect([accept, tookFastPath, fast.status]).toEqual([accept, false, 406]);
      expect(fast).toEqual(general);
      expect(JSON.parse(fast.body)).toMatchObject({ errors: [{ extensions: { code: 'NOT_ACCEPTABLE' } }] });
    }
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(0); // Apollo Server alone would have stored each one and then answered 406
    const upper = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, { accept: 'APPLICATION/GRAPHQL-RESPONSE+JSON' }));
    expect(upper.tookFastPath).toBe(false);
    expect([upper.fast.contentType, upper.general.contentType]).toEqual(['application/graphql-response+json; charset=utf-8', 'application/graphql-response+json; charset=utf-8']);
    const json = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, { accept: 'text/html, application/json;q=0.9' }));
    expect([json.tookFastPath, json.fast.contentType]).toEqual([true, 'application/json; charset=utf-8']);
    expect(json.fast).toEqual(json.general);
  });

  it('masks a database refusal as INTERNAL_SERVER_ERROR with the request id, as the general path', async () => {
    const poll = await openPoll();
    await t.app.db.query('ALTER TABLE poll_answer ADD CONSTRAINT test_no_four CHECK (number IS DISTINCT FROM 4) NOT VALID');
    try {
      const { fast, general, tookFastPath } = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }));
      expect(tookFastPath).toBe(true);
      expect(fast).toEqual(general);
      expect(JSON.parse(fast.body)).toMatchObject({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: '<request-id>' } }], data: null });
      expect(fast.body).not.toMatch(/test_no_four|constraint|poll_answer/);
    } finally {
      await t.app.db.query('ALTER TABLE poll_answer DROP CONSTRAINT test_no_four');
    }
  });

  it('stores exactly one of 50 concurrent submissions with one token, refusing the rest with ALREADY_RESPONDED', async () => {
    const poll = await openPoll();
    const token = await issuedToken();
    const before = fastAnswered();
    const results = await Promise.all(Array.from({ length: 50 }, () => send(t, { query: FAST, variables: { input: submission(poll, { respondentToken: token }) } })));
    expect(fastAnswered()).toBe(before + 50);
    const codes = results.map((r) => JSON.parse(r.body).errors?.[0].extensions.code ?? 'ACCEPTED');
    expect(codes.filter((c) => c === 'ACCEPTED').length).toBe(1);
    expect(codes.filter((c) => c === 'ALREADY_RESPONDED').length).toBe(49);
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [poll.id]);
    expect(n).toBe(1);
  });

  it('takes a partner\'s API key with SUBMIT_RESPONSES once known, counting it and answering as the general path; leaves other keys to it', async () => {
    const admin = await t.signIn('admin');
    const issue = async (scopes: string[], requestsPerMinute = 1000) => {
      const res = await t.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
        'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
        { input: { name: `Partner ${scopes.join('+')} ${requestsPerMinute}`, scopes, requestsPerMinute } },
        { token: admin },
      );
      return res.body.data!.createApiKey;
    };
    const poll = await openPoll();
    const key = await issue(['SUBMIT_RESPONSES']);
    const headers = { 'x-api-key': key.secret };
    // First use: unknown to this instance, so the general path authenticates (and caches) it.
    const before = fastAnswered();
    await send(t, { query: FAST, variables: { input: submission(poll) } }, headers);
    expect(fastAnswered()).toBe(before);
    const { fast, general, tookFastPath } = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, headers));
    expect(tookFastPath).toBe(true);
    expect(fast).toEqual(general);
    await t.app.services.apiKeys.flush();
    const [{ request_count }] = await t.app.db.query('SELECT request_count FROM api_key WHERE id = $1', [key.apiKey.id]);
    expect(Number(request_count)).toBe(3);

    // A key without the scope: the general path's FORBIDDEN.
    const reader = await issue(['PUBLIC_READ']);
    await send(t, { query: '{ __typename }' }, { 'x-api-key': reader.secret });
    const forbidden = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, { 'x-api-key': reader.secret }));
    expect(forbidden.tookFastPath).toBe(false);
    expect(forbidden.fast).toEqual(forbidden.general);
    expect(JSON.parse(forbidden.fast.body).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'SUBMIT_RESPONSES' });

    // A key over its limit: the general path's 429, no data.
    const small = await issue(['SUBMIT_RESPONSES'], 2);
    await send(t, { query: FAST, variables: { input: submission(poll) } }, { 'x-api-key': small.secret });
    await send(t, { query: FAST, variables: { input: submission(poll) } }, { 'x-api-key': small.secret });
    const limitedKey = await bothWays((query) => send(t, { query, variables: { input: submission(poll) } }, { 'x-api-key': small.secret }));
    expect(limitedKey.tookFastPath).toBe(true);
    expect(limitedKey.fast).toEqual(limitedKey.general);
    expect(limitedKey.fast.status).toBe(429);
    expect(JSON.parse(limitedKey.fast.body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } }] });
  });

  it('sets a Secure cookie where COOKIE_SECURE is on, and takes a null operationName, both as the general path', async () => {
    const secure = await startTestApp({ databaseUrl: t.databaseUrl, env: { COOKIE_SECURE: 'true', SUBMISSIONS_PER_MINUTE: '100000' } });
    try {
      const poll = await openPoll();
      await secure.app.services.polls.definition(poll.id);
      const { fast, general, tookFastPath } = await bothWays((query) => send(secure, { query, operationName: null, variables: { input: submission(poll) } }), secure);
      expect(tookFastPath).toBe(true);
      expect(fast).toEqual(general);
      expect(fast.setCookie).toBe('nabz_respondent=<token>; Max-Age=31536000; Path=/; HttpOnly; Secure; SameSite=Lax');
    } finally {
      await secure.close();
    }
  });

  it('refuses anonymous documents outside the trusted list where they are enforced, and takes the website\'s own', async () => {
    const enforced = await startTestApp({ databaseUrl: t.databaseUrl, env: { TRUSTED_DOCUMENTS: 'enforce', SUBMISSIONS_PER_MINUTE: '100000' } });
    try {
      const poll = await openPoll();
      await enforced.app.services.polls.definition(poll.id);
      const untrusted = await send(enforced, { query: FAST, variables: { input: submission(poll) } });
      expect([untrusted.status, JSON.parse(untrusted.body).errors[0].extensions.code]).toEqual([403, 'UNTRUSTED_DOCUMENT']);
      const website = 'mutation SubmitPollResponse($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId respondentToken } }';
      const before = fastAnswered(enforced);
      const ok = await send(enforced, { query: website, variables: { input: submission(poll) } });
      expect(JSON.parse(ok.body).data.submitPollResponse.pollId).toBe(poll.id);
      expect(fastAnswered(enforced)).toBe(before + 1);
    } finally {
      await enforced.close();
    }
  });
});
