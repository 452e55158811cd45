import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let editor: string;
let districtIds: Record<number, string>;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  editor = await t.signIn('editor');
  const rows: Array<{ id: string; code: number }> = await t.app.db.query('SELECT id, code FROM district');
  districtIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(() => t.close());

const NODE = `id kind title date allDay status pinned startsAt endsAt occasionYear dateOverridden
  district { code } lunarHijriDate { year month day text(locale: EN) } solarHijriDate { year month day }`;

const EVENTS = `query ($from: String!, $to: String!, $district: ID, $includeCitywide: Boolean, $kinds: [EventKind!], $statuses: [EventStatus!], $first: Int, $after: String) {
  events(from: $from, to: $to, district: $district, includeCitywide: $includeCitywide, kinds: $kinds, statuses: $statuses, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${NODE} } }
  }
}`;

interface Node {
  id: string;
  kind: string;
  title: string;
  date: string;
  allDay: boolean;
  status: string;
  pinned: boolean;
  startsAt: string;
  endsAt: string;
  occasionYear: number | null;
  dateOverridden: boolean | null;
  district: { code: number } | null;
  lunarHijriDate: { year: number; month: number; day: number; text: string } | null;
  solarHijriDate: { year: number; month: number; day: number };
}
type EventsData = {
  events: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Node }> };
};

