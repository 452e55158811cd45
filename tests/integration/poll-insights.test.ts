import { PollInsightsTallies1764300000000 } from '../../server/src/db/migrations/1764300000000-PollInsightsTallies';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, type CreatedPoll, PUBLISH_POLL, SUBMIT, surveyInput } from '../helpers/polls';

/**
 * Poll insights for staff. Every expected figure here is computed in this file from the answers the
 * test generated and submitted (through the real submitPollResponse mutation), with formulas
 * written apart from the server's: Wilson's bounds as the roots of a quadratic, the weighted share
 * from per-respondent weights.
 */

const TIME_ZONE = 'Asia/Tehran';
const MIN_CELL = 5;
/** The poll's minimum of answers for a row (its default). */
const MIN_ROW = 10;
const Z = 1.959963984540054;
/** Responses are moved to these hours after submission: the first is 00:30 the next day in Tehran. */
const GROUP_TIMES = ['2026-10-01T21:00:00.000Z', '2026-10-02T10:00:00.000Z', '2026-10-04T05:00:00.000Z', '2026-10-04T20:00:00.000Z'];
/** Responses per district code (1–8) after the poll starts asking for the district: 7 gets none, 8 too few. */
const PER_DISTRICT = [70, 55, 40, 30, 25, 12, 0, 3];
const WITHOUT_DISTRICT = 25;

interface Generated {
  district: string | null;
  group: number;
  sc: number;
  mc: number[] | null;
  rating: number;
  nps: number | null;
  text: string | null;
}

interface Cell {
  option: { id: string };
  count: number | null;
  share: number | null;
  suppressed: boolean;
  confidenceInterval: { low: number; high: number } | null;
}

let t: TestApp;
let editor: string;
let analyst: string;
let poll: CreatedPoll;
let districts: Array<{ id: string; code: number; population: number }>;
const generated: Generated[] = [];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wilson's bounds as the roots of (n + z²)p² − (2x + z²)p + x²/n = 0 (stats.ts uses the centre ± half-width form). */
function wilsonRoots(x: number, n: number) {
  const a = n + Z * Z;
  const b = -(2 * x + Z * Z);
  const c = (x * x) / n;
  const root = Math.sqrt(b * b - 4 * a * c);
  return { low: (-b - root) / (2 * a), high: (-b + root) / (2 * a) };
}

const cityDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

const q = (i: number) => poll.questions[i];
const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;

function answersOf(g: Generated, p: CreatedPoll = poll) {
  const qs = p.questions;
  return [
    { questionId: qs[0].id, optionIds: [qs[0].options[g.sc].id] },
    ...(g.mc ? [{ questionId: qs[1].id, optionIds: g.mc.map((i) => qs[1].options[i].id) }] : []),
    { questionId: qs[2].id, number: g.rating },
    ...(g.nps === null ? [] : [{ questionId: qs[3].id, number: g.nps }]),
    ...(g.text === null ? [] : [{ questionId: qs[4].id, text: g.text }]),
  ];
}

/** Answers that lean differently by district, so that weighting by population changes the figures. */
function generate(rand: () => number, district: string | null, districtIndex: number, n: number, into: Generated[]) {
  const pick = (k: number) => Math.floor(rand() * k);
  for (let k = 0; k < n; k++) {
    const yes = 0.15 + 0.1 * districtIndex;
    const sc = rand() < yes ? 0 : 1 + pick(2);
    const first = pick(3);
    const mc = rand() < 0.25 ? null : rand() < 0.5 ? [first] : [first, (first + 1 + pick(2)) % 3].sort();
    into.push({
      district,
      group: into.length % GROUP_TIMES.length,
      sc,
      mc,
      rating: Math.min(5, 1 + pick(4) + (districtIndex % 2)),
      nps: rand() < 0.2 ? null : pick(11),
      text: rand() < 0.3 ? `پیشنهاد ${into.length}: پارک بیشتر و اتوبوس برقی` : null,
    });
  }
}

async function submitAll(p: CreatedPoll, items: Generated[]) {
  for (let i = 0; i < items.length; i += 10) {
    const results = await Promise.all(
      items
        .slice(i, i + 10)
        .map((g) =>
          t.gql(SUBMIT, { input: { pollId: p.id, ...(g.district ? { districtId: g.district } : {}), answers: answersOf(g, p) } }),
        ),
    );
    for (const r of results) if (r.body.errors) throw new Error(`submission failed: ${JSON.stringify(r.body.errors)}`);
  }
  // Out of the answer mix into the responses, left queued for the tally fold (this file reads the queue first).
  await t.app.services.answerMix.flushAll({ fold: false });
}

