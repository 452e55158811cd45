import { api, DESKTOP, open, PHONE, screenshot, startSite, withPage, type Site } from './support';

// The events calendar (Solar Hijri month view, list view, district filter), an event's page with
// "add to my calendar", the news, the pinned crisis notice and the footer's visit counters.

let site: Site;

interface ApiEvent {
  id: string;
  title: string;
  date: string;
  kind: string;
  district: { code: number } | null;
}

beforeAll(async () => {
  site = await startSite();
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

function cityDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date(Date.now() + days * 86_400_000));
}

async function upcoming(): Promise<ApiEvent[]> {
  const { events } = await api<{ events: { edges: { node: ApiEvent }[] } }>(
    site,
    `{ events(from: "${cityDay(0)}", to: "${cityDay(60)}", first: 50) { edges { node { id title date kind district { code } } } } }`,
  );
  return events.edges.map((edge) => edge.node);
}

describe('events calendar', () => {
  test('shows Nowruz on 1 Farvardin, and the lunar date beside religious occasions', async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await open(site, page, '/calendar?month=1405-01');
      await expect(page.locator('#calendar-month').textContent()).resolves.toBe('فروردین ۱۴۰۵');
      // The first cell of the month: day ۱, a Saturday (the first column: the right one in Persian).
      const first = page.locator('td.month-grid__day').first();
      await expect(first.locator('.month-grid__number time').textContent()).resolves.toBe('۱');
      await expect(first.locator('time').getAttribute('datetime')).resolves.toBe('2026-03-21');
      await expect(first.locator('.month-grid__events').textContent()).resolves.toContain('نوروز');
      const [saturday, friday] = await Promise.all([
        page.locator('thead th').first().boundingBox(),
        page.locator('thead th').last().boundingBox(),
      ]);
      expect(saturday!.x).toBeGreaterThan(friday!.x);

      // Eid al-Fitr fell on 1 Farvardin 1405 too: its lunar date stands beside it.
      const day = page.locator('#day-2026-03-21');
      await expect(day.locator('h3').textContent()).resolves.toContain('۱ فروردین ۱۴۰۵');
      const titles = await day.locator('.event-item__title').allTextContents();
      expect(titles.some((title) => title.includes('نوروز'))).toBe(true);
      expect(titles.find((title) => title.includes('فطر'))).toMatch(/\(۱ شوال ۱۴۴۷\)/);
      await screenshot(page, 'calendar-farvardin-fa-desktop');
    });
  }, 60_000);

  test('in English: Solar Hijri months with Gregorian days beside them, left to right', async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await open(site, page, '/en/calendar?month=1405-01');
      await expect(page.locator('#calendar-month').textContent()).resolves.toBe('Farvardin 1405');
      const first = page.locator('td.month-grid__day').first();
      await expect(first.locator('.month-grid__gregorian').textContent()).resolves.toBe('21 Mar');
      const [saturday, friday] = await Promise.all([
        page.locator('thead th').first().boundingBox(),
        page.locator('thead th').last().boundingBox(),
      ]);
      expect(saturday!.x).toBeLessThan(friday!.x);
      await expect(page.locator('#day-2026-03-21').textContent()).resolves.toMatch(/Shawwal 1447/);
    });
  }, 60_000);

  test('moves between months and filters by district, without JavaScript', async () => {
    const events = await upcoming();
    const local = events.find((event) => event.district);
    expect(local).toBeDefined();
    const otherCode = local!.district!.code === 1 ? 2 : 1;
    await withPage(site, { viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await open(site, page, '/calendar?view=list');
      await expect(page.locator('.event-item__title').allTextContents()).resolves.toContain(local!.title);

      await page.selectOption('#calendar-district', String(otherCode));
      await page.getByRole('button', { name: 'نمایش' }).click();
      await page.waitForURL((url) => url.searchParams.get('district') === String(otherCode));
      const filtered = await page.locator('.event-item__title').allTextContents();
      expect(filtered).not.toContain(local!.title);
      await expect(page.locator('#calendar-district').inputValue()).resolves.toBe(String(otherCode));

      await page.selectOption('#calendar-district', String(local!.district!.code));
      await page.getByRole('button', { name: 'نمایش' }).click();
      await page.waitForURL((url) => url.searchParams.get('district') === String(local!.district!.code));
      await expect(page.locator('.event-item__title').allTextContents()).resolves.toContain(local!.title);

      // Month view keeps the district; "next month" moves on by one.
      await page.getByRole('link', { name: 'ماه', exact: true }).click();
      const month = await page.locator('#calendar-month').textContent();
      await page.getByRole('link', { name: 'ماه بعد' }).click();
      expect(new URL(page.url()).searchParams.get('district')).toBe(String(local!.district!.code));
      await expect(page.locator('#calendar-month').textContent()).resolves.not.toBe(month);
      await screenshot(page, 'calendar-district-fa-phone-nojs');
    });
  }, 60_000);
});

