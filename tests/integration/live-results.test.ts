import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { signWebClient, WEB_CLIENT_HEADER } from '../../server/src/common/client-address';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, type CreatedPoll, SUBMIT } from '../helpers/polls';
import { waitFor } from '../helpers/wait';

/**
 * Live poll results over graphql-ws: real HTTP submissions, real WebSocket subscribers, and two
 * server instances that share one database and a Redis.
 */

const RESULTS = `subscription ($pollId: ID!) {
  pollResultsUpdated(pollId: $pollId) { responseCount poll { id } questions { answeredCount withheld responsesNeeded options { count } } }
}`;
type Results = {
  pollResultsUpdated: {
    responseCount: number;
    poll: { id: string };
    questions: Array<{ answeredCount: number; withheld: boolean; responsesNeeded: number; options: Array<{ count: number }> }>;
  };
};

const REDIS_URL = 'redis://127.0.0.1:6379';
// Shared Redis, shared across runs: rate limits there must not trip a test that signs in again.
const ENV = { SUBMISSIONS_PER_MINUTE: '100000', SIGN_IN_ATTEMPTS_PER_15_MIN: '100000' };

function pollInput(overrides: Record<string, unknown> = {}) {
  return {
    titleFa: 'نظرسنجی زنده',
    questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'کدام؟', options: [{ labelFa: 'الف' }, { labelFa: 'ب' }] }],
    ...overrides,
  };
}

async function submit(t: TestApp, poll: CreatedPoll, option = 0, respondentToken?: string): Promise<string> {
  const q = poll.questions[0];
  const res = await t.gql(SUBMIT, {
    input: { pollId: poll.id, respondentToken, answers: [{ questionId: q.id, optionIds: [q.options[option].id] }] },
  });
  if (!res.body.data?.submitPollResponse) throw new Error(`submitPollResponse failed: ${JSON.stringify(res.body.errors)}`);
  // Counted (and pushed) once it leaves the answer mix: what the mixer does on its timer, at once.
  await t.settle();
  return res.body.data.submitPollResponse.respondentToken;
}

const clients: Client[] = [];
function wsClient(t: TestApp, connectionParams?: Record<string, unknown>, closes: number[] = []): Client {
  const client = createClient({
    url: t.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  clients.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

/** One subscription's events as they arrive, with waits that fail with what did arrive. */
class Subscription<T = Results> {
  readonly events: Array<ExecutionResult<T>> = [];
  completed = false;
  failure: unknown;
  private listeners = new Set<() => void>();

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    client.subscribe<T>(
      { query, variables },
      {
        next: (event) => this.notify(() => this.events.push(event as ExecutionResult<T>)),
        error: (err) => this.notify(() => (this.failure = err)),
        complete: () => this.notify(() => (this.completed = true)),
      },
    );
  }

  private notify(change: () => void) {
    change();
    this.listeners.forEach((l) => l());
  }

  /** Resolves when `done()` holds; fails after `ms` with the events received so far. */
  until(done: () => boolean, what: string, ms = 8000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(
          new Error(
            `timed out waiting for ${what}; received ${JSON.stringify(this.events)}${this.failure ? `, failure ${String(this.failure)}` : ''}`,
          ),
        );
      }, ms);
      this.listeners.add(check);
      check();
    });
  }

  last(): ExecutionResult<T> | undefined {
    return this.events[this.events.length - 1];
  }

  /** Waits for results with this response count (the update that reflects the last response). */
  async count(n: number, ms?: number): Promise<Results['pollResultsUpdated']> {
    await this.until(() => (this.last()?.data as Results | undefined)?.pollResultsUpdated?.responseCount === n, `responseCount ${n}`, ms);
    return (this.last()!.data as Results).pollResultsUpdated;
  }

  /** Waits for the subscription to end with an error result; returns its code. */
  async refusal(): Promise<string | undefined> {
    await this.until(() => this.completed || !!this.failure, 'the subscription to end');
    return this.events.find((e) => e.errors)?.errors?.[0].extensions?.code as string | undefined;
  }
}