/** Submits group by group, moving each group's responses (still queued) to its hour. */
async function submitInGroups(p: CreatedPoll, items: Generated[]) {
  for (let group = 0; group < GROUP_TIMES.length; group++) {
    await submitAll(
      p,
      items.filter((g) => g.group === group),
    );
    await t.app.db.query('UPDATE poll_response SET submitted_at = $2 WHERE poll_id = $1 AND NOT (submitted_at = ANY($3::timestamptz[]))', [
      p.id,
      GROUP_TIMES[group],
      GROUP_TIMES,
    ]);
  }
}

async function insights<T = any>(selection: string, variables: Record<string, unknown>, token = analyst): Promise<T> {
  const defs = Object.keys(variables)
    .map((k) => `$${k}: ${k === 'first' || k === 'top' ? 'Int' : k === 'after' ? 'String' : k === 'byQuestionId' ? 'ID' : 'ID!'}`)
    .join(', ');
  const res = await t.gql(`query (${defs}) { pollInsights(pollId: $pollId) { ${selection} } }`, variables, { token });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.pollInsights as T;
}

const CELL = 'option { id } count share suppressed confidenceInterval { low high }';
const QUESTIONS =
  'questions { question { id } answeredCount options { option { id } count share confidenceInterval { low high } } rating { mean confidenceInterval { low high } distribution { value count share } } nps { score promoters passives detractors } }';
/** "Results with the district crosstab": the query the benchmark sends. */
const RESULTS_WITH_DISTRICT_CROSSTAB = `query ($pollId: ID!, $questionId: ID!) {
  pollInsights(pollId: $pollId) {
    responseCount
    ${QUESTIONS}
    crosstab(questionId: $questionId) { rows { district { id code } answeredCount suppressed cells { ${CELL} } } }
  }
}`;
const QUESTION_CROSSTAB = `question { id } byQuestion { id } rows { byOption { id } answeredCount suppressed cells { ${CELL} } }`;
const TREND = `question { id } days { day answeredCount suppressed mean npsScore options { ${CELL} } }`;
const WEIGHTED = `weightedResults { question { id kind } answeredCount weightedBase withoutDistrictCount smallDistrictCount partlyWithheldDistrictCount populationCoverage effectiveSampleSize
  options { option { id } rawShare rawConfidenceInterval { low high } weightedShare weightedConfidenceInterval { low high } }
  rating { rawMean weightedMean weightedConfidenceInterval { low high } } nps { rawScore weightedScore }
  districts { district { id code } population populationShare answeredCount sampleShare weight suppressed } }`;
const FREE_TEXT =
  'freeTextAnswers(questionId: $questionId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id text day district { id } } } }';

/** An overall result: never suppressed (these are the figures the public results show too). */
function expectShare(actual: Omit<Cell, 'suppressed'>, n: number, base: number) {
  const w = wilsonRoots(n, base);
  expect(actual.count).toBe(n);
  expect(actual.share).toBeCloseTo(n / base, 12);
  expect(actual.confidenceInterval!.low).toBeCloseTo(w.low, 9);
  expect(actual.confidenceInterval!.high).toBeCloseTo(w.high, 9);
}

/**
 * A breakdown cell: a count from 1 to 4 is always withheld; any other may be withheld as a
 * complement (checked by expectProtected); a shown one is the row share with its Wilson interval.
 */
function expectCell(actual: Cell, n: number, base: number) {
  if ((n > 0 && n < MIN_CELL) || actual.suppressed) {
    expect(actual).toMatchObject({ count: null, share: null, confidenceInterval: null, suppressed: true });
    return;
  }
  if (base === 0) {
    expect(actual).toMatchObject({ count: 0, share: null, suppressed: false });
    return;
  }
  const w = wilsonRoots(n, base);
  expect(actual).toMatchObject({ count: n, suppressed: false });
  expect(actual.share).toBeCloseTo(n / base, 12);
  expect(actual.confidenceInterval!.low).toBeCloseTo(w.low, 9);
  expect(actual.confidenceInterval!.high).toBeCloseTo(w.high, 9);
}