async function events(vars: Record<string, unknown>, token?: string): Promise<Node[]> {
  const res = await t.gql<EventsData>(EVENTS, { first: 50, ...vars }, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.events.edges.map((e) => e.node);
}

/** Every item of a range, through all its pages. */
async function allEvents(vars: Record<string, unknown>, first: number, token?: string): Promise<{ nodes: Node[]; totalCount: number }> {
  const nodes: Node[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let page = 0; page < 100; page++) {
    const res: Awaited<ReturnType<typeof t.gql<EventsData>>> = await t.gql<EventsData>(EVENTS, { ...vars, first, after }, { token });
    expect(res.body.errors).toBeUndefined();
    const { edges, pageInfo } = res.body.data!.events;
    totalCount = res.body.data!.events.totalCount;
    nodes.push(...edges.map((e) => e.node));
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  return { nodes, totalCount };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
const addDays = (date: string, n: number) => new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10);

async function createEvent(input: Record<string, unknown>, token = editor): Promise<string> {
  const res = await t.gql(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { event { id status } } }`,
    { input },
    { token },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createEvent.event.id;
}

async function mutate(name: string, inputType: string, input: Record<string, unknown>, select = 'event { id status pinned }') {
  return t.gql(`mutation ($input: ${inputType}!) { ${name}(input: $input) { ${select} } }`, { input }, { token: editor });
}

const baseEvent = (overrides: Record<string, unknown> = {}) => ({
  kind: 'CULTURAL_EVENT',
  titleFa: 'کنسرت خیابانی',
  startsAt: '2026-05-01T14:30:00Z',
  endsAt: '2026-05-01T16:30:00Z',
  ...overrides,
});

async function tableCounts() {
  const [row] = await t.app.db.query(`SELECT (SELECT count(*)::int FROM event) AS events, (SELECT count(*)::int FROM occasion) AS occasions,
    (SELECT count(*)::int FROM occasion_override) AS overrides, (SELECT count(*)::int FROM audit_log) AS audit,
    (SELECT hashtext(string_agg(id::text || status::text || pinned::text || title_fa || starts_at::text, ',' ORDER BY id)) FROM event) AS fingerprint`);
  return row;
}

describe('the public calendar', () => {
  it('lists published and cancelled events around today with the occasions, in start order, never a draft', async () => {
    const nodes = await events({ from: addDays(today(), -10), to: addDays(today(), 25) });
    const titles = nodes.map((n) => n.title);
    expect(titles).toEqual(
      expect.arrayContaining(['نشست خبری سخنگوی شهرداری', 'جشنواره فرهنگی بافت تاریخی', 'قطع موقت آب در بخش‌هایی از منطقه سه']),
    );
    expect(titles).not.toContain('نشست خبری گزارش عملکرد سالانه'); // the demo draft
    const walk = nodes.find((n) => n.title === 'پیاده‌روی خانوادگی آدینه');
    expect(walk?.status).toBe('CANCELLED');
    // "آدینه" is Friday: the demo's Friday walk falls on one, whatever day the demo is loaded.
    expect(new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'Asia/Tehran' }).format(new Date(walk!.startsAt))).toBe('Friday');
    const starts = nodes.map((n) => Date.parse(n.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('expands the occasions of a range to their days: Nowruz and Eid al-Fitr of 1404, with the lunar date beside the religious one', async () => {
    const nodes = await events({ from: '2025-03-20', to: '2025-04-02', kinds: ['NATIONAL_OCCASION', 'RELIGIOUS_OCCASION'] });
    const nowruz = nodes.find((n) => n.title === 'آغاز نوروز')!;
    expect(nowruz).toMatchObject({
      kind: 'NATIONAL_OCCASION',
      date: '2025-03-21',
      allDay: true,
      status: 'PUBLISHED',
      occasionYear: 1404,
      lunarHijriDate: null,
      solarHijriDate: { year: 1404, month: 1, day: 1 },
      startsAt: '2025-03-20T20:30:00.000Z',
      endsAt: '2025-03-21T20:30:00.000Z',
    });
    const fitr = nodes.find((n) => n.title === 'عید سعید فطر')!;
    expect(fitr).toMatchObject({
      date: '2025-03-31',
      occasionYear: 1446,
      lunarHijriDate: { year: 1446, month: 10, day: 1, text: '1 Shawwal 1446' },
    });
    expect(nodes.map((n) => n.title)).toEqual(
      expect.arrayContaining(['روز جمهوری اسلامی ایران', 'روز طبیعت (سیزده‌به‌در)', 'شهادت حضرت علی']),
    );
    expect(nodes.every((n) => n.allDay && n.district === null)).toBe(true);
  });

  it('gives an occurrence an id that stays the same for its occasion and year, and reads it back by id', async () => {
    const [first] = await events({ from: '2026-03-21', to: '2026-03-21', kinds: ['NATIONAL_OCCASION'] });
    const [again] = await events({ from: '2026-03-01', to: '2026-03-31', kinds: ['NATIONAL_OCCASION'] }).then((n) =>
      n.filter((x) => x.title === first.title),
    );
    expect(again.id).toBe(first.id);
    const res = await t.gql(`query ($id: ID!) { event(id: $id) { id title date occasion { id calendar month day } } }`, { id: first.id });
    expect(res.body.data!.event).toMatchObject({
      id: first.id,
      date: '2026-03-21',
      occasion: { calendar: 'SOLAR_HIJRI', month: 1, day: 1 },
    });
    const missing = await t.gql(`query ($id: ID!) { event(id: $id) { id } }`, { id: first.id.replace(/:\d{4}$/, ':1200') });
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('puts a lunar occasion on the official day where an editor set it: Tasua and Ashura of 1448 (1405)', async () => {
    const nodes = await events({ from: '2026-06-20', to: '2026-06-30', kinds: ['RELIGIOUS_OCCASION'] });
    expect(nodes.map((n) => [n.title, n.date, n.dateOverridden])).toEqual([
      ['تاسوعای حسینی', '2026-06-24', true],
      ['عاشورای حسینی', '2026-06-25', true],
    ]);
  });

  it('narrows to a district with the citywide items, or to the district alone', async () => {
    const range = { from: addDays(today(), -10), to: addDays(today(), 25) };
    const withCitywide = await events({ ...range, district: districtIds[3] });
    expect(new Set(withCitywide.map((n) => n.district?.code ?? null))).toEqual(new Set([3, null]));
    expect(withCitywide.some((n) => n.allDay)).toBe(true);
    expect(withCitywide.some((n) => n.kind === 'PRESS_CONFERENCE')).toBe(true);
    const alone = await events({ ...range, district: districtIds[3], includeCitywide: false });
    expect(alone.map((n) => n.title)).toEqual(['قطع موقت آب در بخش‌هایی از منطقه سه']);
  });

  it('narrows to kinds', async () => {
    const range = { from: addDays(today(), -10), to: addDays(today(), 25) };
    const press = await events({ ...range, kinds: ['PRESS_CONFERENCE'] });
    expect(press.map((n) => n.kind)).toEqual(['PRESS_CONFERENCE']);
    const religious = await events({ from: '2025-01-01', to: '2025-12-31', kinds: ['RELIGIOUS_OCCASION'] });
    expect(religious.length).toBeGreaterThan(15);
    expect(religious.every((n) => n.kind === 'RELIGIOUS_OCCASION' && n.lunarHijriDate)).toBe(true);
  });

  it('pages through a year without gaps or repeats, counting every item', async () => {
    const vars = { from: addDays(today(), -200), to: addDays(today(), 199) };
    const whole = await allEvents(vars, 50);
    const paged = await allEvents(vars, 7);
    expect(paged.nodes.map((n) => n.id)).toEqual(whole.nodes.map((n) => n.id));
    expect(new Set(paged.nodes.map((n) => n.id)).size).toBe(paged.nodes.length);
    expect(paged.totalCount).toBe(paged.nodes.length);
    expect(paged.nodes.length).toBeGreaterThan(35);
  });

  it.each([
    [{ from: '2026-01-01', to: '2027-02-05' }, 'to', /At most 400 days/],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to', /must not be before/],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', /YYYY-MM-DD/],
    [{ from: 'tomorrow', to: '2026-03-01' }, 'from', /YYYY-MM-DD/],
    [{ from: '2026-03-01', to: '2026-03-02', district: 'not-a-district' }, 'district', /district/],
    [{ from: '2026-03-01', to: '2026-03-02', district: '00000000-0000-4000-8000-000000000000' }, 'district', /district/],
    [{ from: '2026-03-01', to: '2026-03-02', after: 'bm90LWEtY3Vyc29y' }, 'after', /cursor/],
    [{ from: '2026-03-01', to: '2026-03-02', first: 51 }, 'first', /./],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (vars, field, message) => {
    const res = await t.gql(EVENTS, vars);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.body.errors?.[0].message).toMatch(message);
  });

  it("answers the calendar query of docs/events.md within the API's depth and cost limits", async () => {
    const doc = require('node:fs').readFileSync(require('node:path').resolve(__dirname, '../../docs/events.md'), 'utf8') as string;
    const query = /```graphql\n(query Calendar[\s\S]*?)```/.exec(doc)![1].replace(/#[^\n]*/g, '');
    const res = await t.gql(query, { from: '2026-03-15', to: '2026-04-05' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.events.edges.length).toBeGreaterThan(5);
  });

  it('accepts exactly 400 days', async () => {
    const res = await t.gql(EVENTS, { from: '2026-01-01', to: '2027-02-04', first: 1 });
    expect(res.body.errors).toBeUndefined();
  });
});

describe('drafts and visibility', () => {
  it('keeps drafts from the public (NOT_FOUND) and shows them to staff who ask', async () => {
    const [{ id }] = await t.app.db.query(`SELECT id FROM event WHERE status = 'DRAFT' LIMIT 1`);
    const pub = await t.gql(`query ($id: ID!) { event(id: $id) { id } }`, { id });
    expect(pub.body.data!.event).toBeNull();
    expect(pub.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staff = await t.gql(`query ($id: ID!) { event(id: $id) { id status } }`, { id }, { token: editor });
    expect(staff.body.data!.event).toEqual({ id, status: 'DRAFT' });

    const range = { from: addDays(today(), -10), to: addDays(today(), 25) };
    expect(await events({ ...range, statuses: ['DRAFT'] })).toEqual([]);
    const drafts = await events({ ...range, statuses: ['DRAFT'] }, await t.signIn('analyst'));
    expect(drafts.map((n) => n.status)).toEqual(['DRAFT']);
  });

  it('shows a linked poll or goal only to those who may see it', async () => {
    const [draftPoll] = await t.app.db.query(`INSERT INTO poll (title_fa, series_id) VALUES ('پیش‌نویس', gen_random_uuid()) RETURNING id`);
    const [draftGoal] = await t.app.db.query(
      `INSERT INTO goal (title_fa, category, position, status) VALUES ('هدف پیش‌نویس', 'CULTURE', 900, 'DRAFT') RETURNING id`,
    );
    const id = await createEvent(baseEvent({ pollId: draftPoll.id, goalId: draftGoal.id }));
    expect((await mutate('publishEvent', 'PublishEventInput', { id })).body.errors).toBeUndefined();
    const q = `query ($id: ID!) { event(id: $id) { poll { id } goal { id } } }`;
    expect((await t.gql(q, { id })).body.data!.event).toEqual({ poll: null, goal: null });
    expect((await t.gql(q, { id }, { token: editor })).body.data!.event).toEqual({
      poll: { id: draftPoll.id },
      goal: { id: draftGoal.id },
    });

    // The demo festival links the open car-free poll and an active goal: the public sees both.
    const [festival] = await t.app.db.query(`SELECT id FROM event WHERE title_en = 'Historic centre cultural festival'`);
    const read = await t.gql(`query ($id: ID!) { event(id: $id) { poll { title(locale: EN) } goal { id } } }`, { id: festival.id });
    expect(read.body.data!.event.poll).toEqual({ title: 'Car-free Fridays in the historic centre' });
    expect(read.body.data!.event.goal).not.toBeNull();
  });
});

describe('editing events', () => {
  it('round trip: create a draft, change it, publish, cancel, restore; each step audited', async () => {
    const id = await createEvent(
      baseEvent({
        kind: 'PRESS_CONFERENCE',
        titleFa: 'نشست خبری طرح ترافیک',
        titleEn: 'Press conference: the traffic plan',
        venueFa: 'سالن شورا',
        districtId: districtIds[5],
      }),
    );
    const updated = await mutate(
      'updateEvent',
      'UpdateEventInput',
      { id, titleEn: null, venueEn: 'Council hall', endsAt: '2026-05-01T17:00:00Z' },
      'event { status title(locale: EN) venue(locale: EN) endsAt district { code } }',
    );
    expect(updated.body.data!.updateEvent.event).toEqual({
      status: 'DRAFT',
      title: 'نشست خبری طرح ترافیک',
      venue: 'Council hall',
      endsAt: '2026-05-01T17:00:00.000Z',
      district: { code: 5 },
    });

    const published = await mutate('publishEvent', 'PublishEventInput', { id }, 'event { status publishedAt }');
    expect(published.body.data!.publishEvent.event.status).toBe('PUBLISHED');
    expect((await t.gql(`query ($id: ID!) { event(id: $id) { title } }`, { id })).body.data!.event.title).toBe('نشست خبری طرح ترافیک');

    expect((await mutate('cancelEvent', 'CancelEventInput', { id })).body.data!.cancelEvent.event.status).toBe('CANCELLED');
    expect((await t.gql(`query ($id: ID!) { event(id: $id) { status } }`, { id })).body.data!.event.status).toBe('CANCELLED');
    const restored = await mutate('publishEvent', 'PublishEventInput', { id }, 'event { status publishedAt }');
    expect(restored.body.data!.publishEvent.event).toEqual(published.body.data!.publishEvent.event);

    const audit: Array<{ action: string }> = await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`, [
      id,
    ]);
    expect(audit.map((a) => a.action).sort()).toEqual(['cancelEvent', 'createEvent', 'publishEvent', 'publishEvent', 'updateEvent'].sort());
  });

  it('deletes a draft, but refuses to delete what the public has seen or to cancel a draft', async () => {
    const draft = await createEvent(baseEvent());
    const cancelDraft = await mutate('cancelEvent', 'CancelEventInput', { id: draft });
    expect(cancelDraft.body.errors?.[0].extensions).toMatchObject({ code: 'EVENT_NOT_PUBLISHED', status: 'DRAFT' });
    const deleted = await mutate('deleteEvent', 'DeleteEventInput', { id: draft }, 'deletedEventId');
    expect(deleted.body.data!.deleteEvent.deletedEventId).toBe(draft);

    const shown = await createEvent(baseEvent());
    await mutate('publishEvent', 'PublishEventInput', { id: shown });
    const before = await tableCounts();
    const refused = await mutate('deleteEvent', 'DeleteEventInput', { id: shown }, 'deletedEventId');
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'EVENT_NOT_DRAFT', status: 'PUBLISHED' });
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['ending before it starts', baseEvent({ endsAt: '2026-05-01T14:00:00Z' }), 'input.endsAt'],
    ['in an unknown district', baseEvent({ districtId: '00000000-0000-4000-8000-000000000000' }), 'input.districtId'],
    ['linking a malformed poll id', baseEvent({ pollId: 'nope' }), 'input.pollId'],
    ['linking an unknown goal', baseEvent({ goalId: '00000000-0000-4000-8000-000000000000' }), 'input.goalId'],
    ['with a blank title', baseEvent({ titleFa: '   ' }), 'input.titleFa'],
    ['with a title over 300 characters', baseEvent({ titleFa: 'x'.repeat(301) }), 'input.titleFa'],
    ['with a NUL byte in its description', baseEvent({ descriptionFa: 'bad\u0000text' }), 'input.descriptionFa'],
  ])('refuses a new event %s with BAD_USER_INPUT naming the field, writing nothing', async (_, input, field) => {
    const before = await tableCounts();
    const res = await t.gql(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      { input },
      { token: editor },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses an update that would end an event before it starts or clear its title', async () => {
    const id = await createEvent(baseEvent());
    const before = await tableCounts();
    const late = await mutate('updateEvent', 'UpdateEventInput', { id, startsAt: '2026-05-02T00:00:00Z' });
    expect(late.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
    const cleared = await mutate('updateEvent', 'UpdateEventInput', { id, titleFa: null });
    expect(cleared.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.titleFa' });
    const unknown = await mutate('updateEvent', 'UpdateEventInput', { id: '00000000-0000-4000-8000-000000000000', titleFa: 'x' });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await tableCounts()).toEqual(before);
  });
});

