import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { startTestApp, type TestApp } from '../helpers/app';

// ical.js is an ES module with a CommonJS build: required here, typed from its module declarations.
const ICAL: typeof ICALModule = require('ical.js');
type Component = InstanceType<typeof ICALModule.Component>;
type Time = InstanceType<typeof ICALModule.Time>;

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  editor = await t.signIn('editor');
});
afterAll(() => t.close());

async function feed(query = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/calendar.ics${query}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: bytes.toString('utf8') };
}

interface VEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  status: string;
  categories: string[];
  kind: string;
  allDay: boolean;
  start: string;
  end: string;
  stamp: string | null;
  url: string | null;
}

function parse(text: string): { calendar: Component; events: VEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as Time;
    const end = v.getFirstPropertyValue('dtend') as Time;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      description: (v.getFirstPropertyValue('description') as string | null) ?? null,
      location: (v.getFirstPropertyValue('location') as string | null) ?? null,
      status: String(v.getFirstPropertyValue('status')),
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
      kind: String(v.getFirstPropertyValue('x-nabz-kind')),
      allDay: start.isDate,
      start: start.toString(),
      end: end.toString(),
      stamp: v.getFirstPropertyValue('dtstamp') ? String(v.getFirstPropertyValue('dtstamp')) : null,
      url: (v.getFirstPropertyValue('url') as string | null) ?? null,
    };
  });
  return { calendar, events };
}

async function publishedEvent(input: Record<string, unknown>): Promise<string> {
  const created = await t.gql(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
    { input },
    { token: editor },
  );
  expect(created.body.errors).toBeUndefined();
  const id = created.body.data!.createEvent.event.id;
  await t.gql(
    `mutation ($input: PublishEventInput!) { publishEvent(input: $input) { event { id } } }`,
    { input: { id } },
    { token: editor },
  );
  return id;
}

const soon = (days: number, hour: number) => new Date(Date.now() + days * 86_400_000 + hour * 3600_000).toISOString();

describe('GET /calendar.ics', () => {
  it('answers an iCalendar document that calendar apps can subscribe to', async () => {
    const { res, text } = await feed();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=900');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Nabz');
    expect(events.length).toBeGreaterThan(5);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.every((e) => e.stamp)).toBe(true);
  });

  it('writes RFC 5545 lines: CRLF, folded at 75 octets without splitting a Persian letter', async () => {
    const { bytes, text } = await feed();
    expect(text.endsWith('END:VCALENDAR')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || (bytes[i] === 0x0d && bytes[i + 1] === 0x0a)) {
        const line = bytes.subarray(start, i);
        expect(line.length).toBeLessThanOrEqual(75);
        expect(() => decoder.decode(line)).not.toThrow();
        start = i + 2;
        i++;
      }
    }
  });

  it('has the occasions as all-day, transparent events, with the lunar date in the description', async () => {
    const { text } = await feed();
    const { events } = parse(text);
    const occasions = events.filter((e) => e.uid.startsWith('occasion:'));
    expect(occasions.length).toBeGreaterThan(5);
    for (const o of occasions) {
      expect(o.allDay).toBe(true);
      expect(Date.parse(o.end) - Date.parse(o.start)).toBe(86_400_000);
      expect(o.kind.endsWith('_OCCASION')).toBe(true);
    }
    const religious = occasions.find((o) => o.kind === 'RELIGIOUS_OCCASION')!;
    // People read the kind in the feed's language; programs read X-NABZ-KIND.
    expect(religious.categories).toEqual(['مناسبت مذهبی']);
    expect(religious.description).toMatch(/^[۰-۹]+ \S+ ۱۴[۰-۹]{2}/);
    expect(text).toMatch(/TRANSP:TRANSPARENT/);
  });

  it('has published and cancelled events, never a draft', async () => {
    const { events } = parse((await feed()).text);
    const titles = events.map((e) => e.summary);
    expect(titles).toContain('نشست خبری سخنگوی شهرداری');
    expect(titles).not.toContain('نشست خبری گزارش عملکرد سالانه');
    expect(events.find((e) => e.summary === 'پیاده‌روی خانوادگی آدینه')?.status).toBe('CANCELLED');
    expect(events.find((e) => e.summary === 'نشست خبری سخنگوی شهرداری')).toMatchObject({
      status: 'CONFIRMED',
      allDay: false,
      location: 'سالن اجتماعات ساختمان مرکزی شهرداری',
    });
  });

  it('escapes Persian text with commas, semicolons, backslashes and new lines so it reads back exactly', async () => {
    const title = 'نشست «ویژه»، بودجه; سال ۱۴۰۵\\بخش دوم, با حضور شهردار و اعضای شورای شهر و نمایندگان همهٔ مناطق';
    const description = 'سطر نخست،\nسطر دوم; با نیم‌فاصله\u200cها و ویرگول, انگلیسی';
    const id = await publishedEvent({
      kind: 'PRESS_CONFERENCE',
      titleFa: title,
      descriptionFa: description,
      venueFa: 'تالار شهر; طبقهٔ دوم',
      startsAt: soon(4, 2),
      endsAt: soon(4, 3),
    });
    const { events } = parse((await feed()).text);
    const read = events.find((e) => e.uid === `${id}@nabz`)!;
    expect(read).toMatchObject({ summary: title, description, location: 'تالار شهر; طبقهٔ دوم' });
  });

  it('follows the language asked for: ?locale=en, else Accept-Language', async () => {
    const enEvents = parse((await feed('?locale=en')).text).events;
    const en = enEvents.map((e) => e.summary);
    expect(en).toContain("Press conference of the municipality's spokesperson");
    // Categories and places in English too: no code names, no Persian comma.
    expect(new Set(enEvents.flatMap((e) => e.categories))).toContain('Religious occasion');
    expect(enEvents.flatMap((e) => e.categories).filter((c) => /^[A-Z_]+$/.test(c))).toEqual([]);
    expect(enEvents.map((e) => e.location ?? '').filter((l) => l.includes('،'))).toEqual([]);
    const header = parse((await feed('', { 'accept-language': 'en' })).text).events.map((e) => e.summary);
    expect(header).toEqual(en);
  });

  it('filters by district (its events and the citywide ones) and by kinds', async () => {
    const district4 = parse((await feed('?district=4')).text).events;
    const titles = district4.map((e) => e.summary);
    expect(titles).toContain('دیدار مردمی شهردار با شهروندان منطقه چهار');
    expect(titles).toContain('نشست خبری سخنگوی شهرداری'); // citywide
    expect(titles).not.toContain('قطع موقت آب در بخش‌هایی از منطقه سه');
    expect(district4.some((e) => e.allDay)).toBe(true);

    const kinds = parse((await feed('?kinds=PRESS_CONFERENCE,religious_occasion')).text).events;
    expect(new Set(kinds.map((e) => e.kind))).toEqual(new Set(['PRESS_CONFERENCE', 'RELIGIOUS_OCCASION']));
    expect(new Set(kinds.flatMap((e) => e.categories))).toEqual(new Set(['نشست خبری', 'مناسبت مذهبی']));
  });

  it.each([
    ['?kinds=PARTY', 'kinds'],
    ['?district=99', 'district'],
    ['?district=abc', 'district'],
    ['?locale=de', 'locale'],
  ])('refuses %s with 400 BAD_USER_INPUT naming %s', async (query, field) => {
    const { res, text } = await feed(query);
    expect(res.status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field, requestId: res.headers.get('x-request-id') });
  });

  it('answers 304 when the calendar has not changed, and a new ETag when it has', async () => {
    const first = await feed();
    const etag = first.res.headers.get('etag')!;
    const again = await feed('', { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    await publishedEvent({ kind: 'CULTURAL_EVENT', titleFa: 'شب شعر', startsAt: soon(8, 1), endsAt: soon(8, 3) });
    const changed = await feed('', { 'if-none-match': etag });
    expect(changed.res.status).toBe(200);
    expect(changed.res.headers.get('etag')).not.toBe(etag);
  });
});

