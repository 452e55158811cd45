import { api, DESKTOP, open, PHONE, screenshot, seriousViolations, startSite, withPage, type Site } from './support';

// Every public page, in both languages: it renders on the server (readable without JavaScript),
// passes axe-core, carries sharing metadata, is in the sitemap, reports its view to the analytics
// beacon, and is photographed at phone and desktop widths into tests/e2e/screenshots/.

let site: Site;
/** One page of each kind, by a short name (for tests and screenshots), its locale-free path made from demo ids. */
const PAGES: { name: string; path: (ids: { pollId: string; newsSlug: string; eventId: string }) => string }[] = [
  { name: 'home', path: () => '/' },
  { name: 'goals', path: () => '/goals' },
  { name: 'polls', path: () => '/polls' },
  { name: 'poll', path: (ids) => `/polls/${ids.pollId}` },
  { name: 'poll-results', path: (ids) => `/polls/${ids.pollId}/results` },
  { name: 'calendar', path: () => '/calendar' },
  { name: 'calendar-list', path: () => '/calendar?view=list' },
  { name: 'event', path: (ids) => `/events/${encodeURIComponent(ids.eventId)}` },
  { name: 'news', path: () => '/news' },
  { name: 'news-item', path: (ids) => `/news/${ids.newsSlug}` },
  { name: 'districts', path: () => '/districts' },
  { name: 'district', path: () => '/districts/1' },
];
/** The pages of PAGES with their paths, once the demo ids are known. */
let pages: { name: string; path: string }[];

beforeAll(async () => {
  site = await startSite();
  const { polls, news, events } = await api<{
    polls: { edges: { node: { id: string } }[] };
    news: { edges: { node: { slug: string } }[] };
    events: { edges: { node: { id: string } }[] };
  }>(
    site,
    `{
    polls(first: 1) { edges { node { id } } }
    news(first: 1) { edges { node { slug } } }
    events(from: "${cityDay(0)}", to: "${cityDay(60)}", first: 1, kinds: [CULTURAL_EVENT, MAYOR_APPEARANCE, PRESS_CONFERENCE]) { edges { node { id } } }
  }`,
  );
  const ids = { pollId: polls.edges[0].node.id, newsSlug: news.edges[0].node.slug, eventId: events.edges[0].node.id };
  pages = PAGES.map(({ name, path }) => ({ name, path: path(ids) }));
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

/** A day in the city's time zone, `days` from today, as YYYY-MM-DD. */
function cityDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date(Date.now() + days * 86_400_000));
}

/** The absolute URL of a path, as Next writes it into metadata ("/" has no trailing slash). */
const absolute = (path: string) => site.web.url + (path === '/' ? '' : path);
const localized = (locale: 'fa' | 'en', path: string) => (locale === 'fa' ? path : path === '/' ? '/en' : `/en${path}`);

// One test a page and language (at phone and desktop widths), each with its own time limit, so a
// slow machine running other files beside this one cannot run the whole walk past one limit.
describe.each(['fa', 'en'] as const)('every page renders in %s with its direction and no serious or critical axe violation', (locale) => {
  test.each(PAGES.map((p) => p.name))(
    '%s',
    async (name) => {
      const { path } = pages.find((p) => p.name === name)!;
      for (const [width, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        await withPage(site, { viewport }, async (page) => {
          await open(site, page, localized(locale, path));
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
          await expect(page.locator('html').getAttribute('dir')).resolves.toBe(locale === 'fa' ? 'rtl' : 'ltr');
          expect(await page.locator('h1').count()).toBe(1);
          if (width === 'phone') {
            // Nothing wider than the phone's screen: no sideways scrolling of the page.
            const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
            expect({ page: name, locale, overflow }).toEqual({ page: name, locale, overflow: 0 });
            expect(await seriousViolations(page, `${locale} ${name}`)).toEqual([]);
          }
          await screenshot(page, `${name}-${locale}-${width}`);
        });
      }
    },
    60_000,
  );
});

test('every page is readable without JavaScript', async () => {
  for (const { name, path } of pages) {
    const withJs = await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, path);
      // The proof-of-work widget exists only with JavaScript (without it the answer goes in
      // unchallenged). Its code loads after the page: wait for it, then leave it out of the text.
      if ((await page.locator('.proof-of-work').count()) > 0)
        await page.locator('.proof-of-work altcha-widget').waitFor({ state: 'attached' });
      // Likewise the district maps, drawn in the browser once their code arrives (the table beside
      // each holds the same figures): wait until one has drawn its labels, then leave maps out too.
      if ((await page.locator('.district-map__holder').count()) > 0)
        await page.locator('.district-map__holder .district-map__label').first().waitFor({ state: 'attached' });
      await page.evaluate(
        `document.querySelectorAll('altcha-widget, .district-map__holder').forEach((w) => { w.style.display = 'none'; })`,
      );
      return page.locator('main').innerText();
    });
    const withoutJs = await withPage(site, { viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await open(site, page, path);
      return page.locator('main').innerText();
    });
    // The same text, except what only a live page shows (the "live" badge of the results).
    const strip = (text: string) =>
      text
        .replace(/به‌روزرسانی زنده|نتایج به‌روز شد[^\n]*/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    expect({ name, text: strip(withoutJs) }).toEqual({ name, text: strip(withJs) });
    expect(withoutJs.length).toBeGreaterThan(50);
  }
}, 120_000);