describe('live results in one process (no Redis)', () => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: ENV });
    editor = await t.signIn('editor');
  });
  afterAll(() => t.close());

  it('sends the current results at once, then updates until the third response is counted', async () => {
    const poll = await createPoll(t, editor, pollInput());
    const sub = new Subscription(wsClient(t), RESULTS, { pollId: poll.id });
    expect(await sub.count(0)).toMatchObject({ responseCount: 0, poll: { id: poll.id } });

    await submit(t, poll, 0);
    await submit(t, poll, 1);
    await submit(t, poll, 1);
    const results = await sub.count(3);
    // Under the poll's minimum of 10 answers the counts are withheld (0) and the push says how many more are needed.
    expect(results.questions[0]).toEqual({ answeredCount: 3, withheld: true, responsesNeeded: 7, options: [{ count: 0 }, { count: 0 }] });
    expect(sub.events.every((e) => !e.errors)).toBe(true);
  });

  it('throttles a burst of responses to a few pushes, the last of which counts every response', async () => {
    const poll = await createPoll(t, editor, pollInput());
    const sub = new Subscription(wsClient(t), RESULTS, { pollId: poll.id });
    await sub.count(0);
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => submit(t, poll, i % 2)));
    await sub.count(20);
    const elapsed = Date.now() - started;
    const updates = sub.events.length - 1;
    // One push on the first response, then at most one per 250 ms window (and the trailing one).
    expect(updates).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    expect(updates).toBeLessThan(20);
    const counts = sub.events.map((e) => (e.data as Results).pollResultsUpdated.responseCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b)); // never goes backwards
  });

  it('computes the results once per update for all subscribers of a poll', async () => {
    // STAFF_ONLY, so that the anonymous submission itself computes no results for its payload.
    const poll = await createPoll(t, editor, pollInput({ resultsVisibility: 'STAFF_ONLY' }));
    const subs = [0, 1, 2].map(() => new Subscription(wsClient(t, { authorization: `Bearer ${editor}` }), RESULTS, { pollId: poll.id }));
    await Promise.all(subs.map((s) => s.count(0)));
    const compute = jest.spyOn(t.app.services.pollResults, 'results');
    try {
      await submit(t, poll);
      await Promise.all(subs.map((s) => s.count(1)));
      expect(compute.mock.calls.filter(([id]) => id === poll.id)).toHaveLength(1);
    } finally {
      compute.mockRestore();
    }
  });

  it('stops following a poll when its last subscriber leaves', async () => {
    const poll = await createPoll(t, editor, pollInput());
    const client = wsClient(t);
    const sub = new Subscription(client, RESULTS, { pollId: poll.id });
    await sub.count(0);
    expect(t.app.services.pollLive.stats().subscribers).toBeGreaterThanOrEqual(1);
    await client.dispose();
    const deadline = Date.now() + 3000;
    while (t.app.services.pollLive.stats().subscribers > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(t.app.services.pollLive.stats()).toEqual({ polls: 0, subscribers: 0 });
  });
});

