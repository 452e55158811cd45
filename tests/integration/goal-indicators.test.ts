import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, type CreatedPoll, SUBMIT, surveyInput } from '../helpers/polls';

const INDICATOR_FIELDS =
  'id label labelTranslations { fa en } metric questionId optionId optionIds target direction currentValue responseCount withheld onTarget resultsVisible poll { id }';
const ADD = `mutation ($input: AddGoalIndicatorInput!) { addGoalIndicator(input: $input) { indicator { ${INDICATOR_FIELDS} } goal { id } } }`;
const UPDATE = `mutation ($input: UpdateGoalIndicatorInput!) { updateGoalIndicator(input: $input) { indicator { ${INDICATOR_FIELDS} } goal { id } } }`;
const REMOVE = 'mutation ($input: RemoveGoalIndicatorInput!) { removeGoalIndicator(input: $input) { removedIndicatorId goal { id } } }';
const GOAL = `query ($id: ID!) { goal(id: $id) { id indicators { ${INDICATOR_FIELDS} } } }`;

let t: TestApp;
let editor: string;
let analyst: string;
let survey: CreatedPoll;

beforeAll(async () => {
  // Tallies are folded only on demand here, so statement counts are not disturbed by the timer;
  // results read the queue too, so values are current either way.
  t = await startTestApp({ seed: true, env: { SUBMISSIONS_PER_MINUTE: '100000', TALLY_INTERVAL_MS: '60000' } });
  editor = await t.signIn('editor');
  analyst = await t.signIn('analyst');
  survey = await createPoll(t, editor, surveyInput());
});
afterAll(() => t.close());

const q = (poll: CreatedPoll, i: number) => poll.questions[i];

async function newGoal(titleFa = 'افزایش رضایت شهروندان'): Promise<string> {
  const res = await t.gql(
    'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }',
    { input: { titleFa, category: 'PUBLIC_OPINION', status: 'ACTIVE' } },
    { token: editor },
  );
  if (!res.body.data?.createGoal) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.createGoal.goal.id;
}

async function add(input: Record<string, unknown>, token = editor) {
  return t.gql(ADD, { input }, { token });
}

