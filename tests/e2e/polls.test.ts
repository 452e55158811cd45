import type { Page } from 'playwright-core';
import { signWebClient } from '../../server/src/common/client-address';
import { createPoll } from '../helpers/polls';
import { TEST_WEB_API_SECRET } from '../helpers/web';
import {
  api,
  DESKTOP,
  fromPersianDigits,
  open,
  PHONE,
  screenshot,
  seriousViolations,
  startSite,
  withPage,
  type Site,
  type PageGlobals,
} from './support';

// Polls on the public site: answering (with and without JavaScript), validation messages, one
// answer per person, results as charts with live updates, visibility rules, hostile poll text.

interface ApiPoll {
  id: string;
  title: string;
  asksDistrict: boolean;
  questions: { id: string; kind: string; required: boolean; options: { id: string; label: string }[] }[];
}

let site: Site;
let editorToken: string;
/** The demo one-question poll (car-free Fridays) and the demo survey (five kinds, asks the district). */
let shortPoll: ApiPoll;
let survey: ApiPoll;

const POLL_FIELDS = 'id title asksDistrict questions { id kind required options { id label } }';

beforeAll(async () => {
  site = await startSite();
  editorToken = await site.app.signIn('editor');
  const { polls } = await api<{ polls: { edges: { node: ApiPoll }[] } }>(
    site,
    `{ polls(first: 10) { edges { node { ${POLL_FIELDS} } } } }`,
  );
  const demo = polls.edges.map((e) => e.node);
  shortPoll = demo.find((p) => p.questions.length === 1)!;
  survey = demo.find((p) => p.asksDistrict)!;
  expect(shortPoll && survey).toBeTruthy();
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 30_000);

async function responseCount(pollId: string): Promise<number> {
  // Answers wait in the answer mix until moved in a batch: move them first, as the mixer's timer would.
  await site.app.settle();
  const data = await api<{ pollResults: { responseCount: number } }>(
    site,
    `query ($id: ID!) { pollResults(pollId: $id) { responseCount } }`,
    { id: pollId },
    editorToken,
  );
  return data.pollResults.responseCount;
}

async function submitButton(page: Page, name = 'ثبت پاسخ') {
  return page.getByRole('button', { name });
}

describe('answering a poll', () => {
  test('a citizen answers a poll and sees the results as charts', async () => {
    const before = await responseCount(shortPoll.id);
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, '/polls');
      await page.getByRole('link', { name: shortPoll.title }).click();
      await page.waitForURL(`${site.web.url}/polls/${shortPoll.id}`);
      await screenshot(page, 'answer-fa-phone');

      await page.getByLabel(shortPoll.questions[0].options[0].label, { exact: true }).check();
      await (await submitButton(page)).click();
      await page.waitForURL(`${site.web.url}/polls/${shortPoll.id}/results?answered=1`);

      await expect(page.locator('[role=status] h2').textContent()).resolves.toBe('پاسخ شما ثبت شد');
      const total = await page.locator('.results__total').textContent();
      expect(total).not.toMatch(/[0-9]/);
      // Counted once it leaves the answer mix in a batch of ten or more, not at once.
      expect(Number(fromPersianDigits(total!).replace(/\D/g, ''))).toBe(before);
      // One bar per option, each with its label and share as text.
      const bars = page.locator('.bar');
      await expect(bars.count()).resolves.toBe(shortPoll.questions[0].options.length);
      await expect(bars.locator('.bar__label').allTextContents()).resolves.toEqual(shortPoll.questions[0].options.map((o) => o.label));
      await expect(bars.first().locator('.bar__value').textContent()).resolves.toMatch(/[۰-۹]+٪/);
      await screenshot(page, 'answer-results-fa-phone');
    });
    expect(await responseCount(shortPoll.id)).toBe(before + 1);
  }, 60_000);

  test('the 0–10 scale fits a phone with steps wide enough to tap, in both languages', async () => {
    const nps = survey.questions.find((q) => q.kind === 'NPS')!;
    for (const path of [`/polls/${survey.id}`, `/en/polls/${survey.id}`]) {
      await withPage(site, { viewport: PHONE }, async (page) => {
        await open(site, page, path);
        const scale = page.locator(`ul:has(input[name="q-${nps.id}"])`);
        const box = (await scale.boundingBox())!;
        const steps = await scale
          .locator('label')
          .evaluateAll((labels) =>
            labels.map((l) =>
              (l as unknown as { getBoundingClientRect(): { left: number; right: number; width: number } }).getBoundingClientRect(),
            ),
          );
        expect(steps).toHaveLength(11);
        // At least 40 px a step (WCAG 2.2 asks 24 px; a thumb wants more), none past the scale's own box.
        for (const step of steps) {
          expect(step.width).toBeGreaterThanOrEqual(40);
          expect(step.left).toBeGreaterThanOrEqual(box.x - 0.5);
          expect(step.right).toBeLessThanOrEqual(box.x + box.width + 0.5);
        }
        await screenshot(page, `answer-nps-${path.startsWith('/en') ? 'en' : 'fa'}-phone`);
      });
    }
  });

  test('the same person cannot answer twice, even when the form is shown again', async () => {
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${shortPoll.id}`);
      await page.getByLabel(shortPoll.questions[0].options[1].label, { exact: true }).check();
      await (await submitButton(page)).click();
      await page.waitForURL(/\/results\?answered=1$/);
      const after = await responseCount(shortPoll.id);

      // Back on the poll: no form, a note that they answered.
      await open(site, page, `/polls/${shortPoll.id}`);
      expect(await page.locator('form.poll-form').count()).toBe(0);
      await expect(page.locator('.notice h2').textContent()).resolves.toBe('شما به این نظرسنجی پاسخ داده‌اید');

      // Without the site's hint cookie the form shows again; the API still knows them by their
      // respondent cookie and refuses, and the page says they have answered.
      await page.context().clearCookies({ name: 'nabz_answered' });
      await open(site, page, `/polls/${shortPoll.id}`);
      await page.getByLabel(shortPoll.questions[0].options[0].label, { exact: true }).check();
      await (await submitButton(page)).click();
      await page.waitForSelector('.notice h2');
      await expect(page.locator('.notice h2').textContent()).resolves.toBe('شما به این نظرسنجی پاسخ داده‌اید');
      expect(await page.locator('form.poll-form').count()).toBe(0);
      expect(page.url()).toBe(`${site.web.url}/polls/${shortPoll.id}`);
      expect(await responseCount(shortPoll.id)).toBe(after);
      await screenshot(page, 'answer-already-answered-fa-phone');
    });
  }, 60_000);

  test('names every unanswered question before sending, then sends once all are answered (JavaScript on)', async () => {
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await open(site, page, `/polls/${survey.id}`);
      await (await submitButton(page)).click();
      const summary = page.locator('.error-summary');
      await expect(summary.isVisible()).resolves.toBe(true);
      // Focus moves to the summary, which links to each question at fault.
      await expect(page.locator('.error-summary:focus').count()).resolves.toBe(1);
      const required = survey.questions.filter((q) => q.required).length;
      await expect(summary.locator('li').count()).resolves.toBe(required + 1); // + the district
      await expect(page.locator('.question--invalid').count()).resolves.toBe(required + 1);
      await expect(page.locator('.field-error').first().textContent()).resolves.toBe('به این پرسش پاسخ دهید.');
      await screenshot(page, 'answer-errors-fa-desktop');
      expect(await seriousViolations(page, 'poll with errors')).toEqual([]);

      await answerSurvey(page);
      await (await submitButton(page)).click();
      await page.waitForURL(/\/results\?answered=1$/);
      await expect(page.locator('.result').count()).resolves.toBe(survey.questions.length);
      await screenshot(page, 'answer-results-fa-desktop');
    });
  }, 60_000);

  test('works without JavaScript: a plain form post, messages per question, answers kept', async () => {
    const before = await responseCount(survey.id);
    await withPage(site, { viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await open(site, page, `/polls/${survey.id}`);
      // Answer only the first question, and send.
      const first = survey.questions[0];
      await page.getByLabel(first.options[2].label, { exact: true }).check();
      await (await submitButton(page)).click();
      await page.waitForLoadState('load');
      await expect(page.locator('.error-summary').isVisible()).resolves.toBe(true);
      // The other required questions and the district (the first is answered).
      await expect(page.locator('.field-error').count()).resolves.toBe(survey.questions.filter((q) => q.required).length - 1 + 1);
      // The answer given is still checked.
      await expect(page.getByLabel(first.options[2].label, { exact: true }).isChecked()).resolves.toBe(true);
      await screenshot(page, 'answer-errors-fa-phone-nojs');

      await answerSurvey(page);
      await (await submitButton(page)).click();
      await page.waitForURL(/\/results\?answered=1$/);
      await expect(page.locator('.results__total').isVisible()).resolves.toBe(true);

      // A second answer from the same browser is refused without JavaScript too.
      await page.context().clearCookies({ name: 'nabz_answered' });
      await open(site, page, `/polls/${survey.id}`);
      await answerSurvey(page);
      await (await submitButton(page)).click();
      await page.waitForLoadState('load');
      await expect(page.locator('.notice h2').textContent()).resolves.toBe('شما به این نظرسنجی پاسخ داده‌اید');
    });
    expect(await responseCount(survey.id)).toBe(before + 1);
  }, 60_000);

  test('can be answered with the keyboard alone, with a visible focus ring', async () => {
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${shortPoll.id}`);
      const radio = page.locator('input[type=radio]').first();
      for (let i = 0; i < 30 && !(await radio.evaluate((el) => el === el.ownerDocument.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(radio.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
      // The focused option's label shows the ring.
      const outline = await page
        .locator('input[type=radio]:focus + label')
        .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      await page.keyboard.press('Space');
      await expect(radio.isChecked()).resolves.toBe(true);
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('input[type=radio]').nth(1).isChecked()).resolves.toBe(true);
      // Tab leaves the group for the submit button; Enter sends.
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus').textContent()).resolves.toBe('ثبت پاسخ');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/results\?answered=1$/);
    });
  }, 60_000);
});

