import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, type CreatedPoll, SUBMIT } from '../helpers/polls';

/**
 * Public results by district (issue 16 item 3), over real HTTP on PostgreSQL: `pollResults.byDistrict`
 * gives whoever may read a poll's results the staff crosstab by district, with the same disclosure
 * control (a district's row withheld under the poll's minimum of answers, and a complement with it);
 * a poll whose results are for staff refuses it to the public. `polls(filter: { districtId })` lists
 * the polls limited to one district (the district's public page).
 */

let t: TestApp;
let editor: string;
let analyst: string;
let districts: Array<{ id: string; code: number }>;

const ROWS = 'rows { district { code } answeredCount suppressed mean npsScore cells { option { id } count share suppressed } }';
const BY_DISTRICT = `query ($pollId: ID!, $questionId: ID!) { pollResults(pollId: $pollId) { byDistrict(questionId: $questionId) { question { id } byQuestion { id } ${ROWS} } } }`;
const STAFF_CROSSTAB = `query ($pollId: ID!, $questionId: ID!) { pollInsights(pollId: $pollId) { crosstab(questionId: $questionId) { question { id } byQuestion { id } ${ROWS} } } }`;

const survey = (extra: Record<string, unknown> = {}) => ({
  titleFa: 'کدام را ترجیح می‌دهید؟',
  asksDistrict: true,
  resultsVisibility: 'PUBLIC',
  questions: [
    { kind: 'SINGLE_CHOICE', promptFa: 'کدام؟', options: [{ labelFa: 'الف' }, { labelFa: 'ب' }, { labelFa: 'پ' }] },
    { kind: 'RATING', promptFa: 'چه نمره‌ای؟' },
    { kind: 'FREE_TEXT', promptFa: 'پیشنهاد؟', required: false },
  ],
  ...extra,
});

/** Answers `counts[i]` times option i (rating 4) from a district, then waits until they are counted. */
async function answer(poll: CreatedPoll, districtId: string | null, counts: number[]): Promise<string> {
  const [choice, rating] = poll.questions;
  let token = '';
  for (const [option, n] of counts.entries())
    for (let i = 0; i < n; i++) {
      const res = await t.gql<{ submitPollResponse: { respondentToken: string } }>(SUBMIT, {
        input: {
          pollId: poll.id,
          ...(districtId ? { districtId } : {}),
          answers: [
            { questionId: choice.id, optionIds: [choice.options[option].id] },
            { questionId: rating.id, number: 4 },
          ],
        },
      });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      token = res.body.data!.submitPollResponse.respondentToken;
    }
  await t.settle();
  return token;
}

beforeAll(async () => {
  t = await startTestApp({ seed: true, env: { SUBMISSIONS_PER_MINUTE: '100000' } });
  editor = await t.signIn('editor');
  analyst = await t.signIn('analyst');
  districts = (await t.gql<{ districts: Array<{ id: string; code: number }> }>('{ districts { id code } }')).body.data!.districts;
}, 60_000);
afterAll(() => t.close());