describe('live results: who may subscribe', () => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: ENV });
    editor = await t.signIn('editor');
  });
  afterAll(() => t.close());

  it("refuses a STAFF_ONLY poll's results to an anonymous client (FORBIDDEN) and sends them to staff with a bearer token in connectionParams", async () => {
    const poll = await createPoll(t, editor, pollInput({ resultsVisibility: 'STAFF_ONLY' }));
    const anonymous = new Subscription(wsClient(t), RESULTS, { pollId: poll.id });
    expect(await anonymous.refusal()).toBe('FORBIDDEN');
    expect(anonymous.events.some((e) => e.data?.pollResultsUpdated)).toBe(false);

    const analyst = await t.signIn('analyst');
    const staff = new Subscription(wsClient(t, { authorization: `Bearer ${analyst}` }), RESULTS, { pollId: poll.id });
    await staff.count(0);
    await submit(t, poll);
    await staff.count(1);
  });

  it('sends AFTER_RESPONSE results only to a respondent who answered (respondentToken in connectionParams)', async () => {
    const poll = await createPoll(t, editor, pollInput({ resultsVisibility: 'AFTER_RESPONSE' }));
    const before = new Subscription(wsClient(t), RESULTS, { pollId: poll.id });
    expect(await before.refusal()).toBe('FORBIDDEN');

    const token = await submit(t, poll);
    const after = new Subscription(wsClient(t, { respondentToken: token }), RESULTS, { pollId: poll.id });
    await after.count(1);
  });

  it('does not reveal a draft (NOT_FOUND) or a poll that does not exist', async () => {
    const draft = await createPoll(t, editor, pollInput(), false);
    expect(await new Subscription(wsClient(t), RESULTS, { pollId: draft.id }).refusal()).toBe('NOT_FOUND');
    expect(await new Subscription(wsClient(t), RESULTS, { pollId: randomUUID() }).refusal()).toBe('NOT_FOUND');
    expect(await new Subscription(wsClient(t), RESULTS, { pollId: 'not-a-uuid' }).refusal()).toBe('NOT_FOUND');
  });

  it('ends an anonymous subscription with FORBIDDEN once staff make the results STAFF_ONLY', async () => {
    const poll = await createPoll(t, editor, pollInput());
    const sub = new Subscription(wsClient(t), RESULTS, { pollId: poll.id });
    await sub.count(0);
    const changed = await t.gql(
      'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
      { input: { id: poll.id, resultsVisibility: 'STAFF_ONLY' } },
      { token: editor },
    );
    expect(changed.body.errors).toBeUndefined();
    await submit(t, poll);
    expect(await sub.refusal()).toBe('FORBIDDEN');
    expect(sub.events.filter((e) => e.data?.pollResultsUpdated)).toHaveLength(1);
  });

  it('ends a STAFF_ONLY subscription with UNAUTHENTICATED at the next update once its staff member signs out, and sends nothing more', async () => {
    const poll = await createPoll(t, editor, pollInput({ resultsVisibility: 'STAFF_ONLY' }));
    const analyst = await t.signIn('analyst');
    const sub = new Subscription(wsClient(t, { authorization: `Bearer ${analyst}` }), RESULTS, { pollId: poll.id });
    await sub.count(0);
    const out = await t.gql('mutation { signOut { signedOut } }', {}, { token: analyst });
    expect(out.body.errors).toBeUndefined();
    await submit(t, poll);
    await submit(t, poll);
    expect(await sub.refusal()).toBe('UNAUTHENTICATED');
    expect(sub.events.filter((e) => e.data?.pollResultsUpdated).map((e) => (e.data as Results).pollResultsUpdated.responseCount)).toEqual([
      0,
    ]);
  });

  it('ends a STAFF_ONLY subscription with UNAUTHENTICATED at the next update once an admin deactivates its staff member', async () => {
    const poll = await createPoll(t, editor, pollInput({ resultsVisibility: 'STAFF_ONLY' }));
    const media = await t.signIn('media');
    const sub = new Subscription(wsClient(t, { authorization: `Bearer ${media}` }), RESULTS, { pollId: poll.id });
    await sub.count(0);
    const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, { token: media });
    const admin = await t.signIn('admin');
    const off = await t.gql(
      'mutation ($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { staffUser { active } } }',
      { input: { id: me.body.data!.me.id, active: false } },
      { token: admin },
    );
    expect(off.body.errors).toBeUndefined();
    await submit(t, poll);
    expect(await sub.refusal()).toBe('UNAUTHENTICATED');
    expect(sub.events.filter((e) => e.data?.pollResultsUpdated)).toHaveLength(1);
  });

  it("refuses the WebSocket handshake (403) from a page of another origin, and accepts the site's origin and clients that send none", async () => {
    const url = t.graphqlUrl.replace(/^http/, 'ws');
    const handshake = (origin?: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, 'graphql-transport-ws', origin ? { origin } : {});
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.on('error', () => undefined);
      });
    expect(await handshake('https://evil.example')).toBe(403);
    expect(await handshake('http://localhost:3001')).toBe(403);
    expect(await handshake('null')).toBe(403);
    // PUBLIC_SITE_URL (http://localhost:3000 unless set) is the site; the website's server and partner apps send no Origin.
    expect(await handshake('http://localhost:3000')).toBe(101);
    expect(await handshake()).toBe(101);
  });

  it('closes a connection whose bearer token is unknown (4403) before any subscription starts', async () => {
    const closes: number[] = [];
    const sub = new Subscription(wsClient(t, { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, closes), RESULTS, {
      pollId: randomUUID(),
    });
    await sub.until(() => !!sub.failure, 'the connection to be refused');
    expect(closes).toEqual([4403]);
    expect(sub.events).toEqual([]);
  });
});