describe('the pinned crisis notice', () => {
  const PINNED = `{ pinnedNotice { id title kind pinned } }`;
  const notice = (title: string) =>
    baseEvent({
      kind: 'CRISIS_NOTICE',
      titleFa: title,
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });

  it('shows the demo notice first, and moves the pin to a new notice in one step', async () => {
    const demo = (await t.gql(PINNED)).body.data!.pinnedNotice;
    expect(demo).toMatchObject({ kind: 'CRISIS_NOTICE', pinned: true, title: 'قطع موقت آب در بخش‌هایی از منطقه سه' });

    const id = await createEvent(notice('هشدار آب‌گرفتگی معابر'));
    const draftPin = await mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id });
    expect(draftPin.body.errors?.[0].extensions?.code).toBe('EVENT_NOT_PUBLISHED');
    await mutate('publishEvent', 'PublishEventInput', { id });
    const pinned = await mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id }, 'event { id pinned } unpinnedEvent { id pinned }');
    expect(pinned.body.data!.pinCrisisNotice).toEqual({ event: { id, pinned: true }, unpinnedEvent: { id: demo.id, pinned: false } });
    expect((await t.gql(PINNED)).body.data!.pinnedNotice.id).toBe(id);

    // Cancelling the pinned notice unpins it: nothing is pinned then.
    expect((await mutate('cancelEvent', 'CancelEventInput', { id })).body.data!.cancelEvent.event).toEqual({
      id,
      status: 'CANCELLED',
      pinned: false,
    });
    expect((await t.gql(PINNED)).body.data!.pinnedNotice).toBeNull();
    expect((await mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id: demo.id })).body.errors).toBeUndefined();
  });

  it('pins only a crisis notice that has not ended, and keeps a pinned one a crisis notice', async () => {
    const other = await createEvent(baseEvent());
    await mutate('publishEvent', 'PublishEventInput', { id: other });
    expect((await mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id: other })).body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.id',
    });

    const ended = await createEvent(baseEvent({ kind: 'CRISIS_NOTICE' }));
    await mutate('publishEvent', 'PublishEventInput', { id: ended });
    expect((await mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id: ended })).body.errors?.[0].message).toMatch(/ended/);

    const { id } = (await t.gql(PINNED)).body.data!.pinnedNotice;
    const change = await mutate('updateEvent', 'UpdateEventInput', { id, kind: 'OTHER' });
    expect(change.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
  });

  it('never has two pinned notices: two editors pinning at once end with one, and the database refuses a second', async () => {
    const a = await createEvent(notice('اطلاعیه الف'));
    const b = await createEvent(notice('اطلاعیه ب'));
    await mutate('publishEvent', 'PublishEventInput', { id: a });
    await mutate('publishEvent', 'PublishEventInput', { id: b });
    const results = await Promise.all([a, b].map((id) => mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id })));
    expect(results.map((r) => r.body.errors)).toEqual([undefined, undefined]);
    const pinned: Array<{ id: string }> = await t.app.db.query('SELECT id FROM event WHERE pinned');
    expect(pinned).toHaveLength(1);

    await expect(t.app.db.query(`UPDATE event SET pinned = true WHERE id IN ($1, $2)`, [a, b])).rejects.toThrow(/uq_event_pinned/);
    const [plain] = await t.app.db.query(`SELECT id FROM event WHERE kind <> 'CRISIS_NOTICE' AND status = 'PUBLISHED' LIMIT 1`);
    await t.app.db.query('UPDATE event SET pinned = false');
    await expect(t.app.db.query(`UPDATE event SET pinned = true WHERE id = $1`, [plain.id])).rejects.toThrow(/ck_event_pinned/);
    await mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id: pinned[0].id });
  });

  it('unpins, and unpinning twice changes nothing', async () => {
    const { id } = (await t.gql(PINNED)).body.data!.pinnedNotice;
    expect((await mutate('unpinCrisisNotice', 'UnpinCrisisNoticeInput', { id })).body.data!.unpinCrisisNotice.event.pinned).toBe(false);
    const before = await tableCounts();
    expect((await mutate('unpinCrisisNotice', 'UnpinCrisisNoticeInput', { id })).body.errors).toBeUndefined();
    expect(await tableCounts()).toEqual(before);
    expect((await t.gql(PINNED)).body.data!.pinnedNotice).toBeNull();
    await mutate('pinCrisisNotice', 'PinCrisisNoticeInput', { id });
  });
});

