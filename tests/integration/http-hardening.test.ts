import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: true });
});
afterAll(() => t.close());

async function send(init: RequestInit & { path?: string }) {
  const res = await fetch(`${t.url}${init.path ?? '/graphql'}`, init);
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
  };
}
const json = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

const nested = (depth: number) => `{ goals { edges { node { ${'a { '.repeat(depth)}b${' }'.repeat(depth)} } } } }`;

/**
 * Hostile or broken requests: each gets a clear error with a stable code, runs no SQL at all, and
 * the server goes on serving.
 */
const CASES: Array<[string, () => RequestInit & { path?: string }, number, string, RegExp | null]> = [
  ['malformed JSON', () => json('{"query": "{ goals { totalCount } "'), 400, 'BAD_REQUEST', /not valid JSON/],
  [
    'a body over the size limit',
    () => json(JSON.stringify({ query: `{ goals { totalCount } }`, variables: { pad: 'x'.repeat(200 * 1024) } })),
    413,
    'PAYLOAD_TOO_LARGE',
    null,
  ],
  [
    'a mutation sent with GET',
    () => ({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { signOut { signedOut } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    }),
    405,
    'BAD_REQUEST',
    /only support query/,
  ],
  [
    'a simple (CSRF-able) text/plain POST',
    () => ({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' }),
    400,
    'BAD_REQUEST',
    /Cross-Site Request Forgery/,
  ],
  [
    'an unsupported media type',
    () => ({ method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' }),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    null,
  ],
  [
    'a batched request',
    () => json(JSON.stringify([{ query: '{ goals { totalCount } }' }, { query: '{ districts { id } }' }])),
    400,
    'BAD_REQUEST',
    null,
  ],
  ['a depth bomb', () => json(JSON.stringify({ query: nested(20) })), 400, 'GRAPHQL_VALIDATION_FAILED', /depth limit/i],
  [
    'an alias flood',
    () => json(JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: goals { totalCount }`).join(' ')} }` })),
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /aliases limit/i,
  ],
  [
    'a token flood',
    () => json(JSON.stringify({ query: `{ goals { ${'totalCount '.repeat(3000)} } }` })),
    400,
    'GRAPHQL_PARSE_FAILED',
    /contains more tha[nt] \d+ tokens/i,
  ],
  [
    'a directive flood',
    () => json(JSON.stringify({ query: `{ goals { totalCount ${'@include(if: true) '.repeat(60)} } }` })),
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /directives/i,
  ],
  ['a syntax error', () => json(JSON.stringify({ query: '{ goals { ' })), 400, 'GRAPHQL_PARSE_FAILED', null],
  ['an unknown field', () => json(JSON.stringify({ query: '{ goals { secret } }' })), 400, 'GRAPHQL_VALIDATION_FAILED', null],
  [
    'a variable of the wrong type',
    () => json(JSON.stringify({ query: 'query ($n: Int) { goals(first: $n) { totalCount } }', variables: { n: 'many' } })),
    400,
    'BAD_USER_INPUT',
    null,
  ],
  ['a missing query', () => json(JSON.stringify({ variables: {} })), 400, 'BAD_REQUEST', null],
];

describe('hostile and malformed HTTP requests', () => {
  it.each(CASES)('answers %s with a clear error, runs no SQL and keeps serving', async (_label, request, status, code, message) => {
    const before = t.sqlCount();
    const res = await send(request());
    expect(res.status).toBe(status);
    expect(res.body.errors?.[0].extensions?.code).toBe(code);
    if (message) expect(res.body.errors?.map((e) => e.message).join('\n')).toMatch(message);
    // A limit is not a syntax error (graphql-armor's own wording says so).
    if (code === 'GRAPHQL_VALIDATION_FAILED') expect(res.body.errors?.filter((e) => /^Syntax Error/.test(e.message))).toEqual([]);
    expect(res.text).not.toMatch(/at .+\.(ts|js):\d+|SELECT |node_modules/);
    expect(t.sqlCount()).toBe(before);

    const ok = await t.gql('{ goals(first: 1) { totalCount } }');
    expect(ok.body.data).toEqual({ goals: { totalCount: 31 } });
  });

  it('answers unknown paths with NOT_FOUND in JSON', async () => {
    const res = await send({ method: 'GET', path: '/wp-admin' });
    expect(res.status).toBe(404);
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('echoes a safe X-Request-Id and makes one up otherwise', async () => {
    const mine = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'partner-abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('partner-abc-123');
    const hostile = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a GET query that carries a preflight header, as partner apps may cache it', async () => {
    const res = await send({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ goals(first: 2) { totalCount } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ goals: { totalCount: 31 } });
  });
});

describe('health', () => {
  it('is live and ready while the database answers', async () => {
    expect((await send({ method: 'GET', path: '/healthz' })).status).toBe(200);
    expect(await send({ method: 'GET', path: '/readyz' })).toMatchObject({ status: 200, body: { status: 'ready' } });
  });
});
