import type { Page } from 'playwright-core';
import {
  api,
  DESKTOP,
  fromPersianDigits,
  PHONE,
  screenshot,
  seriousViolations,
  startSite,
  withPage,
  type Site,
  type PageGlobals,
} from './support';
import { DEMO_SATISFACTION_SURVEY } from '../../server/src/seed/demo-polls';

// The staff dashboards (web/app/[locale]/staff) against the real API on a seeded database, in
// Debian's Chromium: signing in and out, what each role may reach, session expiry, an analyst's
// insights and CSV export, an editor building a poll that citizens then answer, a media officer's
// log, and axe-core on every staff page. One server and one web for the whole file.

let site: Site;
/** Serious or critical axe-core violations found on any staff page, checked at the end. */
const violations: Awaited<ReturnType<typeof seriousViolations>> = [];

interface DemoPoll {
  id: string;
  title: string;
  asksDistrict: boolean;
  questions: { id: string; kind: string; prompt: string; options: { id: string; label: string }[] }[];
}
let survey: DemoPoll;
/** The demo poll that does not ask the district (car-free Fridays). */
let cityWide: DemoPoll;

beforeAll(async () => {
  site = await startSite();
  const editor = await site.app.signIn('editor');
  const { polls } = await api<{ polls: { edges: { node: DemoPoll }[] } }>(
    site,
    '{ polls(first: 10) { edges { node { id title asksDistrict questions { id kind prompt options { id label } } } } } }',
    {},
    editor,
  );
  survey = polls.edges.map((e) => e.node).find((p) => p.asksDistrict)!;
  expect(survey).toBeTruthy();
  cityWide = polls.edges.map((e) => e.node).find((p) => !p.asksDistrict)!;
  expect(cityWide).toBeTruthy();
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

type Account = 'admin' | 'editor' | 'analyst' | 'media';

async function signIn(page: Page, account: Account, path = '/staff'): Promise<void> {
  const english = path.startsWith('/en/');
  await page.goto(site.web.url + path);
  await page.waitForURL(/\/staff\/sign-in/);
  await page.getByLabel(english ? 'Work e-mail' : 'ایمیل سازمانی').fill(`${account}@nabz.example`);
  await page.getByLabel(english ? 'Password' : 'گذرواژه').fill('nabz-demo-1405');
  await page.getByRole('button', { name: english ? 'Sign in' : 'ورود' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/sign-in'));
}

/** Checks a staff page with axe, remembering what it finds, and takes its screenshot. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('load');
  // Charts draw after their code arrives; wait so that axe and the screenshot see them.
  await page.waitForFunction(
    () =>
      [...(globalThis as unknown as PageGlobals).document.querySelectorAll('.staff-chart')].every(
        (c) => c.hasAttribute('data-chart-ready') || c.closest('[hidden]') !== null,
      ),
    undefined,
    { timeout: 15_000 },
  );
  violations.push(...(await seriousViolations(page, name)));
  await screenshot(page, `staff-${name}`);
}

/**
 * What is wrong with the labels of the line chart in `selector` on the page: a day label cut off at
 * the chart's edge, or a label over another (the days along the bottom and the shares up the side).
 */
async function lineLabelFaults(page: Page, selector: string): Promise<string[]> {
  await page.locator(`${selector} .staff-chart[data-chart-ready]`).waitFor();
  return page.locator(`${selector} .staff-chart svg`).evaluate((svg) => {
    type Box = { left: number; right: number; top: number; bottom: number; width: number };
    type Element = { textContent: string | null; getBoundingClientRect(): Box; querySelectorAll(s: string): ArrayLike<Element> };
    const chart = (svg as unknown as Element).getBoundingClientRect();
    const texts = Array.from((svg as unknown as Element).querySelectorAll('text'))
      .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
      .filter((t) => t.box.width > 0);
    const lowest = Math.max(...texts.map((t) => t.box.top));
    const days = texts.filter((t) => t.box.top >= lowest - 2);
    const shares = texts.filter((t) => /[%٪]/.test(t.text));
    const faults = days.filter((d) => d.box.left < chart.left - 0.5 || d.box.right > chart.right + 0.5).map((d) => `${d.text} cut off`);
    const labels = [...days, ...shares];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i].box, labels[j].box];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
          faults.push(`${labels[i].text} over ${labels[j].text}`);
        }
      }
    }
    return faults;
  });
}

