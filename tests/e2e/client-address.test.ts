/**
 * The visitor's address through the website (issue 14 items 1 to 3), in Chromium against the
 * website's own server (web/server.mjs) and the real API: the website takes the address from its
 * connection (X-Forwarded-For only from the proxies in its TRUST_PROXY) and signs it for the API
 * (WEB_API_SECRET), so a visitor rotating X-Forwarded-For is still one client, while visitors
 * behind a trusted proxy are each limited on their own and failed sign-ins never lock out others.
 */
import type { Browser, Page } from 'playwright-core';
import { signWebClient } from '../../server/src/common/client-address';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll } from '../helpers/polls';
import { waitFor } from '../helpers/wait';
import { startWeb, TEST_WEB_API_SECRET, type RunningWeb } from '../helpers/web';
import { launchChromium, screenshot, withPage } from './support';

jest.setTimeout(120_000);

let app: TestApp;
let direct: RunningWeb;
let proxied: RunningWeb;
let browser: Browser;
beforeAll(async () => {
  // Two failures per account and client before a wait; ten per client across accounts; four per
  // account from every client that is not a device of it.
  // TRUST_PROXY=loopback as the API was once run behind the website: even so, a visitor's own
  // X-Forwarded-For must not reach it.
  app = await startTestApp({
    seed: true,
    env: {
      WEB_API_SECRET: TEST_WEB_API_SECRET,
      SIGN_IN_ATTEMPTS_PER_15_MIN: '2',
      SIGN_IN_FAILURES_PER_ACCOUNT: '4',
      SUBMISSIONS_PER_MINUTE: '3',
      TRUST_PROXY: 'loopback',
      // As many WebSockets per address as the website holds streams per visitor: only counted by visitor do 21 fit.
      WEBSOCKET_CONNECTIONS_PER_ADDRESS: '20',
    },
  });
  // The website as the visitor's first hop, and the website behind a reverse proxy on this machine.
  direct = await startWeb(app.graphqlUrl, { env: { TRUST_PROXY: 'false' } });
  proxied = await startWeb(app.graphqlUrl, { env: { TRUST_PROXY: 'loopback' } });
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await direct?.close();
  await proxied?.close();
  await app?.close();
});

type Outcome = 'signed-in' | 'wrong' | 'locked' | 'other';

/** Signs in through the website's form as a browser whose requests carry `forwardedFor` (a fresh page: no cookies). */
async function signIn(web: RunningWeb, email: string, password: string, forwardedFor?: string, page?: Page): Promise<Outcome> {
  if (!page) return withPage({ browser }, {}, (fresh) => signIn(web, email, password, forwardedFor, fresh));
  if (forwardedFor) await page.setExtraHTTPHeaders({ 'x-forwarded-for': forwardedFor });
  await page.goto(`${web.url}/en/staff/sign-in`);
  await page.getByLabel('Work e-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return Promise.race([
    page.waitForURL((url) => !url.pathname.includes('/sign-in'), { timeout: 15_000 }).then(() => 'signed-in' as const),
    page
      .getByText('The e-mail or password is not right.')
      .waitFor({ timeout: 15_000 })
      .then(() => 'wrong' as const),
    page
      .getByText('Too many failed attempts. Try again in a few minutes.')
      .waitFor({ timeout: 15_000 })
      .then(() => 'locked' as const),
  ]).catch(() => 'other' as const);
}

let counter = 0;
const randomAddress = () => `198.18.${++counter % 250}.${(counter * 7) % 250}`;