/**
 * Complementary suppression, checked on the table as shown (rows × cells of a single-choice
 * question, whose rows' counts add up to the question's and whose columns add up to its options'):
 * no withheld row is alone among the rows with answers, and no withheld cell of a shown row is alone
 * in its row or in its column, so no subtraction from a shown total gives one back.
 */
function expectProtected(rows: Array<{ answeredCount: number | null; suppressed: boolean; cells: Cell[] }>, trueBases: number[]) {
  // A row nobody is in may be the complement: withheld, it could hold 0 or some of the others.
  expect(rows.filter((r) => r.suppressed).length === 1 && trueBases.some((b, i) => b > 0 && rows[i].suppressed)).toBe(false);
  rows.forEach((row, i) => {
    if (row.suppressed) return;
    row.cells.forEach((cell, j) => {
      if (!cell.suppressed) return;
      expect(row.cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
      expect(rows.filter((r) => r.cells[j].suppressed).length).toBeGreaterThanOrEqual(2);
    });
    void i;
  });
}

beforeAll(async () => {
  // The test decides when the queue is folded: stop the background folder, and keep reads from
  // folding the queued responses they find (they add them themselves, which is what is tested here).
  t = await startTestApp({
    seed: true,
    env: { SUBMISSIONS_PER_MINUTE: '100000', CITY_TIME_ZONE: TIME_ZONE, TALLY_FOLD_ON_READ_AT: '1000000' },
  });
  await t.app.services.pollTallies.stop();
  editor = await t.signIn('editor');
  analyst = await t.signIn('analyst');
  districts = (await t.gql('{ districts { id code population } }')).body.data!.districts;
  poll = await createPoll(t, editor, surveyInput());

  const rand = random(1405);
  // The poll first runs without asking for the district, then starts asking.
  const before: Generated[] = [];
  generate(rand, null, 2, WITHOUT_DISTRICT, before);
  await submitInGroups(poll, before);
  const update = await t.gql(
    'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { asksDistrict } } }',
    { input: { id: poll.id, asksDistrict: true } },
    { token: editor },
  );
  expect(update.body.data!.updatePoll.poll.asksDistrict).toBe(true);
  const after: Generated[] = [...before];
  PER_DISTRICT.forEach((n, i) => generate(rand, districts[i].id, i, n, after));
  await submitInGroups(poll, after.slice(before.length));
  generated.push(...after);
}, 120_000);
afterAll(() => t.close());

describe('poll insights: access', () => {
  it('refuses anonymous callers (UNAUTHENTICATED) and media officers (FORBIDDEN)', async () => {
    const query = 'query ($id: ID!) { pollInsights(pollId: $id) { responseCount } }';
    const anonymous = await t.gql(query, { id: poll.id });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const media = await t.gql(query, { id: poll.id }, { token: await t.signIn('media') });
    expect(media.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers analysts, editors and admins', async () => {
    for (const token of [analyst, editor, await t.signIn('admin')]) {
      expect((await insights('responseCount', { pollId: poll.id }, token)).responseCount).toBe(generated.length);
    }
  });

  it('is NOT_FOUND for an unknown or malformed poll id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await t.gql('query ($id: ID!) { pollInsights(pollId: $id) { poll { id } } }', { id }, { token: analyst });
      expect([id, res.body.errors?.[0].extensions?.code, res.body.data?.pollInsights]).toEqual([id, 'NOT_FOUND', null]);
    }
  });

  it('refuses a question of another poll, or of the wrong kind, with BAD_USER_INPUT naming the argument', async () => {
    const other = await createPoll(t, editor, surveyInput());
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['crosstab(questionId: $questionId) { rows { suppressed } }', { questionId: other.questions[0].id }, 'questionId'],
      ['crosstab(questionId: $questionId) { rows { suppressed } }', { questionId: q(4).id }, 'questionId'],
      [
        'crosstab(questionId: $questionId, byQuestionId: $byQuestionId) { rows { suppressed } }',
        { questionId: q(2).id, byQuestionId: q(0).id },
        'questionId',
      ],
      [
        'crosstab(questionId: $questionId, byQuestionId: $byQuestionId) { rows { suppressed } }',
        { questionId: q(0).id, byQuestionId: q(0).id },
        'byQuestionId',
      ],
      [
        'crosstab(questionId: $questionId, byQuestionId: $byQuestionId) { rows { suppressed } }',
        { questionId: q(0).id, byQuestionId: q(3).id },
        'byQuestionId',
      ],
      ['freeTextAnswers(questionId: $questionId) { totalCount }', { questionId: q(0).id }, 'questionId'],
      ['wordFrequency(questionId: $questionId, top: 101) { answerCount }', { questionId: q(4).id }, 'top'],
    ];
    for (const [selection, variables, field] of cases) {
      const defs = Object.keys(variables)
        .map((k) => `$${k}: ID${k === 'questionId' ? '!' : ''}`)
        .join(', ');
      const res = await t.gql(
        `query ($pollId: ID!, ${defs}) { pollInsights(pollId: $pollId) { ${selection} } }`,
        { pollId: poll.id, ...variables },
        { token: analyst },
      );
      expect([selection, res.body.errors?.[0].extensions]).toEqual([selection, { code: 'BAD_USER_INPUT', field }]);
    }
  });
});

