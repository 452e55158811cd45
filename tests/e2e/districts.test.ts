import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshot, seriousViolations, startSite, withPage, type Site } from './support';

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

test("staff insights map the crosstab by district, withheld districts reading 'not enough answers', never a figure", async () => {
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
      expect(cell.includes('پاسخ کافی نیست') !== /[۰-۹]/.test(cell)).toBe(true);
    }
    await screenshot(page, 'insights-district-map');
  });
});