describe('an event', () => {
  test('has its page, and "add to my calendar" gives an iCalendar file', async () => {
    const event = (await upcoming()).find((e) => e.kind === 'MAYOR_APPEARANCE' || e.kind === 'CULTURAL_EVENT')!;
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, '/calendar?view=list');
      await page.getByRole('link', { name: event.title }).first().click();
      await page.waitForURL(`${site.web.url}/events/${encodeURIComponent(event.id)}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(event.title);
      await expect(page.locator('.facts').textContent()).resolves.toMatch(
        /[۰-۹]+ (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴[۰-۹]{2}/,
      );
      const link = page.getByRole('link', { name: 'افزودن به تقویم من' });
      const href = await link.getAttribute('href');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      await screenshot(page, 'event-fa-phone');

      const response = await fetch(site.web.url + href);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const ics = await response.text();
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${event.title}`);
      expect(ics).toContain(`UID:${event.id}@nabz`);
      expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    });
  }, 60_000);

  test('of an occasion is all day in the file, and an unknown event is a 404', async () => {
    const { events } = await api<{ events: { edges: { node: { id: string } }[] } }>(
      site,
      '{ events(from: "2026-03-21", to: "2026-03-21", kinds: [NATIONAL_OCCASION], first: 1) { edges { node { id } } } }',
    );
    const response = await fetch(`${site.web.url}/events/${encodeURIComponent(events.edges[0].node.id)}/ics`);
    const ics = await response.text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20260321');
    expect(ics).toContain('TRANSP:TRANSPARENT');

    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, '/events/00000000-0000-4000-8000-000000000000', 404);
      await open(site, page, '/events/not-an-id', 404);
    });
  }, 60_000);
});

describe('news and the home page', () => {
  test('lists the news and shows an item, in both languages', async () => {
    const { news } = await api<{ news: { edges: { node: { slug: string; fa: string; en: string } }[] } }>(
      site,
      '{ news(first: 5) { edges { node { slug fa: title(locale: FA) en: title(locale: EN) } } } }',
    );
    const item = news.edges[0].node;
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, '/news');
      await expect(page.locator('.news-card__title').allTextContents()).resolves.toEqual(news.edges.map((e) => e.node.fa));
      await page.getByRole('link', { name: item.fa }).click();
      await page.waitForURL(`${site.web.url}/news/${item.slug}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(item.fa);
      expect(await page.locator('.prose p').count()).toBeGreaterThan(0);

      await page.locator('a.language-switch').click();
      await page.waitForURL(`${site.web.url}/en/news/${item.slug}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(item.en);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
    });
  }, 60_000);

  test('shows the pinned crisis notice first, upcoming events, the latest news and the visit counters', async () => {
    const { pinnedNotice, siteStats } = await api<{
      pinnedNotice: { title: string } | null;
      siteStats: { total: number; maxDaily: number };
    }>(site, '{ pinnedNotice { title } siteStats { total maxDaily } }');
    expect(pinnedNotice).not.toBeNull();
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, '/');
      // The notice comes before everything else in the main content.
      const firstHeading = await page.locator('main h2, main h1').first().textContent();
      expect(firstHeading).toBe(pinnedNotice!.title);
      expect(await page.locator('#events-title + * , section[aria-labelledby="events-title"] .event-item').count()).toBeGreaterThan(0);
      expect(await page.locator('section[aria-labelledby="news-title"] .news-card').count()).toBeGreaterThan(0);

      const counters = await page.locator('.site-stats dd').allTextContents();
      expect(counters).toHaveLength(4);
      counters.forEach((text) => expect(text).not.toMatch(/[0-9]/));
      const digits = (text: string) => Number(text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/\D/g, ''));
      // The total counts this visit and any before it, so it is at least the API's figure.
      expect(digits(counters[2])).toBeGreaterThanOrEqual(siteStats.total);
      await screenshot(page, 'home-notice-fa-phone');
    });
  }, 60_000);
});
