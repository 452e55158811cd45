import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { Webhooks1764900000000 } from '../../server/src/db/migrations/1764900000000-Webhooks';
import { eventWebhookPayload } from '../../server/src/modules/webhooks/webhook.payloads';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput } from '../helpers/polls';

/** A partner's endpoint: a real HTTP server on 127.0.0.1 that records every request. */
class Receiver {
  readonly requests: Array<{ path: string; headers: http.IncomingHttpHeaders; body: string; at: number }> = [];
  connections = 0;
  /** The status to answer a request with, by path; 200 when no rule says otherwise. */
  respond: (path: string, body: string, seen: number) => number | Promise<number> = () => 200;
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const seen = this.requests.filter((r) => r.path === path && r.headers['x-nabz-delivery'] === req.headers['x-nabz-delivery']).length;
      this.requests.push({ path, headers: req.headers, body, at: Date.now() });
      const status = await this.respond(path, body, seen);
      res.writeHead(status, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  base = '';

  async start(): Promise<void> {
    this.server.on('connection', () => this.connections++);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  on(path: string, type?: string) {
    return this.requests.filter((r) => r.path === path && (!type || r.headers['x-nabz-event'] === type));
  }
}

async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the dispatcher has tried every delivery queued about `subjectId` at least once: what
 * it would send about that subject has been sent by then, so a test can check what was not.
 */
async function attempted(app: TestApp, subjectId: string): Promise<void> {
  await waitFor(`every delivery about ${subjectId} to be attempted`, async () => {
    const [{ n }] = await app.app.db.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE payload -> 'data' ->> 'id' = $1 AND attempts = 0`,
      [subjectId],
    );
    return n === 0;
  });
}

/** The check a partner makes (docs/webhooks.md), written out with node:crypto alone. */
function validSignature(secret: string, header: string | string[] | undefined, rawBody: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header));
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${rawBody}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

const CREATE = `mutation ($input: CreateWebhookInput!) {
  createWebhook(input: $input) { signingSecret webhook { id url events description createdAt disabledAt createdBy { email } } }
}`;
const UPDATE = 'mutation ($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { id events description disabledAt } } }';
const DELETE = 'mutation ($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { deletedWebhookId } }';
const REDELIVER =
  'mutation ($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id status attempts maxAttempts nextAttemptAt } } }';
const LIST = '{ webhooks { id url events description disabledAt } }';
const DELIVERIES = `query ($webhookId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
  webhookDeliveries(webhookId: $webhookId, first: $first, after: $after, status: $status) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id webhookId eventType status attempts maxAttempts nextAttemptAt lastStatusCode lastError deliveredAt createdAt body attemptLog { number statusCode error durationMs attemptedAt } } }
  }
}`;

interface DeliveryNode {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  body: string;
  attemptLog: Array<{ number: number; statusCode: number | null; error: string | null; durationMs: number; attemptedAt: string }>;
}

/** Fast timers so retries and scheduled polls happen within a test; 127.0.0.1 allowed for the receiver. */
const FAST = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_INTERVAL_MS: '100',
  WEBHOOK_RETRY_BASE_MS: '50',
  PUBLIC_SITE_URL: 'https://nabz.city.example',
};

describe('webhooks', () => {
  let t: TestApp;
  let receiver: Receiver;
  let admin: string;
  let editor: string;

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    t = await startTestApp({ seed: true, env: FAST });
    [admin, editor] = await Promise.all([t.signIn('admin'), t.signIn('editor')]);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  async function createWebhook(path: string, events: string[], description?: string) {
    const res = await t.gql(CREATE, { input: { url: `${receiver.base}${path}`, events, description } }, { token: admin });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createWebhook as {
      signingSecret: string;
      webhook: { id: string; url: string; events: string[]; createdBy: { email: string } };
    };
  }

  async function deliveries(webhookId: string, vars: Record<string, unknown> = {}) {
    const res = await t.gql(DELIVERIES, { webhookId, ...vars }, { token: admin });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.webhookDeliveries as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: DeliveryNode }>;
    };
  }

  let polls: { id: string; secret: string };

  it('sends a signed POLL_OPENED to a subscribed webhook when a poll is published, and logs the delivery', async () => {
    const created = await createWebhook('/polls', ['POLL_OPENED', 'POLL_CLOSED'], 'District 6 app');
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.webhook).toMatchObject({
      url: `${receiver.base}/polls`,
      events: ['POLL_OPENED', 'POLL_CLOSED'],
      createdBy: { email: 'admin@nabz.example' },
    });
    polls = { id: created.webhook.id, secret: created.signingSecret };

    const poll = await createPoll(t, editor, surveyInput({ titleFa: 'نظرسنجی پارک‌ها', titleEn: 'Parks poll' }));
    const request = await waitFor('POLL_OPENED', () =>
      receiver.on('/polls', 'POLL_OPENED').find((r) => JSON.parse(r.body).data.id === poll.id),
    );

    expect(request.headers['content-type']).toBe('application/json');
    expect(validSignature(created.signingSecret, request.headers['x-nabz-signature'], request.body)).toBe(true);
    expect(validSignature('whsec_someone-else', request.headers['x-nabz-signature'], request.body)).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toEqual({
      id: request.headers['x-nabz-delivery'],
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'POLL_OPENED',
      occurredAt: expect.any(String),
      data: {
        object: 'Poll',
        id: poll.id,
        title: { fa: 'نظرسنجی پارک‌ها', en: 'Parks poll' },
        url: { fa: `https://nabz.city.example/polls/${poll.id}`, en: `https://nabz.city.example/en/polls/${poll.id}` },
        opensAt: null,
        closesAt: null,
      },
    });
    expect(Math.abs(Date.parse(body.occurredAt) - Date.now())).toBeLessThan(30_000);

    const log = await waitFor('the delivery to be logged as DELIVERED', async () => {
      const node = (await deliveries(polls.id)).edges.map((e) => e.node).find((d) => d.id === body.id);
      return node?.status === 'DELIVERED' ? node : null;
    });
    expect(log).toMatchObject({
      eventType: 'POLL_OPENED',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: expect.any(String),
      body: request.body,
    });
    expect(log.attemptLog).toEqual([
      { number: 1, statusCode: 200, error: null, durationMs: expect.any(Number), attemptedAt: expect.any(String) },
    ]);
  });

  it('announces a published event and a published press release to the webhooks subscribed to them', async () => {
    const created = await createWebhook('/publications', ['EVENT_PUBLISHED', 'PRESS_RELEASE_PUBLISHED'], 'News site');
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const event = await t.gql(
      'mutation ($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }',
      {
        input: {
          kind: 'CULTURAL_EVENT',
          titleFa: 'جشنواره کتاب محله',
          titleEn: 'Neighbourhood book fair',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
        },
      },
      { token: editor },
    );
    expect(event.body.errors).toBeUndefined();
    const eventId = event.body.data!.createEvent.event.id;
    expect(
      (
        await t.gql(
          'mutation ($input: PublishEventInput!) { publishEvent(input: $input) { event { status } } }',
          { input: { id: eventId } },
          { token: editor },
        )
      ).body.errors,
    ).toBeUndefined();

    const media = await t.signIn('media');
    const release = await t.gql(
      'mutation ($input: CreatePressReleaseInput!) { createPressRelease(input: $input) { pressRelease { id } } }',
      { input: { titleFa: 'اطلاعیه بازگشایی پارک', titleEn: 'Park reopens', bodyFa: 'پارک محله از شنبه باز است.' } },
      { token: media },
    );
    expect(release.body.errors).toBeUndefined();
    const releaseId = release.body.data!.createPressRelease.pressRelease.id;
    expect(
      (
        await t.gql(
          'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { pressRelease { status } } }',
          { input: { id: releaseId } },
          { token: media },
        )
      ).body.errors,
    ).toBeUndefined();

    const eventRequest = await waitFor('EVENT_PUBLISHED', () =>
      receiver.on('/publications', 'EVENT_PUBLISHED').find((r) => JSON.parse(r.body).data.id === eventId),
    );
    const releaseRequest = await waitFor('PRESS_RELEASE_PUBLISHED', () =>
      receiver.on('/publications', 'PRESS_RELEASE_PUBLISHED').find((r) => JSON.parse(r.body).data.id === releaseId),
    );
    for (const request of [eventRequest, releaseRequest])
      expect(validSignature(created.signingSecret, request.headers['x-nabz-signature'], request.body)).toBe(true);
    expect(JSON.parse(eventRequest.body).data).toMatchObject({
      id: eventId,
      title: { fa: 'جشنواره کتاب محله', en: 'Neighbourhood book fair' },
    });
    expect(JSON.parse(releaseRequest.body).data).toMatchObject({
      id: releaseId,
      title: { fa: 'اطلاعیه بازگشایی پارک', en: 'Park reopens' },
    });
    // Nothing personal goes out: no contact, phone or e-mail in a release's payload.
    expect(releaseRequest.body).not.toMatch(/@|contact/i);
  });

  it('never shows the signing secret again, nor writes it to the audit log', async () => {
    const list = await t.gql(LIST, {}, { token: admin });
    expect(list.body.data!.webhooks.map((w: { id: string }) => w.id)).toContain(polls.id);
    expect(JSON.stringify(list.body)).not.toContain(polls.secret);
    const audit: Array<{ action: string; after: unknown }> = await t.app.db.query(
      `SELECT action, after FROM audit_log WHERE entity_type = 'Webhook' AND entity_id = $1`,
      [polls.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['createWebhook']);
    expect(JSON.stringify(audit)).not.toContain(polls.secret);
  });

  it('retries with backoff: a receiver answering 500 twice then 200 gets 3 attempts, logged with their codes', async () => {
    receiver.respond = (path, _body, seen) => (path === '/flaky' && seen < 2 ? 500 : 200);
    const flaky = await createWebhook('/flaky', ['POLL_CLOSED']);
    const poll = await createPoll(t, editor, surveyInput());
    const closed = await t.gql(
      'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { id } } }',
      { input: { id: poll.id } },
      { token: editor },
    );
    expect(closed.body.errors).toBeUndefined();

    const log = await waitFor('3 attempts and DELIVERED', async () => {
      const node = (await deliveries(flaky.webhook.id)).edges[0]?.node;
      return node?.status === 'DELIVERED' ? node : null;
    });
    expect(log).toMatchObject({ eventType: 'POLL_CLOSED', attempts: 3, maxAttempts: 8, lastStatusCode: 200, lastError: null });
    expect(log.attemptLog.map((a) => [a.number, a.statusCode, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 200, null],
    ]);
    const sent = receiver.on('/flaky');
    expect(sent).toHaveLength(3);
    // One delivery: the same id and the same bytes each time; the waits grow (50 ms, then 200 ms).
    expect(new Set(sent.map((r) => r.headers['x-nabz-delivery']))).toEqual(new Set([log.id]));
    expect(new Set(sent.map((r) => r.body)).size).toBe(1);
    expect(sent.every((r) => validSignature(flaky.signingSecret, r.headers['x-nabz-signature'], r.body))).toBe(true);
    expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(45);
    expect(sent[2].at - sent[1].at).toBeGreaterThanOrEqual(180);
    expect(JSON.parse(sent[0].body).data).toMatchObject({ object: 'Poll', id: poll.id });
  });

  it('gives up after 8 attempts: FAILED, with every attempt logged; redelivery starts a fresh round with the same delivery id', async () => {
    let down = true;
    receiver.respond = (path) => (path === '/down' && down ? 503 : 200);
    const hook = await createWebhook('/down', ['EVENT_PUBLISHED']);
    // With the 50 ms base eight attempts take over a minute: a second instance with a 1 ms base sends this one.
    const quick = await startTestApp({ databaseUrl: t.databaseUrl, env: { ...FAST, WEBHOOK_RETRY_BASE_MS: '1' } });
    try {
      await t.app.services.webhooks.stop(); // only the quick instance sends
      await quick.app.db.transaction((m) =>
        quick.app.services.webhooks.emit(
          m,
          'EVENT_PUBLISHED',
          eventWebhookPayload({
            id: '6f1c1f2e-0000-4000-8000-000000000001',
            kind: 'CULTURAL_EVENT',
            titleFa: 'جشنواره',
            titleEn: null,
            startsAt: new Date(),
            endsAt: new Date(),
          }),
        ),
      );
      const failed = await waitFor(
        'FAILED after 8 attempts',
        async () => {
          const node = (await deliveries(hook.webhook.id)).edges[0]?.node;
          return node?.status === 'FAILED' ? node : null;
        },
        20_000,
      );
      expect(failed).toMatchObject({
        attempts: 8,
        maxAttempts: 8,
        lastStatusCode: 503,
        lastError: 'HTTP 503',
        nextAttemptAt: null,
        deliveredAt: null,
      });
      expect(failed.attemptLog.map((a) => a.statusCode)).toEqual(Array(8).fill(503));
      expect(receiver.on('/down')).toHaveLength(8);

      down = false;
      const redelivered = await t.gql(REDELIVER, { input: { id: failed.id } }, { token: admin });
      expect(redelivered.body.errors).toBeUndefined();
      expect(redelivered.body.data!.redeliverWebhookDelivery.delivery).toMatchObject({
        id: failed.id,
        status: 'PENDING',
        attempts: 8,
        maxAttempts: 16,
        nextAttemptAt: expect.any(String),
      });
      const delivered = await waitFor('the redelivery', async () => {
        const node = (await deliveries(hook.webhook.id)).edges[0]?.node;
        return node?.status === 'DELIVERED' ? node : null;
      });
      expect(delivered.attempts).toBe(9);
      expect(delivered.attemptLog.at(-1)).toMatchObject({ number: 9, statusCode: 200, error: null });
      expect(receiver.on('/down').at(-1)!.headers['x-nabz-delivery']).toBe(failed.id);

      // A delivered one can be redelivered too; a pending one cannot. No instance sends meanwhile,
      // so the redelivery is still pending when asked again (the quick one once sent it first).
      await quick.app.services.webhooks.stop();
      const again = await t.gql(REDELIVER, { input: { id: failed.id } }, { token: admin });
      expect(again.body.errors).toBeUndefined();
      const pending = await t.gql(REDELIVER, { input: { id: failed.id } }, { token: admin });
      expect(pending.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
      const audit = await t.app.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'redeliverWebhookDelivery' AND entity_id = $1`,
        [failed.id],
      );
      expect(audit[0].n).toBe(2);
    } finally {
      await quick.close();
      await t.app.services.webhooks.start();
    }
  });

  it('emits nothing when the change that emitted is rolled back, and delivers when it commits', async () => {
    const hook = await createWebhook('/events', ['EVENT_PUBLISHED']);
    const subject = (id: string) =>
      eventWebhookPayload({
        id,
        kind: 'PRESS_CONFERENCE',
        titleFa: 'نشست خبری',
        titleEn: 'Press conference',
        startsAt: new Date('2026-12-01T08:00:00Z'),
        endsAt: new Date('2026-12-01T09:00:00Z'),
      });
    const rolledBack = '6f1c1f2e-0000-4000-8000-0000000000aa';
    await expect(
      t.app.db.transaction(async (m) => {
        // Queued for every webhook subscribed to EVENT_PUBLISHED (this test's and earlier ones').
        expect(await t.app.services.webhooks.emit(m, 'EVENT_PUBLISHED', subject(rolledBack))).toBeGreaterThan(0);
        throw new Error('the change failed after emitting');
      }),
    ).rejects.toThrow('the change failed');
    const committed = '6f1c1f2e-0000-4000-8000-0000000000bb';
    await t.app.db.transaction((m) => t.app.services.webhooks.emit(m, 'EVENT_PUBLISHED', subject(committed)));

    await waitFor('the committed event', () => receiver.on('/events').length === 1);
    // Only what is queued is ever sent: once the queue about both is worked off, nothing more comes.
    await attempted(t, committed);
    await attempted(t, rolledBack);
    expect(receiver.on('/events').map((r) => JSON.parse(r.body).data.id)).toEqual([committed]);
    expect((await deliveries(hook.webhook.id)).totalCount).toBe(1);
    const rows = await t.app.db.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE payload -> 'data' ->> 'id' = $1`, [
      rolledBack,
    ]);
    expect(rows[0].n).toBe(0);
    expect(JSON.parse(receiver.on('/events')[0].body).data).toEqual({
      object: 'Event',
      id: committed,
      kind: 'PRESS_CONFERENCE',
      title: { fa: 'نشست خبری', en: 'Press conference' },
      url: { fa: `https://nabz.city.example/events/${committed}`, en: `https://nabz.city.example/en/events/${committed}` },
      startsAt: '2026-12-01T08:00:00.000Z',
      endsAt: '2026-12-01T09:00:00.000Z',
    });
  });

  it('announces a scheduled poll opening and closing by time exactly once, with two server instances on the same database', async () => {
    const second = await startTestApp({ databaseUrl: t.databaseUrl, env: FAST });
    try {
      const opensAt = new Date(Date.now() + 1500);
      const closesAt = new Date(Date.now() + 3000);
      const poll = await createPoll(t, editor, surveyInput({ opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() }));
      const forPoll = (type: string) => receiver.on('/polls', type).filter((r) => JSON.parse(r.body).data.id === poll.id);

      await waitFor('POLL_OPENED', () => forPoll('POLL_OPENED').length > 0);
      await waitFor('POLL_CLOSED', () => forPoll('POLL_CLOSED').length > 0);
      // Both instances scan every 100 ms; scanning at the same moment on purpose changes nothing either.
      await Promise.all([
        t.app.services.webhooks.scanPolls(),
        second.app.services.webhooks.scanPolls(),
        t.app.services.webhooks.scanPolls(),
      ]);
      await attempted(t, poll.id);
      expect(forPoll('POLL_OPENED')).toHaveLength(1);
      expect(forPoll('POLL_CLOSED')).toHaveLength(1);
      // Announced by the scheduler at opensAt, not when it was published (while SCHEDULED).
      const opened = JSON.parse(forPoll('POLL_OPENED')[0].body);
      expect(opened.occurredAt).toBe(opensAt.toISOString());
      expect(forPoll('POLL_OPENED')[0].at).toBeGreaterThanOrEqual(opensAt.getTime());
      expect(JSON.parse(forPoll('POLL_CLOSED')[0].body).occurredAt).toBe(closesAt.toISOString());
      expect(forPoll('POLL_OPENED')[0].at).toBeLessThan(forPoll('POLL_CLOSED')[0].at);
      const rows = await t.app.db.query(
        `SELECT event_type, count(*)::int AS n FROM webhook_delivery WHERE webhook_id = $1 AND payload -> 'data' ->> 'id' = $2 GROUP BY 1 ORDER BY 1`,
        [polls.id, poll.id],
      );
      expect(rows).toEqual([
        { event_type: 'POLL_OPENED', n: 1 },
        { event_type: 'POLL_CLOSED', n: 1 },
      ]);
    } finally {
      await second.close();
    }
  });

  it('finishes deliveries in flight before an instance stops', async () => {
    receiver.respond = async (path) => {
      if (path === '/slow') await sleep(800);
      return 200;
    };
    const hook = await createWebhook('/slow', ['EVENT_PUBLISHED']);
    const other = await startTestApp({ databaseUrl: t.databaseUrl, env: FAST });
    await t.app.services.webhooks.stop();
    try {
      await other.app.db.transaction((m) =>
        other.app.services.webhooks.emit(
          m,
          'EVENT_PUBLISHED',
          eventWebhookPayload({
            id: '6f1c1f2e-0000-4000-8000-0000000000cc',
            kind: 'OTHER',
            titleFa: 'رویداد',
            titleEn: null,
            startsAt: new Date(),
            endsAt: new Date(),
          }),
        ),
      );
      await waitFor('the slow request to arrive', () => receiver.on('/slow').length === 1);
      await other.close();
      const [row] = await t.app.db.query('SELECT status, attempts FROM webhook_delivery WHERE webhook_id = $1', [hook.webhook.id]);
      expect(row).toEqual({ status: 'DELIVERED', attempts: 1 });
    } finally {
      await t.app.services.webhooks.start();
    }
  });

  it('sends nothing to a disabled webhook, fails what was waiting, and refuses to redeliver until enabled again', async () => {
    receiver.respond = () => 200;
    const hook = await createWebhook('/disabled', ['POLL_OPENED'], 'to be disabled');
    const off = await t.gql(UPDATE, { input: { id: hook.webhook.id, disabled: true, description: '  ' } }, { token: admin });
    expect(off.body.data!.updateWebhook.webhook).toMatchObject({ disabledAt: expect.any(String), description: null });
    const opened = await createPoll(t, editor, surveyInput());
    // The other webhooks' deliveries of this poll's opening have been tried: the disabled one's would have gone with them.
    await waitFor('a delivery of the opening', async () => {
      const [{ n }] = await t.app.db.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE payload -> 'data' ->> 'id' = $1`, [
        opened.id,
      ]);
      return n > 0;
    });
    await attempted(t, opened.id);
    expect(receiver.on('/disabled')).toHaveLength(0);
    expect((await deliveries(hook.webhook.id)).totalCount).toBe(0);

    // A delivery queued before disabling is FAILED by it, and may not be redelivered while disabled.
    const on = await t.gql(
      UPDATE,
      { input: { id: hook.webhook.id, disabled: false, events: ['POLL_OPENED', 'POLL_OPENED', 'EVENT_PUBLISHED'] } },
      { token: admin },
    );
    expect(on.body.data!.updateWebhook.webhook).toMatchObject({ disabledAt: null, events: ['POLL_OPENED', 'EVENT_PUBLISHED'] });
    await t.app.services.webhooks.stop();
    try {
      await t.app.db.transaction((m) =>
        t.app.services.webhooks.emit(
          m,
          'EVENT_PUBLISHED',
          eventWebhookPayload({
            id: '6f1c1f2e-0000-4000-8000-0000000000dd',
            kind: 'OTHER',
            titleFa: 'رویداد',
            titleEn: null,
            startsAt: new Date(),
            endsAt: new Date(),
          }),
        ),
      );
      await t.gql(UPDATE, { input: { id: hook.webhook.id, disabled: true } }, { token: admin });
    } finally {
      await t.app.services.webhooks.start();
    }
    const [failed] = (await deliveries(hook.webhook.id)).edges.map((e) => e.node);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 0, lastError: 'not sent: the webhook was disabled' });
    const refused = await t.gql(REDELIVER, { input: { id: failed.id } }, { token: admin });
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/disabled/),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.id' },
    });
    expect(receiver.on('/disabled')).toHaveLength(0);
  });

  it('pages the delivery log newest first with cursors, filters by status, and refuses a malformed cursor', async () => {
    await waitFor('nothing pending', async () => (await deliveries(polls.id, { status: 'PENDING' })).totalCount === 0);
    const all = await deliveries(polls.id, { first: 50 });
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof deliveries>> = await deliveries(polls.id, { first: 1, after });
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    const created = all.edges.map((e) => Date.parse((e.node as DeliveryNode & { createdAt: string }).createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    expect((await deliveries(polls.id, { status: 'FAILED' })).totalCount).toBe(0);
    expect((await deliveries(polls.id, { status: 'DELIVERED' })).totalCount).toBe(all.totalCount);
    const bad = await t.gql(DELIVERIES, { webhookId: polls.id, after: 'nonsense' }, { token: admin });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const unknown = await t.gql(DELIVERIES, { webhookId: '00000000-0000-4000-8000-000000000000' }, { token: admin });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('checks what it is given: events, description, unknown ids', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [CREATE, { input: { url: `${receiver.base}/x`, events: [] } }, 'input.events'],
      [CREATE, { input: { url: `${receiver.base}/x`, events: ['POLL_OPENED'], description: 'x'.repeat(501) } }, 'input.description'],
      [CREATE, { input: { url: 'ftp://partner.example/x', events: ['POLL_OPENED'] } }, 'input.url'],
      [UPDATE, { input: { id: polls.id, events: [] } }, 'input.events'],
      [UPDATE, { input: { id: polls.id, events: null } }, 'input.events'],
    ];
    const before = await t.app.db.query('SELECT count(*)::int AS n FROM webhook');
    for (const [query, variables, field] of cases) {
      const res = await t.gql(query, variables, { token: admin });
      expect([field, res.body.errors?.[0].extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    expect(await t.app.db.query('SELECT count(*)::int AS n FROM webhook')).toEqual(before);
    for (const query of [UPDATE, DELETE, REDELIVER]) {
      const res = await t.gql(query, { input: { id: '00000000-0000-4000-8000-000000000000' } }, { token: admin });
      expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('refuses every webhook operation to anyone but an admin', async () => {
    const tokens = { editor, analyst: await t.signIn('analyst'), media: await t.signIn('media') };
    const calls: Array<[string, Record<string, unknown>]> = [
      [LIST, {}],
      [DELIVERIES, { webhookId: polls.id }],
      [CREATE, { input: { url: `${receiver.base}/x`, events: ['POLL_OPENED'] } }],
      [UPDATE, { input: { id: polls.id, disabled: true } }],
      [DELETE, { input: { id: polls.id } }],
    ];
    for (const [query, variables] of calls) {
      expect((await t.gql(query, variables)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      for (const token of Object.values(tokens)) {
        const res = await t.gql(query, variables, { token });
        expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(res.body.data ?? null).toBeNull();
      }
    }
    const list = await t.gql(LIST, {}, { token: admin });
    expect(list.body.data!.webhooks.find((w: { id: string }) => w.id === polls.id)).toMatchObject({ disabledAt: null });
  });

  it('deletes a webhook with its delivery log', async () => {
    const res = await t.gql(DELETE, { input: { id: polls.id } }, { token: admin });
    expect(res.body.data!.deleteWebhook.deletedWebhookId).toBe(polls.id);
    expect((await t.gql(LIST, {}, { token: admin })).body.data!.webhooks.map((w: { id: string }) => w.id)).not.toContain(polls.id);
    expect(await t.app.db.query('SELECT count(*)::int AS n FROM webhook_delivery WHERE webhook_id = $1', [polls.id])).toEqual([{ n: 0 }]);
    const audit = await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [polls.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['createWebhook', 'deleteWebhook']);
  });
});

describe('webhooks in production', () => {
  let p: TestApp;
  let admin: string;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    p = await startTestApp({
      seed: true,
      env: { NODE_ENV: 'production', RESPONDENT_SECRET: 'r'.repeat(32), TRUSTED_DOCUMENTS: 'off', WEBHOOK_INTERVAL_MS: '100' },
    });
    admin = await p.signIn('admin');
  });
  afterAll(async () => {
    await p?.close();
    await receiver?.stop();
  });

  it.each([
    ['http://partner.example/hook', /https:\/\/ in production/],
    ['https://localhost/hook', /this machine or a private/],
    ['https://127.0.0.1:8443/hook', /this machine or a private/],
    ['https://[::1]/hook', /this machine or a private/],
    ['https://10.0.0.8/hook', /this machine or a private/],
    ['https://192.168.1.20/hook', /this machine or a private/],
    ['https://169.254.169.254/latest/meta-data', /this machine or a private/],
    ['https://[fe80::1]/hook', /this machine or a private/],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (url, message) => {
    const res = await p.gql(CREATE, { input: { url, events: ['POLL_OPENED'] } }, { token: admin });
    expect(res.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(message),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.url' },
    });
    expect(await p.app.db.query('SELECT count(*)::int AS n FROM webhook')).toEqual([{ n: 0 }]);
  });

  it('accepts a public https URL', async () => {
    const res = await p.gql(
      CREATE,
      { input: { url: 'https://hooks.partner.example/nabz', events: ['PRESS_RELEASE_PUBLISHED'] } },
      { token: admin },
    );
    expect(res.body.errors).toBeUndefined();
    await p.gql(DELETE, { input: { id: res.body.data!.createWebhook.webhook.id } }, { token: admin });
  });

  it('does not connect to a private address at delivery time, even for a webhook stored before the rules applied', async () => {
    const port = new URL(receiver.base).port;
    const ids: string[] = [];
    for (const url of [`https://127.0.0.1:${port}/hook`, `https://localhost:${port}/hook`, `${receiver.base}/hook`]) {
      const [row] = await p.app.db.query(
        `INSERT INTO webhook (url, events, signing_secret) VALUES ($1, '{EVENT_PUBLISHED}', 'whsec_test') RETURNING id`,
        [url],
      );
      ids.push(row.id);
    }
    await p.app.db.transaction((m) =>
      p.app.services.webhooks.emit(
        m,
        'EVENT_PUBLISHED',
        eventWebhookPayload({
          id: '6f1c1f2e-0000-4000-8000-0000000000ee',
          kind: 'OTHER',
          titleFa: 'رویداد',
          titleEn: null,
          startsAt: new Date(),
          endsAt: new Date(),
        }),
      ),
    );
    const errors = await waitFor('three refused attempts', async () => {
      const rows: Array<{ webhook_id: string; error: string }> = await p.app.db.query(
        'SELECT d.webhook_id, a.error FROM webhook_delivery_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE a.number = 1',
      );
      return rows.length === 3 ? new Map(rows.map((r) => [r.webhook_id, r.error])) : null;
    });
    expect(errors.get(ids[0])).toMatch(/127\.0\.0\.1 is a private address/);
    expect(errors.get(ids[1])).toMatch(/localhost resolves to a private address/);
    expect(errors.get(ids[2])).toMatch(/http:\/\/ URLs are not sent to in production/);
    expect(receiver.connections).toBe(0);
  });

  it('marks polls already open or closed as announced when the migration runs, so deploying it announces nothing old', async () => {
    await p.app.services.webhooks.stop();
    const runner = p.app.db.createQueryRunner();
    try {
      await new Webhooks1764900000000().down(runner);
      await new Webhooks1764900000000().up(runner);
    } finally {
      await runner.release();
      await p.app.services.webhooks.start();
    }
    const [{ open }] = await p.app.db.query(
      `SELECT count(*)::int AS open FROM poll WHERE state = 'PUBLISHED' AND (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR closes_at > now())`,
    );
    expect(open).toBeGreaterThan(0); // the demo data's open polls
    const notices = await p.app.db.query(`SELECT count(*)::int AS n FROM webhook_poll_notice WHERE type = 'POLL_OPENED'`);
    expect(notices[0].n).toBeGreaterThanOrEqual(open);
    expect(await p.app.services.webhooks.scanPolls()).toBe(0);
  });
});