describe("live results: the WebSocket has the HTTP endpoint's protections", () => {
  let t: TestApp;
  beforeAll(async () => {
    // The tally folder's timer runs SQL of its own; slowed down, it cannot blur "runs no SQL".
    t = await startTestApp({ seed: true, env: { ...ENV, TALLY_INTERVAL_MS: '60000' } });
  });
  afterAll(() => t.close());

  const nested = (depth: number) => `subscription { pollResultsUpdated(pollId: "x") { ${'a { '.repeat(depth)}b${' }'.repeat(depth)} } }`;

  it.each([
    ['a depth bomb', nested(20), 'GRAPHQL_VALIDATION_FAILED', /depth limit/i],
    [
      'an alias flood',
      `subscription { ${Array.from({ length: 40 }, (_, i) => `a${i}: pollResultsUpdated(pollId: "x") { responseCount }`).join(' ')} }`,
      'GRAPHQL_VALIDATION_FAILED',
      /aliases limit/i,
    ],
    [
      'a token flood',
      `subscription { pollResultsUpdated(pollId: "x") { ${'responseCount '.repeat(3000)} } }`,
      'GRAPHQL_PARSE_FAILED',
      /tokens/i,
    ],
    ['a syntax error', 'subscription { pollResultsUpdated(', 'GRAPHQL_PARSE_FAILED', null],
    ['a query (queries and mutations go over HTTP)', '{ polls(first: 1) { totalCount } }', 'BAD_REQUEST', /over HTTP/],
    ['a mutation', 'mutation { signOut { signedOut } }', 'BAD_REQUEST', /over HTTP/],
  ])('refuses %s with a coded error and runs no SQL', async (_label, query, code, message) => {
    const before = t.sqlCount();
    const sub = new Subscription(wsClient(t), query, {});
    await sub.until(() => !!sub.failure || sub.completed, 'the refusal');
    const errors = sub.failure as Array<{ message: string; extensions?: { code?: string } }>;
    expect(errors[0].extensions?.code).toBe(code);
    if (message) expect(errors.map((e) => e.message).join('\n')).toMatch(message);
    expect(JSON.stringify(errors)).not.toMatch(/at .+\.(ts|js):\d+|SELECT |node_modules/);
    expect(t.sqlCount()).toBe(before);
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT, not a masked error', async () => {
    const sub = new Subscription(wsClient(t), RESULTS, { pollId: { not: 'an id' } });
    expect(await sub.refusal()).toBe('BAD_USER_INPUT');
  });

  it('closes a connection that does not send connection_init within 3 s (4408)', async () => {
    const socket = new WebSocket(t.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const started = Date.now();
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('refuses a message larger than the request body limit', async () => {
    // graphql-ws reports the refused frame with console.error; keep the test output clean.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const socket = new WebSocket(t.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => socket.on('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(200 * 1024) } }));
      const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
      expect(code).toBe(1009); // message too big
    } finally {
      consoleError.mockRestore();
    }
  });
});

describe('live results: open WebSockets per client address (WEBSOCKET_CONNECTIONS_PER_ADDRESS)', () => {
  const SECRET = 'web-api-secret-for-the-tests-0123456789';
  let t: TestApp;
  let url: string;
  const sockets: WebSocket[] = [];
  beforeAll(async () => {
    t = await startTestApp({ env: { ...ENV, WEBSOCKET_CONNECTIONS_PER_ADDRESS: '3', WEB_API_SECRET: SECRET } });
    url = t.graphqlUrl.replace(/^http/, 'ws');
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.terminate()));
  afterAll(() => t.close());

  /** Opens a socket (kept open) and resolves with 101, or with the status its handshake was refused with. */
  const open = (headers: Record<string, string> = {}) =>
    new Promise<number>((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
      sockets.push(socket);
      socket.on('open', () => resolve(101));
      socket.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('error', () => undefined);
    });
  const visitor = (address: string) => ({ [WEB_CLIENT_HEADER]: signWebClient(SECRET, address) });

  it('refuses the handshake of one connection too many from an address with 429, and takes one again once another closes', async () => {
    expect([await open(), await open(), await open()]).toEqual([101, 101, 101]);
    expect(await open()).toBe(429);
    // Without the secret, a claimed visitor address is the sender's own; with it, the visitor is not held back by the website's count.
    expect(await open({ [WEB_CLIENT_HEADER]: signWebClient('another-secret-that-is-long-enough-000', '198.51.100.60') })).toBe(429);
    expect(await open(visitor('198.51.100.60'))).toBe(101);
    sockets[0].close();
    // Counted until the server sees the socket close, which the client learns first.
    await waitFor(async () => (await open()) === 101, 10_000, 'the closed connection to stop counting');
  });

  it("counts the website's connections by the visitor it signs for, and an IPv6 visitor by its /64", async () => {
    for (let i = 0; i < 3; i++) expect(await open(visitor('203.0.113.50'))).toBe(101);
    expect(await open(visitor('203.0.113.50'))).toBe(429);
    expect(await open(visitor('203.0.113.51'))).toBe(101);
    for (const host of ['1', '2', '3']) expect(await open(visitor(`2001:db8:1:2::${host}`))).toBe(101);
    expect(await open(visitor('2001:db8:1:2:ffff::9'))).toBe(429);
    expect(await open(visitor('2001:db8:1:3::1'))).toBe(101);
  });
});

describe('live results for partner apps where only trusted documents run (TRUSTED_DOCUMENTS=enforce)', () => {
  /** `t` enforces; `open`, a second instance on the same database, does not (keys and polls are made there). */
  let open: TestApp;
  let t: TestApp;
  let poll: CreatedPoll;
  beforeAll(async () => {
    open = await startTestApp({ seed: true, env: ENV });
    t = await startTestApp({ databaseUrl: open.databaseUrl, env: { ...ENV, TRUSTED_DOCUMENTS: 'enforce' } });
    poll = await createPoll(open, await open.signIn('editor'), pollInput());
  });
  afterAll(async () => {
    await t.close();
    await open.close();
  });

  async function apiKey(scopes: string[]): Promise<string> {
    const res = await open.gql<{ createApiKey: { secret: string } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: `Live ${scopes.join(' ')}`, scopes, requestsPerMinute: 100 } },
      { token: await open.signIn('admin') },
    );
    return res.body.data!.createApiKey.secret;
  }
  /** The code of the error a subscription was refused with at its start. */
  async function refusedWith(sub: Subscription): Promise<string | undefined> {
    await sub.until(() => !!sub.failure || sub.completed, 'the refusal');
    return (sub.failure as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code;
  }

  it("refuses an anonymous client's own subscription document (UNTRUSTED_DOCUMENT)", async () => {
    expect(await refusedWith(new Subscription(wsClient(t), RESULTS, { pollId: poll.id }))).toBe('UNTRUSTED_DOCUMENT');
  });

  it("runs a partner's own subscription document with its API key, in connectionParams or the X-Api-Key header", async () => {
    const secret = await apiKey(['PUBLIC_READ']);
    await new Subscription(wsClient(t, { apiKey: secret }), RESULTS, { pollId: poll.id }).count(0);
    const withHeader = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { 'x-api-key': secret } });
      }
    };
    const client = createClient({ url: t.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: withHeader, retryAttempts: 0 });
    clients.push(client);
    await new Subscription(client, RESULTS, { pollId: poll.id }).count(0);
  });

  it('holds a key to its scopes (FORBIDDEN without PUBLIC_READ) and closes a connection whose key is unknown (4403)', async () => {
    const submitOnly = await apiKey(['SUBMIT_RESPONSES']);
    expect(await refusedWith(new Subscription(wsClient(t, { apiKey: submitOnly }), RESULTS, { pollId: poll.id }))).toBe('FORBIDDEN');
    const closes: number[] = [];
    const unknown = new Subscription(wsClient(t, { apiKey: `nabz_${'A'.repeat(40)}` }, closes), RESULTS, { pollId: poll.id });
    await unknown.until(() => !!unknown.failure, 'the connection to be refused');
    expect(closes).toEqual([4403]);
  });
});

