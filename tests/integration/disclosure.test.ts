import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, type CreatedPoll, SUBMIT } from '../helpers/polls';

/**
 * Disclosure control (issue 13 item 4) and what one request may run (issue 14 item 4), over real
 * HTTP on PostgreSQL: a question's results are withheld until the poll's minimum of answers, small
 * counts are withheld with a complement so that no subtraction from a shown total gives them back,
 * API keys see only words used by 5 or more respondents, each raw-response export is audited, and a
 * request with more than one expensive insight field is refused before any SQL runs.
 */

let t: TestApp;
let editor: string;
let analyst: string;
let partnerKey: string;
let districts: Array<{ id: string; code: number }>;

const RESULTS = `query ($id: ID!) { pollResults(pollId: $id) { responseCount poll { minResponses } questions { answeredCount withheld responsesNeeded
  options { count share confidenceInterval { low } suppressed } rating { mean suppressed distribution { value count suppressed } } } } }`;

async function submit(poll: CreatedPoll, option: number, districtId: string | null = null, text: string | null = null) {
  const [choice, free] = poll.questions;
  const answers: unknown[] = [{ questionId: choice.id, optionIds: [choice.options[option].id] }];
  if (text !== null && free) answers.push({ questionId: free.id, text });
  const res = await t.gql(SUBMIT, { input: { pollId: poll.id, ...(districtId ? { districtId } : {}), answers } });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
}

/** Submits `counts[i]` answers picking option i (from district `districtId`), then waits until they are counted. */
async function answerMany(poll: CreatedPoll, counts: number[], districtId: string | null = null) {
  for (const [option, n] of counts.entries()) for (let i = 0; i < n; i++) await submit(poll, option, districtId);
  await t.settle();
}

const threeOptions = (extra: Record<string, unknown> = {}) => ({
  titleFa: 'کدام را ترجیح می‌دهید؟',
  questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'کدام؟', options: [{ labelFa: 'الف' }, { labelFa: 'ب' }, { labelFa: 'پ' }] }],
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { SUBMISSIONS_PER_MINUTE: '100000' } });
  editor = await t.signIn('editor');
  analyst = await t.signIn('analyst');
  const admin = await t.signIn('admin');
  const key = await t.gql(
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    { input: { name: 'Partner analytics', scopes: ['ANALYTICS_READ'], requestsPerMinute: 600 } },
    { token: admin },
  );
  partnerKey = key.body.data!.createApiKey.secret;
  districts = (await t.gql<{ districts: Array<{ id: string; code: number }> }>('{ districts { id code } }')).body.data!.districts;
});
afterAll(() => t.close());