describe('the website in front of the API', () => {
  it('limits a visitor who rotates X-Forwarded-For as one client when answering polls', async () => {
    const editor = await app.signIn('editor');
    const poll = await createPoll(app, editor, {
      titleFa: 'نظرسنجی نشانی',
      titleEn: 'Address poll',
      questions: [{ kind: 'RATING', promptFa: 'چه نمره‌ای؟', promptEn: 'What score?' }],
    });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      // A fresh browser each time (no respondent cookie), claiming a new address each time.
      await withPage({ browser }, {}, async (page) => {
        await page.setExtraHTTPHeaders({ 'x-forwarded-for': randomAddress() });
        await page.goto(`${direct.url}/en/polls/${poll.id}`);
        await page.locator('.scale__step label', { hasText: /^4$/ }).click();
        await page.getByRole('button', { name: 'Send my answer' }).click();
        outcomes.push(
          await Promise.race([
            page.waitForURL(/\/results\?answered=1$/, { timeout: 15_000 }).then(() => 'answered'),
            page
              .getByText('Many answers came from this address in the last few minutes.')
              .waitFor({ timeout: 15_000 })
              .then(() => 'limited'),
          ]).catch(() => 'other'),
        );
      });
    }
    // SUBMISSIONS_PER_MINUTE is 3: the fourth answer from this machine is refused whatever address it claimed.
    expect(outcomes).toEqual(['answered', 'answered', 'answered', 'limited']);
  });

  it('holds at most 20 live results streams open per visitor, each of which would hold a WebSocket to the API', async () => {
    const editor = await app.signIn('editor');
    const poll = await createPoll(app, editor, {
      titleFa: 'نظرسنجی زنده',
      questions: [{ kind: 'RATING', promptFa: 'چه نمره‌ای؟' }],
    });
    const streams: AbortController[] = [];
    /** Opens a stream; for one that opens, waits for its first results (its WebSocket to the API is then open) or its end. */
    const open = async (address: string): Promise<number | 'results' | 'ended'> => {
      const controller = new AbortController();
      const res = await fetch(`${proxied.url}/polls/${poll.id}/live`, {
        headers: { 'x-forwarded-for': address },
        signal: controller.signal,
      });
      if (res.status !== 200) {
        await res.body?.cancel();
        return res.status;
      }
      streams.push(controller);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'ended';
        text += decoder.decode(value, { stream: true });
        if (text.includes('event: results')) {
          reader.releaseLock();
          return 'results';
        }
      }
    };
    try {
      for (let i = 0; i < 20; i++) expect(await open('203.0.113.30')).toBe('results');
      expect(await open('203.0.113.30')).toBe(429);
      // Another visitor is not held back, by the website nor by the API, which counts the website's
      // WebSockets by the visitor it signs for (20 per address there too); and one stream closed
      // lets the first open another.
      expect(await open('203.0.113.31')).toBe('results');
      streams.shift()!.abort();
      await waitFor(async () => (await open('203.0.113.30')) === 'results', 10_000, 'a stream freed by the one closed');
      // An IPv6 visitor is its /64, as the API counts it: stepping through the addresses of its own
      // network does not open 20 streams from each; another network is another visitor.
      for (let i = 1; i <= 20; i++) expect(await open(`2001:db8:5:6::${i.toString(16)}`)).toBe('results');
      expect(await open('2001:db8:5:6:ffff::1')).toBe(429);
      expect(await open('2001:db8:5:7::1')).toBe('results');
    } finally {
      for (const stream of streams) stream.abort();
    }
  });

  it('limits a visitor who rotates X-Forwarded-For as one client: made-up e-mails, then even a right password, are held back', async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 10; i++) outcomes.push(await signIn(direct, `made-up-${i}@nabz.example`, 'guess', randomAddress()));
    expect(outcomes).toEqual(Array(10).fill('wrong'));
    // The eleventh attempt from the same machine, whatever address it claims, waits.
    expect(await signIn(direct, 'nobody@nabz.example', 'guess', randomAddress())).toBe('locked');
  });

  it('does not lock out other visitors: behind a trusted proxy each visitor has their own limit, and the right password gets through', async () => {
    for (let i = 0; i < 10; i++) expect(await signIn(proxied, `made-up-${i}@nabz.example`, 'guess', '203.0.113.10')).toBe('wrong');
    expect(await signIn(proxied, 'nobody@nabz.example', 'guess', '203.0.113.10')).toBe('locked');
    expect(await signIn(proxied, 'editor@nabz.example', DEMO_PASSWORD, '203.0.113.11')).toBe('signed-in');
  });

  it('does not count successful sign-ins: one visitor signs in more times than any limit allows', async () => {
    for (let i = 0; i < 12; i++) expect(await signIn(proxied, 'media@nabz.example', DEMO_PASSWORD, '203.0.113.12')).toBe('signed-in');
  });

  it('keeps letting a browser that signed in before through with the right password while someone at its address guesses', async () => {
    await withPage({ browser }, {}, async (owner) => {
      await owner.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.13' });
      expect(await signIn(proxied, 'analyst@nabz.example', DEMO_PASSWORD, undefined, owner)).toBe('signed-in');
      await owner.context().clearCookies({ name: 'nabz_staff' });
      // Another browser at the same address guesses the analyst's password until it must wait.
      for (let i = 0; i < 2; i++) expect(await signIn(proxied, 'analyst@nabz.example', `guess-${i}`, '203.0.113.13')).toBe('wrong');
      expect(await signIn(proxied, 'analyst@nabz.example', DEMO_PASSWORD, '203.0.113.13')).toBe('locked');
      // The owner's browser keeps its device cookie: the right password still gets through.
      expect(await signIn(proxied, 'analyst@nabz.example', DEMO_PASSWORD, undefined, owner)).toBe('signed-in');
    });
  });

  it('shows an admin the account that is held back and lets them lift it', async () => {
    await withPage({ browser }, {}, async (page) => {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.14' });
      expect(await signIn(proxied, 'admin@nabz.example', DEMO_PASSWORD, undefined, page)).toBe('signed-in');
      await page.goto(`${proxied.url}/en/staff/admin?search=analyst`);
      const lock = page.locator('[data-sign-in-lock]');
      await lock.getByText(/must wait until/).waitFor();
      await lock.getByRole('button', { name: /Lift the sign-in lock/ }).click();
      await page.getByText('Signing in to the account is open again.').waitFor();
      expect(await page.locator('[data-sign-in-lock]').count()).toBe(0);
    });
    expect(await signIn(proxied, 'analyst@nabz.example', DEMO_PASSWORD, '203.0.113.13')).toBe('signed-in');
  });

  it('holds back an account guessed at from many addresses, shows the admin why, and lets them lift it', async () => {
    const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }';
    // Four wrong passwords, each from another visitor of the website: none reaches its own limit.
    for (let i = 0; i < 4; i++) {
      const headers = { 'x-nabz-client': signWebClient(TEST_WEB_API_SECRET, randomAddress()) };
      const res = await app.gql(SIGN_IN, { input: { email: 'media@nabz.example', password: `spread-${i}` } }, { headers });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await signIn(proxied, 'media@nabz.example', DEMO_PASSWORD, '203.0.113.15')).toBe('locked');
    await withPage({ browser }, {}, async (page) => {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.16' });
      expect(await signIn(proxied, 'admin@nabz.example', DEMO_PASSWORD, undefined, page)).toBe('signed-in');
      await page.goto(`${proxied.url}/en/staff/admin?search=media`);
      const lock = page.locator('[data-sign-in-lock]');
      await lock.getByText(/After many failed attempts from different places together/).waitFor();
      await screenshot(page, 'admin-account-lock-en-desktop', { fullPage: false });
      // The sentence wraps inside the user's card rather than pushing the card past its panel.
      const card = await page.locator('li', { has: lock }).boundingBox();
      const panel = await page.locator('.staff-panel', { has: lock }).boundingBox();
      expect(card!.x + card!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
      await lock.getByRole('button', { name: /Lift the sign-in lock/ }).click();
      await page.getByText('Signing in to the account is open again.').waitFor();
    });
    expect(await signIn(proxied, 'media@nabz.example', DEMO_PASSWORD, '203.0.113.15')).toBe('signed-in');
  });
});

describe('a direct caller of the API', () => {
  it('cannot pass for the website: with a forged X-Nabz-Client it is still itself, and held back once its own failures are spent', async () => {
    const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }';
    const attempt = async (headers: Record<string, string> = {}) =>
      String(
        (await app.gql(SIGN_IN, { input: { email: `forger-${++counter}@nabz.example`, password: 'x' } }, { headers })).body.errors?.[0]
          ?.extensions?.code,
      );
    // Spend this caller's own failures (ten per client).
    let spent = 0;
    while ((await attempt()) !== 'RATE_LIMITED') expect(++spent).toBeLessThanOrEqual(10);
    const forged = (address: string) => `${address};${Math.floor(Date.now() / 1000)};${Buffer.alloc(32, 1).toString('base64url')}`;
    for (let i = 0; i < 5; i++) expect(await attempt({ 'x-nabz-client': forged(randomAddress()) })).toBe('RATE_LIMITED');
    // Signed with the website's secret, a new visitor is its own client (the website may do this; a forger may not).
    expect(await attempt({ 'x-nabz-client': signWebClient(TEST_WEB_API_SECRET, randomAddress()) })).toBe('UNAUTHENTICATED');
  });
});
