/**
 * /collect's limits per client address: one machine cannot inflate the public counters by sending
 * beacons under many user agents (each would be a new visitor), nor flood the page views.
 */
import { startTestApp, type TestApp } from '../helpers/app';

let now = new Date('2026-01-07T06:00:00Z');
const clock = () => now;
const at = (iso: string) => (now = new Date(iso));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false, clock, env: { ANALYTICS_FLUSH_MS: '60000', ANALYTICS_SITE: 'city.example', TRUST_PROXY: 'true' } });
});
afterAll(() => t.close());

const BROWSER =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

async function beacon(payload: unknown, options: { ip: string; ua?: string }) {
  const headers = { 'content-type': 'text/plain;charset=UTF-8', 'x-forwarded-for': options.ip, 'user-agent': options.ua ?? BROWSER };
  const res = await fetch(`${t.url}/collect`, { method: 'POST', headers, body: JSON.stringify(payload) });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as { errors?: Array<{ extensions?: Record<string, unknown> }> }) : null,
  };
}

async function stats(): Promise<{ today: number; pageViewsToday: number }> {
  await t.app.services.analytics.flush();
  const res = await t.gql<{ siteStats: { today: number; pageViewsToday: number } }>('{ siteStats { today pageViewsToday } }');
  return res.body.data!.siteStats;
}

describe('limits per address', () => {
  it('count 40 beacons from one address with 40 user agents as at most ANALYTICS_VISITORS_PER_ADDRESS + 1 visits, and every page view', async () => {
    at('2026-01-07T06:00:00Z');
    const before = await stats();
    for (let i = 0; i < 40; i++)
      expect((await beacon({ path: '/' }, { ip: '203.0.113.150', ua: `${BROWSER} Build/${i}` })).status).toBe(204);
    const after = await stats();
    // 20 visitors (the default cap), then one more for every further user agent of that address.
    expect(after.today - before.today).toBe(21);
    expect(after.pageViewsToday - before.pageViewsToday).toBe(40);
    // Other addresses are not held back by it.
    expect((await beacon({ path: '/' }, { ip: '203.0.113.151', ua: DESKTOP })).status).toBe(204);
    expect((await stats()).today - after.today).toBe(1);
  });

  it('treat an IPv6 /64 as one address', async () => {
    at('2026-01-07T07:00:00Z');
    const before = await stats();
    for (let i = 1; i <= 30; i++)
      expect((await beacon({ path: '/' }, { ip: `2001:db8:1:2::${i.toString(16)}`, ua: `${BROWSER} Build/${i}` })).status).toBe(204);
    expect((await stats()).today - before.today).toBe(21);
  });

  it('refuse beacons past ANALYTICS_BEACONS_PER_MINUTE from one address with 429 RATE_LIMITED and Retry-After, and count none of them', async () => {
    at('2026-01-07T08:00:10Z');
    const before = await stats();
    const answers: number[] = [];
    for (let i = 0; i < 125; i++) answers.push((await beacon({ path: '/goals' }, { ip: '203.0.113.160' })).status);
    expect(answers.filter((s) => s === 204)).toHaveLength(120);
    const refused = await beacon({ path: '/goals' }, { ip: '203.0.113.160' });
    expect(refused.status).toBe(429);
    expect(refused.body?.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 50 });
    expect(refused.headers.get('retry-after')).toBe('50');
    expect((await stats()).pageViewsToday - before.pageViewsToday).toBe(120);
    // trackPageview shares the limit.
    const tracked = await t.gql('mutation { trackPageview(input: { path: "/" }) { counted } }', undefined, {
      headers: { 'user-agent': BROWSER, 'x-forwarded-for': '203.0.113.160' },
    });
    expect(tracked.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // The next minute it is let through again.
    at('2026-01-07T08:01:00Z');
    expect((await beacon({ path: '/goals' }, { ip: '203.0.113.160' })).status).toBe(204);
  });
});