async function navItems(page: Page): Promise<string[]> {
  return page.locator('nav.staff-nav a').allTextContents();
}

const numberIn = (text: string | null) => Number(fromPersianDigits(text ?? '').replace(/[^0-9]/g, ''));

describe('signing in, roles and sessions', () => {
  test('every staff page needs a session; signing in comes back to the page asked for', async () => {
    const response = await fetch(`${site.web.url}/staff/polls`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toMatch(/\/staff\/sign-in\?next=%2Fstaff%2Fpolls$/);

    await withPage(site, { viewport: PHONE }, async (page) => {
      // The sign-in page offers the other language (keeping where to go next) and the way back to the public site.
      await page.goto(`${site.web.url}/staff/sign-in?next=%2Fstaff%2Fpolls`);
      await expect(page.getByRole('link', { name: 'سایت عمومی' }).getAttribute('href')).resolves.toBe('/');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(`${site.web.url}/en/staff/sign-in?next=%2Fstaff%2Fpolls`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Staff sign-in');
      await page.goto(`${site.web.url}/staff/sign-in`);
      await check(page, 'sign-in-fa-phone');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      // A wrong password is refused with a message, and nothing is kept.
      await page.getByLabel('ایمیل سازمانی').fill('analyst@nabz.example');
      await page.getByLabel('گذرواژه').fill('not-the-password');
      await page.getByRole('button', { name: 'ورود' }).click();
      await expect(page.locator('.staff-alert--error').textContent()).resolves.toContain('ایمیل یا گذرواژه درست نیست');
      expect((await page.context().cookies()).find((c) => c.name === 'nabz_staff')).toBeUndefined();

      await signIn(page, 'analyst', '/staff/polls');
      expect(new URL(page.url()).pathname).toBe('/staff/polls');
      const cookie = (await page.context().cookies()).find((c) => c.name === 'nabz_staff');
      expect(cookie?.httpOnly).toBe(true);
      await check(page, 'polls-analyst-fa-phone');

      // Signing out ends the session at the API as well.
      await page.getByRole('button', { name: 'خروج' }).click();
      await page.waitForURL(/\/staff\/sign-in\?signedOut=1$/);
      const me = await site.app.gql<{ me: null }>('{ me { id } }', {}, { token: cookie!.value });
      expect(me.status).toBe(401);
    });
  }, 60_000);

  test('the navigation shows what the role may use, and an editor cannot reach the admin pages', async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'editor');
      expect(await navItems(page)).toEqual(['پیشخوان', 'نظرسنجی‌ها', 'اهداف و برنامه‌ها', 'رویدادها و مناسبت‌ها', 'آمار بازدید']);
      for (const path of ['/staff/admin', '/staff/admin/api-keys', '/staff/admin/audit', '/staff/media']) {
        // Forbidden where it was asked for: 403 at its own address, not a redirect to a page that answers 200.
        const response = await page.goto(site.web.url + path);
        expect({ path: new URL(page.url()).pathname, status: response?.status() }).toEqual({ path, status: 403 });
        await expect(page.locator('h1').textContent()).resolves.toBe('به این بخش دسترسی ندارید');
        // The tab says so too, not the name of the page that was refused.
        await expect(page.title()).resolves.toBe('به این بخش دسترسی ندارید — میز کارکنان نبض');
        await expect(page.locator('[data-staff-users], [data-api-keys], [data-audit-log], [data-contacts]').count()).resolves.toBe(0);
      }
      await check(page, 'forbidden-editor-fa-desktop');
    });
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'analyst');
      expect(await navItems(page)).toEqual(['پیشخوان', 'نظرسنجی‌ها', 'آمار بازدید']);
      const response = await page.goto(`${site.web.url}/staff/polls/new`);
      expect(response?.status()).toBe(403);
      await expect(page.locator('h1').textContent()).resolves.toBe('به این بخش دسترسی ندارید');
    });
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'media');
      expect(await navItems(page)).toEqual(['پیشخوان', 'میز رسانه', 'آمار بازدید']);
    });
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'admin');
      expect(await navItems(page)).toEqual([
        'پیشخوان',
        'نظرسنجی‌ها',
        'اهداف و برنامه‌ها',
        'رویدادها و مناسبت‌ها',
        'میز رسانه',
        'آمار بازدید',
        'مدیریت',
      ]);
      await check(page, 'home-admin-fa-desktop');
      for (const [path, name] of [
        ['/staff/admin', 'admin-users'],
        ['/staff/admin/api-keys', 'admin-api-keys'],
        ['/staff/admin/audit', 'admin-audit'],
      ]) {
        await page.goto(site.web.url + path);
        expect(new URL(page.url()).pathname).toBe(path);
        await check(page, `${name}-fa-desktop`);
      }
      await expect(page.locator('[data-audit-log] tbody tr').count()).resolves.toBeGreaterThan(0);
    });
  }, 90_000);

  test('a session that ended says so and leads back to the same page after signing in again', async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'analyst', '/staff/analytics');
      const token = (await page.context().cookies()).find((c) => c.name === 'nabz_staff')!.value;
      // The session ends at the API (as when it expires): the web's cookie is now stale.
      await api(site, 'mutation { signOut { signedOut } }', {}, token);
      await page.reload();
      await page.waitForURL(/\/staff\/sign-in\?expired=1&next=%2Fstaff%2Fanalytics$/);
      await expect(page.locator('.staff-alert--warn').textContent()).resolves.toContain('نشست شما به پایان رسیده است');
      await page.getByLabel('ایمیل سازمانی').fill('analyst@nabz.example');
      await page.getByLabel('گذرواژه').fill('nabz-demo-1405');
      await page.getByRole('button', { name: 'ورود' }).click();
      await page.waitForURL(`${site.web.url}/staff/analytics`);
    });
  }, 60_000);
});