async function addOk(input: Record<string, unknown>) {
  const res = await add(input);
  if (!res.body.data?.addGoalIndicator) throw new Error(`addGoalIndicator failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.addGoalIndicator.indicator;
}

/**
 * `times` identical responses to the survey (option i of question 0, a rating, an NPS score): ten
 * each, so every count shown is 10 or more and disclosure control (the poll's minimum of 10 answers,
 * counts under 5 withheld) leaves the figures as they are; shares and means are the same as one each.
 */
async function answer(poll: CreatedPoll, option: number, rating: number, nps: number, times = 10) {
  for (let i = 0; i < times; i++) await answerOnce(poll, option, rating, nps);
  await t.settle();
}

async function answerOnce(poll: CreatedPoll, option: number, rating: number, nps: number) {
  const res = await t.gql(SUBMIT, {
    input: {
      pollId: poll.id,
      answers: [
        { questionId: q(poll, 0).id, optionIds: [q(poll, 0).options[option].id] },
        { questionId: q(poll, 2).id, number: rating },
        { questionId: q(poll, 3).id, number: nps },
      ],
    },
  });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
}

const share = (poll: CreatedPoll, goalId: string, target = 0.7, direction = 'AT_LEAST') => ({
  goalId,
  labelFa: 'سهم رضایت کامل',
  labelEn: 'Fully satisfied',
  metric: 'OPTION_SHARE',
  pollId: poll.id,
  questionId: q(poll, 0).id,
  optionId: q(poll, 0).options[0].id,
  target,
  direction,
});
const rating = (poll: CreatedPoll, goalId: string, target = 4, direction = 'AT_LEAST') => ({
  goalId,
  labelFa: 'میانگین نمره پاکیزگی',
  metric: 'RATING_MEAN',
  pollId: poll.id,
  questionId: q(poll, 2).id,
  target,
  direction,
});
const nps = (poll: CreatedPoll, goalId: string, target = 30, direction = 'AT_LEAST') => ({
  goalId,
  labelFa: 'شاخص خالص ترویج',
  labelEn: 'Net Promoter Score',
  metric: 'NPS_SCORE',
  pollId: poll.id,
  questionId: q(poll, 3).id,
  target,
  direction,
});

describe('goal indicators: reading', () => {
  it("lists a goal's indicators in the request language, with no value, count or verdict before anyone answers", async () => {
    const fresh = await createPoll(t, editor, surveyInput());
    const goalId = await newGoal();
    await addOk(share(fresh, goalId));
    await addOk(rating(fresh, goalId));
    await addOk(nps(fresh, goalId));

    const fa = await t.gql(GOAL, { id: goalId });
    expect(fa.body.errors).toBeUndefined();
    const indicators = fa.body.data!.goal.indicators;
    expect(indicators.map((i: any) => [i.label, i.metric, i.target, i.direction])).toEqual([
      ['سهم رضایت کامل', 'OPTION_SHARE', 0.7, 'AT_LEAST'],
      ['میانگین نمره پاکیزگی', 'RATING_MEAN', 4, 'AT_LEAST'],
      ['شاخص خالص ترویج', 'NPS_SCORE', 30, 'AT_LEAST'],
    ]);
    expect(indicators.map((i: any) => [i.currentValue, i.responseCount, i.onTarget, i.resultsVisible])).toEqual([
      [null, 0, null, true],
      [null, 0, null, true],
      [null, 0, null, true],
    ]);
    expect(indicators[0]).toMatchObject({
      optionId: q(fresh, 0).options[0].id,
      optionIds: [q(fresh, 0).options[0].id],
      questionId: q(fresh, 0).id,
      poll: { id: fresh.id },
    });
    expect(indicators[1]).toMatchObject({ optionId: null, optionIds: [] });

    const en = await t.gql(GOAL, { id: goalId }, { headers: { 'accept-language': 'en' } });
    // No English label: the Persian one.
    expect(en.body.data!.goal.indicators.map((i: any) => i.label)).toEqual([
      'Fully satisfied',
      'میانگین نمره پاکیزگی',
      'Net Promoter Score',
    ]);
    expect(en.body.data!.goal.indicators[0].labelTranslations).toEqual({ fa: 'سهم رضایت کامل', en: 'Fully satisfied' });
  });

  it("reads an option's share, a mean rating and an NPS from the poll's results and judges each against its target", async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const goalId = await newGoal();
    await addOk(share(poll, goalId, 0.75, 'AT_LEAST'));
    await addOk(share(poll, goalId, 0.7, 'AT_MOST'));
    await addOk(rating(poll, goalId, 4.5, 'AT_LEAST'));
    await addOk(nps(poll, goalId, 25, 'AT_MOST'));
    await addOk(nps(poll, goalId, 26, 'AT_LEAST'));
    // Option 0 three times in four (0.75); ratings 5, 4, 3, 4 (mean 4); NPS 10, 9, 7, 3: 2 promoters, 1 detractor → 25.
    await answer(poll, 0, 5, 10);
    await answer(poll, 0, 4, 9);
    await answer(poll, 2, 3, 7);
    await answer(poll, 0, 4, 3);

    const res = await t.gql(GOAL, { id: goalId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.goal.indicators.map((i: any) => [i.metric, i.currentValue, i.responseCount, i.onTarget])).toEqual([
      ['OPTION_SHARE', 0.75, 40, true],
      ['OPTION_SHARE', 0.75, 40, false],
      ['RATING_MEAN', 4, 40, false],
      ['NPS_SCORE', 25, 40, true],
      ['NPS_SCORE', 25, 40, false],
    ]);
  });

  it('adds up the shares of several options of a single-choice question, exactly as their counts over the answered', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const goalId = await newGoal();
    const [yes, partly] = q(poll, 0).options.map((o) => o.id);
    const satisfied = await addOk({ ...share(poll, goalId), optionId: undefined, optionIds: [yes, partly] });
    expect(satisfied).toMatchObject({ optionIds: [yes, partly], optionId: yes });
    await answer(poll, 0, 5, 10, 10);
    await answer(poll, 1, 4, 9, 6);
    await answer(poll, 2, 3, 7, 7);

    const results = await t.gql(`query ($id: ID!) { pollResults(pollId: $id) { questions { answeredCount options { count } } } }`, {
      id: poll.id,
    });
    const counted = results.body.data!.pollResults.questions[0];
    expect(counted.options.map((o: any) => o.count)).toEqual([10, 6, 7]);
    const res = await t.gql(GOAL, { id: goalId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.goal.indicators[0]).toMatchObject({ currentValue: (10 + 6) / 23, responseCount: 23, onTarget: false });
  });

  it('withholds the sum when one counted option is suppressed, since the sum less the options shown would reveal it', async () => {
    const poll = await createPoll(t, editor, surveyInput());
    const goalId = await newGoal();
    const [yes, partly] = q(poll, 0).options.map((o) => o.id);
    await addOk({ ...share(poll, goalId), optionId: undefined, optionIds: [yes, partly] });
    await answer(poll, 0, 5, 10, 10);
    await answer(poll, 1, 5, 10, 3);
    await answer(poll, 2, 5, 10, 10);

    const results = await t.gql(`query ($id: ID!) { pollResults(pollId: $id) { questions { options { suppressed } } } }`, { id: poll.id });
    expect(results.body.data!.pollResults.questions[0].options[1].suppressed).toBe(true);
    for (const token of [undefined, analyst]) {
      const res = await t.gql(GOAL, { id: goalId }, { token });
      expect(res.body.data!.goal.indicators[0]).toMatchObject({ currentValue: null, withheld: true, responseCount: 23, onTarget: null });
    }
  });

  it('hides the value of an indicator on a poll whose results are not public from the public, not from staff', async () => {
    const staffOnly = await createPoll(t, editor, surveyInput({ resultsVisibility: 'STAFF_ONLY' }));
    const afterResponse = await createPoll(t, editor, surveyInput({ resultsVisibility: 'AFTER_RESPONSE' }));
    const goalId = await newGoal();
    await addOk(rating(staffOnly, goalId));
    await addOk(rating(afterResponse, goalId));
    await answer(staffOnly, 0, 5, 10);
    await answer(afterResponse, 0, 2, 10);

    const anonymous = await t.gql(GOAL, { id: goalId });
    expect(anonymous.body.errors).toBeUndefined();
    expect(anonymous.body.data!.goal.indicators.map((i: any) => [i.resultsVisible, i.currentValue, i.responseCount, i.onTarget])).toEqual([
      [false, null, null, null],
      [false, null, null, null],
    ]);
    const staff = await t.gql(GOAL, { id: goalId }, { token: analyst });
    expect(staff.body.data!.goal.indicators.map((i: any) => [i.resultsVisible, i.currentValue, i.responseCount, i.onTarget])).toEqual([
      [true, 5, 10, true],
      [true, 2, 10, false],
    ]);
  });

  it("does not show the public an indicator's draft poll, nor read its results", async () => {
    const draft = await createPoll(t, editor, surveyInput(), false);
    const goalId = await newGoal();
    await addOk(rating(draft, goalId));
    const anonymous = await t.gql(GOAL, { id: goalId });
    expect(anonymous.body.data!.goal.indicators[0]).toMatchObject({ poll: null, resultsVisible: false, currentValue: null });
    const staff = await t.gql(GOAL, { id: goalId }, { token: editor });
    expect(staff.body.data!.goal.indicators[0]).toMatchObject({ poll: { id: draft.id }, resultsVisible: true, responseCount: 0 });
  });

  it('reads goals → indicators → currentValue over the 31 goals in as many SQL statements as over 3 (DataLoader)', async () => {
    const polls = [survey, await createPoll(t, editor, surveyInput({ resultsVisibility: 'STAFF_ONLY' }))];
    await answer(polls[0], 0, 4, 9);
    await answer(polls[1], 1, 2, 5);
    // Every goal gets exactly two indicators here (the demo's own on the first goal are removed).
    await t.app.db.query('DELETE FROM goal_indicator');
    const seeded: Array<{ id: string }> = await t.app.db.query('SELECT id FROM goal ORDER BY position, id LIMIT 31');
    expect(seeded).toHaveLength(31);
    for (const [i, { id }] of seeded.entries()) {
      await addOk(share(polls[i % 2], id));
      await addOk(nps(polls[(i + 1) % 2], id));
    }

    const query = `query ($first: Int) { goals(first: $first) { edges { node { id title indicators { label currentValue responseCount onTarget } } } } }`;
    // Poll definitions are cached for 2 s; the least of three runs is the steady state.
    const statements = async (first: number, token?: string) => {
      const counts: number[] = [];
      for (let run = 0; run < 3; run++) {
        const before = t.sqlCount();
        const res = await t.gql(query, { first }, { token });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data!.goals.edges).toHaveLength(first);
        expect(res.body.data!.goals.edges.every((e: any) => e.node.indicators.length === 2)).toBe(true);
        counts.push(t.sqlCount() - before);
      }
      return Math.min(...counts);
    };
    for (const token of [undefined, analyst]) {
      const small = await statements(3, token);
      const large = await statements(31, token);
      expect(large).toBe(small);
      // session + count + page + indicators + polls + 2 statements of results for each poll read
      expect(large).toBeLessThanOrEqual(1 + 4 + 2 * 2);
    }
    const staffView = await t.gql(query, { first: 31 }, { token: analyst });
    const values = staffView.body.data!.goals.edges.flatMap((e: any) => e.node.indicators.map((i: any) => i.currentValue));
    expect(values.every((v: unknown) => typeof v === 'number')).toBe(true);
  });
});

describe('goal indicators: editing', () => {
  it.each([
    ['an unknown poll', (g: string) => ({ ...share(survey, g), pollId: '00000000-0000-4000-8000-000000000000' }), 'input.pollId'],
    ['a question of another poll', (g: string) => ({ ...share(survey, g), questionId: 'OTHER' }), 'input.questionId'],
    [
      'a metric that does not suit the question',
      (g: string) => ({ ...rating(survey, g), questionId: q(survey, 3).id }),
      'input.questionId',
    ],
    ['an option share of a rating question', (g: string) => ({ ...share(survey, g), questionId: q(survey, 2).id }), 'input.questionId'],
    ['an option share without an option', (g: string) => ({ ...share(survey, g), optionId: null }), 'input.optionId'],
    ['an option of another question', (g: string) => ({ ...share(survey, g), optionId: q(survey, 1).options[0].id }), 'input.optionId'],
    ['an option on a mean rating', (g: string) => ({ ...rating(survey, g), optionId: q(survey, 0).options[0].id }), 'input.optionId'],
    ['a share given as a percentage', (g: string) => share(survey, g, 65), 'input.target'],
    ['a negative share', (g: string) => share(survey, g, -0.1), 'input.target'],
    ['a rating target below 1', (g: string) => rating(survey, g, 0.5), 'input.target'],
    ['an NPS target above 100', (g: string) => nps(survey, g, 150), 'input.target'],
    ['a label over 200 characters', (g: string) => ({ ...rating(survey, g), labelFa: 'ش'.repeat(201) }), 'input.labelFa'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_, input, field) => {
    const goalId = await newGoal();
    const other = await createPoll(t, editor, surveyInput());
    const body = input(goalId);
    if (body.questionId === 'OTHER') body.questionId = q(other, 0).id;
    const res = await add(body);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1', [goalId]);
    expect(n).toBe(0);
  });

  const options = (ids: (g: CreatedPoll) => string[]) => (g: string) => ({
    ...share(survey, g),
    optionId: undefined,
    optionIds: ids(survey),
  });
  it.each([
    ['an empty list of options', options(() => []), 'input.optionIds'],
    ['an option counted twice', options((p) => [p.questions[0].options[0].id, p.questions[0].options[0].id]), 'input.optionIds[1]'],
    ['an option of another question', options((p) => [p.questions[0].options[0].id, p.questions[1].options[0].id]), 'input.optionIds[1]'],
    [
      'several options of a multiple-choice question, whose shares overlap',
      (g: string) => ({ ...options((p) => p.questions[1].options.slice(0, 2).map((o) => o.id))(g), questionId: q(survey, 1).id }),
      'input.optionIds[1]',
    ],
    [
      'optionId that is not the first of optionIds',
      (g: string) => ({ ...options((p) => p.questions[0].options.slice(0, 2).map((o) => o.id))(g), optionId: q(survey, 0).options[1].id }),
      'input.optionId',
    ],
    ['options on a mean rating', (g: string) => ({ ...rating(survey, g), optionIds: [q(survey, 0).options[0].id] }), 'input.optionIds'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_, input, field) => {
    const goalId = await newGoal();
    const res = await add(input(goalId));
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1', [goalId]);
    expect(n).toBe(0);
  });

  it('takes optionId alone as the one option counted, optionId and optionIds together when they agree, and one option of a multiple-choice question', async () => {
    const goalId = await newGoal();
    const [yes, partly, no] = q(survey, 0).options.map((o) => o.id);
    expect(await addOk(share(survey, goalId))).toMatchObject({ optionId: yes, optionIds: [yes] });
    expect(await addOk({ ...share(survey, goalId), optionIds: [yes, no] })).toMatchObject({ optionId: yes, optionIds: [yes, no] });
    const multiple = await addOk({
      ...share(survey, goalId),
      questionId: q(survey, 1).id,
      optionId: undefined,
      optionIds: [q(survey, 1).options[2].id],
    });
    expect(multiple).toMatchObject({ optionId: q(survey, 1).options[2].id, optionIds: [q(survey, 1).options[2].id] });

    // Updates: optionIds replaces the options, optionId alone leaves just that one.
    const created = await addOk(share(survey, goalId));
    const two = await t.gql(UPDATE, { input: { id: created.id, optionIds: [partly, yes] } }, { token: editor });
    expect(two.body.errors).toBeUndefined();
    expect(two.body.data!.updateGoalIndicator.indicator).toMatchObject({ optionId: partly, optionIds: [partly, yes] });
    const one = await t.gql(UPDATE, { input: { id: created.id, optionId: no } }, { token: editor });
    expect(one.body.data!.updateGoalIndicator.indicator).toMatchObject({ optionId: no, optionIds: [no] });
    const repeated = await t.gql(UPDATE, { input: { id: created.id, optionIds: [no, yes, no] } }, { token: editor });
    expect(repeated.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.optionIds[2]' });
    const toMultiple = await t.gql(
      UPDATE,
      {
        input: {
          id: created.id,
          questionId: q(survey, 1).id,
          optionIds: q(survey, 1)
            .options.slice(0, 2)
            .map((o) => o.id),
        },
      },
      { token: editor },
    );
    expect(toMultiple.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.optionIds[1]' });
    const toRating = await t.gql(
      UPDATE,
      { input: { id: created.id, metric: 'RATING_MEAN', questionId: q(survey, 2).id, target: 4 } },
      { token: editor },
    );
    expect(toRating.body.data!.updateGoalIndicator.indicator).toMatchObject({ optionId: null, optionIds: [] });
    const [row] = await t.app.db.query('SELECT option_id, option_ids FROM goal_indicator WHERE id = $1', [created.id]);
    expect(row).toEqual({ option_id: null, option_ids: [] });
  });

  it('removes an indicator when any option it counts leaves the poll, not only its first', async () => {
    const draft = await createPoll(t, editor, surveyInput(), false);
    const goalId = await newGoal();
    const [yes, partly, no] = q(draft, 0).options.map((o) => o.id);
    const kept = await addOk({ ...share(draft, goalId), optionIds: [yes, partly] });
    await addOk({ ...share(draft, goalId), optionIds: [yes, no] });
    const input = surveyInput();
    const questions = input.questions.map((question, i) => ({
      ...question,
      id: q(draft, i).id,
      ...('options' in question && question.options
        ? { options: question.options.map((o, j) => ({ ...o, id: q(draft, i).options[j].id })).filter((o) => o.id !== no) }
        : {}),
    }));
    const res = await t.gql(
      'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
      { input: { id: draft.id, questions } },
      { token: editor },
    );
    expect(res.body.errors).toBeUndefined();
    const rows: Array<{ id: string }> = await t.app.db.query('SELECT id FROM goal_indicator WHERE goal_id = $1', [goalId]);
    expect(rows.map((r) => r.id)).toEqual([kept.id]);
  });

  it('refuses an indicator on an unknown goal with NOT_FOUND', async () => {
    const res = await add(rating(survey, '00000000-0000-4000-8000-000000000000'));
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an eleventh indicator on one goal', async () => {
    const goalId = await newGoal();
    for (let i = 0; i < 10; i++) await addOk(rating(survey, goalId, 1 + i * 0.4));
    const res = await add(rating(survey, goalId));
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.goalId' });
  });

  it('changes and removes an indicator, writing each change and its audit row together', async () => {
    const goalId = await newGoal();
    const created = await addOk(share(survey, goalId, 0.5));

    const changed = await t.gql(UPDATE, { input: { id: created.id, target: 0.3, direction: 'AT_MOST', labelEn: null } }, { token: editor });
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data!.updateGoalIndicator.indicator).toMatchObject({
      target: 0.3,
      direction: 'AT_MOST',
      labelTranslations: { fa: 'سهم رضایت کامل', en: null },
      metric: 'OPTION_SHARE',
    });

    // A new metric is checked as a whole: the option goes with OPTION_SHARE, the target must fit.
    const badTarget = await t.gql(
      UPDATE,
      { input: { id: created.id, metric: 'NPS_SCORE', questionId: q(survey, 3).id, target: 500 } },
      { token: editor },
    );
    expect(badTarget.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.target' });
    const toNps = await t.gql(
      UPDATE,
      { input: { id: created.id, metric: 'NPS_SCORE', questionId: q(survey, 3).id, target: 40 } },
      { token: editor },
    );
    expect(toNps.body.errors).toBeUndefined();
    expect(toNps.body.data!.updateGoalIndicator.indicator).toMatchObject({ metric: 'NPS_SCORE', optionId: null, target: 40 });
    const cleared = await t.gql(UPDATE, { input: { id: created.id, target: null } }, { token: editor });
    expect(cleared.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.target' });

    const removed = await t.gql(REMOVE, { input: { id: created.id } }, { token: editor });
    expect(removed.body.data!.removeGoalIndicator).toEqual({ removedIndicatorId: created.id, goal: { id: goalId } });
    const again = await t.gql(REMOVE, { input: { id: created.id } }, { token: editor });
    expect(again.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const audit: Array<{ action: string; before: any; after: any }> = await t.app.db.query(
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'GoalIndicator' AND entity_id = $1 ORDER BY at, action`,
      [created.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['addGoalIndicator', 'updateGoalIndicator', 'updateGoalIndicator', 'removeGoalIndicator']);
    expect(audit[1].before.target).toBe(0.5);
    expect(audit[1].after.target).toBe(0.3);
    expect(audit[3].before.metric).toBe('NPS_SCORE');
  });

  it('lets editors and admins change indicators, and refuses analysts and anonymous callers', async () => {
    const goalId = await newGoal();
    expect((await add(rating(survey, goalId), analyst)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(ADD, { input: rating(survey, goalId) })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const admin = await t.signIn('admin');
    expect((await add(rating(survey, goalId), admin)).body.errors).toBeUndefined();
  });

  it("removes a goal's indicators with the goal", async () => {
    const goalId = await newGoal();
    await addOk(rating(survey, goalId));
    const res = await t.gql(
      'mutation ($input: DeleteGoalInput!) { deleteGoal(input: $input) { deletedGoalId } }',
      { input: { id: goalId } },
      { token: editor },
    );
    expect(res.body.errors).toBeUndefined();
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1', [goalId]);
    expect(n).toBe(0);
  });

  it("refuses at the database a target off its metric's scale and an option on a mean rating", async () => {
    const goalId = await newGoal();
    const ok = await addOk(rating(survey, goalId));
    await expect(t.app.db.query('UPDATE goal_indicator SET target = 7 WHERE id = $1', [ok.id])).rejects.toThrow(/ck_goal_indicator_target/);
    await expect(
      t.app.db.query('UPDATE goal_indicator SET option_id = $2 WHERE id = $1', [ok.id, q(survey, 0).options[0].id]),
    ).rejects.toThrow(/ck_goal_indicator_option/);
    const share0 = await addOk(share(survey, goalId));
    const [yes, partly] = q(survey, 0).options.map((o) => o.id);
    // option_id is the first of option_ids, for the clients that read one option.
    await expect(t.app.db.query('UPDATE goal_indicator SET option_ids = $2 WHERE id = $1', [share0.id, [partly, yes]])).rejects.toThrow(
      /ck_goal_indicator_option_ids/,
    );
    await expect(t.app.db.query('UPDATE goal_indicator SET option_ids = $2 WHERE id = $1', [ok.id, [yes]])).rejects.toThrow(
      /ck_goal_indicator_option_ids/,
    );
  });
});