/** PING over a plain socket, so that a missing Redis fails this suite with a clear message. */
function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) || 6379 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

describe('live results across two server instances (Redis pub/sub)', () => {
  let a: TestApp;
  let b: TestApp | undefined;
  let editor: string;

  beforeAll(async () => {
    if (!(await redisAnswers(REDIS_URL))) {
      throw new Error(
        `Redis does not answer at ${REDIS_URL}: the cross-instance live-results tests need it (CI has one). Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""`,
      );
    }
    // A channel prefix of this run's own: parallel runs on one Redis do not hear each other.
    const live = { channelPrefix: `nabz-test:${randomUUID()}:` };
    a = await startTestApp({ seed: true, env: { ...ENV, REDIS_URL }, live });
    b = await startTestApp({ seed: true, env: { ...ENV, REDIS_URL }, live, databaseUrl: a.databaseUrl });
    editor = await a.signIn('editor');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a response accepted on instance A to a subscriber on instance B', async () => {
    const poll = await createPoll(a, editor, pollInput());
    const onB = new Subscription(wsClient(b!), RESULTS, { pollId: poll.id });
    await onB.count(0);

    await submit(a, poll, 1);
    expect((await onB.count(1)).questions[0]).toMatchObject({ withheld: true, responsesNeeded: 9, options: [{ count: 0 }, { count: 0 }] });
    await submit(a, poll, 0);
    await submit(a, poll, 0);
    expect((await onB.count(3)).questions[0]).toMatchObject({ withheld: true, responsesNeeded: 7 });
  });

  it('reflects a response accepted on either instance on both', async () => {
    const poll = await createPoll(a, editor, pollInput());
    const onA = new Subscription(wsClient(a), RESULTS, { pollId: poll.id });
    const onB = new Subscription(wsClient(b!), RESULTS, { pollId: poll.id });
    await Promise.all([onA.count(0), onB.count(0)]);
    await submit(a, poll);
    await Promise.all([onA.count(1), onB.count(1)]);
    await submit(b!, poll);
    await Promise.all([onA.count(2), onB.count(2)]);
  });

  it('ends open subscriptions with 1001 when an instance shuts down, and shuts down promptly', async () => {
    const poll = await createPoll(a, editor, pollInput());
    const closes: number[] = [];
    const onB = new Subscription(wsClient(b!, undefined, closes), RESULTS, { pollId: poll.id });
    await onB.count(0);
    const started = Date.now();
    await b!.close();
    b = undefined;
    expect(Date.now() - started).toBeLessThan(5000);
    await onB.until(() => closes.length > 0, 'the socket to close');
    expect(closes[0]).toBe(1001);
  });
});