describe('pollResults.byDistrict', () => {
  let poll: CreatedPoll;

  beforeAll(async () => {
    poll = await createPoll(t, editor, survey());
    // Districts 1 and 2 have 12 answers each; district 3 has 3, under the poll's minimum of 10.
    await answer(poll, districts[0].id, [7, 5, 0]);
    await answer(poll, districts[1].id, [6, 6, 0]);
    await answer(poll, districts[2].id, [3, 0, 0]);
  }, 60_000);

  it('is readable by anyone when the results are public, and is the staff crosstab by district, withheld rows and all', async () => {
    const variables = { pollId: poll.id, questionId: poll.questions[0].id };
    const res = await t.gql(BY_DISTRICT, variables);
    expect(res.body.errors).toBeUndefined();
    const table = res.body.data!.pollResults.byDistrict;
    expect(table.question.id).toBe(poll.questions[0].id);
    expect(table.byQuestion).toBeNull();
    // Every district of the city, by number.
    expect(table.rows.map((r: any) => r.district.code)).toEqual(districts.map((d) => d.code));
    const [first, second, third] = table.rows;
    expect(second).toMatchObject({ answeredCount: 12, suppressed: false });
    expect(second.cells.map((c: any) => [c.count, c.suppressed])).toEqual([
      [6, false],
      [6, false],
      [0, false],
    ]);
    expect(second.cells[0].share).toBeCloseTo(6 / 12, 12);
    // Three answers: the row is withheld, every cell with it, never a figure.
    expect(third).toMatchObject({ answeredCount: null, suppressed: true, mean: null });
    expect(third.cells.every((c: any) => c.suppressed && c.count === null && c.share === null)).toBe(true);
    // The answered count minus the shown rows would give district 3's answers back, and the question's
    // counts minus the shown rows' their options: district 1 (the first of the smallest shown rows)
    // is withheld too, so the withheld rows hold at least the poll's minimum.
    expect(first).toMatchObject({ answeredCount: null, suppressed: true });
    const withheld = table.rows.filter((r: any) => r.suppressed);
    const shown = table.rows.filter((r: any) => !r.suppressed);
    expect(27 - shown.reduce((sum: number, r: any) => sum + r.answeredCount, 0)).toBe(15);
    expect(withheld.length).toBeGreaterThanOrEqual(2);

    const staff = await t.gql(STAFF_CROSSTAB, variables, { token: analyst });
    expect(staff.body.data!.pollInsights.crosstab).toEqual(table);
  });

  it("gives a RATING question's mean per district, withheld like the rows", async () => {
    const res = await t.gql(BY_DISTRICT, { pollId: poll.id, questionId: poll.questions[1].id });
    const rows = res.body.data!.pollResults.byDistrict.rows;
    expect(rows[1]).toMatchObject({ answeredCount: 12, mean: 4, cells: [] });
    expect(rows[2]).toMatchObject({ suppressed: true, mean: null });
  });

  it('refuses a FREE_TEXT question or one of another poll, naming questionId', async () => {
    const other = await createPoll(t, editor, survey());
    for (const questionId of [poll.questions[2].id, other.questions[0].id]) {
      const res = await t.gql(BY_DISTRICT, { pollId: poll.id, questionId });
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questionId' });
    }
  });

  it('is one expensive field: two in one request are refused before anything runs', async () => {
    const res = await t.gql(
      'query ($p: ID!, $q: ID!) { pollResults(pollId: $p) { a: byDistrict(questionId: $q) { rows { suppressed } } b: byDistrict(questionId: $q) { rows { suppressed } } } }',
      { p: poll.id, q: poll.questions[0].id },
    );
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE' });
  });

  it('is not served on the live subscription, where the one-expensive-field rule does not count it', async () => {
    const client = createClient({ url: t.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const first = await new Promise<any>((resolve, reject) => {
        const stop = client.subscribe(
          {
            query:
              'subscription ($p: ID!, $q: ID!) { pollResultsUpdated(pollId: $p) { responseCount byDistrict(questionId: $q) { rows { suppressed } } } }',
            variables: { p: poll.id, q: poll.questions[0].id },
          },
          { next: (event) => (stop(), resolve(event)), error: reject, complete: () => undefined },
        );
      });
      expect(first.data.pollResultsUpdated).toEqual({ responseCount: 27, byDistrict: null });
      expect(first.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE' });
    } finally {
      await client.dispose();
    }
  });

  it('is null for a poll that does not ask the district', async () => {
    const cityWide = await createPoll(t, editor, survey({ asksDistrict: false }));
    await answer(cityWide, null, [10, 0, 0]);
    const res = await t.gql(BY_DISTRICT, { pollId: cityWide.id, questionId: cityWide.questions[0].id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.pollResults.byDistrict).toBeNull();
  });

  it('is refused with the results when they are for staff only; staff read it', async () => {
    const staffOnly = await createPoll(t, editor, survey({ resultsVisibility: 'STAFF_ONLY' }));
    await answer(staffOnly, districts[0].id, [10, 0, 0]);
    const variables = { pollId: staffOnly.id, questionId: staffOnly.questions[0].id };
    const res = await t.gql(BY_DISTRICT, variables);
    expect(res.body.data?.pollResults ?? null).toBeNull();
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const staff = await t.gql(BY_DISTRICT, variables, { token: analyst });
    expect(staff.body.data!.pollResults.byDistrict.rows[0]).toMatchObject({ answeredCount: 10, suppressed: false });
  });

  it('is shown after answering for AFTER_RESPONSE results: to the respondent, not to others', async () => {
    const after = await createPoll(t, editor, survey({ resultsVisibility: 'AFTER_RESPONSE' }));
    const respondentToken = await answer(after, districts[0].id, [10, 0, 0]);
    const query = `query ($pollId: ID!, $questionId: ID!, $token: String) { pollResults(pollId: $pollId, respondentToken: $token) { byDistrict(questionId: $questionId) { rows { answeredCount } } } }`;
    const variables = { pollId: after.id, questionId: after.questions[0].id };
    expect((await t.gql(query, variables)).body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const mine = await t.gql(query, { ...variables, token: respondentToken });
    expect(mine.body.data!.pollResults.byDistrict.rows[0]).toEqual({ answeredCount: 10 });
  });
});

describe('pollResults.byDistrict: the withheld districts taken together', () => {
  const YES_NO = `query ($pollId: ID!, $questionId: ID!) { pollResults(pollId: $pollId) { responseCount
    questions { answeredCount options { count suppressed } }
    byDistrict(questionId: $questionId) { rows { district { code } answeredCount suppressed cells { count suppressed } } } } }`;

  it('hold no one or at least the minimum: a lone respondent beside a withheld empty district cannot be read off the shown figures', async () => {
    // The red team's poll: a yes/no question asking the district, with one lone respondent in district 3.
    const poll = await createPoll(t, editor, {
      titleFa: 'آیا موافقید؟',
      asksDistrict: true,
      resultsVisibility: 'PUBLIC',
      minResponses: 5,
      questions: [{ kind: 'SINGLE_CHOICE', promptFa: 'موافقید؟', options: [{ labelFa: 'بله' }, { labelFa: 'خیر' }] }],
    });
    const [question] = poll.questions;
    const vote = async (districtId: string, option: number, times: number) => {
      for (let i = 0; i < times; i++) {
        const res = await t.gql(SUBMIT, {
          input: { pollId: poll.id, districtId, answers: [{ questionId: question.id, optionIds: [question.options[option].id] }] },
        });
        expect(res.body.errors).toBeUndefined();
      }
    };
    await vote(districts[0].id, 0, 6);
    await vote(districts[0].id, 1, 5);
    await vote(districts[1].id, 0, 6);
    await vote(districts[2].id, 1, 1);
    const closed = await t.gql(
      'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { status } } }',
      { input: { id: poll.id } },
      { token: editor },
    );
    expect(closed.body.data!.closePoll.poll.status).toBe('CLOSED');
    await t.settle();

    const res = await t.gql(YES_NO, { pollId: poll.id, questionId: question.id });
    expect(res.body.errors).toBeUndefined();
    const results = res.body.data!.pollResults;
    expect(results.responseCount).toBe(18);
    expect(results.questions[0].answeredCount).toBe(18);
    expect(results.questions[0].options).toEqual([
      { count: 12, suppressed: false },
      { count: 6, suppressed: false },
    ]);
    const rows: any[] = results.byDistrict.rows;
    expect(rows.map((r) => r.district.code)).toEqual(districts.map((d) => d.code));
    const [d1, d2, d3, d4] = rows;
    expect(d1).toMatchObject({ answeredCount: 11, suppressed: false });
    expect(d1.cells).toEqual([
      { count: 6, suppressed: false },
      { count: 5, suppressed: false },
    ]);
    // District 3's one answer is withheld, and district 4 (nobody) with it as its complement; the
    // total minus the shown rows would leave one answer in them, and yes and no minus the shown rows'
    // would say it was a no. District 2, the smallest shown row with answers, is withheld as well.
    for (const row of [d2, d3, d4]) {
      expect(row).toMatchObject({ answeredCount: null, suppressed: true });
      expect(row.cells).toEqual([
        { count: null, suppressed: true },
        { count: null, suppressed: true },
      ]);
    }
    const shown = rows.filter((r) => !r.suppressed);
    expect(shown.slice(1).every((r) => r.answeredCount === 0)).toBe(true);
    // What a reader can work out now: the withheld districts together hold at least the minimum,
    // which no longer says how the lone respondent answered.
    const held = 18 - shown.reduce((sum, r) => sum + r.answeredCount, 0);
    expect(held).toBe(7);
    expect(held).toBeGreaterThanOrEqual(5);

    // Staff read the same rows in the insights crosstab.
    const staff = await t.gql(STAFF_CROSSTAB, { pollId: poll.id, questionId: question.id }, { token: analyst });
    expect(staff.body.data!.pollInsights.crosstab.rows.map((r: any) => r.suppressed)).toEqual(rows.map((r) => r.suppressed));
  });
});

describe('polls(filter: { districtId })', () => {
  it('lists only the polls limited to the district, never whole-city ones; a malformed id lists nothing', async () => {
    const limited = await createPoll(t, editor, survey({ districtIds: [districts[3].id] }));
    const cityWide = await createPoll(t, editor, survey());
    const list = async (districtId: string) =>
      (
        await t.gql('query ($f: PollFilter) { polls(first: 50, filter: $f) { totalCount edges { node { id districts { id } } } } }', {
          f: { districtId, statuses: ['OPEN'] },
        })
      ).body.data!.polls;
    const found = await list(districts[3].id);
    const ids = found.edges.map((e: any) => e.node.id);
    expect(ids).toContain(limited.id);
    expect(ids).not.toContain(cityWide.id);
    for (const { node } of found.edges) expect(node.districts.map((d: any) => d.id)).toContain(districts[3].id);
    expect((await list(districts[4].id)).edges.map((e: any) => e.node.id)).not.toContain(limited.id);
    expect(await list('not-a-uuid')).toEqual({ totalCount: 0, edges: [] });
  });
});
