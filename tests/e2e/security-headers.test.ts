/**
 * The website's security headers (issue 14 item 7), in Chromium: a nonce-based
 * Content-Security-Policy with frame-ancestors on every page, under which the public pages, the
 * live results (EventSource relaying graphql-ws) and the staff pages' ECharts charts still work
 * without a single violation; X-Content-Type-Options, Referrer-Policy and Permissions-Policy
 * everywhere; Strict-Transport-Security only over https; Secure cookies in production.
 */
import { type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { createPoll } from '../helpers/polls';
import { startWeb, type RunningWeb } from '../helpers/web';
import { startSite, type Site, type PageGlobals } from './support';

jest.setTimeout(120_000);

let site: Site;
let behindProxy: RunningWeb;
let pollId: string;
let surveyId: string;
beforeAll(async () => {
  site = await startSite();
  // The same site behind a TLS-terminating proxy on this machine (it sends X-Forwarded-Proto: https).
  behindProxy = await startWeb(site.app.graphqlUrl, { env: { TRUST_PROXY: 'loopback' } });
  const editor = await site.app.signIn('editor');
  pollId = (
    await createPoll(site.app, editor, {
      titleFa: 'نظرسنجی سرآیندها',
      titleEn: 'Headers poll',
      resultsVisibility: 'PUBLIC',
      questions: [{ kind: 'RATING', promptFa: 'چه نمره‌ای؟', promptEn: 'What score?' }],
    })
  ).id;
  const polls = await site.app.gql<{ polls: { edges: Array<{ node: { id: string; asksDistrict: boolean } }> } }>(
    '{ polls(first: 10) { edges { node { id asksDistrict } } } }',
    {},
    { token: editor },
  );
  surveyId = polls.body.data!.polls.edges.map((e) => e.node).find((p) => p.asksDistrict)!.id;
}, 120_000);
afterAll(async () => {
  await behindProxy?.close();
  await site?.close();
});

/** A browser context that records every CSP violation and console error on its pages. */
async function watchedContext(): Promise<{ context: BrowserContext; problems: string[]; page: Page }> {
  const context = await site.browser.newContext();
  const problems: string[] = [];
  await context.addInitScript(() => {
    const page = globalThis as unknown as PageGlobals & { __csp?: string[] };
    page.document.addEventListener('securitypolicyviolation', (e) => (page.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  return { context, problems, page };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []);
}

describe('headers', () => {
  it.each(['/', '/en', '/calendar', '/staff/sign-in'])(
    '%s has a nonce-based CSP with frame-ancestors, and the other security headers',
    async (path) => {
      const res = await fetch(site.web.url + path);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      // Plain http: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
      // Each response its own nonce, and it is the one on the page's scripts.
      const html = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      expect(html).toContain(`nonce="${nonce}"`);
      const again = (await fetch(site.web.url + path)).headers.get('content-security-policy');
      expect(again).not.toBe(csp);
    },
  );

  it('gives static files the same headers', async () => {
    const res = await fetch(`${site.web.url}/icon.svg`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it("sends Strict-Transport-Security when a trusted proxy says the visitor came over https, and never on a visitor's own say-so", async () => {
    const proxied = await fetch(`${behindProxy.url}/en`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(proxied.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
    // The site reached directly (TRUST_PROXY false): a visitor's X-Forwarded-Proto is dropped.
    const direct = await fetch(`${site.web.url}/en`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(direct.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('pages under the policy, in Chromium', () => {
  it('renders the public pages and the live results without a violation, and the respondent cookie is Secure', async () => {
    const { context, problems, page } = await watchedContext();
    try {
      for (const path of ['/', '/en', '/calendar', '/en/polls', `/en/polls/${pollId}`]) {
        await page.goto(site.web.url + path);
        await page.waitForLoadState('networkidle');
        expect([path, await violations(page)]).toEqual([path, []]);
      }
      // Answer: a server action (form-action 'self'), then the results page with live updates.
      await page.locator('.scale__step label', { hasText: /^4$/ }).click();
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.waitForURL(/\/results\?answered=1$/);
      await page.locator('.live-badge--on').waitFor({ timeout: 15_000 });
      expect(await violations(page)).toEqual([]);
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'nabz_respondent')).toMatchObject({ secure: true, httpOnly: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('renders the staff pages and their ECharts charts without a violation, and the staff cookies are Secure', async () => {
    const { context, problems, page } = await watchedContext();
    try {
      await page.goto(`${site.web.url}/en/staff/sign-in`);
      await page.getByLabel('Work e-mail').fill('analyst@nabz.example');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.includes('/sign-in'));
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'nabz_staff')).toMatchObject({ secure: true, httpOnly: true });
      expect(cookies.find((c) => c.name === 'nabz_staff_device')).toMatchObject({ secure: true, httpOnly: true });

      for (const path of ['/en/staff/analytics', `/en/staff/polls/${surveyId}/insights`]) {
        await page.goto(site.web.url + path);
        // A function, not a string: the page's policy forbids eval, which a string predicate needs.
        await page.waitForFunction(
          () => {
            const charts = [...(globalThis as unknown as PageGlobals).document.querySelectorAll('.staff-chart')];
            return charts.length > 0 && charts.every((c) => c.hasAttribute('data-chart-ready') || c.closest('[hidden]') !== null);
          },
          undefined,
          { timeout: 20_000 },
        );
        // The charts drew their SVG.
        expect(await page.locator('.staff-chart[data-chart-ready] svg').count()).toBeGreaterThan(0);
        expect([path, await violations(page)]).toEqual([path, []]);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
