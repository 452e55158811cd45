/**
 * Redis going away degrades rate limits and live results to per-process behaviour without taking
 * the API down. Redis is reached through a TCP proxy this test owns, so it can "go away" without
 * touching the Redis other tests use.
 */
import net from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput, type CreatedPoll } from '../helpers/polls';

const SUBMIT = 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }';

/** A proxy to the real Redis that can be cut: every connection through it is destroyed. */
async function redisProxy(): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(6379, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function answers(poll: CreatedPoll): Record<string, unknown> {
  const [single, , rating] = poll.questions;
  return {
    pollId: poll.id,
    answers: [
      { questionId: single.id, optionIds: [single.options[1].id] },
      { questionId: rating.id, number: 5 },
    ],
  };
}

let t: TestApp;
let proxy: Awaited<ReturnType<typeof redisProxy>>;

beforeAll(async () => {
  proxy = await redisProxy();
  t = await startTestApp({ env: { REDIS_URL: proxy.url, SUBMISSIONS_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  await t.close();
  await proxy.close();
});

it('keeps answering reads, sign-ins, submissions and API keys while Redis is gone', async () => {
  const editor = await t.signIn('editor');
  const poll = await createPoll(t, editor, surveyInput());
  expect((await t.gql(SUBMIT, { input: answers(poll) })).body.errors).toBeUndefined();

  proxy.cut();

  const started = Date.now();
  const read = await t.gql('{ districts { id } }');
  expect(read.body.errors).toBeUndefined();
  const submitted = await t.gql(SUBMIT, { input: answers(poll) });
  expect(submitted.body.errors).toBeUndefined();
  expect(await t.signIn('analyst')).toEqual(expect.any(String));
  const created = await t.gql(
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    { input: { name: 'During the outage', scopes: ['PUBLIC_READ'], requestsPerMinute: 2 } },
    { token: await t.signIn('admin') },
  );
  const headers = { 'x-api-key': created.body.data!.createApiKey.secret };
  // The limits still hold, per process (the in-memory insurance limiter).
  const codes: Array<string | undefined> = [];
  for (let i = 0; i < 3; i++) codes.push((await t.gql('{ districts { id } }', {}, { headers })).body.errors?.[0].extensions?.code);
  expect(codes).toEqual([undefined, undefined, 'RATE_LIMITED']);
  expect(Date.now() - started).toBeLessThan(15_000);

  await t.settle();
  const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [poll.id]);
  expect(n).toBe(2);
  const ready = await fetch(`${t.url}/readyz`);
  expect(ready.status).toBe(200);
});