describe('recurring occasions and their overrides', () => {
  const OCCASION = 'occasion { id title ruleText(locale: EN) calendar month day holiday overrides { year date note } }';

  it('lists the occasions, Solar Hijri first, each in calendar order', async () => {
    const res = await t.gql(`{ occasions { calendar month day title(locale: EN) } }`);
    const list: Array<{ calendar: string; month: number; day: number; title: string }> = res.body.data!.occasions;
    expect(list[0]).toEqual({ calendar: 'SOLAR_HIJRI', month: 1, day: 1, title: 'Nowruz (New Year)' });
    expect(list.at(-1)).toMatchObject({ calendar: 'LUNAR_HIJRI', month: 12, day: 18 });
    const lunar = (await t.gql(`{ occasions(calendar: LUNAR_HIJRI, kind: RELIGIOUS_OCCASION) { calendar } }`)).body.data!.occasions;
    expect(lunar.length).toBeGreaterThan(10);
    expect(lunar.every((o: { calendar: string }) => o.calendar === 'LUNAR_HIJRI')).toBe(true);
  });

  it("round trip: create an occasion, fix one year's official day, see it on the calendar, then undo it", async () => {
    const created = await t.gql(
      `mutation ($input: CreateOccasionInput!) { createOccasion(input: $input) { ${OCCASION} } }`,
      {
        input: {
          kind: 'RELIGIOUS_OCCASION',
          titleFa: 'ولادت امام رضا',
          titleEn: 'Birth of Imam Reza',
          calendar: 'LUNAR_HIJRI',
          month: 11,
          day: 11,
        },
      },
      { token: editor },
    );
    expect(created.body.errors).toBeUndefined();
    const occasion = created.body.data!.createOccasion.occasion;
    expect(occasion).toMatchObject({ ruleText: "11 Dhu al-Qa'dah", holiday: false, overrides: [] });

    const dates = await t.gql(
      `query ($id: ID!) { occasion(id: $id) { dates(fromYear: 1446, toYear: 1448) { year date ruleDate overridden } } }`,
      { id: occasion.id },
    );
    const [y1446, y1447] = dates.body.data!.occasion.dates;
    expect(y1446).toMatchObject({ year: 1446, overridden: false });

    const set = await t.gql(
      `mutation ($input: SetOccasionOverrideInput!) { setOccasionOverride(input: $input) { override { year date note } } }`,
      { input: { occasionId: occasion.id, year: 1447, date: addDays(y1447.ruleDate, -1), note: 'رؤیت هلال' } },
      { token: editor },
    );
    expect(set.body.data!.setOccasionOverride.override).toEqual({ year: 1447, date: addDays(y1447.ruleDate, -1), note: 'رؤیت هلال' });
    const onCalendar = await events({ from: addDays(y1447.ruleDate, -3), to: addDays(y1447.ruleDate, 3), kinds: ['RELIGIOUS_OCCASION'] });
    expect(onCalendar.filter((n) => n.title === 'ولادت امام رضا').map((n) => [n.date, n.dateOverridden, n.occasionYear])).toEqual([
      [addDays(y1447.ruleDate, -1), true, 1447],
    ]);

    const removed = await t.gql(
      `mutation ($input: RemoveOccasionOverrideInput!) { removeOccasionOverride(input: $input) { removed occasion { overrides { year } } } }`,
      { input: { occasionId: occasion.id, year: 1447 } },
      { token: editor },
    );
    expect(removed.body.data!.removeOccasionOverride).toEqual({ removed: true, occasion: { overrides: [] } });

    const deleted = await t.gql(
      `mutation ($input: DeleteOccasionInput!) { deleteOccasion(input: $input) { deletedOccasionId } }`,
      { input: { id: occasion.id } },
      { token: editor },
    );
    expect(deleted.body.data!.deleteOccasion.deletedOccasionId).toBe(occasion.id);
    const audit: Array<{ action: string }> = await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [occasion.id]);
    expect(audit.map((a) => a.action).sort()).toEqual([
      'createOccasion',
      'deleteOccasion',
      'removeOccasionOverride',
      'setOccasionOverride',
    ]);
  });

  it('drops the overrides of an occasion whose day changes', async () => {
    const [ashura] = await t.app.db.query(`SELECT id FROM occasion WHERE title_fa = 'عاشورای حسینی'`);
    const moved = await t.gql(
      `mutation ($input: UpdateOccasionInput!) { updateOccasion(input: $input) { ${OCCASION} } }`,
      { input: { id: ashura.id, day: 11 } },
      { token: editor },
    );
    expect(moved.body.data!.updateOccasion.occasion).toMatchObject({ day: 11, overrides: [] });
    await t.gql(
      `mutation ($input: UpdateOccasionInput!) { updateOccasion(input: $input) { occasion { id } } }`,
      { input: { id: ashura.id, day: 10 } },
      { token: editor },
    );
    await t.app.db.query(`INSERT INTO occasion_override (occasion_id, year, date) VALUES ($1, 1448, '2026-06-25')`, [ashura.id]);
  });

  it.each([
    [
      'of a kind that is not an occasion',
      { kind: 'CULTURAL_EVENT', titleFa: 'x', calendar: 'SOLAR_HIJRI', month: 1, day: 1 },
      'BAD_USER_INPUT',
      'input.kind',
    ],
    [
      'on 31 Muharram',
      { kind: 'RELIGIOUS_OCCASION', titleFa: 'x', calendar: 'LUNAR_HIJRI', month: 1, day: 31 },
      'BAD_USER_INPUT',
      'input.day',
    ],
    ['on 31 Mehr', { kind: 'NATIONAL_OCCASION', titleFa: 'x', calendar: 'SOLAR_HIJRI', month: 7, day: 31 }, 'BAD_USER_INPUT', 'input.day'],
    [
      'in a 13th month',
      { kind: 'NATIONAL_OCCASION', titleFa: 'x', calendar: 'SOLAR_HIJRI', month: 13, day: 1 },
      'BAD_USER_INPUT',
      'input.month',
    ],
    [
      'that exists already',
      { kind: 'NATIONAL_OCCASION', titleFa: 'آغاز نوروز', calendar: 'SOLAR_HIJRI', month: 1, day: 1 },
      'CONFLICT',
      'input.titleFa',
    ],
  ])('refuses an occasion %s, naming the field, writing nothing', async (_, input, code, field) => {
    const before = await tableCounts();
    const res = await t.gql(
      `mutation ($input: CreateOccasionInput!) { createOccasion(input: $input) { occasion { id } } }`,
      { input },
      { token: editor },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code, field });
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses an override far from the rule's day (a wrong year, usually) or out of the years the calendars cover", async () => {
    const [ashura] = await t.app.db.query(`SELECT id FROM occasion WHERE title_fa = 'عاشورای حسینی'`);
    const before = await tableCounts();
    const call = (input: Record<string, unknown>) =>
      t.gql(
        `mutation ($input: SetOccasionOverrideInput!) { setOccasionOverride(input: $input) { override { year } } }`,
        { input: { occasionId: ashura.id, ...input } },
        { token: editor },
      );
    // 10 Muharram 1448 is in June 2026; a July 2025 day is 1447's.
    const wrongYear = await call({ year: 1448, date: '2025-07-06' });
    expect(wrongYear.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    expect(wrongYear.body.errors?.[0].message).toMatch(/2026-06-26/);
    expect((await call({ year: 1700, date: '2025-07-06' })).body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.year',
    });
    expect((await call({ year: 1448, date: '2026-06-31' })).body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.date',
    });
    const unknown = await t.gql(
      `mutation ($input: SetOccasionOverrideInput!) { setOccasionOverride(input: $input) { override { year } } }`,
      { input: { occasionId: '00000000-0000-4000-8000-000000000000', year: 1448, date: '2026-06-25' } },
      { token: editor },
    );
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await tableCounts()).toEqual(before);
  });
});