describe('GET /calendar/events/:id/event.ics (one event to add to a calendar)', () => {
  const file = (id: string, query = '') => fetch(`${t.url}/calendar/events/${encodeURIComponent(id)}/event.ics${query}`);
  // PUBLIC_SITE_URL's default: the website the links lead to.
  const siteUrl = () => 'http://localhost:3000';

  it('is the same event as in the feed, written by the same writer, with its page on the site', async () => {
    const id = await publishedEvent({
      kind: 'PRESS_CONFERENCE',
      titleFa: 'نشست خبری فایل تقویم',
      titleEn: 'Calendar file press conference',
      startsAt: soon(9, 2),
      endsAt: soon(9, 3),
    });
    const res = await file(id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="event-\d{4}-\d{2}-\d{2}\.ics"$/);
    const [event] = parse(await res.text()).events;
    const inFeed = parse((await feed()).text).events.find((e) => e.uid === `${id}@nabz`)!;
    expect(event).toEqual(inFeed);
    expect(event.url).toBe(`${siteUrl()}/events/${id}`);

    const [english] = parse(await (await file(id, '?locale=en')).text()).events;
    expect(english).toMatchObject({ summary: 'Calendar file press conference', url: `${siteUrl()}/en/events/${id}` });
  });

  it('writes a year of an occasion as an all-day event', async () => {
    const occasion = parse((await feed()).text).events.find((e) => e.uid.startsWith('occasion:'))!;
    const id = occasion.uid.replace(/@nabz$/, '');
    const res = await file(id);
    expect(res.status).toBe(200);
    const [event] = parse(await res.text()).events;
    expect(event).toMatchObject({ uid: occasion.uid, allDay: true, start: occasion.start });
    expect(event.url).toBe(`${siteUrl()}/events/${encodeURIComponent(id)}`);
  });

  it('answers 404 NOT_FOUND for a draft, an unknown or a malformed id, and 400 for a bad locale', async () => {
    const created = await t.gql(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      { input: { kind: 'OTHER', titleFa: 'پیش‌نویس پنهان', startsAt: soon(5, 1), endsAt: soon(5, 2) } },
      { token: editor },
    );
    for (const id of [created.body.data!.createEvent.event.id, '00000000-0000-4000-8000-000000000000', 'not-an-id', 'occasion:x:1405']) {
      const res = await file(id);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toEqual({
        code: 'NOT_FOUND',
        requestId: res.headers.get('x-request-id'),
      });
    }
    const published = await publishedEvent({ kind: 'OTHER', titleFa: 'رویداد زبان', startsAt: soon(6, 1), endsAt: soon(6, 2) });
    const bad = await file(published, '?locale=de');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'locale',
      requestId: bad.headers.get('x-request-id'),
    });
  });
});