describe('poll results', () => {
  test('update live while the page is open', async () => {
    await site.app.settle(); // earlier tests' answers out of the answer mix first
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await open(site, page, `/polls/${shortPoll.id}/results`);
      await page.waitForSelector('.live-badge--on', { timeout: 15_000 });
      const before = await page.locator('.results__total').textContent();

      // Someone else answers through the API.
      const question = shortPoll.questions[0];
      await api(site, 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }', {
        input: { pollId: shortPoll.id, answers: [{ questionId: question.id, optionIds: [question.options[0].id] }] },
      });
      await site.app.settle(); // out of the answer mix, as the mixer's timer would
      await page.waitForFunction(
        (previous) => (globalThis as unknown as PageGlobals).document.querySelector('.results__total')?.textContent !== previous,
        before,
        { timeout: 15_000 },
      );
      const after = await page.locator('.results__total').textContent();
      expect(Number(fromPersianDigits(after!).replace(/\D/g, ''))).toBe(Number(fromPersianDigits(before!).replace(/\D/g, '')) + 1);
    });
  }, 60_000);

  test('read right to left in Persian and left to right in English', async () => {
    const positions = async (page: Page, selector: string) =>
      page.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().x));
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${survey.id}`);
      const ratingSteps = await positions(page, '.scale--rating label');
      expect(ratingSteps).toEqual([...ratingSteps].sort((a, b) => b - a)); // ۱ at the right, ۵ at the left
      await open(site, page, `/polls/${survey.id}/results`);
      const columns = await positions(page, '.histogram__value');
      expect(columns.slice(0, 5)).toEqual([...columns.slice(0, 5)].sort((a, b) => b - a));
      // Bars grow from the right edge of their track.
      const [fill, track] = await Promise.all([
        page.locator('.bar__fill').first().boundingBox(),
        page.locator('.bar__track').first().boundingBox(),
      ]);
      expect(Math.abs(fill!.x + fill!.width - (track!.x + track!.width))).toBeLessThan(1);
    });
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/en/polls/${survey.id}`);
      const ratingSteps = await positions(page, '.scale--rating label');
      expect(ratingSteps).toEqual([...ratingSteps].sort((a, b) => a - b));
      await open(site, page, `/en/polls/${survey.id}/results`);
      const [fill, track] = await Promise.all([
        page.locator('.bar__fill').first().boundingBox(),
        page.locator('.bar__track').first().boundingBox(),
      ]);
      expect(Math.abs(fill!.x - track!.x)).toBeLessThan(1);
    });
  }, 60_000);

  test('of an AFTER_RESPONSE poll show only after answering', async () => {
    const poll = await createPoll(site.app, editorToken, {
      titleFa: 'نظرسنجی نتایج پس از پاسخ',
      titleEn: 'Results after answering',
      resultsVisibility: 'AFTER_RESPONSE',
      questions: [{ kind: 'RATING', promptFa: 'به نور خیابان‌ها چه نمره‌ای می‌دهید؟', promptEn: 'How would you rate street lighting?' }],
    });
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/en/polls/${poll.id}`);
      // No "results so far" link, and the results page says why it shows nothing yet.
      expect(await page.getByRole('link', { name: 'See the results so far' }).count()).toBe(0);
      await open(site, page, `/en/polls/${poll.id}/results`);
      expect(await page.locator('.results').count()).toBe(0);
      await expect(page.locator('.notice').textContent()).resolves.toContain('Once you have sent your answer, you will see them here');

      await open(site, page, `/en/polls/${poll.id}`);
      await page.locator('.scale__step label', { hasText: /^4$/ }).click();
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.waitForURL(/\/en\/polls\/.+\/results\?answered=1$/);
      // Now shown to this respondent, though the figures wait for a batch of ten answers.
      expect(await page.locator('.results').count()).toBe(1);
      await expect(page.locator('body').textContent()).resolves.not.toContain('Once you have sent your answer');
      for (let i = 0; i < 9; i++) {
        await api(site, 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }', {
          input: { pollId: poll.id, answers: [{ questionId: poll.questions[0].id, number: 4 }] },
        });
      }
      await site.app.settle();
      await page.reload();
      await expect(page.locator('.result__headline').textContent()).resolves.toBe('Average: 4.0 out of 5');
    });
  }, 60_000);

  test('of a poll only those who answered may see: the citizen is told before and after answering what they see and why', async () => {
    const poll = await createPoll(site.app, editorToken, {
      titleFa: 'نظرسنجی روشنایی کوچه‌ها',
      titleEn: 'Lanes lighting',
      resultsVisibility: 'AFTER_RESPONSE',
      questions: [
        { kind: 'RATING', promptFa: 'به روشنایی کوچه‌ها چه نمره‌ای می‌دهید؟', promptEn: 'How would you rate the lighting of lanes?' },
      ],
    });
    for (const [prefix, step, send, before, why, now, notCounted] of [
      [
        '',
        '۴',
        'ثبت پاسخ',
        'نتایج این نظرسنجی را پس از فرستادن پاسختان خواهید دید.',
        'فقط به کسانی نشان داده می‌شود که خودشان پاسخ داده‌اند',
        'حالا که پاسخ داده‌اید، نتایج را همین‌جا می‌بینید',
        'هنوز شمرده نشده‌اند',
      ],
      [
        '/en',
        '4',
        'Send my answer',
        "You will see this poll's results once you have sent your answer.",
        'shown only to people who have answered it',
        'Now that you have answered, you can see them here',
        'not counted yet',
      ],
    ]) {
      await withPage(site, { viewport: PHONE }, async (page) => {
        // Before: the form says when the results come.
        await open(site, page, `${prefix}/polls/${poll.id}`);
        await expect(page.locator('[data-results-after-answering]').innerText()).resolves.toBe(before);
        await page.locator('.scale__step label', { hasText: new RegExp(`^${step}$`) }).click();
        await page.getByRole('button', { name: send }).click();
        await page.waitForURL(/\/results\?answered=1$/);
        // After: why they see the results now, and not "no answers" just after answering (theirs waits for its batch).
        const thanks = await page.locator('.notice--success').innerText();
        expect(thanks).toContain(why);
        expect(thanks).toContain(now);
        await expect(page.locator('.result__note').innerText()).resolves.toContain(notCounted);
        await screenshot(page, `walk4-after-response-thanks${prefix.replace('/', '-') || '-fa'}-phone`);
      });
    }
  });

  test('of a closed poll are shown without a form, with the day it was closed', async () => {
    // Planned to close in two months, closed by hand today: the page names today.
    const poll = await createPoll(site.app, editorToken, {
      titleFa: 'نظرسنجی بسته‌شده',
      closesAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
      questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'کدام؟', options: [{ labelFa: 'این' }, { labelFa: 'آن' }] }],
    });
    const { closePoll } = await api<{ closePoll: { poll: { closedAt: string } } }>(
      site,
      'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { closedAt } } }',
      { input: { id: poll.id } },
      editorToken,
    );
    const closedDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date(closePoll.poll.closedAt));
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${poll.id}`);
      expect(await page.locator('form.poll-form').count()).toBe(0);
      await expect(page.locator('.notice h2').textContent()).resolves.toBe('این نظرسنجی بسته شده است و پاسخ تازه‌ای نمی‌پذیرد.');
      await expect(page.locator('.poll-card__dates').textContent()).resolves.toMatch(/^بسته‌شده در /);
      await expect(page.locator('.poll-card__dates time').getAttribute('datetime')).resolves.toBe(closedDay);
      await page.getByRole('link', { name: 'دیدن نتایج' }).click();
      await expect(page.locator('.results__total').textContent()).resolves.toBe('۰ پاسخ');
      expect(await page.locator('.live-results').count()).toBe(0);
    });
  }, 60_000);

  test("of a question under the poll's minimum say how many more answers are needed; small counts are withheld with a complement", async () => {
    const poll = await createPoll(site.app, editorToken, {
      titleFa: 'نظرسنجی کوچک',
      minResponses: 5,
      questions: [
        { kind: 'SINGLE_CHOICE', promptFa: 'کدام؟', options: [{ labelFa: 'این' }, { labelFa: 'آن' }, { labelFa: 'هیچ' }] },
        { kind: 'SINGLE_CHOICE', promptFa: 'موافقید؟', required: false, options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }] },
      ],
    });
    const [first, second] = poll.questions;
    // 8 answers to the first question (6 «این», 2 «آن»), 3 of them to the second.
    for (let i = 0; i < 8; i++) {
      const answers = [
        { questionId: first.id, optionIds: [first.options[i < 6 ? 0 : 1].id] },
        ...(i < 3 ? [{ questionId: second.id, optionIds: [second.options[0].id] }] : []),
      ];
      const res = await api<{ submitPollResponse: { pollId: string } }>(
        site,
        'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }',
        { input: { pollId: poll.id, answers } },
      );
      expect(res.submitPollResponse.pollId).toBe(poll.id);
    }
    await site.app.settle();
    await withPage(site, { viewport: DESKTOP }, async (page) => {
      await open(site, page, `/polls/${poll.id}/results`);
      const [one, two] = await page.locator('section.result').all();
      // The second question: 3 of 5 answers, 2 more needed; nothing else of it shown.
      await expect(two.locator('[data-withheld]').textContent()).resolves.toContain('۲ پاسخ دیگر');
      expect(await two.locator('.bar').count()).toBe(0);
      // The first: 6, 2, 0 of 8. The 2 is withheld and, since 8 − 6 − 0 would give it away, the 0 with it.
      const values = await one.locator('.bar__value').allTextContents();
      expect(values[0]).toContain('۶');
      expect(values.slice(1)).toEqual(['کمتر از ۵ نفر یا پنهان', 'کمتر از ۵ نفر یا پنهان']);
    });
  }, 60_000);

  test('of a single choice add up to 100 %, where rounding each share on its own showed 99 %', async () => {
    const poll = await createPoll(site.app, editorToken, {
      titleFa: 'نظرسنجی سه‌گانه',
      questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'کدام؟', options: [{ labelFa: 'این' }, { labelFa: 'آن' }, { labelFa: 'هر دو' }] }],
    });
    const [question] = poll.questions;
    // 5 answers each: a third each, 33.3 %. Each from a visitor of its own (as the website vouches
    // for them), so this file's other answers leave no per-address limit in the way.
    for (let i = 0; i < 15; i++) {
      const res = await site.app.gql(
        'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }',
        { input: { pollId: poll.id, answers: [{ questionId: question.id, optionIds: [question.options[i % 3].id] }] } },
        { headers: { 'x-nabz-client': signWebClient(TEST_WEB_API_SECRET, `198.51.100.${i + 1}`) } },
      );
      expect(res.body.errors).toBeUndefined();
    }
    await site.app.settle();
    await withPage(site, { viewport: PHONE }, async (page) => {
      await open(site, page, `/polls/${poll.id}/results`);
      const values = await page.locator('.bar__value').allTextContents();
      const percents = values.map((v) => Number(v.match(/([۰-۹]+)٪/)![1].replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))));
      expect(percents).toEqual([34, 33, 33]);
    });
  }, 60_000);
});