describe('an analyst', () => {
  test("opens a poll's insights, switches the crosstab and exports the responses as CSV", async () => {
    const { pollInsights } = await api<{ pollInsights: { responseCount: number } }>(
      site,
      'query ($id: ID!) { pollInsights(pollId: $id) { responseCount } }',
      { id: survey.id },
      await site.app.signIn('analyst'),
    );
    await withPage(site, { viewport: DESKTOP, acceptDownloads: true }, async (page) => {
      await signIn(page, 'analyst', '/staff/polls');
      await page.getByRole('link', { name: `تحلیل: ${survey.title}` }).click();
      await page.waitForURL(`${site.web.url}/staff/polls/${survey.id}/insights`);
      expect(numberIn(await page.locator('[data-response-count]').textContent())).toBe(pollInsights.responseCount);
      await check(page, 'insights-fa-desktop');

      // Results: a chart per choice question with one whisker (error bar) per option.
      const first = survey.questions[0];
      const chart = page.locator(`[data-question="${first.id}"] .staff-chart`);
      await expect(chart.getAttribute('data-chart-ready')).resolves.toBe('true');
      // Right to left: the option labels stand at the right of the bars.
      const label = chart.locator('svg text', { hasText: first.options[0].label }).first();
      const bars = chart.locator('svg path[fill="#0b5560"]');
      const [labelBox, barBox] = await Promise.all([label.boundingBox(), bars.first().boundingBox()]);
      expect(labelBox!.x).toBeGreaterThan(barBox!.x + barBox!.width - 1);

      // Crosstab by district, then by the second choice question.
      const crosstab = page.locator('#crosstab');
      const districtRows = await crosstab.locator('[data-crosstab] tbody tr').count();
      expect(districtRows).toBeGreaterThan(1);
      const second = survey.questions.find((q, i) => i > 0 && q.kind === 'SINGLE_CHOICE')!;
      await crosstab.getByLabel('تفکیک بر اساس').selectOption(second.id);
      await crosstab.getByRole('button', { name: 'نمایش' }).click();
      await page.waitForURL(new RegExp(`by=${second.id}`));
      await expect(page.locator('[data-crosstab-heading]').textContent()).resolves.toContain(second.prompt);
      await expect(page.locator('[data-crosstab] tbody th').allTextContents()).resolves.toEqual(
        expect.arrayContaining(second.options.map((o) => o.label)),
      );
      // The heat map view of the same table.
      await page.locator('#crosstab').getByRole('tab', { name: 'نقشه حرارتی' }).click();
      await page.waitForSelector('#crosstab [role=tabpanel]:not([hidden]) .staff-chart[data-chart-ready]');
      await screenshot(page, 'staff-insights-heatmap-fa-desktop');

      // CSV export, read as a stream with progress, then saved.
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'دریافت پاسخ‌ها (CSV)' }).click();
      await page.waitForSelector('[data-export-done]', { timeout: 30_000 });
      expect(numberIn(await page.locator('[data-export-done]').textContent())).toBeGreaterThanOrEqual(pollInsights.responseCount);
      const file = await download;
      expect(file.suggestedFilename()).toBe(`poll-${survey.id}-responses.csv`);
      const csv = await new Promise<string>((resolve, reject) => {
        void file.createReadStream().then((stream) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          stream.on('error', reject);
        }, reject);
      });
      expect(csv.startsWith('\uFEFFresponse_id,')).toBe(true);
      await screenshot(page, 'staff-insights-exported-fa-desktop');
    });

    // The same page on a phone, right to left.
    await withPage(site, { viewport: PHONE }, async (page) => {
      await signIn(page, 'analyst', `/staff/polls/${survey.id}/insights`);
      await check(page, 'insights-fa-phone');
      // The trend chart on a phone: the last day whole, the first clear of the lowest share.
      expect(await lineLabelFaults(page, '#trend')).toEqual([]);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(1);
      await page.goto(`${site.web.url}/staff/analytics`);
      await check(page, 'analytics-fa-phone');
    });
  }, 120_000);

  test('insights: the break-down list follows the question and never offers it, NPS breaks down by district, heat-map labels do not overlap, words keep their half-space', async () => {
    const choice = survey.questions.filter((q) => q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE');
    const nps = survey.questions.find((q) => q.kind === 'NPS')!;
    expect(choice.length).toBeGreaterThanOrEqual(2);
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'analyst', `/staff/polls/${survey.id}/insights`);
      const crosstab = page.locator('#crosstab');
      const question = crosstab.getByLabel('پرسش');
      const by = crosstab.getByLabel('تفکیک بر اساس');
      const byValues = () => by.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));

      // The first question: districts and the other choice questions, not itself.
      expect(await question.inputValue()).toBe(choice[0].id);
      expect(await byValues()).toEqual(['district', ...choice.slice(1).map((q) => q.id)]);
      // Choosing the second question and breaking down by the first, then changing the question back
      // to the first: the list follows at once, without sending the form, and drops the first.
      await question.selectOption(choice[1].id);
      expect(await byValues()).toEqual(['district', choice[0].id, ...choice.slice(2).map((q) => q.id)]);
      await by.selectOption(choice[0].id);
      await question.selectOption(choice[0].id);
      expect(await byValues()).not.toContain(choice[0].id);
      expect(await by.inputValue()).toBe('district');

      // NPS by district: only districts on offer; a row per district, a column per score and the row's NPS.
      await question.selectOption(nps.id);
      expect(await byValues()).toEqual(['district']);
      await crosstab.getByRole('button', { name: 'نمایش' }).click();
      await page.waitForURL(new RegExp(`q=${nps.id}`));
      const headers = await page.locator('[data-crosstab] thead th').allTextContents();
      expect(headers).toContain('امتیاز NPS');
      expect(headers.filter((h) => /^[۰-۹]+$/.test(h.trim()))).toHaveLength(11);
      expect(await page.locator('[data-crosstab] tbody tr').count()).toBeGreaterThan(1);
      expect(await page.locator('[data-crosstab] tbody').textContent()).toMatch(/[۰-۹]/);

      // A link asking for a question broken down by itself is told, and shows districts.
      await page.goto(`${site.web.url}/staff/polls/${survey.id}/insights?q=${choice[0].id}&by=${choice[0].id}#crosstab`);
      await expect(page.locator('[data-crosstab-refused]').textContent()).resolves.toContain('با خودش');

      // The heat map of a choice question by district: every column label drawn, none over another.
      await page.locator('#crosstab').getByRole('tab', { name: 'نقشه حرارتی' }).click();
      const heatmap = page.locator('#crosstab [role=tabpanel]:not([hidden]) .staff-chart[data-chart-ready]');
      await heatmap.waitFor();
      const boxes = await heatmap.locator('svg text').evaluateAll(
        (texts, labels) => {
          type Box = { left: number; right: number; top: number; bottom: number };
          const prefixes = (labels as string[]).map((l) => l.slice(0, 3));
          return texts
            .filter((t) => prefixes.some((p) => ((t as unknown as { textContent: string }).textContent ?? '').startsWith(p)))
            .map((t) => (t as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect())
            .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
        },
        choice[0].options.map((o) => o.label),
      );
      expect(boxes.length).toBe(choice[0].options.length);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap =
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          expect(overlap).toBe(false);
        }
      }

      // The word list: «پیاده‌روها» with its half-space, no stop word such as «شوند».
      const words = await page.locator('#free-text table').first().locator('tbody th').allTextContents();
      expect(words.length).toBeGreaterThan(3);
      expect(words).toContain('پیاده\u200cروها');
      expect(words).not.toContain('پیادهروها');
      expect(words).not.toContain('شوند');

      // A heat map with cells withheld as too few answers: grey, marked «—» and named in a legend as on
      // the district map, not blank like a share near 0.
      const analyst = await site.app.signIn('analyst');
      let withheld: { question: string; cells: number } | undefined;
      for (const q of choice) {
        const { pollInsights } = await api<{
          pollInsights: { crosstab: { rows: { cells: { share: number | null; suppressed: boolean }[] }[] } };
        }>(
          site,
          'query ($id: ID!, $q: ID!) { pollInsights(pollId: $id) { crosstab(questionId: $q) { rows { cells { share suppressed } } } } }',
          { id: survey.id, q: q.id },
          analyst,
        );
        const cells = pollInsights.crosstab.rows.flatMap((r) => r.cells).filter((c) => c.suppressed && c.share == null).length;
        if (cells > 0) {
          withheld = { question: q.id, cells };
          break;
        }
      }
      expect(withheld).toBeDefined();
      await page.goto(`${site.web.url}/staff/polls/${survey.id}/insights?q=${withheld!.question}#crosstab`);
      await page.locator('#crosstab').getByRole('tab', { name: 'نقشه حرارتی' }).click();
      const panel = page.locator('#crosstab [role=tabpanel]:not([hidden])');
      await panel.locator('.staff-chart[data-chart-ready]').waitFor();
      await expect(panel.locator('svg text', { hasText: /^—$/ }).count()).resolves.toBe(withheld!.cells);
      await expect(panel.locator('[data-heatmap-withheld]').innerText()).resolves.toBe('پنهان برای حفظ حریم خصوصی');
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'staff-insights-heatmap-withheld-fa-desktop', { fullPage: false });

      // A poll that does not ask the district, with one question: nothing to break it down by, so no
      // crosstab, and no rows of districts with no answers.
      await page.goto(`${site.web.url}/staff/polls/${cityWide.id}/insights?by=district`);
      await expect(page.locator('[data-response-count]').count()).resolves.toBe(1);
      await expect(page.locator('#crosstab, [data-crosstab], #crosstab-by, a[href="#crosstab"]').count()).resolves.toBe(0);
    });
  }, 120_000);

  test('reads site analytics for a Solar Hijri range', async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'analyst', '/staff/analytics');
      await expect(page.locator('[data-site-counters] .staff-counter').count()).resolves.toBe(5);
      // The demo data carries the old site's figures over.
      await expect(page.locator('[data-site-counters]').textContent()).resolves.toContain('۳۱۱٬۶۹۱');
      await page.getByLabel('از تاریخ', { exact: true }).fill('۱۴۰۴/۰۱/۰۱');
      await page.getByLabel('تا تاریخ', { exact: true }).fill('۱۴۰۴/۰۱/۱۰');
      await page.getByRole('button', { name: 'نمایش' }).click();
      await page.waitForURL(/from=/);
      // 1–10 Farvardin 1404 is 21–30 March 2025: ten days on the chart's table.
      await expect(page.locator('[data-range-summary]').textContent()).resolves.toMatch(/فروردین/);
      await expect(page.locator('details table tbody tr').count()).resolves.toBe(10);
      await check(page, 'analytics-fa-desktop');
    });
  }, 60_000);
});

