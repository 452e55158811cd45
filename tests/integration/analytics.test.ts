import { execFile } from 'node:child_process';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/app';

/**
 * Site analytics over real HTTP on real PostgreSQL: the /collect beacon and trackPageview, the
 * public counters, staff traffic, the imported figures, salts, retention and day boundaries. Time
 * is the test's: the app runs on an injected clock that the tests move.
 */
let now = new Date('2026-01-05T08:00:00Z');
const clock = () => now;
const at = (iso: string) => (now = new Date(iso));

let t: TestApp;
let analyst: string;
beforeAll(async () => {
  t = await startTestApp({
    seed: true,
    clock,
    env: {
      // Tests write the buffer when they want to (flush()); no background writes.
      ANALYTICS_FLUSH_MS: '60000',
      ANALYTICS_RETENTION_DAYS: '30',
      ANALYTICS_SITE: 'city.example',
      // The client address comes from X-Forwarded-For, as behind the city's load balancer.
      TRUST_PROXY: 'true',
    },
  });
  analyst = await t.signIn('analyst');
});
afterAll(() => t.close());

const BROWSER =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

interface Sent {
  status: number;
  text: string;
  headers: Headers;
  body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

/** Sends a beacon as navigator.sendBeacon does: a JSON string as text/plain. */
async function beacon(
  payload: unknown,
  options: { ip?: string; ua?: string | null; contentType?: string; origin?: string; language?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'text/plain;charset=UTF-8',
    'x-forwarded-for': options.ip ?? '203.0.113.10',
  };
  if (options.ua !== null) headers['user-agent'] = options.ua ?? BROWSER;
  if (options.origin) headers.origin = options.origin;
  if (options.language) headers['accept-language'] = options.language;
  const res = await fetch(`${t.url}/collect`, {
    method: 'POST',
    headers,
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const STATS =
  '{ siteStats { date timeZone today yesterday total maxDaily maxDailyDate pageViewsToday pageViewsYesterday pageViewsTotal } }';
type Stats = {
  date: string;
  timeZone: string;
  today: number;
  yesterday: number;
  total: number;
  maxDaily: number;
  maxDailyDate: string | null;
  pageViewsToday: number;
  pageViewsYesterday: number;
  pageViewsTotal: number;
};

async function stats(): Promise<Stats> {
  await t.app.services.analytics.flush();
  const res = await t.gql<{ siteStats: Stats }>(STATS);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.siteStats;
}

const TRAFFIC = `query ($from: String!, $to: String!) {
  siteTraffic(from: $from, to: $to) {
    from to visits pageViews
    days { date visitors pageViews }
    topPages(first: 5) { value pageViews visits }
    topReferrers { value pageViews visits }
    devices { screen pageViews visits }
    languages { value pageViews visits }
    activeVisitors
  }
}`;
type Count = { value: string | null; pageViews: number; visits: number };
type Traffic = {
  from: string;
  to: string;
  visits: number;
  pageViews: number;
  days: Array<{ date: string; visitors: number; pageViews: number }>;
  topPages: Count[];
  topReferrers: Count[];
  devices: Array<{ screen: string | null; pageViews: number; visits: number }>;
  languages: Count[];
  activeVisitors: number;
};

async function traffic(from: string, to = from): Promise<Traffic> {
  await t.app.services.analytics.flush();
  const res = await t.gql<{ siteTraffic: Traffic }>(TRAFFIC, { from, to }, { token: analyst });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.siteTraffic;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await t.app.db.query(`SELECT (${sql})::int AS n`, params);
  return n;
}

describe('the four counters', () => {
  it("continue the customer's current site: 311,691 visits in all and a record day of 490", async () => {
    at('2026-01-05T08:00:00Z');
    const s = await stats();
    expect(s).toEqual({
      date: '2026-01-05',
      timeZone: 'Asia/Tehran',
      today: 0,
      yesterday: 0,
      total: 311_691,
      maxDaily: 490,
      maxDailyDate: null,
      pageViewsToday: 0,
      pageViewsYesterday: 0,
      pageViewsTotal: 0,
    });
  });

  it('count a visitor once a day however many pages they view, and every page view', async () => {
    at('2026-01-06T08:00:00Z');
    const before = await stats();
    for (const path of ['/', '/goals', '/goals']) expect((await beacon({ path }, { ip: '203.0.113.21' })).status).toBe(204);
    // The same address with another browser is another visitor; application/json bodies are accepted too.
    expect((await beacon({ path: '/' }, { ip: '203.0.113.21', ua: DESKTOP, contentType: 'application/json' })).status).toBe(204);
    const after = await stats();
    expect(after.today).toBe(2);
    expect(after.pageViewsToday).toBe(4);
    expect(after.total).toBe(before.total + 2);
    expect(after.pageViewsTotal).toBe(before.pageViewsTotal + 4);
  });

  it('answers anyone, signed in or not', async () => {
    const res = await t.gql(STATS);
    expect(res.body.errors).toBeUndefined();
  });
});

describe('the beacon', () => {
  it('ignores bots and requests without a user agent, and still answers 204', async () => {
    at('2026-01-06T09:00:00Z');
    const before = await stats();
    expect((await beacon({ path: '/' }, { ua: GOOGLEBOT })).status).toBe(204);
    expect((await beacon({ path: '/' }, { ua: 'python-requests/2.32.3' })).status).toBe(204);
    expect((await beacon({ path: '/' }, { ua: null })).status).toBe(204);
    expect(t.app.services.analytics.buffered).toBe(0);
    const res = await t.gql<{ trackPageview: { counted: boolean } }>(
      'mutation { trackPageview(input: { path: "/" }) { counted } }',
      undefined,
      { headers: { 'user-agent': GOOGLEBOT } },
    );
    expect(res.body.data!.trackPageview.counted).toBe(false);
    expect(await stats()).toEqual(before);
  });

  it.each([
    ['an empty body', 400, 'BAD_USER_INPUT', undefined, ''],
    ['malformed JSON', 400, 'BAD_USER_INPUT', undefined, '{"path": "/"'],
    ['a JSON array', 400, 'BAD_USER_INPUT', undefined, '["/"]'],
    ['no path', 400, 'BAD_USER_INPUT', 'path', '{"referrer":""}'],
    ['a path that is a URL', 400, 'BAD_USER_INPUT', 'path', '{"path":"https://evil.example/"}'],
    ['a path with control characters', 400, 'BAD_USER_INPUT', 'path', JSON.stringify({ path: '/a\u0007' })],
    ['a referrer that is not a URL', 400, 'BAD_USER_INPUT', 'referrer', '{"path":"/","referrer":"yesterday"}'],
    ['an unknown screen class', 400, 'BAD_USER_INPUT', 'screen', '{"path":"/","screen":"huge"}'],
    ['a field the beacon does not have', 400, 'BAD_USER_INPUT', 'email', '{"path":"/","email":"a@b.example"}'],
    [
      'an oversized body',
      413,
      'PAYLOAD_TOO_LARGE',
      undefined,
      JSON.stringify({ path: '/', referrer: `https://a.example/${'x'.repeat(5000)}` }),
    ],
  ])('refuses %s with %i %s, counting nothing', async (_name, status, code, field, body) => {
    const before = t.app.services.analytics.buffered;
    const res = await beacon(body);
    expect(res.status).toBe(status);
    expect(res.body!.errors![0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(res.body!.errors![0].message).not.toMatch(/at \S+\.ts|SELECT|INSERT/);
    expect(t.app.services.analytics.buffered).toBe(before);
  });

  it('takes a chunked beacon (no Content-Length) too', async () => {
    at('2026-01-06T09:30:00Z');
    const before = await stats();
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"path":"/chun'));
        controller.enqueue(new TextEncoder().encode('ked"}'));
        controller.close();
      },
    });
    const res = await fetch(`${t.url}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': BROWSER, 'x-forwarded-for': '203.0.113.22' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await stats()).pageViewsToday).toBe(before.pageViewsToday + 1);
  });

  it('answers a counted beacon with 204, no body, and headers any origin may read', async () => {
    const res = await beacon({ path: '/' }, { ip: '203.0.113.21' });
    expect([res.status, res.text]).toEqual([204, '']);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The app's own request id, as on every other route (the beacon is a plain Fastify route).
    expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
  });

  it("carries the request id of a refused beacon in its header and its error, the caller's own when it sent one", async () => {
    const res = await fetch(`${t.url}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': BROWSER, 'x-forwarded-for': '203.0.113.23', 'x-request-id': 'beacon-trace-1' },
      body: '{"path":"no-slash"}',
    });
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect([res.status, res.headers.get('x-request-id'), body.errors[0].extensions]).toEqual([
      400,
      'beacon-trace-1',
      expect.objectContaining({ code: 'BAD_USER_INPUT', requestId: 'beacon-trace-1' }),
    ]);
  });

  it('refuses a media type that sendBeacon does not send with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await beacon('<pageview/>', { contentType: 'application/xml' });
    expect(res.status).toBe(415);
    expect(res.body!.errors![0].extensions!.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it("answers a CORS preflight, so fetch() with application/json works from the site's origin", async () => {
    const res = await fetch(`${t.url}/collect`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://city.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
  });
});

describe('trackPageview', () => {
  const TRACK = 'mutation ($input: TrackPageviewInput!) { trackPageview(input: $input) { counted } }';

  it("counts a partner app's page view like a beacon", async () => {
    at('2026-01-06T10:00:00Z');
    const before = await stats();
    const res = await t.gql<{ trackPageview: { counted: boolean } }>(
      TRACK,
      { input: { path: '/events?id=4', screen: 'MOBILE', language: 'en-GB' } },
      { headers: { 'user-agent': 'CityApp/3.2 (Android 14)', 'x-forwarded-for': '203.0.113.99' } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.trackPageview.counted).toBe(true);
    const after = await stats();
    expect(after.today).toBe(before.today + 1);
    expect(after.pageViewsToday).toBe(before.pageViewsToday + 1);
  });

  it('refuses a bad page view with BAD_USER_INPUT naming the field', async () => {
    const res = await t.gql(TRACK, { input: { path: 'events' } }, { headers: { 'user-agent': 'CityApp/3.2 (Android 14)' } });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.path' });
  });
});

describe('privacy', () => {
  it("never stores the client's address or user agent: no table holds them in any form", async () => {
    at('2026-01-07T11:00:00Z');
    const ip = '198.51.100.77';
    const ua = `${DESKTOP} NabzProbe/9.9.9`;
    expect((await beacon({ path: '/privacy', referrer: 'https://news.example/a' }, { ip, ua })).status).toBe(204);
    await t.gql('mutation { trackPageview(input: { path: "/privacy" }) { counted } }', undefined, {
      headers: { 'user-agent': ua, 'x-forwarded-for': ip },
    });
    await t.app.services.analytics.flush();
    expect(await count('SELECT count(*) FROM analytics_page_view WHERE path = $1', ['/privacy'])).toBe(2);

    const tables: Array<{ name: string }> = await t.app.db.query(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining(['analytics_page_view', 'analytics_visitor_day', 'analytics_salt', 'analytics_daily_dimension']),
    );
    const needles = [ip, 'NabzProbe', Buffer.from(ip).toString('hex'), Buffer.from('NabzProbe').toString('hex')];
    for (const { name } of tables) {
      // Every column of every row, as text (bytea as hex): the address, the user agent, or their bytes.
      const hits = await count(
        `SELECT count(*) FROM ${name} x WHERE ${needles.map((_, i) => `strpos(x::text, $${i + 1}) > 0`).join(' OR ')}`,
        needles,
      );
      expect([name, hits]).toEqual([name, 0]);
    }
  });

  it("keeps only the referrer's host, and no query string of the page", async () => {
    at('2026-01-07T11:05:00Z');
    await beacon(
      { path: '/search?q=my+home+address', referrer: 'https://mail.example/inbox?user=someone@example.com' },
      { ip: '203.0.113.44' },
    );
    await t.app.services.analytics.flush();
    const rows = await t.app.db.query(`SELECT path, referrer_host FROM analytics_page_view WHERE path = '/search'`);
    expect(rows).toEqual([{ path: '/search', referrer_host: 'mail.example' }]);
    expect(
      await count(`SELECT count(*) FROM analytics_page_view p WHERE strpos(p::text, 'someone') > 0 OR strpos(p::text, 'address') > 0`),
    ).toBe(0);
  });
});

describe("days in the city's time zone (Asia/Tehran, UTC+3:30, no DST)", () => {
  it('puts 20:29:59Z in the Tehran day it belongs to and 20:30:00Z in the next one', async () => {
    at('2026-01-10T20:29:59Z');
    await beacon({ path: '/late' }, { ip: '203.0.113.50' });
    at('2026-01-10T20:30:00Z');
    await beacon({ path: '/early' }, { ip: '203.0.113.50' });
    await t.app.services.analytics.flush();
    expect(
      await t.app.db.query(`SELECT day::text AS day, path FROM analytics_page_view WHERE path IN ('/late', '/early') ORDER BY at`),
    ).toEqual([
      { day: '2026-01-10', path: '/late' },
      { day: '2026-01-11', path: '/early' },
    ]);
    // The same person on two days is a visit on each.
    const range = await traffic('2026-01-10', '2026-01-11');
    expect(range.days).toEqual([
      { date: '2026-01-10', visitors: 1, pageViews: 1 },
      { date: '2026-01-11', visitors: 1, pageViews: 1 },
    ]);
    const s = await stats();
    expect(s).toMatchObject({ date: '2026-01-11', today: 1, yesterday: 1, pageViewsToday: 1, pageViewsYesterday: 1 });
  });
});

describe('salts', () => {
  const D1 = '2026-02-01';
  const D2 = '2026-02-02';
  const D3 = '2026-02-03';
  const keysOf = async (day: string) =>
    (await t.app.db.query(`SELECT encode(visitor_key, 'hex') AS k FROM analytics_visitor_day WHERE day = $1`, [day])).map(
      (r: { k: string }) => r.k,
    );

  it('rotate every day: the same visitor gets an unrelated key the next day, and both days count them', async () => {
    at(`${D1}T08:00:00Z`);
    await beacon({ path: '/' }, { ip: '203.0.113.60' });
    await t.app.services.analytics.flush();
    at(`${D2}T08:00:00Z`);
    await beacon({ path: '/' }, { ip: '203.0.113.60' });
    await t.app.services.analytics.flush();

    const salts: Array<{ day: string; salt: Buffer }> = await t.app.db.query(
      `SELECT day::text AS day, salt FROM analytics_salt WHERE day IN ($1, $2) ORDER BY day`,
      [D1, D2],
    );
    expect(salts.map((s) => s.day)).toEqual([D1, D2]);
    expect(salts[0].salt.length).toBe(32);
    expect(salts[0].salt.equals(salts[1].salt)).toBe(false);
    const [k1, k2] = [await keysOf(D1), await keysOf(D2)];
    expect(k1).toHaveLength(1);
    expect(k2).toHaveLength(1);
    expect(k1[0]).not.toBe(k2[0]);
    expect((await traffic(D1, D2)).days.map((d) => d.visitors)).toEqual([1, 1]);
  });

  it("are deleted, with the day's visitor keys, once the day is more than a day past; the counts stay", async () => {
    at(`${D2}T09:00:00Z`);
    await t.app.services.analytics.maintain();
    // Yesterday's salt is kept one more day.
    expect(await count('SELECT count(*) FROM analytics_salt WHERE day = $1', [D1])).toBe(1);
    const before = await traffic(D1, D2);

    at(`${D3}T00:00:00Z`); // 03:30 on D3 in Tehran
    const done = await t.app.services.analytics.maintain();
    expect(done.today).toBe(D3);
    expect(await count('SELECT count(*) FROM analytics_salt WHERE day <= $1', [D1])).toBe(0);
    expect(await count('SELECT count(*) FROM analytics_visitor_day WHERE day <= $1', [D1])).toBe(0);
    expect(await count('SELECT count(*) FROM analytics_salt WHERE day IN ($1, $2)', [D2, D3])).toBe(2);
    expect(await keysOf(D2)).toHaveLength(1);
    expect(await traffic(D1, D2)).toEqual(before);
  });

  it('are shared by every server instance, which count a visitor once between them', async () => {
    at('2026-02-10T08:00:00Z');
    const second = await startTestApp({
      databaseUrl: t.databaseUrl,
      clock,
      env: { ANALYTICS_FLUSH_MS: '60000', ANALYTICS_SITE: 'city.example', TRUST_PROXY: 'true' },
    });
    try {
      const post = (url: string) =>
        fetch(`${url}/collect`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'user-agent': BROWSER, 'x-forwarded-for': '203.0.113.70' },
          body: '{"path":"/both"}',
        });
      expect((await post(t.url)).status).toBe(204);
      expect((await post(second.url)).status).toBe(204);
      await Promise.all([t.app.services.analytics.flush(), second.app.services.analytics.flush()]);
      expect(await count(`SELECT count(*) FROM analytics_salt WHERE day = '2026-02-10'`)).toBe(1);
      expect((await traffic('2026-02-10')).days).toEqual([{ date: '2026-02-10', visitors: 1, pageViews: 2 }]);

      // A graceful shutdown writes what the instance still holds.
      expect((await post(second.url)).status).toBe(204);
      expect(second.app.services.analytics.buffered).toBe(1);
    } finally {
      await second.close();
    }
    expect((await traffic('2026-02-10')).days).toEqual([{ date: '2026-02-10', visitors: 1, pageViews: 3 }]);
  });
});

describe('retention', () => {
  it('deletes raw page views older than ANALYTICS_RETENTION_DAYS, and no counter or figure changes', async () => {
    at('2026-03-01T08:00:00Z');
    await beacon({ path: '/old', referrer: 'https://news.example/' }, { ip: '203.0.113.80' });
    await beacon({ path: '/old' }, { ip: '203.0.113.81' });
    await t.app.services.analytics.flush();
    const rawOld = () => count(`SELECT count(*) FROM analytics_page_view WHERE day = '2026-03-01'`);
    expect(await rawOld()).toBe(2);

    at('2026-03-31T08:00:00Z'); // 30 days later: still kept
    await t.app.services.analytics.maintain();
    expect(await rawOld()).toBe(2);
    const statsBefore = await stats();
    const trafficBefore = await traffic('2026-02-01', '2026-03-31');

    at('2026-04-01T08:00:00Z'); // 31 days later: deleted
    const statsBeforeDayChange = await stats();
    const done = await t.app.services.analytics.maintain();
    expect(done.pageViews).toBeGreaterThanOrEqual(2);
    expect(await rawOld()).toBe(0);
    expect(await stats()).toEqual(statsBeforeDayChange);
    expect({ ...statsBefore, date: null, today: null, yesterday: null, pageViewsToday: null, pageViewsYesterday: null }).toEqual({
      ...statsBeforeDayChange,
      date: null,
      today: null,
      yesterday: null,
      pageViewsToday: null,
      pageViewsYesterday: null,
    });
    expect({ ...(await traffic('2026-02-01', '2026-03-31')), activeVisitors: 0 }).toEqual({ ...trafficBefore, activeVisitors: 0 });
  });
});

describe('siteTraffic', () => {
  it('gives staff the daily series, top pages and referrers, devices, languages and who is on the site now', async () => {
    at('2026-04-10T07:00:00Z');
    await beacon({ path: '/', referrer: 'https://www.google.com/search?q=x', screen: 'mobile', language: 'fa-IR' }, { ip: '203.0.113.1' });
    await beacon({ path: '/goals', referrer: 'https://city.example/', screen: 'mobile', language: 'fa-IR' }, { ip: '203.0.113.1' }); // the site's own page: no referrer
    await beacon(
      { path: '/goals', referrer: 'https://portal.example/home', screen: 'desktop' },
      { ip: '203.0.113.2', ua: DESKTOP, language: 'en-US,en;q=0.8' },
    );
    await beacon({ path: '/goals', referrer: 'https://portal.example/events' }, { ip: '203.0.113.3', origin: 'https://portal.example' }); // from the page's own origin
    at('2026-04-11T07:00:00Z');
    await beacon({ path: '/polls', screen: 'tablet', language: 'fa' }, { ip: '203.0.113.4' });
    at('2026-04-11T07:03:00Z');

    const r = await traffic('2026-04-09', '2026-04-11');
    expect(r.days).toEqual([
      { date: '2026-04-09', visitors: 0, pageViews: 0 },
      { date: '2026-04-10', visitors: 3, pageViews: 4 },
      { date: '2026-04-11', visitors: 1, pageViews: 1 },
    ]);
    expect([r.visits, r.pageViews]).toEqual([4, 5]);
    expect(r.topPages).toEqual([
      { value: '/goals', pageViews: 3, visits: 2 },
      { value: '/', pageViews: 1, visits: 1 },
      { value: '/polls', pageViews: 1, visits: 1 },
    ]);
    expect(r.topReferrers).toEqual([
      { value: null, pageViews: 3, visits: 2 },
      { value: 'google.com', pageViews: 1, visits: 1 },
      { value: 'portal.example', pageViews: 1, visits: 1 },
    ]);
    expect(r.devices).toEqual([
      { screen: 'MOBILE', pageViews: 2, visits: 1 },
      { screen: null, pageViews: 1, visits: 1 },
      { screen: 'DESKTOP', pageViews: 1, visits: 1 },
      { screen: 'TABLET', pageViews: 1, visits: 1 },
    ]);
    expect(r.languages).toEqual([
      { value: 'fa', pageViews: 3, visits: 2 },
      { value: null, pageViews: 1, visits: 1 },
      { value: 'en', pageViews: 1, visits: 1 },
    ]);
    expect(r.activeVisitors).toBe(1);
    at('2026-04-11T07:05:01Z');
    expect((await traffic('2026-04-11')).activeVisitors).toBe(0);
  });

  it('is for staff only', async () => {
    const res = await t.gql(TRAFFIC, { from: '2026-04-10', to: '2026-04-10' });
    expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const media = await t.signIn('media');
    expect((await t.gql(TRAFFIC, { from: '2026-04-10', to: '2026-04-10' }, { token: media })).body.errors).toBeUndefined();
  });

  it.each([
    ['2026-4-10', '2026-04-10', 'from'],
    ['2026-04-10', '2026-02-30', 'to'],
    ['2026-04-10', '2026-04-09', 'to'],
    ['2025-01-01', '2026-04-10', 'to'],
  ])('refuses the range %s to %s with BAD_USER_INPUT naming %s', async (from, to, field) => {
    const res = await t.gql(TRAFFIC, { from, to }, { token: analyst });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('importSiteCounters', () => {
  const IMPORT =
    'mutation ($input: ImportSiteCountersInput!) { importSiteCounters(input: $input) { siteStats { total maxDaily maxDailyDate } } }';

  it('lets an admin replace the carried-over figures, audited, and a day counted here takes the record when it beats them', async () => {
    at('2026-05-01T08:00:00Z');
    const admin = await t.signIn('admin');
    const counted = (await stats()).total - 311_691;
    const res = await t.gql<{ importSiteCounters: { siteStats: Stats } }>(
      IMPORT,
      { input: { total: 311_691, maxDaily: 2, maxDailyDate: '2025-11-20' } },
      { token: admin },
    );
    expect(res.body.errors).toBeUndefined();
    // The record counted here beats the imported 2: the 4 visitors of 2026-01-06 (the beacon tests' day).
    expect(res.body.data!.importSiteCounters.siteStats).toEqual({ total: 311_691 + counted, maxDaily: 4, maxDailyDate: '2026-01-06' });
    const [audit] = await t.app.db.query(
      `SELECT before, after FROM audit_log WHERE action = 'importSiteCounters' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      before: { total: 311_691, maxDaily: 490, maxDailyDate: null },
      after: { total: 311_691, maxDaily: 2, maxDailyDate: '2025-11-20' },
    });

    const back = await t.gql<{ importSiteCounters: { siteStats: Stats } }>(
      IMPORT,
      { input: { total: 311_691, maxDaily: 490 } },
      { token: admin },
    );
    expect(back.body.data!.importSiteCounters.siteStats).toEqual({ total: 311_691 + counted, maxDaily: 490, maxDailyDate: null });
  });

  it.each([
    [{ total: 10, maxDaily: 11 }, 'input.maxDaily'],
    [{ total: -1, maxDaily: 0 }, 'input.total'],
    [{ total: 10, maxDaily: 1, maxDailyDate: '2026-13-01' }, 'input.maxDailyDate'],
    [{ total: 10, maxDaily: 1, maxDailyDate: '2099-01-01' }, 'input.maxDailyDate'],
  ])('refuses %j with BAD_USER_INPUT naming %s, changing nothing', async (input, field) => {
    const admin = await t.signIn('admin');
    const before = await stats();
    const res = await t.gql(IMPORT, { input }, { token: admin });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stats()).toEqual(before);
  });

  it('is refused to other staff roles', async () => {
    const editor = await t.signIn('editor');
    const res = await t.gql(IMPORT, { input: { total: 1, maxDaily: 1 } }, { token: editor });
    expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('the import command (npm run -w server analytics:import)', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      // The command's source, run as `npm run dev` runs the server (the npm script runs the built file).
      const child = execFile(
        process.execPath,
        ['-r', '@swc-node/register', path.resolve(__dirname, '../../server/src/modules/analytics/import-cli.ts'), ...args],
        {
          env: {
            ...process.env,
            DATABASE_URL: t.databaseUrl,
            LOG_LEVEL: 'silent',
            SWC_NODE_PROJECT: path.resolve(__dirname, '../tsconfig.json'),
          },
          timeout: 90_000,
        },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });

  it("carries the old site's counters over, and refuses a record above the total", async () => {
    const ok = await run(['--total', '311691', '--max-daily', '490', '--max-daily-date', '2024-03-20']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ maxDaily: 490, maxDailyDate: '2024-03-20' });
    expect((await stats()).maxDailyDate).toBe('2024-03-20');
    const [audit] = await t.app.db.query(
      `SELECT actor_id, request_id FROM audit_log WHERE action = 'importSiteCounters' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit).toEqual({ actor_id: null, request_id: 'cli' });

    const bad = await run(['--total', '10', '--max-daily', '11']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/maxDaily cannot be more than total/);
    expect((await stats()).maxDailyDate).toBe('2024-03-20');
  }, 120_000);
});