describe("the poll's minimum of answers", () => {
  it('is 10 unless the editor chooses 5 to 1000; anything else is BAD_USER_INPUT and changes nothing', async () => {
    const poll = await createPoll(t, editor, threeOptions(), false);
    const read = async () =>
      (await t.gql('query ($id: ID!) { poll(id: $id) { minResponses } }', { id: poll.id }, { token: editor })).body.data!.poll.minResponses;
    expect(await read()).toBe(10);
    for (const minResponses of [4, 1001]) {
      const res = await t.gql(
        'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
        { input: { id: poll.id, minResponses } },
        { token: editor },
      );
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minResponses' });
      const created = await t.gql(
        'mutation ($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }',
        { input: threeOptions({ minResponses }) },
        { token: editor },
      );
      expect(created.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minResponses' });
    }
    expect(await read()).toBe(10);
    await t.gql(
      'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
      { input: { id: poll.id, minResponses: 25 } },
      { token: editor },
    );
    expect(await read()).toBe(25);
    const [{ count }] = await t.app.db.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE entity_id = $1 AND action = 'updatePoll' AND after->>'minResponses' = '25'`,
      [poll.id],
    );
    expect(count).toBe(1);
  });
});

describe('public results (pollResults)', () => {
  it('withholds a question under the minimum, saying how many more answers it needs; shows it at the minimum', async () => {
    const poll = await createPoll(t, editor, threeOptions());
    await answerMany(poll, [5, 4, 0]);
    const below = (await t.gql(RESULTS, { id: poll.id })).body.data!.pollResults;
    expect(below.questions[0]).toMatchObject({ answeredCount: 9, withheld: true, responsesNeeded: 1 });
    expect(below.questions[0].options).toEqual(Array(3).fill({ count: 0, share: 0, confidenceInterval: null, suppressed: true }));

    await answerMany(poll, [1, 0, 0]);
    const at = (await t.gql(RESULTS, { id: poll.id })).body.data!.pollResults;
    expect(at.questions[0]).toMatchObject({ answeredCount: 10, withheld: false, responsesNeeded: 0 });
    // 6, 4, 0: the 4 is withheld, and with the 10 shown (10 − 6 − 0) the 0 goes with it as its complement.
    expect(at.questions[0].options.map((o: any) => [o.count, o.suppressed])).toEqual([
      [6, false],
      [0, true],
      [0, true],
    ]);
  });

  it('hides a small count together with a complement: 25 − 10 − 12 = 3 recovers nothing', async () => {
    const poll = await createPoll(t, editor, threeOptions());
    await answerMany(poll, [10, 12, 3]);
    const [question] = (await t.gql(RESULTS, { id: poll.id })).body.data!.pollResults.questions;
    expect(question.answeredCount).toBe(25);
    const shown = question.options.filter((o: any) => !o.suppressed);
    const hidden = question.options.filter((o: any) => o.suppressed);
    expect(question.options[2].suppressed).toBe(true);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // What a reader can work out: the hidden counts add up to 25 − (shown), which is not the 3.
    const rest = 25 - shown.reduce((s: number, o: any) => s + o.count, 0);
    expect(rest).not.toBe(3);
    expect(shown.map((o: any) => o.count)).toEqual([12]);
  });

  it('withholds a rating mean that, with the counts shown, would give a withheld count away', async () => {
    const poll = await createPoll(t, editor, { titleFa: 'پاکیزگی', questions: [{ kind: 'RATING', promptFa: 'نمره؟' }] });
    for (const [rating, n] of [
      [5, 12],
      [4, 2],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const res = await t.gql(SUBMIT, { input: { pollId: poll.id, answers: [{ questionId: poll.questions[0].id, number: rating }] } });
        expect(res.body.errors).toBeUndefined();
      }
    }
    await t.settle();
    const [question] = (await t.gql(RESULTS, { id: poll.id })).body.data!.pollResults.questions;
    const dist = question.rating.distribution;
    expect(dist[3]).toMatchObject({ value: 4, suppressed: true });
    // Without the mean, the 12 fives and the 2 fours could be any split of 14 over the withheld values.
    expect(question.rating).toMatchObject({ mean: null, suppressed: true });
  });
});

describe('goal indicators', () => {
  it("withhold the value under the poll's minimum, saying how many answers are needed, and show it at the minimum", async () => {
    const poll = await createPoll(t, editor, threeOptions({ minResponses: 5 }));
    const [{ id: goalId }] = await t.app.db.query('SELECT id FROM goal ORDER BY position LIMIT 1'); // a demo goal
    const added = await t.gql(
      'mutation ($input: AddGoalIndicatorInput!) { addGoalIndicator(input: $input) { indicator { id } } }',
      {
        input: {
          goalId,
          labelFa: 'سهم الف',
          pollId: poll.id,
          questionId: poll.questions[0].id,
          optionId: poll.questions[0].options[0].id,
          metric: 'OPTION_SHARE',
          target: 0.5,
          direction: 'AT_LEAST',
        },
      },
      { token: editor },
    );
    expect(added.body.errors).toBeUndefined();
    const read = async () => {
      const res = await t.gql(
        'query ($id: ID!) { goal(id: $id) { indicators { id currentValue responseCount withheld responsesNeeded } } }',
        { id: goalId },
      );
      return res.body.data!.goal.indicators.find((i: any) => i.id === added.body.data!.addGoalIndicator.indicator.id);
    };
    await answerMany(poll, [3, 0, 0]);
    expect(await read()).toMatchObject({ currentValue: null, responseCount: 3, withheld: true, responsesNeeded: 2 });
    await answerMany(poll, [2, 5, 0]);
    expect(await read()).toMatchObject({ currentValue: 0.5, responseCount: 10, withheld: false, responsesNeeded: 0 });
  });
});

describe('insights read with an API key', () => {
  const api = (query: string, variables: Record<string, unknown>) => t.gql(query, variables, { headers: { 'x-api-key': partnerKey } });

  it('withhold a district under the minimum together with another, so the total does not give it away', async () => {
    const poll = await createPoll(t, editor, threeOptions({ asksDistrict: true }));
    const [d1, d2, d3] = districts;
    await answerMany(poll, [10, 10, 0], d1.id);
    await answerMany(poll, [3, 0, 0], d2.id);
    await answerMany(poll, [6, 6, 0], d3.id);
    const res = await api(
      'query ($p: ID!, $q: ID!) { pollInsights(pollId: $p) { crosstab(questionId: $q) { rows { district { code } answeredCount suppressed cells { count suppressed } } } } }',
      { p: poll.id, q: poll.questions[0].id },
    );
    expect(res.body.errors).toBeUndefined();
    const all = res.body.data!.pollInsights.crosstab.rows;
    const rows = all.filter((r: any) => [d1.code, d2.code].includes(r.district?.code));
    expect(rows.map((r: any) => [r.answeredCount, r.suppressed])).toEqual([
      [20, false],
      [null, true],
    ]);
    // Another row goes with district 2's (the cheapest: a district nobody answered from), since 35 − 20 − 12 would give it away:
    // the withheld 3 could be in either.
    expect(all.filter((r: any) => r.suppressed).length).toBeGreaterThanOrEqual(2);
    // Those two together would still hold district 2's few answers, and their options with them:
    // district 3 is withheld too, so the withheld districts hold at least the poll's minimum.
    expect(all.find((r: any) => r.district?.code === d3.code)).toMatchObject({ answeredCount: null, suppressed: true });
    const shownTotal = all.filter((r: any) => !r.suppressed).reduce((sum: number, r: any) => sum + r.answeredCount, 0);
    expect(35 - shownTotal).toBe(15);
  });

  it('list only words that at least 5 respondents used; staff see every word; half-spaces kept and stop words left out', async () => {
    const poll = await createPoll(t, editor, {
      titleFa: 'پیشنهاد',
      questions: [
        { kind: 'SINGLE_CHOICE', promptFa: 'موافقید؟', options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }] },
        { kind: 'FREE_TEXT', promptFa: 'پیشنهاد شما؟', maxLength: 200, required: false },
      ],
    });
    // «پیاده‌روها» by 5 respondents, «کوچه» by 4, a name once; «شوند» (a stop word) by all.
    for (let i = 0; i < 5; i++) await submit(poll, 0, null, 'پیاده‌روها باید تعمیر شوند');
    for (let i = 0; i < 4; i++) await submit(poll, 0, null, 'کوچه ها باید آسفالت شوند');
    await submit(poll, 1, null, 'آقای رضایی همسایه ما شوند');
    await t.settle();
    const query =
      'query ($p: ID!, $q: ID!) { pollInsights(pollId: $p) { wordFrequency(questionId: $q, top: 50) { answerCount words { word count answerCount } } } }';
    const variables = { p: poll.id, q: poll.questions[1].id };
    const partner = (await api(query, variables)).body.data!.pollInsights.wordFrequency;
    expect(partner.answerCount).toBe(10);
    expect(partner.words.map((w: any) => w.word).sort()).toEqual(['تعمیر', 'پیاده\u200cروها']);
    const staff = (await t.gql(query, variables, { token: analyst })).body.data!.pollInsights.wordFrequency;
    expect(staff.words.map((w: any) => w.word)).toEqual(expect.arrayContaining(['پیاده\u200cروها', 'کوچه', 'رضایی']));
    expect(staff.words.map((w: any) => w.word)).not.toContain('شوند');
    // Never the free text itself: freeTextAnswers is for staff sessions only.
    const text = await api(
      'query ($p: ID!, $q: ID!) { pollInsights(pollId: $p) { freeTextAnswers(questionId: $q) { totalCount } } }',
      variables,
    );
    expect(text.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});

describe('raw responses export', () => {
  it('writes each export to the audit log: who, which poll, when', async () => {
    const poll = await createPoll(t, editor, threeOptions());
    await answerMany(poll, [1, 0, 0]);
    const res = await fetch(`${t.url}/exports/polls/${poll.id}/responses.csv`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(res.status).toBe(200);
    await res.text();
    const rows = await t.app.db.query(
      `SELECT a.action, a.entity_type, u.email, a.at FROM audit_log a JOIN staff_user u ON u.id = a.actor_id WHERE a.entity_id = $1 AND a.action = 'exportPollResponses'`,
      [poll.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity_type: 'Poll', email: 'analyst@nabz.example' });
  });
});

describe('what one request may run', () => {
  it('refuses fifteen aliased wordFrequency fields before any SQL runs, while a trivial query stays fast', async () => {
    const poll = await createPoll(t, editor, { titleFa: 'متن', questions: [{ kind: 'FREE_TEXT', promptFa: 'نظر؟', maxLength: 200 }] });
    const fields = Array.from({ length: 15 }, (_, i) => `w${i}: wordFrequency(questionId: $q) { words { word } }`).join(' ');
    const before = t.sqlCount();
    const res = await t.gql(
      `query ($p: ID!, $q: ID!) { pollInsights(pollId: $p) { ${fields} } }`,
      { p: poll.id, q: poll.questions[0].id },
      { headers: { 'x-api-key': partnerKey } },
    );
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', maxHeavyFields: 1 });
    // The API key is looked up (and its use counted) before the operation is read; nothing of the poll is.
    const statements = t.sqlCount() - before;
    expect(statements).toBeLessThanOrEqual(2);
    // A fragment spread in two places counts twice.
    const spread = await t.gql(
      `query ($p: ID!, $q: ID!) { a: pollInsights(pollId: $p) { ...W } b: pollInsights(pollId: $p) { ...W } } fragment W on PollInsights { wordFrequency(questionId: $q) { answerCount } }`,
      { p: poll.id, q: poll.questions[0].id },
      { token: analyst },
    );
    expect(spread.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    const started = performance.now();
    const trivial = await t.gql('{ __typename }');
    expect(trivial.body.data).toEqual({ __typename: 'Query' });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('runs request queries under a statement timeout', async () => {
    const [{ statement_timeout }] = await t.app.db.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('10s');
    const failed = await t.app.db.query('SET LOCAL statement_timeout = 50; SELECT pg_sleep(1)').then(
      () => null,
      (err: Error) => err.message,
    );
    expect(failed ?? '').toMatch(/statement timeout/);
  });
});