test('a poll title made of HTML and script shows as plain text and runs nothing', async () => {
  const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
  const option = '<b onmouseover="window.__pwned = 3">bold</b>';
  const poll = await createPoll(site.app, editorToken, {
    titleFa: hostile,
    titleEn: hostile,
    descriptionFa: '"><svg onload="window.__pwned = 4">',
    questions: [{ kind: 'SINGLE_CHOICE', promptFa: hostile, options: [{ labelFa: option }, { labelFa: 'عادی' }] }],
  });
  await withPage(site, { viewport: PHONE }, async (page) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of ['/', '/polls', `/polls/${poll.id}`, `/polls/${poll.id}/results`, `/en/polls/${poll.id}`]) {
      await open(site, page, path);
      await page.waitForLoadState('networkidle');
      await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
      expect(await page.locator('main img, main svg[onload], main b').count()).toBe(0);
    }
    await open(site, page, `/polls/${poll.id}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(hostile);
    await expect(page.title()).resolves.toContain(hostile);
    await expect(page.locator('.choice label').first().textContent()).resolves.toBe(option);
    await page.locator('.choice label').first().hover();
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'answer-hostile-title-fa-phone');
  });
}, 60_000);

/** Answers every question of the demo survey, and picks a district. */
async function answerSurvey(page: Page): Promise<void> {
  for (const question of survey.questions) {
    const field = `q-${question.id}`;
    if (question.kind === 'SINGLE_CHOICE') await page.getByLabel(question.options[1].label, { exact: true }).check();
    if (question.kind === 'RATING' || question.kind === 'NPS') await page.locator(`input[name="${field}"][value="4"] + label`).click();
    if (question.kind === 'FREE_TEXT') await page.locator(`textarea[name="${field}"]`).fill('پیاده‌روها را روشن‌تر کنید.');
  }
  await page.locator('select[name="district"]').selectOption({ index: 2 });
}