describe('poll insights: results and breakdowns (responses still queued)', () => {
  it('reads responses that are still queued, not yet folded into the tallies', async () => {
    const [{ queued }] = await t.app.db.query(
      'SELECT count(*)::int AS queued FROM poll_tally_queue q JOIN poll_response r ON r.id = q.response_id AND r.poll_id = q.poll_id WHERE q.poll_id = $1',
      [poll.id],
    );
    expect(queued).toBe(generated.length);
  });

  it("gives each question's counts, shares with Wilson intervals, rating mean and NPS", async () => {
    const result = await insights(`responseCount ${QUESTIONS}`, { pollId: poll.id });
    expect(result.responseCount).toBe(generated.length);
    const [single, multiple, rating, nps] = result.questions;
    expect(single.answeredCount).toBe(generated.length);
    single.options.forEach((o: Cell, i: number) =>
      expectShare(
        o,
        count(generated, (g) => g.sc === i),
        generated.length,
      ),
    );
    const mcAnswered = generated.filter((g) => g.mc);
    expect(multiple.answeredCount).toBe(mcAnswered.length);
    multiple.options.forEach((o: Cell, i: number) =>
      expectShare(
        o,
        count(mcAnswered, (g) => g.mc!.includes(i)),
        mcAnswered.length,
      ),
    );
    expect(rating.rating.mean).toBeCloseTo(generated.reduce((s, g) => s + g.rating, 0) / generated.length, 12);
    expect(rating.rating.distribution.map((v: any) => v.count)).toEqual(
      [1, 2, 3, 4, 5].map((v) => count(generated, (g) => g.rating === v)),
    );
    const scored = generated.filter((g) => g.nps !== null);
    const expectedNps = ((count(scored, (g) => g.nps! >= 9) - count(scored, (g) => g.nps! <= 6)) / scored.length) * 100;
    expect(nps.nps.score).toBeCloseTo(expectedNps, 10);
  });

  it('crosses a choice question by district: every district by number, then respondents without one; small cells suppressed', async () => {
    const { crosstab } = await insights(
      `crosstab(questionId: $questionId) { question { id } byQuestion { id } rows { district { id code } answeredCount suppressed cells { ${CELL} } } }`,
      {
        pollId: poll.id,
        questionId: q(0).id,
      },
    );
    expect(crosstab.byQuestion).toBeNull();
    expect(crosstab.rows.map((r: any) => r.district?.code ?? null)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null]);
    let suppressed = 0;
    let shown = 0;
    const bases: number[] = [];
    crosstab.rows.forEach((row: any) => {
      const inRow = generated.filter((g) => g.district === (row.district?.id ?? null));
      bases.push(inRow.length);
      // Under the poll's minimum a row is withheld; a row may also be withheld as a complement.
      if (inRow.length > 0 && inRow.length < MIN_ROW) expect(row.suppressed).toBe(true);
      expect(row.answeredCount).toBe(row.suppressed ? null : inRow.length);
      row.cells.forEach((cell: Cell, i: number) => {
        expect(cell.option.id).toBe(q(0).options[i].id);
        expectCell(
          cell,
          count(inRow, (g) => g.sc === i),
          inRow.length,
        );
        if (cell.suppressed) suppressed++;
        else shown++;
      });
    });
    expectProtected(crosstab.rows, bases);
    // The data must exercise both paths: district 8 (3) and its complement, and some small cells elsewhere.
    expect(suppressed).toBeGreaterThanOrEqual(7);
    expect(shown).toBeGreaterThanOrEqual(8);
  });

  it('crosses a single-choice question by a multiple-choice one, and back, with row shares over those who answered both', async () => {
    const { crosstab } = await insights(`crosstab(questionId: $questionId, byQuestionId: $byQuestionId) { ${QUESTION_CROSSTAB} }`, {
      pollId: poll.id,
      questionId: q(0).id,
      byQuestionId: q(1).id,
    });
    expect(crosstab.byQuestion.id).toBe(q(1).id);
    crosstab.rows.forEach((row: any, b: number) => {
      expect(row.byOption.id).toBe(q(1).options[b].id);
      const inRow = generated.filter((g) => g.mc?.includes(b));
      expect(row.answeredCount).toBe(row.suppressed ? null : inRow.length);
      row.cells.forEach((cell: Cell, o: number) =>
        expectCell(
          cell,
          count(inRow, (g) => g.sc === o),
          inRow.length,
        ),
      );
    });

    const back = (
      await insights(`crosstab(questionId: $questionId, byQuestionId: $byQuestionId) { ${QUESTION_CROSSTAB} }`, {
        pollId: poll.id,
        questionId: q(1).id,
        byQuestionId: q(0).id,
      })
    ).crosstab;
    back.rows.forEach((row: any, a: number) => {
      const inRow = generated.filter((g) => g.sc === a && g.mc);
      expect(row.answeredCount).toBe(row.suppressed ? null : inRow.length);
      row.cells.forEach((cell: Cell, o: number) =>
        expectCell(
          cell,
          count(inRow, (g) => g.mc!.includes(o)),
          inRow.length,
        ),
      );
    });
  });

  it("gives a daily trend in the city's time zone, filling days without answers and suppressing small cells", async () => {
    expect(cityDay(GROUP_TIMES[0])).toBe('2026-10-02'); // 21:00 UTC is 00:30 the next day in Tehran
    const { trend } = await insights(`trend(questionId: $questionId) { ${TREND} }`, { pollId: poll.id, questionId: q(0).id });
    expect(trend.days.map((d: any) => d.day)).toEqual(['2026-10-02', '2026-10-03', '2026-10-04']);
    const dayBases: number[] = [];
    for (const day of trend.days) {
      const onDay = generated.filter((g) => cityDay(GROUP_TIMES[g.group]) === day.day);
      dayBases.push(onDay.length);
      expect([day.day, day.answeredCount]).toEqual([day.day, day.suppressed ? null : onDay.length]);
      day.options.forEach((cell: Cell, i: number) =>
        expectCell(
          cell,
          count(onDay, (g) => g.sc === i),
          onDay.length,
        ),
      );
    }
    expectProtected(
      trend.days.map((d: any) => ({ ...d, cells: d.options })),
      dayBases,
    );
    // A day nobody answered is shown as 0: it describes no one.
    expect(trend.days[1]).toMatchObject({ answeredCount: 0, suppressed: false });

    const rating = (await insights(`trend(questionId: $questionId) { ${TREND} }`, { pollId: poll.id, questionId: q(2).id })).trend;
    const onFirst = generated.filter((g) => g.group < 2);
    expect(rating.days[0].mean).toBeCloseTo(onFirst.reduce((s, g) => s + g.rating, 0) / onFirst.length, 12);
  });

  it('weights results by district population beside the raw ones, leaving out respondents without district and small districts', async () => {
    const { weightedResults } = await insights(WEIGHTED, { pollId: poll.id });
    expect(weightedResults.map((w: any) => w.question.kind)).toEqual(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RATING', 'NPS']);
    const single = weightedResults[0];

    // The districts in the figure are those whose crosstab row is shown (at least the poll's minimum, not a complement)
    // with answers; then independently, each respondent weighs (population share) ÷ (sample share).
    // (a shown district with a suppressed cell is left out too: the weighted share would give the cell away)
    const shownRows = single.districts.filter((d: any) => d.populationShare !== null).map((d: any) => d.district.id);
    expect(shownRows.length).toBeGreaterThanOrEqual(2);
    const kept = districts.filter((d) => shownRows.includes(d.id));
    for (const d of districts) if (count(generated, (g) => g.district === d.id) < MIN_ROW) expect(shownRows.includes(d.id)).toBe(false);
    const inFigure = generated.filter((g) => kept.some((d) => d.id === g.district));
    const population = kept.reduce((s, d) => s + d.population, 0);
    const weightOf = (g: Generated) => {
      const d = kept.find((k) => k.id === g.district)!;
      return d.population / population / (count(inFigure, (x) => x.district === d.id) / inFigure.length);
    };
    const totalWeight = inFigure.reduce((s, g) => s + weightOf(g), 0);
    const nEff = totalWeight ** 2 / inFigure.reduce((s, g) => s + weightOf(g) ** 2, 0);

    expect(single).toMatchObject({
      answeredCount: generated.length,
      weightedBase: inFigure.length,
      withoutDistrictCount: WITHOUT_DISTRICT,
    });
    expect(single.smallDistrictCount).toBe(single.districts.filter((d: any) => d.suppressed).length);
    // Every district with answers is in the figure, or counted as left out one way or the other.
    expect(single.partlyWithheldDistrictCount).toBe(
      single.districts.filter((d: any) => !d.suppressed && d.answeredCount > 0 && d.populationShare === null).length,
    );
    expect(single.populationCoverage).toBeCloseTo(population / districts.reduce((s, d) => s + d.population, 0), 12);
    expect(single.effectiveSampleSize).toBeCloseTo(nEff, 8);
    const withShare = single.options;
    single.options.forEach((o: any, i: number) => {
      const weighted = inFigure.filter((g) => g.sc === i).reduce((s, g) => s + weightOf(g), 0) / totalWeight;
      expect(o.weightedShare).toBeCloseTo(weighted, 12);
      expect(o.rawShare).toBeCloseTo(count(generated, (g) => g.sc === i) / generated.length, 12);
      const w = wilsonRoots(weighted * nEff, nEff);
      expect(o.weightedConfidenceInterval.low).toBeCloseTo(w.low, 8);
      expect(o.weightedConfidenceInterval.high).toBeCloseTo(w.high, 8);
    });
    // Weighting moves the figure: the districts lean differently and were sampled out of proportion.
    expect(Math.abs(withShare[0].weightedShare - withShare[0].rawShare)).toBeGreaterThan(0.005);

    for (const d of single.districts) {
      const n = count(generated, (g) => g.district === d.district.id);
      if (d.suppressed) {
        expect(d).toMatchObject({ answeredCount: null, populationShare: null, sampleShare: null, weight: null, suppressed: true });
      } else {
        expect(d.answeredCount).toBe(n);
        if (d.populationShare !== null) expect(d.weight).toBeCloseTo(d.populationShare / d.sampleShare, 12);
      }
    }

    const rating = weightedResults[2];
    const weightedMean = inFigure.reduce((s, g) => s + weightOf(g) * g.rating, 0) / totalWeight;
    void weightedMean; // the rating's own breakdown decides its districts (checked in weighting.test.ts)
    expect(rating.districts.filter((d: any) => d.suppressed).every((d: any) => d.answeredCount === null)).toBe(true);
  });
});