describe('an editor', () => {
  test('builds a poll that then appears on the public site and takes an answer', async () => {
    const title = 'نظر شما درباره ساعت کار کتابخانه‌های محله';
    let pollId = '';
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'editor', '/staff/polls/new');
      await check(page, 'poll-builder-new-fa-desktop');
      // Each date beside its own time: opening on one row, closing on the next.
      const top = async (id: string) => (await page.locator(`#${id}`).boundingBox())!.y;
      expect(await top('opensTime')).toBe(await top('opensDay'));
      expect(await top('closesTime')).toBe(await top('closesDay'));
      expect(await top('closesDay')).toBeGreaterThan(await top('opensDay'));
      await page.getByLabel('عنوان (فارسی)').fill(title);
      await page.getByLabel('عنوان (انگلیسی)').fill('Neighbourhood library hours');
      const q1 = page.locator('[data-question-index="0"]');
      await q1.getByLabel('متن پرسش (فارسی)').fill('کتابخانه تا چه ساعتی باز باشد؟');
      await q1.getByLabel('گزینه (فارسی) ۱').fill('ساعت ۱۸');
      await q1.getByLabel('گزینه (فارسی) ۲').fill('ساعت ۲۱');
      await q1.getByRole('button', { name: 'افزودن گزینه' }).click();
      await q1.getByLabel('گزینه (فارسی) ۳').fill('نیمه‌شب');
      await page.getByRole('button', { name: 'افزودن پرسش' }).click();
      const q2 = page.locator('[data-question-index="1"]');
      await q2.getByLabel('نوع پرسش').selectOption('RATING');
      await q2.getByLabel('متن پرسش (فارسی)').fill('به کتابخانه محله‌تان چه نمره‌ای می‌دهید؟');
      await page.getByRole('button', { name: 'ذخیره پیش‌نویس' }).click();
      await page.waitForURL(/\/staff\/polls\/[0-9a-f-]{36}\?done=saved$/);
      pollId = /polls\/([0-9a-f-]{36})/.exec(page.url())![1];
      await expect(page.locator('[data-poll-status]').getAttribute('data-poll-status')).resolves.toBe('DRAFT');
      await check(page, 'poll-builder-edit-fa-desktop');

      // Preview, as a citizen sees it (nothing can be sent from it).
      await page.getByRole('link', { name: 'پیش‌نمایش برای شهروند' }).click();
      await page.waitForURL(`${site.web.url}/staff/polls/${pollId}/preview`);
      await expect(page.locator('[data-poll-preview] .question').count()).resolves.toBe(2);
      await expect(page.locator('[data-poll-preview] label', { hasText: 'نیمه‌شب' }).count()).resolves.toBe(1);
      await check(page, 'poll-preview-fa-desktop');

      // Publish.
      await page.goto(`${site.web.url}/staff/polls/${pollId}`);
      await page.getByRole('button', { name: 'انتشار', exact: true }).click();
      await page.waitForURL(/done=published$/);
      await expect(page.locator('[data-poll-status]').getAttribute('data-poll-status')).resolves.toBe('OPEN');
    });

    // A citizen finds it on the public site and answers.
    await withPage(site, { viewport: PHONE }, async (page) => {
      await page.goto(`${site.web.url}/polls`);
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL(`${site.web.url}/polls/${pollId}`);
      await page.getByLabel('ساعت ۲۱', { exact: true }).check();
      await page.locator('.scale--rating label', { hasText: '۴' }).click();
      await page.getByRole('button', { name: 'ثبت پاسخ' }).click();
      await page.waitForURL(/\/results\?answered=1$/);
    });
    // The answer waits in the answer mix until moved with others: move it, as the mixer's timer would.
    await site.app.settle();
    const results = await api<{ pollResults: { responseCount: number } }>(
      site,
      'query ($id: ID!) { pollResults(pollId: $id) { responseCount } }',
      { id: pollId },
    );
    expect(results.pollResults.responseCount).toBe(1);

    // The editor's other pages, checked with axe.
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'editor', '/staff/goals');
      await check(page, 'goals-fa-desktop');
      await page.locator('table a').first().click();
      await page.waitForURL(/\/staff\/goals\/[0-9a-f-]{36}$/);
      await check(page, 'goal-fa-desktop');
      await page.goto(`${site.web.url}/staff/events`);
      await check(page, 'events-fa-desktop');
      await page.goto(`${site.web.url}/staff/events/occasions`);
      await check(page, 'occasions-fa-desktop');
      await page.locator('table a').first().click();
      await page.waitForURL(/\/staff\/events\/occasions\/[0-9a-f-]{36}$/);
      await check(page, 'occasion-fa-desktop');
    });
  }, 120_000);

  test("links a goal's indicator to a poll result and sees whether it is on target", async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'editor', '/staff/goals');
      const goalPath = (await page.locator('table a').first().getAttribute('href'))!;
      await page.goto(site.web.url + goalPath);
      await page.getByLabel('نظرسنجی', { exact: true }).selectOption(survey.id);
      await page.getByRole('button', { name: 'انتخاب نظرسنجی' }).click();
      await page.waitForURL(/poll=/);
      const first = survey.questions[0];
      await page.getByLabel('نتیجه‌ای که خوانده می‌شود').selectOption(`${first.id}|OPTION_SHARE`);
      // An option ticked under another question than the chosen result is named as such.
      const other = survey.questions.find((q) => q.id !== first.id && q.options.length > 0)!;
      await page.getByRole('group', { name: other.prompt }).getByLabel(other.options[0].label, { exact: true }).check();
      await page.getByLabel('نام شاخص (فارسی)').fill('شاخص نادرست');
      await page.getByLabel('هدف عددی').fill('5');
      await page.getByRole('button', { name: 'افزودن شاخص' }).click();
      await page.getByText('گزینه‌های تیک‌خورده از پرسش دیگری‌اند', { exact: false }).waitFor();
      await page.getByLabel('نتیجه‌ای که خوانده می‌شود').selectOption(`${first.id}|OPTION_SHARE`);
      // «خیلی راضی» and «راضی» together: satisfied citizens.
      const [very, fairly] = first.options;
      const choices = page.getByRole('group', { name: first.prompt });
      await choices.getByLabel(very.label, { exact: true }).check();
      await choices.getByLabel(fairly.label, { exact: true }).check();
      await page.getByLabel('نام شاخص (فارسی)').fill('سهم شهروندان خیلی راضی و راضی');
      await page.getByLabel('هدف عددی').fill('5');
      await page.getByRole('button', { name: 'افزودن شاخص' }).click();
      await page.waitForURL(new RegExp(`${goalPath}\\?done=added`));
      const indicator = page.locator('[data-indicator]', { hasText: 'سهم شهروندان خیلی راضی و راضی' });
      await expect(indicator.locator('[data-on-target]').getAttribute('data-on-target')).resolves.toBe('true');
      await expect(indicator.locator('[data-current-value]').textContent()).resolves.toMatch(/[۰-۹]+٪/);
      await expect(indicator.locator('[data-options]').textContent()).resolves.toBe(`${very.label} + ${fairly.label}`);
      const { goal } = await api<{ goal: { indicators: { label: string; optionIds: string[] }[] } }>(
        site,
        'query ($id: ID!) { goal(id: $id) { indicators { label optionIds } } }',
        { id: goalPath.split('/').pop() },
      );
      expect(goal.indicators.find((i) => i.label === 'سهم شهروندان خیلی راضی و راضی')?.optionIds).toEqual([very.id, fairly.id]);
    });
  }, 60_000);
});

