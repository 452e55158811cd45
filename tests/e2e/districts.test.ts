import type { Page } from 'playwright-core';
import { photoWithGps, upload } from '../helpers/files';
import { waitFor } from '../helpers/wait';
import { api, DESKTOP, open, PHONE, screenshot, seriousViolations, startSite, withPage, type Site } from './support';

// Issue 16 items 2 and 3: an admin sets up a district, boundary included, on the staff page; the
// public districts page draws every district on a map (no tile server) beside the same figures.

// Functions passed to page.evaluate run in the browser; the tests' TypeScript has no DOM library.
declare const document: any;

let site: Site;

beforeAll(async () => {
  site = await startSite();
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(site.web.url + path);
  await page.waitForURL(/\/staff\/sign-in/);
  await page.getByLabel('ایمیل سازمانی').fill('admin@nabz.example');
  await page.getByLabel('گذرواژه').fill('nabz-demo-1405');
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/sign-in'));
}

// East of the demo grid (which spans 51.28–51.52° E, 35.65–35.75° N), not overlapping it.
const ring = [
  [51.52, 35.7],
  [51.58, 35.7],
  [51.58, 35.75],
  [51.52, 35.75],
  [51.52, 35.7],
];

test('an admin creates a district with a boundary; a bad boundary is refused naming the ring, and nothing is stored', async () => {
  await withPage(site, { viewport: DESKTOP }, async (page) => {
    await signIn(page, '/staff/admin/districts');
    await page.waitForURL(/\/staff\/admin\/districts$/);
    const form = page.getByRole('form', { name: 'منطقه تازه' });
    await form.getByLabel('شماره منطقه').fill('9');
    await form.getByLabel('نام فارسی').fill('منطقه نه');
    await form.getByLabel('نام انگلیسی').fill('District 9');
    await form.getByLabel('جمعیت', { exact: true }).fill('150000');
    await form.getByLabel('منبع جمعیت').fill('سرشماری ۱۳۹۵');
    await form.getByLabel('سال آمار').fill('1395');
    // An open ring first: refused with the ring named, the form keeps what was typed.
    await form.getByLabel('مرز (GeoJSON)').fill(JSON.stringify({ type: 'Polygon', coordinates: [ring.slice(0, 4)] }));
    await form.getByRole('button', { name: 'افزودن منطقه' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('حلقه 1');
    expect(await alert.textContent()).toContain('مرز (GeoJSON)');
    expect((await site.app.app.db.query('SELECT count(*)::int AS n FROM district WHERE code = 9'))[0].n).toBe(0);

    await form
      .getByLabel('مرز (GeoJSON)')
      .fill(JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
    await form.getByRole('button', { name: 'افزودن منطقه' }).click();
    await page.waitForURL(/\/staff\/admin\/districts\/[0-9a-f-]{36}\?done=created/);
    expect(await page.getByRole('status').textContent()).toContain('منطقه افزوده شد.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('منطقه نه');
    await screenshot(page, 'staff-district-created');
  });
  const [row] = await site.app.app.db.query(`SELECT population, population_source, boundary FROM district WHERE code = 9`);
  expect(row).toEqual({ population: 150_000, population_source: 'سرشماری ۱۳۹۵', boundary: { type: 'Polygon', coordinates: [ring] } });
  const audit = await site.app.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'createDistrict'`);
  expect(audit[0].n).toBe(1);
});

test('the public districts page draws every district on a map, offline, beside a table of the same figures', async () => {
  await withPage(site, { viewport: PHONE }, async (page) => {
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (![site.web.url, site.app.url, 'data:'].some((own) => url.startsWith(own))) outside.push(url);
    });
    await page.goto(`${site.web.url}/districts`);
    const table = page.locator('.district-map__table');
    expect(await table.locator('tbody tr').count()).toBe(9);
    expect(await table.textContent()).toContain('منطقه نه');
    expect(await table.textContent()).toContain('۱۵۰٬۰۰۰');
    // The map is drawn once it is near the screen: one SVG path per district.
    await page.locator('.district-map__holder').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('svg path.district-map__area').length === 9, undefined, { timeout: 15_000 });
    await page.locator('.district-map__label', { hasText: '۹' }).waitFor({ state: 'visible' });
    expect(await page.locator('.district-map__legend li').count()).toBeGreaterThan(1);
    await screenshot(page, 'districts-map');
    expect(outside).toEqual([]);
    expect(await seriousViolations(page, '/districts')).toEqual([]);
  });
});

test("staff insights map the crosstab by district, withheld districts reading 'withheld', never a figure", async () => {
  const [{ id: pollId }] = await site.app.app.db.query(`SELECT id FROM poll WHERE asks_district ORDER BY created_at LIMIT 1`);
  // Few answers from the new district 9: its row is withheld.
  await site.app.settle();
  await withPage(site, { viewport: DESKTOP }, async (page) => {
    await signIn(page, `/staff/polls/${pollId}/insights`);
    const crosstab = page.locator('#crosstab');
    await crosstab.getByRole('tab', { name: 'نقشه مناطق', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('#crosstab svg path.district-map__area').length >= 8, undefined, {
      timeout: 15_000,
    });
    const rows = crosstab.locator('.district-map__table tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < count; i++) {
      const cell = (await rows.nth(i).locator('td').first().textContent())!;
      // Either a figure or the withheld text, never both.
      expect(cell.includes('پنهان') !== /[۰-۹]/.test(cell)).toBe(true);
    }
    await screenshot(page, 'insights-district-map');
  });
});

test('each district has its own page, in Persian and in English: the map outlines it beside the table, with its events and polls', async () => {
  await withPage(site, { viewport: PHONE }, async (page) => {
    // From the districts page: each district's name in the table links to its page.
    await page.goto(`${site.web.url}/districts`);
    await page
      .locator('.district-map__table')
      .getByRole('link', { name: /منطقه نه/ })
      .click();
    await page.waitForURL(/\/districts\/9$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('منطقه نه');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const facts = (await page.locator('.facts').textContent())!;
    expect(facts).toContain('۱۵۰٬۰۰۰');
    expect(facts).toContain('سرشماری ۱۳۹۵');
    const table = page.locator('.district-map__table');
    expect(await table.locator('tbody tr').count()).toBe(9);
    expect(await table.locator('tr[aria-current="true"]').getAttribute('data-district-code')).toBe('9');
    await page.locator('.district-map__holder').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('svg path.district-map__area').length === 9, undefined, { timeout: 15_000 });
    expect(await page.locator('svg path.district-map__area--current').count()).toBe(1);
    await page.getByRole('heading', { name: 'نظرسنجی‌های باز این منطقه' }).waitFor();
    await page.getByRole('heading', { name: 'رویدادهای پیش رو در منطقه' }).waitFor();
    await screenshot(page, 'district-page-fa');
    expect(await seriousViolations(page, '/districts/9')).toEqual([]);

    // A click on another district's area on the map opens its page.
    await page.goto(`${site.web.url}/en/districts/1`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The demo's English name is "District 1": the number is not said twice.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('District 1');
    expect(await page.locator('.page__eyebrow').count()).toBe(0);
    expect(await page.locator('.district-map__table tr[aria-current="true"]').getAttribute('data-district-code')).toBe('1');
    await page.locator('.district-map__holder').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('svg path.district-map__area--current').length === 1, undefined, {
      timeout: 15_000,
    });
    await page.getByRole('heading', { name: 'Open polls for this district' }).waitFor();
    await screenshot(page, 'district-page-en');
    expect(await seriousViolations(page, '/en/districts/1')).toEqual([]);
  });
});

test("a district's page shows its image and its own events, not other districts' or citywide ones", async () => {
  const admin = await site.app.signIn('admin');
  const uploaded = await upload(site.app.url, await photoWithGps(), 'district.jpg', { token: admin });
  expect(uploaded.status).toBe(201);
  const [{ id }] = await site.app.app.db.query('SELECT id FROM district WHERE code = 4');
  await api(
    site,
    'mutation ($input: AttachImageInput!) { attachDistrictImage(input: $input) { image { id } } }',
    { input: { targetId: id, fileId: uploaded.body.file.id, altFa: 'میدان منطقه چهار', altEn: 'A square in District 4' } },
    admin,
  );
  await withPage(site, { viewport: PHONE, locale: 'en-GB', isMobile: true }, async (page) => {
    // The site keeps public API answers for API_CACHE_SECONDS (5): an earlier test's page may still be served.
    const image = page.locator('figure.page__figure img');
    await waitFor(
      async () => {
        await open(site, page, '/en/districts/4');
        return (await image.count()) > 0;
      },
      15_000,
      'the district page to show its new image',
    );
    expect(await image.getAttribute('alt')).toBe('A square in District 4');
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/files\/images\/[0-9a-f]{64}\.webp$/);
    const events = page.locator('section[aria-labelledby="district-events-title"]');
    expect(await events.textContent()).toContain('The mayor meets residents of District 4');
    expect(await events.textContent()).not.toContain('District 3');
    await screenshot(page, 'district-page-image-en');
  });
});

test('an unknown or retired district code is the 404 page', async () => {
  const admin = await site.app.signIn('admin');
  const [{ id }] = await site.app.app.db.query('SELECT id FROM district WHERE code = 9');
  await api(
    site,
    'mutation ($input: RetireDistrictInput!) { retireDistrict(input: $input) { district { id } } }',
    { input: { id } },
    admin,
  );
  await withPage(site, { viewport: PHONE }, async (page) => {
    // Retired a moment ago: once the site's 5-second cache of public answers has let go, its page is gone.
    await waitFor(
      async () => (await page.goto(`${site.web.url}/districts/9`))?.status() === 404,
      15_000,
      'the retired district to be a 404',
    );
    for (const path of ['/districts/9', '/districts/999', '/districts/abc', '/districts/01', '/en/districts/0'])
      await open(site, page, path, 404);
  });
  await api(
    site,
    'mutation ($input: RetireDistrictInput!) { restoreDistrict(input: $input) { district { id } } }',
    { input: { id } },
    admin,
  );
});

test('public results by district: a map of the chosen question beside the same figures, withheld districts never a figure', async () => {
  const [{ id: pollId }] = await site.app.app.db.query(
    `SELECT id FROM poll WHERE asks_district AND results_visibility = 'PUBLIC' ORDER BY created_at LIMIT 1`,
  );
  await site.app.settle();
  await withPage(site, { viewport: PHONE }, async (page) => {
    await open(site, page, `/polls/${pollId}/results`);
    const section = page.locator('#by-district');
    await section.getByRole('heading', { name: 'نتایج به تفکیک منطقه' }).waitFor();
    await section.locator('.district-map__holder').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#by-district svg path.district-map__area').length >= 8, undefined, {
      timeout: 15_000,
    });
    const rows = section.locator('.district-map__table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < (await rows.count()); i++) {
      const cell = (await rows.nth(i).locator('td').first().textContent())!;
      expect(cell.includes('پنهان') !== /[۰-۹]/.test(cell)).toBe(true);
    }
    expect(await section.locator('.district-map__legend-title').textContent()).toContain('سهم گزینه');
    await screenshot(page, 'results-by-district-fa');
    expect(await seriousViolations(page, '/polls/…/results')).toEqual([]);

    // Another question, chosen without JavaScript's help: a GET form.
    const select = section.getByRole('combobox', { name: 'پرسش' });
    const options = await select.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    const rating = options.find((o) => o.includes('نمره'));
    await select.selectOption({ label: rating ?? options[1] });
    await section.getByRole('button', { name: 'نمایش' }).click();
    await page.waitForURL(/\?question=/);
    await page.locator('#by-district .district-map__table').waitFor();
    if (rating) expect(await page.locator('#by-district .district-map__legend-title').textContent()).toBe('میانگین نمره');
    await screenshot(page, 'results-by-district-rating-fa');

    await open(site, page, `/en/polls/${pollId}/results`);
    await page.locator('#by-district').getByRole('heading', { name: 'Results by district' }).waitFor();
    expect(await page.locator('#by-district .district-map__table tbody tr').count()).toBeGreaterThanOrEqual(8);
  });
});
