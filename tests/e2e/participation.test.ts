import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createPoll } from '../helpers/polls';
import { api, open, PHONE, screenshot, seriousViolations, startSite, withPage, type Site } from './support';

// The three assurance levels in the browser (issue 13 item 7): an OPEN poll answered with the
// ALTCHA widget solving its challenge (and without JavaScript, unchallenged), a VERIFIED_PHONE poll
// through an SMS code, a RESIDENT_LIST poll through a national code; the poll token is blinded and
// unblinded in the page.

let site: Site;
let editorToken: string;

const MOBILE = '09121234567';
const MOBILE_FA = '۰۹۱۲۱۲۳۴۵۶۷';
/** On the list (check digit right), typed in Persian digits by the citizen. */
const LISTED = '0499370899';
const LISTED_FA = '۰۴۹۹۳۷۰۸۹۹';
/** A valid national code that is not on the list. */
const UNLISTED = '0067749828';

interface Poll {
  id: string;
  questions: { id: string; options: { id: string }[] }[];
}

const onePoll = (titleFa: string, overrides: Record<string, unknown> = {}) => ({
  titleFa,
  questions: [
    { kind: 'SINGLE_CHOICE', promptFa: 'با پیاده‌راه شدن خیابان موافقید؟', options: [{ labelFa: 'موافقم' }, { labelFa: 'مخالفم' }] },
  ],
  ...overrides,
});