describe('poll insights: tallies', () => {
  const everything = () =>
    Promise.all([
      t.gql(RESULTS_WITH_DISTRICT_CROSSTAB, { pollId: poll.id, questionId: q(0).id }, { token: analyst }),
      insights(`crosstab(questionId: $questionId, byQuestionId: $byQuestionId) { ${QUESTION_CROSSTAB} }`, {
        pollId: poll.id,
        questionId: q(1).id,
        byQuestionId: q(0).id,
      }),
      insights(`crosstab(questionId: $questionId, byQuestionId: $byQuestionId) { ${QUESTION_CROSSTAB} }`, {
        pollId: poll.id,
        questionId: q(0).id,
        byQuestionId: q(1).id,
      }),
      insights(`trend(questionId: $questionId) { ${TREND} }`, { pollId: poll.id, questionId: q(1).id }),
      insights(`trend(questionId: $questionId) { ${TREND} }`, { pollId: poll.id, questionId: q(3).id }),
      insights(WEIGHTED, { pollId: poll.id }),
      insights('waves { question { id } waves { poll { id } result { answeredCount options { share } rating { mean } nps { score } } } }', {
        pollId: poll.id,
      }),
    ]).then(([results, ...rest]) => [results.body, ...rest]);

  it('gives identical insights after the queued responses are folded into the tallies', async () => {
    const queued = await everything();
    expect(JSON.stringify(queued)).not.toContain('"errors"');
    expect(await t.app.services.pollTallies.foldAll()).toBeGreaterThanOrEqual(generated.length);
    const [{ left }] = await t.app.db.query('SELECT count(*)::int AS left FROM poll_tally_queue');
    expect(left).toBe(0);
    expect(await everything()).toEqual(queued);
  });

  it('backfills both rollup tallies from responses folded before they existed, exactly as the fold counts them', async () => {
    const folded = await everything();
    expect(JSON.stringify(folded)).not.toContain('"errors"');
    // A test-only database: drop the rollups and run their migration again over the folded responses.
    const runner = t.app.db.createQueryRunner();
    try {
      await runner.query('DROP TABLE poll_answer_pair_tally');
      await runner.query('DROP TABLE poll_answer_district_tally');
      await new PollInsightsTallies1764300000000().up(runner);
    } finally {
      await runner.release();
    }
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_answer_district_tally WHERE poll_id = $1', [poll.id]);
    expect(n).toBeGreaterThan(0);
    expect(await everything()).toEqual(folded);
  });

  it("reads results with the district crosstab from tallies alone: unchanged after the poll's responses and answers are deleted", async () => {
    const small = await createPoll(t, editor, surveyInput({ asksDistrict: true }));
    const items: Generated[] = [];
    generate(random(7), districts[0].id, 0, 12, items);
    generate(random(8), districts[1].id, 5, 9, items);
    // District 2's row is withheld; the third's goes with it, so that the withheld rows together
    // hold the poll's minimum (the smallest shown row with answers is withheld first, not the first's).
    generate(random(9), districts[2].id, 2, 10, items);
    await submitAll(small, items);
    await t.app.services.pollTallies.foldAll();

    const read = async () => {
      const before = t.sqlCount();
      const res = await t.gql(RESULTS_WITH_DISTRICT_CROSSTAB, { pollId: small.id, questionId: small.questions[0].id }, { token: analyst });
      return { body: res.body, statements: t.sqlCount() - before };
    };
    const folded = await read();
    expect(folded.body.errors).toBeUndefined();
    expect(folded.body.data!.pollInsights.crosstab.rows[0].answeredCount).toBe(12);
    expect(folded.body.data!.pollInsights.crosstab.rows.slice(0, 3).map((r: any) => r.suppressed)).toEqual([false, true, true]);
    // The session, the answer tallies by district, the response tallies and the districts: 4; plus
    // the poll's definition (poll, questions, options) when its 2-second cache has expired.
    expect(folded.statements).toBeLessThanOrEqual(7);

    // A test-only database: take the raw answers away. Tallies are all that is left to read.
    await t.app.db.query('DELETE FROM poll_answer WHERE response_id IN (SELECT id FROM poll_response WHERE poll_id = $1)', [small.id]);
    await t.app.db.query('DELETE FROM poll_response WHERE poll_id = $1', [small.id]);
    const withoutResponses = await read();
    expect(withoutResponses.body).toEqual(folded.body);
  });
});

