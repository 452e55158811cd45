import type { Page } from 'playwright-core';
import { startWeb } from '../helpers/web';
import {
  DESKTOP,
  fromPersianDigits,
  open as openOn,
  PERSIAN_MONTHS,
  PHONE,
  screenshot,
  seriousViolations,
  startSite,
  withPage as withPageOf,
  type Site,
} from './support';

// The public site (web/, production build) against a real API on a fresh, seeded database,
// driven by headless Chromium. Screenshots land in tests/e2e/screenshots/ for a human to look at.

interface ApiGoal {
  position: number;
  fa: string;
  en: string;
}

interface ApiDistrict {
  name: string;
  population: number;
}

let site: Site;
let goals: ApiGoal[];
let districts: ApiDistrict[];

beforeAll(async () => {
  site = await startSite();
  const data = await graphql<{
    goals: { edges: { node: ApiGoal }[] };
    districts: ApiDistrict[];
  }>(`
    {
      goals(first: 50) {
        edges {
          node {
            position
            fa: title(locale: FA)
            en: title(locale: EN)
          }
        }
      }
      districts {
        name(locale: FA)
        population
      }
    }
  `);
  goals = data.goals.edges.map((edge) => edge.node);
  districts = data.districts;
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

async function graphql<T>(query: string): Promise<T> {
  const response = await fetch(site.app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`API query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const withPage = <T>(options: Parameters<typeof withPageOf>[1], use: (page: Page) => Promise<T>) => withPageOf(site, options, use);
const open = (page: Page, pathAndQuery: string) => openOn(site, page, pathAndQuery);

function goalTitles(page: Page): Promise<string[]> {
  return page.locator('.goal-list .goal-card__title').allTextContents();
}

const toArabicLetters = (text: string) => text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');

describe('public site', () => {
  test("serves the Persian home page right to left, with Persian digits and today's Solar Hijri date", async () => {
    await withPage({ viewport: PHONE }, async (page) => {
      await open(page, '/');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fa');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      expect(await page.locator('h1').count()).toBe(1);
      await expect(page.locator('header .brand__name').textContent()).resolves.toBe('نبض');

      const today = await page.locator('header time').textContent();
      const expectedDay = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
        dateStyle: 'long',
        timeZone: 'Asia/Tehran',
      }).format(new Date());
      expect(today).toContain(expectedDay);
      expect(today).toMatch(PERSIAN_MONTHS);
      expect(today).not.toMatch(/[0-9]/);

      // The first six goals, by position.
      const briefNumbers = await page.locator('.goal-grid .goal-card__number').allTextContents();
      expect(briefNumbers).toEqual(['۱', '۲', '۳', '۴', '۵', '۶']);
      const briefTitles = await page.locator('.goal-grid .goal-card__title').allTextContents();
      expect(briefTitles).toEqual(goals.slice(0, 6).map((goal) => goal.fa));

      // Every district with its population, written in Persian digits only.
      const names = await page.locator('.district__name').allTextContents();
      expect(names).toEqual(districts.map((district) => district.name));
      const populations = await page.locator('.district__population').allTextContents();
      populations.forEach((text, i) => {
        expect(text).not.toMatch(/[0-9]/);
        expect(Number(fromPersianDigits(text).replace(/\D/g, ''))).toBe(districts[i].population);
      });

      await screenshot(page, 'home-fa-phone');
    });
  }, 30_000);

  test('lists all goals in position order, numbered in Persian digits, with Solar Hijri update dates', async () => {
    await withPage({ viewport: DESKTOP }, async (page) => {
      await open(page, '/goals');
      expect(goals).toHaveLength(31);
      await expect(goalTitles(page)).resolves.toEqual(goals.map((goal) => goal.fa));
      const numbers = await page.locator('.goal-list .goal-card__number').allTextContents();
      expect(numbers.map((n) => Number(fromPersianDigits(n)))).toEqual(goals.map((goal) => goal.position));
      await expect(page.locator('.result-count').textContent()).resolves.toContain('۳۱');

      const updated = await page.locator('.goal-list time').first().textContent();
      expect(updated).toMatch(PERSIAN_MONTHS);
      expect(updated).toMatch(/۱۴[۰-۹]{2}/);

      await screenshot(page, 'goals-fa-desktop');
    });
  }, 30_000);

  test('finds a goal written with Persian ی and ک when the search uses Arabic ي and ك', async () => {
    // A word of at least four letters with ی or ک, from a goal whose title has no Arabic letters.
    const target = goals.find((goal) => !/[يك]/.test(goal.fa) && /\S*[یک]\S*/.test(goal.fa))!;
    const word = target.fa.split(/[\s،.]+/).find((w) => w.length >= 4 && /[یک]/.test(w))!;
    const arabicWord = toArabicLetters(word);
    expect(arabicWord).not.toBe(word);

    await withPage({ viewport: PHONE }, async (page) => {
      await open(page, `/goals?q=${encodeURIComponent(arabicWord)}`);
      const titles = await goalTitles(page);
      expect(titles).toContain(target.fa);
      expect(titles.length).toBeLessThan(goals.length);
      await expect(page.locator('#goal-search-q').inputValue()).resolves.toBe(arabicWord);
    });
  }, 30_000);

  test('says so when no goal matches', async () => {
    await withPage({ viewport: PHONE }, async (page) => {
      await open(page, '/goals?q=' + encodeURIComponent('واژه‌ای‌که‌نیست'));
      expect(await page.locator('.goal-list li').count()).toBe(0);
      await expect(page.locator('.empty-state').textContent()).resolves.toContain('هیچ هدفی');
      await screenshot(page, 'goals-fa-no-match-phone');
    });
  }, 30_000);

  test('answers searches the API would refuse (control characters, very long, unknown category) with a page', async () => {
    const odd = [`?q=%00${encodeURIComponent('شهر')}%07`, `?q=${encodeURIComponent('a' + '😀'.repeat(150))}`, '?category=NOT_A_CATEGORY'];
    for (const query of odd) {
      const response = await fetch(`${site.web.url}/goals${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 200 });
    }
  }, 30_000);

  test('searches and filters with a plain form when JavaScript is disabled', async () => {
    await withPage({ viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await open(page, '/goals');
      await expect(goalTitles(page)).resolves.toHaveLength(goals.length);

      const word = goals[0].fa.split(/\s+/)[0];
      await page.fill('#goal-search-q', word);
      await page.getByRole('button', { name: 'جستجو' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === word);
      expect(await goalTitles(page)).toContain(goals[0].fa);

      await page.fill('#goal-search-q', '');
      await page.selectOption('#goal-search-category', 'CRISIS_MANAGEMENT');
      await page.getByRole('button', { name: 'جستجو' }).click();
      await page.waitForURL((url) => url.searchParams.get('category') === 'CRISIS_MANAGEMENT');
      const categories = await page.locator('.goal-list .goal-card__category').allTextContents();
      expect(categories.length).toBeGreaterThan(0);
      expect(new Set(categories)).toEqual(new Set(['ارتباطات بحران']));
    });
  }, 30_000);

  test('serves English pages left to right with Solar Hijri dates (Gregorian beside the day) and a way back to Persian', async () => {
    await withPage({ viewport: PHONE }, async (page) => {
      await open(page, '/en');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
      await expect(page.locator('header .brand__name').textContent()).resolves.toBe('Nabz');
      // One calendar on every page (docs/web.md): the Solar Hijri day, the Gregorian one in brackets.
      const solarDay = new Intl.DateTimeFormat('en-GB-u-ca-persian', { day: 'numeric', month: 'long', timeZone: 'Asia/Tehran' }).format(
        new Date(),
      );
      const gregorianDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Tehran' }).format(new Date());
      await expect(page.locator('header time').textContent()).resolves.toContain(solarDay);
      await expect(page.locator('header time').textContent()).resolves.toContain(`(${gregorianDay})`);
      await expect(page.locator('.district__population').first().textContent()).resolves.toMatch(/^Population: [\d,]+ people$/);
      await screenshot(page, 'home-en-phone');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals and programmes', exact: true }).click();
      await page.waitForURL(`${site.web.url}/en/goals`);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
      await expect(goalTitles(page)).resolves.toEqual(goals.map((goal) => goal.en));

      // The switch leads to the same page in Persian.
      await page.locator('a.language-switch').click();
      await page.waitForURL(`${site.web.url}/goals`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fa');
    });
    await withPage({ viewport: DESKTOP }, async (page) => {
      await open(page, '/en/goals');
      await screenshot(page, 'goals-en-desktop');
    });
  }, 30_000);

  test('has no serious or critical accessibility violations, in either language', async () => {
    for (const pagePath of ['/', '/goals', '/goals?q=zzzz', '/en', '/en/goals']) {
      await withPage({ viewport: PHONE }, async (page) => {
        await open(page, pagePath);
        const serious = await seriousViolations(page, pagePath);
        expect(serious).toEqual([]);
      });
    }
  }, 60_000);

  test('lets keyboard users skip straight to the content', async () => {
    await withPage({ viewport: PHONE }, async (page) => {
      await open(page, '/goals');
      await page.keyboard.press('Tab');
      // The first Tab lands on the skip link, which comes into view.
      const skipLink = page.locator('.skip-link:focus');
      expect(await skipLink.count()).toBe(1);
      const box = await skipLink.boundingBox();
      expect(box && box.y >= 0).toBe(true);
      await screenshot(page, 'goals-fa-skip-link-phone', { fullPage: false });
      await page.keyboard.press('Enter');
      expect(await page.locator('main:focus').count()).toBe(1);
    });
  }, 30_000);

  test('keeps Persian at unprefixed URLs and answers unknown ones with a translated 404', async () => {
    const redirect = await fetch(`${site.web.url}/fa/goals?q=x`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(new URL(redirect.headers.get('location')!, site.web.url).pathname + '?q=x').toBe('/goals?q=x');

    await withPage({ viewport: PHONE }, async (page) => {
      const response = await page.goto(`${site.web.url}/en/no-such-page`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
    });
  }, 30_000);

  test('shows a translated message, not a stack trace, when the API fails', async () => {
    // A URL on the real server that is not the GraphQL endpoint: every query fails.
    const broken = await startWeb(`${site.app.url}/not-graphql`);
    try {
      await withPage({ viewport: PHONE }, async (page) => {
        await page.goto(`${broken.url}/goals`);
        await expect(page.locator('h1').textContent()).resolves.toBe('این صفحه اکنون در دسترس نیست');
        const text = await page.locator('body').innerText();
        expect(text).not.toMatch(/Error|at .+\(|ECONN|graphql/i);
        await screenshot(page, 'error-fa-phone');

        await page.goto(`${broken.url}/en`);
        await expect(page.locator('h1').textContent()).resolves.toBe('This page is not available right now');
      });
    } finally {
      await broken.close();
    }
  }, 60_000);
});