describe('a media officer', () => {
  test('finds a contact and logs an interaction with a follow-up', async () => {
    const topic = 'پرسش درباره زمان بازگشایی پل پیاده';
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'media', '/staff/media');
      await check(page, 'media-contacts-fa-desktop');
      const firstName = (await page.locator('[data-contacts] tbody th a').first().textContent())!;
      await page.getByLabel('جستجو').fill(firstName.split(' ')[0]);
      await page.getByRole('button', { name: 'جستجو' }).click();
      await page.waitForURL(/search=/);
      await page.getByRole('link', { name: firstName }).first().click();
      await page.waitForURL(/\/staff\/media\/contacts\/[0-9a-f-]{36}$/);
      const contactId = /contacts\/([0-9a-f-]{36})/.exec(page.url())![1];
      await check(page, 'media-contact-fa-desktop');

      await page.getByLabel('نوع').selectOption('INQUIRY_RECEIVED');
      await page.getByLabel('موضوع').fill(topic);
      await page.getByLabel('روز پیگیری (اختیاری)').fill('۱۴۰۵/۰۱/۰۱');
      await page.getByRole('button', { name: 'ثبت ارتباط' }).click();
      await page.waitForURL(/done=logged/);
      await expect(page.locator('[data-interactions] li').first().textContent()).resolves.toContain(topic);

      const { mediaInteractions } = await api<{
        mediaInteractions: { edges: { node: { topic: string; followUpOn: string; kind: string } }[] };
      }>(
        site,
        'query ($id: ID!) { mediaInteractions(first: 5, filter: { contactId: $id }) { edges { node { topic followUpOn kind } } } }',
        { id: contactId },
        await site.app.signIn('media'),
      );
      expect(mediaInteractions.edges[0].node).toEqual({ topic, followUpOn: '2026-03-21', kind: 'INQUIRY_RECEIVED' });

      for (const [path, name] of [
        ['/staff/media/outlets', 'media-outlets'],
        ['/staff/media/follow-ups', 'media-follow-ups'],
        ['/staff/media/releases', 'media-releases'],
        ['/staff/media/coverage', 'media-coverage'],
        ['/staff/media/invitations', 'media-invitations'],
      ]) {
        await page.goto(site.web.url + path);
        await check(page, `${name}-fa-desktop`);
      }
      await page.goto(`${site.web.url}/staff/media/releases`);
      await page.locator('table a').first().click();
      await check(page, 'media-release-fa-desktop');
    });
  }, 180_000);
});

describe('English', () => {
  test('the staff desk reads left to right in English', async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'analyst', `/en/staff/polls/${survey.id}/insights`);
      expect(new URL(page.url()).pathname).toBe(`/en/staff/polls/${survey.id}/insights`);
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      await check(page, 'insights-en-desktop');
    });
    // On a phone the trend chart's last day is whole and its first clear of the lowest share.
    await withPage(site, { viewport: PHONE }, async (page) => {
      await signIn(page, 'analyst', `/en/staff/polls/${survey.id}/insights`);
      expect(await lineLabelFaults(page, '#trend')).toEqual([]);
      await page.locator('#trend .staff-chart').scrollIntoViewIfNeeded();
      await screenshot(page, 'staff-insights-trend-en-phone', { fullPage: false });
    });
    // An editor's English builder is headed with the poll's English title, not its Persian one.
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await signIn(page, 'editor', `/en/staff/polls/${survey.id}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(`Edit: ${DEMO_SATISFACTION_SURVEY.titleEn}`);
    });
  }, 60_000);
});

test('no staff page has a serious or critical axe-core violation', () => {
  expect(violations).toEqual([]);
});