beforeAll(async () => {
  site = await startSite();
  editorToken = await site.app.signIn('editor');
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

/** The poll's counted responses by assurance, once the answer mix has moved everything. */
async function assuranceCounts(pollId: string): Promise<Record<string, number>> {
  await site.app.settle();
  const data = await api<{ pollResults: { assuranceCounts: { assurance: string; count: number }[] } }>(
    site,
    'query ($id: ID!) { pollResults(pollId: $id) { assuranceCounts { assurance count } } }',
    { id: pollId },
    editorToken,
  );
  return Object.fromEntries(data.pollResults.assuranceCounts.filter((c) => c.count > 0).map((c) => [c.assurance, c.count]));
}

/** Content-Security-Policy refusals the page reports on its console (the widget's worker must pass). */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

async function answerAndSend(page: Page) {
  await page.getByLabel('موافقم', { exact: true }).check();
  await page.getByRole('button', { name: 'ثبت پاسخ' }).click();
  await page.waitForURL(/\/results\?answered=1$/, { timeout: 30_000 });
}

describe('OPEN polls', () => {
  test('the site serves the ALTCHA worker as the pinned package ships it', async () => {
    const shipped = readFileSync(path.resolve(__dirname, '../../node_modules/altcha/dist/workers/sha.js'), 'utf8');
    const served = await fetch(`${site.web.url}/altcha/sha-worker.js`);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(shipped);
  });

  test("the ALTCHA widget solves the page's challenge and the answer is stored as CHALLENGED; the results say it waits for a batch", async () => {
    const poll = await createPoll(site.app, editorToken, onePoll('نظرسنجی باز با بررسی مرورگر'));
    await withPage(site, { viewport: PHONE }, async (page) => {
      const violations = cspViolations(page);
      await open(site, page, `/polls/${poll.id}`);
      await expect(page.locator('.assurance__title').textContent()).resolves.toBe('نظرسنجی باز');
      // The widget is loaded after the page, with the challenge the page was rendered with.
      const widget = page.locator('altcha-widget');
      await widget.waitFor({ state: 'attached' });
      // React hands a custom element its props as properties, not attributes.
      const challenge = await widget.evaluate(
        (el) => (el as unknown as { getConfiguration(): { challenge: unknown } }).getConfiguration().challenge,
      );
      expect(JSON.parse(challenge as string)).toMatchObject({ parameters: { algorithm: 'SHA-256' } });
      await screenshot(page, 'participation-open-fa-phone');

      await answerAndSend(page);
      // Answered, but waiting in the answer mix until a batch of ten moves: the page says so.
      await expect(page.locator('.results__waiting-title').textContent()).resolves.toMatch(/^[۰-۹]+ پاسخ هنوز شمرده نشده است$/);
      await screenshot(page, 'participation-open-waiting-fa-phone');
      expect(violations).toEqual([]);
    });
    expect(await assuranceCounts(poll.id)).toEqual({ CHALLENGED: 1 });
  }, 90_000);

  test('without JavaScript the form still answers, stored as UNCHALLENGED', async () => {
    const poll = await createPoll(site.app, editorToken, onePoll('نظرسنجی باز بدون جاوااسکریپت'));
    await withPage(site, { viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await open(site, page, `/polls/${poll.id}`);
      expect(await page.locator('altcha-widget').count()).toBe(0);
      await answerAndSend(page);
    });
    expect(await assuranceCounts(poll.id)).toEqual({ UNCHALLENGED: 1 });
  }, 60_000);
});

describe('VERIFIED_PHONE polls', () => {
  test('a citizen verifies a number typed in Persian digits by SMS code, answers once, and cannot verify again', async () => {
    const poll = await createPoll(site.app, editorToken, onePoll('نظرسنجی با تأیید شماره همراه', { assurance: 'VERIFIED_PHONE' }));

    await withPage(site, { viewport: PHONE }, async (page) => {
      const violations = cspViolations(page);
      await open(site, page, `/polls/${poll.id}`);
      await expect(page.locator('.assurance__title').textContent()).resolves.toBe('نظرسنجی با تأیید شماره همراه');
      // No questions before verification.
      expect(await page.locator('form.poll-form').count()).toBe(0);
      const phone = page.getByLabel('شماره تلفن همراه');
      await expect(phone.getAttribute('inputmode')).resolves.toBe('numeric');
      await expect(phone.getAttribute('autocomplete')).resolves.toBe('tel');
      await phone.fill(MOBILE_FA);
      await page.getByRole('button', { name: 'فرستادن کد' }).click();

      const code = page.getByLabel('کد تأیید');
      await code.waitFor();
      await expect(code.getAttribute('autocomplete')).resolves.toBe('one-time-code');
      await expect(code.getAttribute('inputmode')).resolves.toBe('numeric');
      // The masked number in Persian digits, kept left to right inside the sentence.
      await expect(page.locator('.verification__sent').textContent()).resolves.toMatch(
        /^کد به \u2066۰۹۱۲\*\*\*۴۵۶۷\u2069 پیامک شد و تا [۰-۹]+ دقیقه اعتبار دارد\.$/,
      );
      const sent = site.app.sms.lastCode(MOBILE);
      expect(sent).toMatch(/^\d{6}$/);

      // A wrong code: the page says how many tries are left, in Persian.
      const wrong = sent === '000000' ? '111111' : '000000';
      await code.fill(wrong);
      await page.getByRole('button', { name: 'تأیید', exact: true }).click();
      await expect(page.locator('.field-error').textContent()).resolves.toBe('این کد درست نیست. ۴ بار دیگر می‌توانید امتحان کنید.');
      await screenshot(page, 'participation-phone-wrong-code-fa-phone');

      // The right one, in Persian digits too.
      await code.fill(sent!.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
      await page.getByRole('button', { name: 'تأیید', exact: true }).click();
      await page.locator('form.poll-form').waitFor();
      // The unblinded token waits in this tab until the answer is accepted.
      const stored = await page.evaluate(
        (id) =>
          (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem(
            `nabz-poll-token:${id}`,
          ),
        poll.id,
      );
      expect(JSON.parse(stored!)).toEqual({
        message: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
        signature: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      });
      await screenshot(page, 'participation-phone-verified-fa-phone');

      await answerAndSend(page);
      // The results page forgets the spent token once its script has run (after hydration).
      await page.waitForFunction(`sessionStorage.getItem(${JSON.stringify(`nabz-poll-token:${poll.id}`)}) === null`, undefined, {
        timeout: 15_000,
      });
      expect(violations).toEqual([]);
    });
    expect(await assuranceCounts(poll.id)).toEqual({ PHONE: 1 });

    // Another browser, the same number: the code arrives, but no second token is issued.
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${poll.id}`);
      await page.getByLabel('شماره تلفن همراه').fill(MOBILE);
      await page.getByRole('button', { name: 'فرستادن کد' }).click();
      await page.getByLabel('کد تأیید').waitFor();
      await page.getByLabel('کد تأیید').fill(site.app.sms.lastCode(MOBILE)!);
      await page.getByRole('button', { name: 'تأیید', exact: true }).click();
      await expect(page.locator('.field-error').textContent()).resolves.toBe(
        'با این شناسه پیش‌تر برای این نظرسنجی تأیید گرفته شده است؛ هر نفر فقط یک بار می‌تواند پاسخ دهد.',
      );
      expect(await page.locator('form.poll-form').count()).toBe(0);
      await screenshot(page, 'participation-phone-second-time-fa-phone');
      expect(await seriousViolations(page, 'verification refused')).toEqual([]);
    });
    expect(await assuranceCounts(poll.id)).toEqual({ PHONE: 1 });
  }, 120_000);

  test('sending no number asks for one, rather than calling it foreign, and the button stands clear of the card', async () => {
    const poll = await createPoll(site.app, editorToken, onePoll('نظرسنجی تأییدشده با شماره خالی', { assurance: 'VERIFIED_PHONE' }));
    for (const [prefix, button, said] of [
      ['', 'فرستادن کد', 'شماره همراه خود را وارد کنید.'],
      ['/en', 'Send the code', 'Enter your mobile number.'],
    ]) {
      await withPage(site, { viewport: PHONE }, async (page) => {
        await open(site, page, `${prefix}/polls/${poll.id}`);
        const send = page.getByRole('button', { name: button });
        // Enabled once the form's script has run (a click sooner would be a plain form post).
        const ready = page.getByRole('button', { name: button, disabled: false });
        await ready.waitFor({ timeout: 15_000 });
        // The button below the card of the field, not against its edge.
        const [card, box] = [(await page.locator('form.verification .question').boundingBox())!, (await send.boundingBox())!];
        expect(box.y - (card.y + card.height)).toBeGreaterThanOrEqual(8);
        await send.click();
        await expect(page.locator('.field-error').textContent()).resolves.toBe(said);
        // Still the number's step, ready for one.
        await ready.waitFor({ timeout: 15_000 });
        await expect(page.locator('.verification__sent').count()).resolves.toBe(0);
        await screenshot(page, `participation-phone-empty-number${prefix.replace('/', '-') || '-fa'}-phone`);
      });
    }
  }, 60_000);

  test('without JavaScript the page says verification needs it', async () => {
    const poll = await createPoll(site.app, editorToken, onePoll('نظرسنجی تأییدشده بدون جاوااسکریپت', { assurance: 'VERIFIED_PHONE' }));
    await withPage(site, { viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await open(site, page, `/polls/${poll.id}`);
      await expect(page.locator('.notice--warning').textContent()).resolves.toContain('برای این نظرسنجی جاوااسکریپت لازم است');
    });
  }, 60_000);
});

describe('RESIDENT_LIST polls', () => {
  test('a listed national code in Persian digits answers; an unlisted one is refused', async () => {
    const list = await api<{ createEligibilityList: { list: { id: string } } }>(
      site,
      'mutation ($input: CreateEligibilityListInput!) { createEligibilityList(input: $input) { list { id } } }',
      { input: { name: 'ساکنان محله آزمایشی', kind: 'NATIONAL_CODE', entries: `${LISTED}\n` } },
      editorToken,
    );
    const poll: Poll = await createPoll(
      site.app,
      editorToken,
      onePoll('نظرسنجی ویژه ساکنان', { assurance: 'RESIDENT_LIST', eligibilityListId: list.createEligibilityList.list.id }),
    );

    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${poll.id}`);
      await expect(page.locator('.assurance__title').textContent()).resolves.toBe('نظرسنجی ویژه فهرست ساکنان');
      const field = page.getByLabel('کد ملی یا شماره عضویت');
      await field.fill(UNLISTED);
      await page.getByRole('button', { name: 'تأیید', exact: true }).click();
      await expect(page.locator('.field-error').textContent()).resolves.toBe('این شناسه در فهرست این نظرسنجی نیست.');
      expect(await page.locator('form.poll-form').count()).toBe(0);
      await screenshot(page, 'participation-resident-refused-fa-phone');

      await field.fill(LISTED_FA);
      await page.getByRole('button', { name: 'تأیید', exact: true }).click();
      await page.locator('form.poll-form').waitFor();
      await answerAndSend(page);
    });
    expect(await assuranceCounts(poll.id)).toEqual({ RESIDENT: 1 });

    // Once counted, the results say how many answers were verified.
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${poll.id}/results`);
      await expect(page.locator('.results__total').textContent()).resolves.toBe('۱ پاسخ، ۱ پاسخ تأییدشده');
      expect(await page.locator('.results__waiting').count()).toBe(0);
      await screenshot(page, 'participation-resident-results-fa-phone');
    });
  }, 120_000);
});

describe('staff', () => {
  async function signIn(page: Page, path: string): Promise<void> {
    await page.goto(site.web.url + path);
    await page.waitForURL(/\/staff\/sign-in/);
    await page.getByLabel('ایمیل سازمانی').fill('editor@nabz.example');
    await page.getByLabel('گذرواژه').fill('nabz-demo-1405');
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/sign-in'));
  }

  test('an editor uploads a resident list from a file (bad lines named by line), picks it for a poll in the builder, and reads answers by assurance', async () => {
    const name = 'ساکنان بلوک آزمایشی';
    const draft = await createPoll(site.app, editorToken, onePoll('پیش‌نویس ویژه ساکنان'), false);
    const openPoll = await createPoll(site.app, editorToken, onePoll('نظرسنجی باز برای شمارش'));
    const submitted = await site.app.gql('mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }', {
      input: { pollId: openPoll.id, answers: [{ questionId: openPoll.questions[0].id, optionIds: [openPoll.questions[0].options[0].id] }] },
    });
    expect(submitted.body.errors).toBeUndefined();
    await site.app.settle();

    await withPage(site, { viewport: { width: 1280, height: 900 } }, async (page) => {
      await signIn(page, '/staff/polls/lists');
      await page.goto(`${site.web.url}/staff/polls/lists`);
      await screenshot(page, 'participation-staff-lists-fa');
      await page.getByLabel('نام فهرست').fill(name);
      // A CSV: identifiers in the first column; line 3 has a wrong check digit.
      const file = (csv: string) => ({ name: 'residents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByLabel('پرونده CSV یا متنی').setInputFiles(file(`${LISTED},الف\n${UNLISTED},ب\n0499370898,ج\n`));
      await page.getByRole('button', { name: 'ساختن فهرست' }).click();
      await page.locator('[role=alert] li').first().waitFor();
      const rows = await page.locator('[role=alert] li').allTextContents();
      expect(rows.map((r) => r.split(':')[0])).toEqual(['سطر ۳']);
      await screenshot(page, 'participation-staff-list-bad-row-fa');

      await page.getByLabel('پرونده CSV یا متنی').setInputFiles(file(`${LISTED},الف\n${UNLISTED},ب\n`));
      await page.getByRole('button', { name: 'ساختن فهرست' }).click();
      await expect(page.locator('.notice--success').textContent({ timeout: 15_000 })).resolves.toBe(`فهرست «${name}» با ۲ شناسه ساخته شد.`);

      // The builder offers the list for a resident-list poll.
      await page.goto(`${site.web.url}/staff/polls/${draft.id}`);
      await page.getByLabel('سطح اطمینان').selectOption('RESIDENT_LIST');
      await page.getByLabel('فهرست ساکنان').selectOption({ label: `${name} (۲ شناسه)` });
      await screenshot(page, 'participation-staff-builder-fa');
      await page
        .getByRole('button', { name: /^ذخیره/ })
        .first()
        .click();
      await page.waitForURL(/done=saved/);

      // Insights show the answers by what they proved.
      await page.goto(`${site.web.url}/staff/polls/${openPoll.id}/insights`);
      await expect(page.locator('[data-assurance=UNCHALLENGED] dd').textContent()).resolves.toBe('۱');
      await expect(page.locator('[data-assurance=CHALLENGED] dd').textContent()).resolves.toBe('۰');
      await screenshot(page, 'participation-staff-insights-fa');
    });
    const saved = await api<{ poll: { assurance: string; eligibilityList: { name: string; entryCount: number } | null } }>(
      site,
      'query ($id: ID!) { poll(id: $id) { assurance eligibilityList { name entryCount } } }',
      { id: draft.id },
      editorToken,
    );
    expect(saved.poll).toEqual({ assurance: 'RESIDENT_LIST', eligibilityList: { name, entryCount: 2 } });
  }, 90_000);
});