describe('poll insights: free text', () => {
  const texts = () => generated.filter((g) => g.text !== null);

  it('pages free-text answers newest first with an opaque cursor, each answer once', async () => {
    const seen: Array<{ text: string; day: string; district: { id: string } | null }> = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = (await insights(FREE_TEXT, { pollId: poll.id, questionId: q(4).id, first: 7, after })).freeTextAnswers;
      expect(page.totalCount).toBe(texts().length);
      expect(page.edges.length).toBeLessThanOrEqual(7);
      seen.push(...page.edges.map((e: any) => e.node));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(texts().length / 7));
    expect(seen.map((s) => s.text).sort()).toEqual(
      texts()
        .map((g) => g.text!)
        .sort(),
    );
    const groupOf = new Map(texts().map((g) => [g.text!, g.group]));
    const groups = seen.map((s) => groupOf.get(s.text)!);
    expect(groups).toEqual([...groups].sort((a, b) => b - a));
    for (const s of seen) {
      const g = texts().find((x) => x.text === s.text)!;
      expect([s.day, s.district?.id ?? null]).toEqual([cityDay(GROUP_TIMES[g.group]), g.district]);
    }
  });

  it('refuses a page over 50 and a malformed cursor with BAD_USER_INPUT', async () => {
    for (const [variables, field] of [
      [{ first: 51 }, 'first'],
      [{ first: 5, after: 'bm9wZQ' }, 'after'],
    ] as const) {
      const res = await t.gql(
        `query ($pollId: ID!, $questionId: ID!, $first: Int, $after: String) { pollInsights(pollId: $pollId) { ${FREE_TEXT} } }`,
        { pollId: poll.id, questionId: q(4).id, ...variables },
        { token: analyst },
      );
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('counts words Persian-aware: spellings unified, stop words, digits and one-letter tokens dropped', async () => {
    const textPoll = await createPoll(t, editor, {
      titleFa: 'پیشنهادها',
      questions: [{ kind: 'FREE_TEXT', promptFa: 'پیشنهاد شما؟', maxLength: 200 }],
    });
    const answers = [
      'پارک‌های بیشتر لازم است',
      'پارك بيشتر، لطفاً!',
      'اتوبوس برقی و پارک ۲۴ ساعته',
      'More parks, please. More buses!',
      'پارک پارک پارک ب',
    ];
    for (const text of answers) {
      const res = await t.gql(SUBMIT, { input: { pollId: textPoll.id, answers: [{ questionId: textPoll.questions[0].id, text }] } });
      expect(res.body.errors).toBeUndefined();
    }
    await t.settle();
    const { wordFrequency } = await insights(
      'wordFrequency(questionId: $questionId, top: 4) { answerCount words { word count answerCount } }',
      { pollId: textPoll.id, questionId: textPoll.questions[0].id },
    );
    expect(wordFrequency).toEqual({
      answerCount: 5,
      words: [
        { word: 'پارک', count: 5, answerCount: 3 },
        { word: 'بیشتر', count: 2, answerCount: 2 },
        { word: 'buses', count: 1, answerCount: 1 },
        { word: 'parks', count: 1, answerCount: 1 },
      ],
    });
  });
});

describe('poll insights: waves', () => {
  it('compares each question across the waves of a survey, with the change between the last two', async () => {
    const started = await t.gql(
      'mutation ($input: StartPollWaveInput!) { startPollWave(input: $input) { poll { id wave seriesId questions { id kind position options { id position } } } } }',
      { input: { pollId: poll.id } },
      { token: editor },
    );
    const wave2: CreatedPoll = started.body.data!.startPollWave.poll;
    await t.gql(PUBLISH_POLL, { input: { id: wave2.id } }, { token: editor });
    const second: Generated[] = [];
    const rand = random(2);
    generate(rand, districts[0].id, 6, 40, second);
    generate(rand, districts[3].id, 7, 30, second);
    await submitAll(wave2, second);

    const { waves } = await insights(
      'waves { question { id } waves { poll { id wave } result { answeredCount options { option { id } share } rating { mean } } } change { from { id } to { id } options { option { id } fromShare toShare change { difference confidenceInterval { low high } } } mean { difference confidenceInterval { low high } } npsScore { difference } } }',
      { pollId: wave2.id },
    );
    expect(waves.map((w: any) => w.question.id)).toEqual(wave2.questions.map((x) => x.id));
    const single = waves[0];
    expect(single.waves.map((w: any) => [w.poll.id, w.poll.wave, w.result.answeredCount])).toEqual([
      [poll.id, 1, generated.length],
      [wave2.id, 2, second.length],
    ]);
    expect(single.change).toMatchObject({ from: { id: poll.id }, to: { id: wave2.id } });
    single.change.options.forEach((o: any, i: number) => {
      const before = count(generated, (g) => g.sc === i) / generated.length;
      const after = count(second, (g) => g.sc === i) / second.length;
      expect(o.option.id).toBe(wave2.questions[0].options[i].id);
      expect([o.fromShare, o.toShare, o.change.difference]).toEqual([
        expect.closeTo(before, 12),
        expect.closeTo(after, 12),
        expect.closeTo(after - before, 12),
      ]);
      expect(o.change.confidenceInterval.low).toBeLessThan(o.change.difference);
      expect(o.change.confidenceInterval.high).toBeGreaterThan(o.change.difference);
    });
    const meanOf = (items: Generated[]) => items.reduce((s, g) => s + g.rating, 0) / items.length;
    expect(waves[2].change.mean.difference).toBeCloseTo(meanOf(second) - meanOf(generated), 12);
    const npsOf = (items: Generated[]) => {
      const scored = items.filter((g) => g.nps !== null);
      return ((count(scored, (g) => g.nps! >= 9) - count(scored, (g) => g.nps! <= 6)) / scored.length) * 100;
    };
    expect(waves[3].change.npsScore.difference).toBeCloseTo(npsOf(second) - npsOf(generated), 10);
    expect(waves[4].change).toMatchObject({ options: [], mean: null, npsScore: null });
  });
});
