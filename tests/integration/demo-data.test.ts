import { startTestApp, type TestApp } from '../helpers/app';
import { seedDemoData } from '../../server/src/seed/demo-data';
import {
  DEMO_QUICK_POLL,
  DEMO_QUICK_POLL_RESPONSES,
  DEMO_SATISFACTION_SURVEY,
  DEMO_SURVEY_RESPONSES,
} from '../../server/src/seed/demo-polls';

let t: TestApp;

const POLLS = `{ polls(first: 50) { edges { node { id title status asksDistrict questions { kind } } } } }`;
const RESULTS = `query ($id: ID!) {
  pollResults(pollId: $id) {
    responseCount
    questions { question { kind } answeredCount options { count } rating { mean } nps { score } }
  }
}`;

async function demoPolls() {
  const res = await t.gql(POLLS);
  expect(res.body.errors).toBeUndefined();
  const nodes = res.body.data!.polls.edges.map((e: any) => e.node);
  const find = (title: string) => nodes.find((n: any) => n.title === title);
  return { survey: find(DEMO_SATISFACTION_SURVEY.titleFa), quick: find(DEMO_QUICK_POLL.titleFa) };
}

describe('demo data: polls', () => {
  beforeAll(async () => {
    t = await startTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('has an open satisfaction survey by district (single choice, rating, NPS, free text) and an open single-question poll, in Persian', async () => {
    const { survey, quick } = await demoPolls();
    expect(survey).toMatchObject({ status: 'OPEN', asksDistrict: true });
    expect(new Set(survey.questions.map((q: any) => q.kind))).toEqual(new Set(['SINGLE_CHOICE', 'RATING', 'NPS', 'FREE_TEXT']));
    expect(quick).toMatchObject({ status: 'OPEN', asksDistrict: false, questions: [{ kind: 'SINGLE_CHOICE' }] });
  });

  it('shows public results for both polls, with every generated response counted', async () => {
    const { survey, quick } = await demoPolls();
    const surveyResults = await t.gql(RESULTS, { id: survey.id });
    expect(surveyResults.body.errors).toBeUndefined();
    const s = surveyResults.body.data!.pollResults;
    expect(s.responseCount).toBe(DEMO_SURVEY_RESPONSES);
    const [satisfaction, , rating, nps] = s.questions;
    expect(satisfaction.answeredCount).toBe(DEMO_SURVEY_RESPONSES);
    expect(satisfaction.options.reduce((sum: number, o: any) => sum + o.count, 0)).toBe(DEMO_SURVEY_RESPONSES);
    expect(rating.rating.mean).toBeGreaterThan(2);
    expect(rating.rating.mean).toBeLessThan(4.5);
    expect(nps.nps.score).toBeGreaterThan(-100);
    expect(nps.nps.score).toBeLessThan(100);

    const quickResults = await t.gql(RESULTS, { id: quick.id });
    expect(quickResults.body.data!.pollResults.responseCount).toBe(DEMO_QUICK_POLL_RESPONSES);
  });

  it('spreads the responses over about two weeks and lets districts differ', async () => {
    const { survey } = await demoPolls();
    const days = await t.app.services.pollTallies.responses(survey.id, 'day');
    expect(days.length).toBeGreaterThanOrEqual(12);
    const byDistrict = await t.app.services.pollTallies.responses(survey.id, 'district');
    expect(byDistrict.length).toBe(8);
    expect(byDistrict.every((d) => d.districtId !== null && d.count > 0)).toBe(true);

    // Mean cleanliness rating per district: the best and the worst district differ clearly.
    const ratingQuestion = (await t.app.services.polls.definition(survey.id))!.questions.find((q) => q.kind === 'RATING')!;
    const answers = await t.app.services.pollTallies.answers(survey.id, 'district');
    const sums = new Map<string, { n: number; total: number }>();
    for (const a of answers.filter((x) => x.questionId === ratingQuestion.id && x.number !== null && x.number > 0)) {
      const s = sums.get(a.districtId!) ?? { n: 0, total: 0 };
      s.n += a.count;
      s.total += a.count * a.number!;
      sums.set(a.districtId!, s);
    }
    const means = [...sums.values()].map((s) => s.total / s.n);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(0.5);
  });

  it('answers every required question in every generated response, as a real submission must', async () => {
    const rows: Array<{ prompt: string; missing: number }> = await t.app.db.query(
      `SELECT q.prompt_fa AS prompt, count(r.id)::int AS missing
       FROM poll_question q JOIN poll_response r ON r.poll_id = q.poll_id
       WHERE q.required AND NOT EXISTS (SELECT 1 FROM poll_answer a WHERE a.response_id = r.id AND a.question_id = q.id)
       GROUP BY 1`,
    );
    expect(rows).toEqual([]);
  });

  it('keeps participations apart from responses: one random key per response, nothing linking them', async () => {
    const { survey } = await demoPolls();
    const [row] = await t.app.db.query(
      `SELECT (SELECT count(*) FROM poll_participation WHERE poll_id = $1)::int AS participations,
              (SELECT count(DISTINCT respondent_key) FROM poll_participation WHERE poll_id = $1)::int AS keys,
              (SELECT count(*) FROM poll_response WHERE poll_id = $1)::int AS responses,
              (SELECT count(*) FROM poll_response WHERE poll_id = $1 AND submitted_at <> date_trunc('hour', submitted_at, 'Asia/Tehran'))::int AS finer_than_hour`,
      [survey.id],
    );
    expect(row).toEqual({
      participations: DEMO_SURVEY_RESPONSES,
      keys: DEMO_SURVEY_RESPONSES,
      responses: DEMO_SURVEY_RESPONSES,
      finer_than_hour: 0,
    });
    const columns = await t.app.db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'poll_participation' ORDER BY column_name`,
    );
    // mix_state is the row's place in the mover's pool, the same for a whole group of them.
    expect(columns.map((c: any) => c.column_name)).toEqual(['mix_state', 'poll_id', 'respondent_key']);
  });

  it('folds the generated responses into the tallies', async () => {
    await t.app.services.pollTallies.foldAll();
    const [row] = await t.app.db.query(
      `SELECT (SELECT count(*) FROM poll_tally_queue)::int AS queued, (SELECT coalesce(sum(responses), 0) FROM poll_response_tally)::int AS tallied`,
    );
    expect(row).toEqual({ queued: 0, tallied: DEMO_SURVEY_RESPONSES + DEMO_QUICK_POLL_RESPONSES });
  });

  it("gives the abuse signals the responses' arrivals, so each poll has a typical minute", async () => {
    const analyst = await t.signIn('analyst');
    const { polls } = (await t.gql<{ polls: { edges: { node: { id: string } }[] } }>('{ polls(first: 10) { edges { node { id } } } }')).body
      .data!;
    for (const { node } of polls.edges) {
      const res = await t.gql<{ pollAbuseSignals: { baselinePerMinute: number } }>(
        'query ($id: ID!) { pollAbuseSignals(pollId: $id) { baselinePerMinute } }',
        { id: node.id },
        { token: analyst },
      );
      expect(res.body.data!.pollAbuseSignals.baselinePerMinute).toBeGreaterThan(0);
    }
    const [row] = await t.app.db.query('SELECT sum(answers)::int AS answers FROM poll_arrival_minute');
    expect(row.answers).toBe(DEMO_SURVEY_RESPONSES + DEMO_QUICK_POLL_RESPONSES);
  });

  it("measures the goal of citizens' satisfaction by both polls, with values anyone may read", async () => {
    const res = await t.gql(
      `{ goals(first: 50) { edges { node { titleTranslations { en } indicators { labelTranslations { en } optionIds resultsVisible currentValue target responseCount } } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const measured = res.body.data!.goals.edges.map((e: any) => e.node).filter((g: any) => g.indicators.length);
    expect(measured.map((g: any) => g.titleTranslations.en)).toEqual([
      'Build and strengthen citizen satisfaction, and measure it continuously',
    ]);
    const indicators = measured[0].indicators;
    expect(indicators.map((i: any) => i.labelTranslations.en)).toEqual([
      'Citizens satisfied with their neighbourhood services',
      'In favour of car-free Fridays',
    ]);
    for (const i of indicators) {
      expect(i.resultsVisible).toBe(true);
      expect(i.currentValue).toBeGreaterThan(0);
      expect(i.currentValue).toBeLessThan(1);
    }
    expect(indicators.map((i: any) => i.responseCount)).toEqual([DEMO_SURVEY_RESPONSES, DEMO_QUICK_POLL_RESPONSES]);

    // "Satisfied" is «خیلی راضی» and «راضی» together.
    const { survey } = await demoPolls();
    const results = await t.gql(
      `query ($id: ID!) { pollResults(pollId: $id) { questions { answeredCount options { option { id } count suppressed } } } }`,
      { id: survey.id },
    );
    const [satisfaction] = results.body.data!.pollResults.questions;
    const [very, fairly] = satisfaction.options;
    expect([very.suppressed, fairly.suppressed]).toEqual([false, false]);
    expect(indicators[0].optionIds).toEqual([very.option.id, fairly.option.id]);
    expect(indicators[0].currentValue).toBe((very.count + fairly.count) / satisfaction.answeredCount);
  });

  it("lets an analyst break the survey's rating and NPS down by district with a few counts withheld, not the table, and every district's mean and score", async () => {
    const { survey } = await demoPolls();
    const analyst = await t.signIn('analyst');
    const { body } = await t.gql(`query ($id: ID!) { poll(id: $id) { questions { id kind } } }`, { id: survey.id }, { token: analyst });
    for (const kind of ['RATING', 'NPS']) {
      const question = body.data!.poll.questions.find((q: any) => q.kind === kind);
      const res = await t.gql(
        'query ($id: ID!, $q: ID!) { pollInsights(pollId: $id) { crosstab(questionId: $q) { rows { suppressed mean npsScore values { suppressed } } } } }',
        { id: survey.id, q: question.id },
        { token: analyst },
      );
      expect(res.body.errors).toBeUndefined();
      const rows = res.body.data!.pollInsights.crosstab.rows.filter((r: any) => !r.suppressed);
      const cells = rows.flatMap((r: any) => r.values);
      const withheld = cells.filter((c: any) => c.suppressed).length;
      // A few counts under 5 and their complements: a third of the cells at most (one at a time,
      // cheapest first, it withheld 36 of the rating's 40 and 65 of the NPS's 88), and no summary.
      expect({ kind, some: withheld > 0, atMostAThird: withheld <= cells.length / 3 }).toEqual({ kind, some: true, atMostAThird: true });
      expect({ kind, summaries: rows.every((r: any) => (kind === 'RATING' ? r.mean : r.npsScore) !== null) }).toEqual({
        kind,
        summaries: true,
      });
    }
  });

  it('loads nothing into a database that already has data', async () => {
    const before = await t.app.db.query('SELECT count(*)::int AS n FROM poll');
    expect(await seedDemoData(t.app.db.manager)).toBe(false);
    expect(await t.app.db.query('SELECT count(*)::int AS n FROM poll')).toEqual(before);
  });
});

describe('demo data: loading', () => {
  it('loads everything, polls and their responses included, into an empty database in under 2 seconds', async () => {
    const empty = await startTestApp({ seed: false });
    try {
      const started = performance.now();
      expect(await seedDemoData(empty.app.db.manager)).toBe(true);
      const ms = performance.now() - started;
      const [row] = await empty.app.db.query(
        `SELECT (SELECT count(*) FROM poll)::int AS polls, (SELECT count(*) FROM poll_response)::int AS responses`,
      );
      expect(row).toEqual({ polls: 2, responses: DEMO_SURVEY_RESPONSES + DEMO_QUICK_POLL_RESPONSES });
      expect(ms).toBeLessThan(2000);
    } finally {
      await empty.close();
    }
  });
});
