import type { Page } from 'playwright-core';
import { createPoll, SUBMIT } from '../helpers/polls';
import {
  api,
  DESKTOP,
  PERSIAN_MONTHS,
  fromPersianDigits,
  PHONE,
  screenshot,
  seriousViolations,
  startSite,
  withPage,
  type Site,
} from './support';

// A poll's abuse signals page (web/app/[locale]/staff/(desk)/polls/[id]/signals, issue 13 items 5
// and 7) against the real API, in Debian's Chromium: an analyst finds a cluster of answers from
// one network and browser, quarantines it with a reason (the results lose it), and releases it.

let site: Site;
let editor: string;
let poll: { id: string; questions: { id: string; options: { id: string }[] }[] };
const violations: Awaited<ReturnType<typeof seriousViolations>> = [];

beforeAll(async () => {
  // Ten unchallenged answers from one address: above the default per-address limit for them.
  site = await startSite({ env: { UNCHALLENGED_SUBMISSIONS_PER_HOUR: '1000', SUBMISSIONS_PER_MINUTE: '100000' } });
  editor = await site.app.signIn('editor');
  poll = await createPoll(site.app, editor, {
    titleFa: 'ساعت کار کتابخانه‌های محله',
    titleEn: 'Neighbourhood library hours',
    questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'تا ساعت ۲۲ باز باشد؟', options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }] }],
  });
  const answer = (i: number) => ({
    pollId: poll.id,
    answers: [{ questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[i].id] }],
  });
  // Six from one script (same network, same user agent): a cluster. Four from phones: no cluster.
  const submit = async (i: number, userAgent: string) => {
    const res = await site.app.gql(SUBMIT, { input: answer(i) }, { headers: { 'user-agent': userAgent } });
    expect(res.body.errors).toBeUndefined();
  };
  for (let i = 0; i < 6; i++) await submit(1, 'python-requests/2.31');
  for (let i = 0; i < 4; i++) await submit(0, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1');
  await site.app.settle();
  // The poll's history: 3 answers a minute for the past hour (so this minute's 10 are no burst: 4 × 3 = 12),
  // and a busy minute of 20 half an hour ago.
  await site.app.app.db.query(
    `INSERT INTO poll_arrival_minute (poll_id, minute, answers)
     SELECT $1, date_trunc('minute', now()) - g * interval '1 minute', CASE WHEN g = 30 THEN 20 ELSE 3 END FROM generate_series(2, 61) g`,
    [poll.id],
  );
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

async function signIn(page: Page, account: 'analyst' | 'editor' | 'media', path: string): Promise<void> {
  const english = path.startsWith('/en/');
  await page.goto(site.web.url + path);
  await page.waitForURL(/\/staff\/sign-in/);
  await page.getByLabel(english ? 'Work e-mail' : 'ایمیل سازمانی').fill(`${account}@nabz.example`);
  await page.getByLabel(english ? 'Password' : 'گذرواژه').fill('nabz-demo-1405');
  await page.getByRole('button', { name: english ? 'Sign in' : 'ورود' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/sign-in'));
}

/** axe-core (remembered for the end), no sideways scrolling, and a screenshot. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('load');
  violations.push(...(await seriousViolations(page, name)));
  const widths = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
      .documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
  expect({ name, scroll: widths.scroll }).toEqual({ name, scroll: widths.client });
  await screenshot(page, `staff-${name}`);
}

const numberIn = (text: string | null) => Number(fromPersianDigits(text ?? '').replace(/[^0-9]/g, ''));
const results = async () =>
  (
    await api<{ pollResults: { responseCount: number; quarantinedCount: number } }>(
      site,
      'query ($id: ID!) { pollResults(pollId: $id) { responseCount quarantinedCount } }',
      { id: poll.id },
    )
  ).pollResults;

test('an analyst quarantines a cluster of 6 with a reason, the results drop to 4, and releasing it brings them back to 10', async () => {
  expect(await results()).toEqual({ responseCount: 10, quarantinedCount: 0 });
  await withPage(site, { viewport: PHONE }, async (page) => {
    await signIn(page, 'analyst', `/staff/polls/${poll.id}/insights`);
    await page.locator('[data-signals-link]').click();
    await page.waitForURL(`**/staff/polls/${poll.id}/signals`);
    await expect(page.locator('h1').textContent()).resolves.toBe('نشانه‌های سوءاستفاده: ساعت کار کتابخانه‌های محله');
    // Ten answers without the browser check (sent without JavaScript), none held yet.
    expect(numberIn(await page.locator('[data-assurance="UNCHALLENGED"] dd').textContent())).toBe(10);
    expect(numberIn(await page.locator('[data-quarantined-count]').textContent())).toBe(0);
    await expect(
      page
        .locator('[data-cluster]')
        .evaluateAll((rows) => rows.map((r) => (r as unknown as { getAttribute(n: string): string }).getAttribute('data-cluster'))),
    ).resolves.toEqual(['6']);
    await expect(page.locator('[data-quarantines]').count()).resolves.toBe(0);
    // The busy minute against the typical one, its minute as a Solar Hijri date and time.
    expect(numberIn(await page.locator('[data-baseline]').textContent())).toBe(3);
    const burst = page.locator('[data-bursts] tbody tr');
    await expect(burst.count()).resolves.toBe(1);
    await expect(burst.locator('th').textContent()).resolves.toMatch(new RegExp(`${PERSIAN_MONTHS.source} ۱۴۰[۴-۹]، [۰-۹]{2}:[۰-۹]{2}$`));
    await expect(burst.locator('td').allTextContents()).resolves.toEqual(['۲۰', '۳']);
    await check(page, 'signals-fa-phone');

    // The quarantine asks for a reason; the page says how many answers it held.
    await page.locator('[data-cluster] summary').click();
    await page.locator('#cluster-reason-0').fill('یک اسکریپت از یک شبکه');
    await check(page, 'signals-quarantine-form-fa-phone');
    await page.getByRole('button', { name: 'قرنطینه ۶ پاسخ' }).click();
    await page.locator('[data-signals-done]').waitFor();
    await expect(page.locator('[data-signals-done]').textContent()).resolves.toBe('۶ پاسخ قرنطینه شد و از نتایج بیرون رفت.');
    expect(numberIn(await page.locator('[data-quarantined-count]').textContent())).toBe(6);
    await expect(page.locator('[data-cluster] .staff-badge').textContent()).resolves.toBe('در قرنطینه');
    await expect(page.locator('[data-quarantine="active"]').textContent()).resolves.toContain('یک اسکریپت از یک شبکه');
    expect(await results()).toEqual({ responseCount: 4, quarantinedCount: 6 });
    await check(page, 'signals-quarantined-fa-phone');

    // The insights count what the results count.
    await page.goto(`${site.web.url}/staff/polls/${poll.id}/insights`);
    expect(numberIn(await page.locator('[data-response-count]').textContent())).toBe(4);

    await page.goto(`${site.web.url}/staff/polls/${poll.id}/signals`);
    await page.getByRole('button', { name: /^آزاد کردن: خوشه/ }).click();
    await page.locator('[data-signals-done]').waitFor();
    await expect(page.locator('[data-signals-done]').textContent()).resolves.toBe('قرنطینه آزاد شد و پاسخ‌هایش به نتایج برگشت.');
    expect(numberIn(await page.locator('[data-quarantined-count]').textContent())).toBe(0);
    await expect(page.locator('[data-quarantine="released"]').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /^آزاد کردن/ }).count()).resolves.toBe(0);
    expect(await results()).toEqual({ responseCount: 10, quarantinedCount: 0 });
  });
}, 120_000);

test('a window that ends before it starts is refused in English, naming the field; editors find the page from the poll, media officers cannot open it', async () => {
  await withPage(site, { viewport: DESKTOP }, async (page) => {
    await signIn(page, 'analyst', `/en/staff/polls/${poll.id}/signals`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Abuse signals: Neighbourhood library hours');
    await check(page, 'signals-en-desktop');
    await page.locator('#window-from-time').fill('12:00');
    await page.locator('#window-to-time').fill('11:00');
    await page.locator('#window-reason').fill('Burst at noon');
    await page.getByRole('button', { name: 'Quarantine this window' }).click();
    const alert = page.locator('#window .staff-alert--error');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('One of the values was not accepted.');
    await expect(alert.locator('strong').textContent()).resolves.toBe('To');
    // What was typed stays, and nothing was held.
    await expect(page.locator('#window-reason').inputValue()).resolves.toBe('Burst at noon');
    expect(await results()).toEqual({ responseCount: 10, quarantinedCount: 0 });
    // A day that is not one is refused before the API.
    await page.locator('#window-from-day').fill('1404/13/40');
    await page.getByRole('button', { name: 'Quarantine this window' }).click();
    await alert.filter({ hasText: 'Not a valid date or time' }).waitFor();
    await expect(alert.locator('strong').textContent()).resolves.toBe('From');
  });
  for (const [locale, viewport] of [
    ['en', PHONE],
    ['fa', DESKTOP],
  ] as const) {
    await withPage(site, { viewport }, async (page) => {
      await signIn(page, 'analyst', `${locale === 'en' ? '/en' : ''}/staff/polls/${poll.id}/signals`);
      await check(page, `signals-${locale}-${viewport === PHONE ? 'phone' : 'desktop'}`);
    });
  }
  await withPage(site, { viewport: DESKTOP }, async (page) => {
    await signIn(page, 'editor', `/staff/polls/${poll.id}`);
    await page.getByRole('link', { name: 'نشانه‌های سوءاستفاده' }).click();
    await page.waitForURL(`**/staff/polls/${poll.id}/signals`);
  });
  await withPage(site, { viewport: DESKTOP }, async (page) => {
    await signIn(page, 'media', '/staff');
    const response = await page.goto(`${site.web.url}/staff/polls/${poll.id}/signals`);
    expect(response?.status()).toBe(403);
    await expect(page.locator('[data-clusters], [data-signals-counts]').count()).resolves.toBe(0);
  });
}, 120_000);

test("the desk's open polls say when they had no signal in the last 24 hours, and lead to each poll's signals either way", async () => {
  await withPage(site, { viewport: DESKTOP }, async (page) => {
    await signIn(page, 'analyst', '/en/staff');
    const rows = page.locator('table', { has: page.getByRole('columnheader', { name: 'Abuse signals' }) }).locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const link = rows.nth(i).locator('a[href$="/signals"]');
      expect(await link.getAttribute('href')).toMatch(/^\/en\/staff\/polls\/[0-9a-f-]{36}\/signals$/);
      const text = (await link.textContent())!;
      // A badge of the last day's bursts and the open clusters, or a word that says there were none in that time.
      expect(text === 'None in the last 24 hours' || /burst|cluster/.test(text)).toBe(true);
    }
    // The poll of this file has its open cluster on the desk.
    await expect(page.locator(`a[href="/en/staff/polls/${poll.id}/signals"]`).textContent()).resolves.toMatch(/cluster/);
  });
});

test('no serious or critical accessibility violations on the signals pages', () => {
  expect(violations).toEqual([]);
});