test('every page has a title, a description, a canonical URL, its twin in the other language and an Open Graph card', async () => {
  await withPage(site, { viewport: PHONE }, async (page) => {
    for (const locale of ['fa', 'en'] as const) {
      for (const { name, path } of pages) {
        await open(site, page, localized(locale, path));
        const head = (await page.evaluate(`(() => {
          const meta = (sel) => document.querySelector(sel)?.getAttribute('content') ?? null;
          const link = (sel) => document.querySelector(sel)?.getAttribute('href') ?? null;
          return {
            title: document.title,
            description: meta('meta[name="description"]'),
            canonical: link('link[rel="canonical"]'),
            fa: link('link[rel="alternate"][hreflang="fa"]'),
            en: link('link[rel="alternate"][hreflang="en"]'),
            ogTitle: meta('meta[property="og:title"]'),
            ogUrl: meta('meta[property="og:url"]'),
            ogImage: meta('meta[property="og:image"]'),
            ogLocale: meta('meta[property="og:locale"]'),
            twitter: meta('meta[name="twitter:card"]'),
          };
        })()`)) as Record<string, string | null>;
        const context = `${locale} ${name}`;
        expect({ context, title: (head.title ?? '').length > 0, description: (head.description ?? '').length > 20 }).toEqual({
          context,
          title: true,
          description: true,
        });
        // Canonical URLs leave the query out: /calendar?view=list is a view of /calendar.
        const bare = path.split('?')[0];
        expect({ context, canonical: head.canonical }).toEqual({ context, canonical: absolute(localized(locale, bare)) });
        expect({ context, fa: head.fa, en: head.en }).toEqual({ context, fa: absolute(bare), en: absolute(localized('en', bare)) });
        expect({ context, ogUrl: head.ogUrl }).toEqual({ context, ogUrl: head.canonical });
        expect({ context, ogLocale: head.ogLocale, twitter: head.twitter }).toEqual({
          context,
          ogLocale: locale === 'fa' ? 'fa_IR' : 'en_GB',
          twitter: 'summary_large_image',
        });
        expect(head.ogTitle).toBeTruthy();
        const image = await fetch(head.ogImage!);
        expect({ context, image: image.status, type: image.headers.get('content-type') }).toEqual({
          context,
          image: 200,
          type: 'image/jpeg',
        });
      }
    }
  });
}, 120_000);

test('sitemap.xml lists every page in both languages and robots.txt points to it', async () => {
  const robots = await (await fetch(`${site.web.url}/robots.txt`)).text();
  expect(robots).toContain(`Sitemap: ${site.web.url}/sitemap.xml`);
  const response = await fetch(`${site.web.url}/sitemap.xml`);
  expect(response.headers.get('content-type')).toContain('xml');
  const xml = await response.text();
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).href);
  for (const { path } of pages.filter((p) => !p.path.endsWith('/results') && !p.path.includes('?'))) {
    expect(urls).toContain(new URL(absolute(path)).href);
    expect(urls).toContain(new URL(absolute(localized('en', path))).href);
  }
  expect(xml).toContain('hreflang="en"');
}, 30_000);

test('each page view is reported to the analytics beacon, without the query string', async () => {
  await withPage(site, { viewport: PHONE }, async (page) => {
    const beacon = page.waitForRequest((request) => request.url().endsWith('/collect') && request.method() === 'POST');
    await open(site, page, '/goals?q=%D8%B4%D9%87%D8%B1');
    const request = await beacon;
    expect(new URL(request.url()).origin).toBe(new URL(site.app.graphqlUrl).origin);
    expect(JSON.parse(request.postData()!)).toEqual({ path: '/goals', referrer: '', screen: 'mobile', language: expect.any(String) });
  });
}, 30_000);
