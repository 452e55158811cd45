import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, PUBLISH_POLL, surveyInput } from '../helpers/polls';

/**
 * Server sides of what staff saw wrong (issue 14): waves of a survey (item 11), error reasons the
 * staff pages translate (item 15), page titles beside paths in site analytics (item 13), and the
 * releases sent to a journalist (item 17). Real HTTP, real PostgreSQL.
 */

let t: TestApp;
let editor: string;
let admin: string;
let media: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { ANALYTICS_FLUSH_MS: '60000', TRUST_PROXY: 'true' } });
  [editor, admin, media] = [await t.signIn('editor'), await t.signIn('admin'), await t.signIn('media')];
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const POLL = 'id status opensAt closesAt wave seriesId';
type PollRow = { id: string; status: string; opensAt: string | null; closesAt: string | null; wave: number; seriesId: string };

async function poll(id: string): Promise<PollRow> {
  const res = await t.gql<{ poll: PollRow }>(`query ($id: ID!) { poll(id: $id) { ${POLL} } }`, { id }, { token: editor });
  return res.body.data!.poll;
}

async function startWave(input: Record<string, unknown>): Promise<PollRow> {
  const res = await t.gql<{ startPollWave: { poll: PollRow } }>(
    `mutation ($input: StartPollWaveInput!) { startPollWave(input: $input) { poll { ${POLL} } } }`,
    { input },
    { token: editor },
  );
  if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.startPollWave.poll;
}

describe('waves of a survey (item 11)', () => {
  it('a wave started without dates runs as long as the wave it copies', async () => {
    const opensAt = new Date(Date.now() - DAY);
    const first = await createPoll(
      t,
      editor,
      surveyInput({ opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 14 * DAY).toISOString() }),
    );
    const before = Date.now();
    const second = await startWave({ pollId: first.id });
    expect(second).toMatchObject({ wave: 2, seriesId: first.seriesId, opensAt: null, status: 'DRAFT' });
    // Fourteen days from now (it opens when published).
    const closes = Date.parse(second.closesAt!);
    expect(closes).toBeGreaterThanOrEqual(before + 14 * DAY - 1000);
    expect(closes).toBeLessThanOrEqual(Date.now() + 14 * DAY + 1000);

    // Dates given win; an explicit null close date keeps it open-ended; a given opening moves the length.
    const opens = new Date(Date.now() + 3 * DAY);
    expect((await startWave({ pollId: first.id, opensAt: opens.toISOString() })).closesAt).toBe(
      new Date(opens.getTime() + 14 * DAY).toISOString(),
    );
    expect((await startWave({ pollId: first.id, closesAt: null })).closesAt).toBeNull();
  });

  it('publishing a wave that opens now closes the earlier open wave, and the audit log says why', async () => {
    const first = await createPoll(t, editor, surveyInput({ titleFa: 'پیمایش موج‌دار یک' }));
    expect((await poll(first.id)).status).toBe('OPEN');
    const second = await startWave({ pollId: first.id });
    // A draft wave changes nothing yet.
    expect((await poll(first.id)).status).toBe('OPEN');
    const published = await t.gql(PUBLISH_POLL, { input: { id: second.id } }, { token: editor });
    expect(published.body.errors).toBeUndefined();
    expect((await poll(first.id)).status).toBe('CLOSED');
    expect((await poll(second.id)).status).toBe('OPEN');

    // The public list has one open poll with this title.
    const list = await t.gql<{ polls: { edges: { node: { id: string; status: string } }[] } }>(
      '{ polls(first: 50) { edges { node { id status title } } } }',
    );
    const open = list.body.data!.polls.edges.map((e) => e.node).filter((p) => p.status === 'OPEN' && [first.id, second.id].includes(p.id));
    expect(open.map((p) => p.id)).toEqual([second.id]);

    const audit = await t.gql<{ auditLog: { edges: { node: { action: string; after: Record<string, unknown> } }[] } }>(
      'query ($f: AuditLogFilter) { auditLog(first: 5, filter: $f) { edges { node { action after } } } }',
      { f: { entityId: first.id, action: 'closePoll' } },
      { token: admin },
    );
    expect(audit.body.data!.auditLog.edges.map((e) => e.node.after.closedForWaveId)).toEqual([second.id]);
  });

  it("a wave that opens later moves the earlier wave's close to its opening, never later", async () => {
    const first = await createPoll(
      t,
      editor,
      surveyInput({ titleFa: 'پیمایش موج‌دار دو', closesAt: new Date(Date.now() + 30 * DAY).toISOString() }),
    );
    const opens = new Date(Date.now() + 5 * DAY);
    const second = await startWave({
      pollId: first.id,
      opensAt: opens.toISOString(),
      closesAt: new Date(opens.getTime() + 10 * DAY).toISOString(),
    });
    await t.gql(PUBLISH_POLL, { input: { id: second.id } }, { token: editor });
    expect(await poll(first.id)).toMatchObject({ status: 'OPEN', closesAt: opens.toISOString() });
    expect((await poll(second.id)).status).toBe('SCHEDULED');

    // An earlier wave that closes before the new one opens is left as it is.
    const third = await createPoll(
      t,
      editor,
      surveyInput({ titleFa: 'پیمایش موج‌دار سه', closesAt: new Date(Date.now() + 2 * DAY).toISOString() }),
    );
    const later = await startWave({ pollId: third.id, opensAt: opens.toISOString(), closesAt: null });
    await t.gql(PUBLISH_POLL, { input: { id: later.id } }, { token: editor });
    expect(Date.parse((await poll(third.id)).closesAt!)).toBeLessThan(opens.getTime());
  });
});