describe('cost of the calendar', () => {
  it('reads districts, polls and goals of a whole page in one statement each, however many events it has', async () => {
    const [poll] = await t.app.db.query(`SELECT id FROM poll WHERE state = 'PUBLISHED' LIMIT 1`);
    const goals: Array<{ id: string }> = await t.app.db.query(`SELECT id FROM goal WHERE status = 'ACTIVE' ORDER BY position LIMIT 8`);
    const seedEvents = async (day: string, n: number) => {
      for (let i = 0; i < n; i++) {
        await t.app.db.query(
          `INSERT INTO event (kind, title_fa, starts_at, ends_at, district_id, poll_id, goal_id, status, published_at)
           VALUES ('CULTURAL_EVENT', $1, $2, $2, $3, $4, $5, 'PUBLISHED', now())`,
          [`رویداد ${i}`, `${day}T08:00:00Z`, districtIds[(i % 8) + 1], poll.id, goals[i % goals.length].id],
        );
      }
    };
    await seedEvents('2030-01-10', 2);
    await seedEvents('2030-02-10', 30);
    const query = `query ($from: String!, $to: String!) { events(from: $from, to: $to, first: 50) { totalCount edges { node { id district { name } poll { title } goal { title } occasion { title } } } } }`;
    const statements = async (from: string, to: string) => {
      const before = t.sqlCount();
      const res = await t.gql(query, { from, to });
      expect(res.body.errors).toBeUndefined();
      return { count: t.sqlCount() - before, items: res.body.data!.events.edges.length };
    };
    const few = await statements('2030-01-10', '2030-01-10');
    const many = await statements('2030-02-10', '2030-02-10');
    expect(few.items).toBeGreaterThanOrEqual(2);
    expect(many.items).toBeGreaterThanOrEqual(30);
    // count, page, occasions, their overrides, then one each for districts, polls and goals.
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(7);
  });
});