describe('error reasons for people (item 15)', () => {
  it('names why a schedule was refused in extensions.reason, beside the field', async () => {
    const now = Date.now();
    const res = await t.gql(
      'mutation ($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }',
      { input: surveyInput({ opensAt: new Date(now + 2 * DAY).toISOString(), closesAt: new Date(now + DAY).toISOString() }) },
      { token: editor },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.closesAt',
      reason: 'CLOSES_BEFORE_OPENS',
    });

    const event = await t.gql(
      'mutation ($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }',
      {
        input: {
          kind: 'OTHER',
          titleFa: 'رویداد وارونه',
          startsAt: new Date(now + 2 * HOUR).toISOString(),
          endsAt: new Date(now + HOUR).toISOString(),
        },
      },
      { token: editor },
    );
    expect(event.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.endsAt',
      reason: 'ENDS_BEFORE_STARTS',
    });
  });
});

describe('page titles in site analytics (item 13)', () => {
  async function beacon(payload: unknown, ip = '203.0.113.90') {
    return fetch(`${t.url}/collect`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36',
        'x-forwarded-for': ip,
      },
      body: JSON.stringify(payload),
    });
  }

  it('keeps the latest title of each path and shows it beside the path, never for other dimensions', async () => {
    expect((await beacon({ path: '/search-page?q=secret', title: 'secret | نبض' })).status).toBe(204);
    expect((await beacon({ path: '/news', title: '  اخبار   تازه | نبض ' })).status).toBe(204);
    expect((await beacon({ path: '/goals' })).status).toBe(204);
    await t.app.services.analytics.flush();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
    const res = await t.gql<{
      siteTraffic: { topPages: { value: string; title: string | null }[]; topReferrers: { title: string | null }[] };
    }>(
      `{ siteTraffic(from: "${day}", to: "${day}") { topPages(first: 10) { value title } topReferrers(first: 5) { title } } }`,
      {},
      { token: admin },
    );
    const pages = res.body.data!.siteTraffic.topPages;
    expect(pages.find((p) => p.value === '/news')?.title).toBe('اخبار تازه | نبض');
    expect(pages.find((p) => p.value === '/goals')?.title).toBeNull();
    // A title sent with a query string is not kept: it may repeat what was searched for.
    expect(pages.find((p) => p.value === '/search-page')?.title).toBeNull();
    expect(res.body.data!.siteTraffic.topReferrers.every((r) => r.title === null)).toBe(true);
  });

  it('refuses a title that is not text or too long, and stores nothing of it', async () => {
    for (const title of [42, 'x'.repeat(301), 'bad\u0000title']) {
      const res = await beacon({ path: '/x-refused', title });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'title',
      });
    }
    await t.app.services.analytics.flush();
    const rows = await t.app.db.query(`SELECT count(*)::int AS n FROM analytics_page_title WHERE path = '/x-refused'`);
    expect(rows[0].n).toBe(0);
  });
});

describe("a journalist's history (item 17)", () => {
  it('lists the releases sent to a contact, newest first', async () => {
    const contacts = await t.gql<{ mediaContacts: { edges: { node: { id: string } }[] } }>(
      '{ mediaContacts(first: 2) { edges { node { id } } } }',
      {},
      { token: media },
    );
    const [contact, other] = contacts.body.data!.mediaContacts.edges.map((e) => e.node.id);
    const ids: string[] = [];
    for (const titleFa of ['اطلاعیه نخست برای خبرنگار', 'اطلاعیه دوم برای خبرنگار']) {
      const created = await t.gql<{ createPressRelease: { pressRelease: { id: string } } }>(
        'mutation ($input: CreatePressReleaseInput!) { createPressRelease(input: $input) { pressRelease { id } } }',
        { input: { titleFa, bodyFa: 'متن.' } },
        { token: media },
      );
      const id = created.body.data!.createPressRelease.pressRelease.id;
      await t.gql(
        'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { pressRelease { id } } }',
        { input: { id, contactIds: [contact] } },
        { token: media },
      );
      ids.push(id);
    }
    const res = await t.gql<{
      a: { releasesReceived: { sentAt: string; release: { id: string; title: string } }[] };
      b: { releasesReceived: unknown[] };
    }>(
      'query ($a: ID!, $b: ID!) { a: mediaContact(id: $a) { releasesReceived { sentAt release { id title } } } b: mediaContact(id: $b) { releasesReceived { release { id } } } }',
      { a: contact, b: other },
      { token: media },
    );
    const received = res.body.data!.a.releasesReceived.filter((r) => ids.includes(r.release.id));
    expect(received.map((r) => r.release.title)).toEqual(['اطلاعیه دوم برای خبرنگار', 'اطلاعیه نخست برای خبرنگار']);
    expect(JSON.stringify(res.body.data!.b.releasesReceived)).not.toMatch(new RegExp(ids.join('|')));
  });
});
