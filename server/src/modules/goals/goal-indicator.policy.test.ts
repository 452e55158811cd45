import { PollStatus, QuestionKind, ResultsVisibility } from '../polls/poll.enums';
import { type PollDefinition } from '../polls/poll-definition';
import { buildQuestionResults } from '../polls/poll-results.service';
import { type PollResults } from '../polls/poll.types';
import { discloseResults } from '../polls/poll-disclosure';
import { Role } from '../staff/role';
import { type Viewer } from '../staff/staff.policy';
import { GoalIndicatorDirection, GoalIndicatorMetric } from './goal-indicator.enums';
import { canReadIndicatorValue, isOnTarget, targetInRange } from './goal-indicator.policy';
import { readIndicator } from './goal-indicator.reading';
import { checkIndicatorSource, requestedOptions } from './goal-indicator.service';

const analyst: Viewer = { userId: 'u', sessionId: 's', role: Role.ANALYST };

describe('goal indicator policy', () => {
  it("shows an indicator's value to the public only for a published poll with PUBLIC results, and always to staff", () => {
    const open = PollStatus.OPEN;
    expect(canReadIndicatorValue(null, { status: open, resultsVisibility: ResultsVisibility.PUBLIC })).toBe(true);
    expect(canReadIndicatorValue(null, { status: PollStatus.CLOSED, resultsVisibility: ResultsVisibility.PUBLIC })).toBe(true);
    expect(canReadIndicatorValue(null, { status: open, resultsVisibility: ResultsVisibility.AFTER_RESPONSE })).toBe(false);
    expect(canReadIndicatorValue(null, { status: open, resultsVisibility: ResultsVisibility.STAFF_ONLY })).toBe(false);
    expect(canReadIndicatorValue(null, { status: PollStatus.DRAFT, resultsVisibility: ResultsVisibility.PUBLIC })).toBe(false);
    expect(canReadIndicatorValue(analyst, { status: open, resultsVisibility: ResultsVisibility.STAFF_ONLY })).toBe(true);
  });

  it("keeps targets on each metric's scale: shares 0–1, ratings 1–5, NPS −100–100", () => {
    expect(targetInRange(GoalIndicatorMetric.OPTION_SHARE, 0.65)).toBe(true);
    expect(targetInRange(GoalIndicatorMetric.OPTION_SHARE, 65)).toBe(false);
    expect(targetInRange(GoalIndicatorMetric.RATING_MEAN, 0.5)).toBe(false);
    expect(targetInRange(GoalIndicatorMetric.RATING_MEAN, 4.2)).toBe(true);
    expect(targetInRange(GoalIndicatorMetric.NPS_SCORE, -100)).toBe(true);
    expect(targetInRange(GoalIndicatorMetric.NPS_SCORE, 101)).toBe(false);
    expect(targetInRange(GoalIndicatorMetric.NPS_SCORE, Number.NaN)).toBe(false);
  });

  it('judges the target in its direction, forgiving float rounding, and has no verdict without a value', () => {
    expect(isOnTarget(0.7, 0.6, GoalIndicatorDirection.AT_LEAST)).toBe(true);
    expect(isOnTarget(0.5, 0.6, GoalIndicatorDirection.AT_LEAST)).toBe(false);
    expect(isOnTarget(0.5, 0.6, GoalIndicatorDirection.AT_MOST)).toBe(true);
    expect(isOnTarget((7 / 10) * 100, 70, GoalIndicatorDirection.AT_MOST)).toBe(true); // 70.00000000000001
    expect(isOnTarget(null, 70, GoalIndicatorDirection.AT_MOST)).toBeNull();
  });
});

const option = (id: string, position: number) => ({ id, questionId: 'q1', position, labelFa: id, labelEn: null });
const question = (id: string, kind: QuestionKind, position: number, options: ReturnType<typeof option>[] = []) => ({
  id,
  pollId: 'p',
  position,
  kind,
  promptFa: id,
  promptEn: null,
  required: true,
  maxChoices: null,
  maxLength: null,
  options,
});
const definition = {
  poll: { id: 'p' },
  questions: [
    question('q1', QuestionKind.SINGLE_CHOICE, 1, [option('o1', 1), option('o2', 2), option('o3', 3)]),
    question('q2', QuestionKind.RATING, 2),
    question('q3', QuestionKind.NPS, 3),
    question('q4', QuestionKind.MULTIPLE_CHOICE, 4, [option('m1', 1), option('m2', 2)]),
  ],
} as unknown as PollDefinition;

describe('checkIndicatorSource', () => {
  const ok = { metric: GoalIndicatorMetric.OPTION_SHARE, pollId: 'p', questionId: 'q1', optionIds: ['o2'], target: 0.5 };
  const fieldOf = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return (e as { extensions: { code: string; field: string } }).extensions;
    }
    return null;
  };

  it('accepts an option share of an option of a choice question', () => {
    expect(fieldOf(() => checkIndicatorSource(definition, ok))).toBeNull();
  });

  it('names the field at fault for each mistake', () => {
    expect(fieldOf(() => checkIndicatorSource(null, ok))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.pollId' });
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, questionId: 'elsewhere' }))?.field).toBe('input.questionId');
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, questionId: 'q2' }))?.field).toBe('input.questionId');
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, optionIds: [] }, 'optionId'))?.field).toBe('input.optionId');
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, optionIds: ['o9'] }, 'optionId'))?.field).toBe('input.optionId');
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, target: 65 }))?.field).toBe('input.target');
    const rating = { metric: GoalIndicatorMetric.RATING_MEAN, pollId: 'p', questionId: 'q2', optionIds: [], target: 4 };
    expect(fieldOf(() => checkIndicatorSource(definition, rating))).toBeNull();
    expect(fieldOf(() => checkIndicatorSource(definition, { ...rating, optionIds: ['o1'] }, 'optionId'))?.field).toBe('input.optionId');
    expect(fieldOf(() => checkIndicatorSource(definition, { ...rating, metric: GoalIndicatorMetric.NPS_SCORE }))?.field).toBe(
      'input.questionId',
    );
    expect(
      fieldOf(() => checkIndicatorSource(definition, { ...rating, questionId: 'q3', metric: GoalIndicatorMetric.NPS_SCORE, target: -150 }))
        ?.field,
    ).toBe('input.target');
  });
  it('counts several options of a single-choice question, each once, but one option at a time of a multiple-choice one', () => {
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, optionIds: ['o1', 'o2'] }))).toBeNull();
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, optionIds: [] }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.optionIds',
    });
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, optionIds: ['o1', 'o3', 'o1'] }))?.field).toBe('input.optionIds[2]');
    expect(fieldOf(() => checkIndicatorSource(definition, { ...ok, optionIds: ['o1', 'm1'] }))?.field).toBe('input.optionIds[1]');
    const multiple = { ...ok, questionId: 'q4', optionIds: ['m1'] };
    expect(fieldOf(() => checkIndicatorSource(definition, multiple))).toBeNull();
    expect(fieldOf(() => checkIndicatorSource(definition, { ...multiple, optionIds: ['m1', 'm2'] }))?.field).toBe('input.optionIds[1]');
  });
});

describe('requestedOptions', () => {
  it('reads optionId alone as a list of one, and both only when optionId is the first of optionIds', () => {
    expect(requestedOptions({ optionId: 'o1' })).toEqual({ optionIds: ['o1'], field: 'optionId' });
    expect(requestedOptions({ optionIds: ['o1', 'o2'] })).toEqual({ optionIds: ['o1', 'o2'], field: 'optionIds' });
    expect(requestedOptions({ optionId: 'o1', optionIds: ['o1', 'o2'] })).toEqual({ optionIds: ['o1', 'o2'], field: 'optionIds' });
    expect(() => requestedOptions({ optionId: 'o2', optionIds: ['o1', 'o2'] })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'input.optionId' } }),
    );
    expect(requestedOptions({})).toEqual({ optionIds: undefined, field: 'optionId' });
    expect(requestedOptions({ optionId: null })).toEqual({ optionIds: null, field: 'optionId' });
    expect(requestedOptions({ optionIds: null })).toEqual({ optionIds: null, field: 'optionIds' });
  });
});

describe('readIndicator', () => {
  const results = (rows: Parameters<typeof buildQuestionResults>[1]): PollResults =>
    ({ poll: definition.poll, responseCount: 0, questions: buildQuestionResults(definition, rows) }) as PollResults;
  const row = (questionId: string, optionId: string | null, number: number | null, count: number) => ({
    questionId,
    optionId,
    number,
    count,
    districtId: null,
    day: null,
  });
  const ANSWERED = -3;

  it('reads nothing without answers', () => {
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q1', optionIds: ['o1'] }, results([]))).toMatchObject({
      value: null,
      responseCount: 0,
    });
    expect(readIndicator({ metric: GoalIndicatorMetric.RATING_MEAN, questionId: 'q2', optionIds: [] }, results([]))).toMatchObject({
      value: null,
      responseCount: 0,
    });
  });

  it("reads an option's share, a mean rating and an NPS from the results", () => {
    const r = results([
      row('q1', null, ANSWERED, 4),
      row('q1', 'o1', null, 3),
      row('q1', 'o2', null, 1),
      row('q2', null, ANSWERED, 2),
      row('q2', null, 5, 1),
      row('q2', null, 2, 1),
      row('q3', null, ANSWERED, 4),
      row('q3', null, 10, 2),
      row('q3', null, 8, 1),
      row('q3', null, 3, 1),
    ]);
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q1', optionIds: ['o1'] }, r)).toMatchObject({
      value: 0.75,
      responseCount: 4,
    });
    expect(readIndicator({ metric: GoalIndicatorMetric.RATING_MEAN, questionId: 'q2', optionIds: [] }, r)).toMatchObject({
      value: 3.5,
      responseCount: 2,
    });
    expect(readIndicator({ metric: GoalIndicatorMetric.NPS_SCORE, questionId: 'q3', optionIds: [] }, r)).toMatchObject({
      value: 25,
      responseCount: 4,
    });
  });

  it('reads no value when the question has changed to a kind the metric cannot read', () => {
    expect(
      readIndicator(
        { metric: GoalIndicatorMetric.NPS_SCORE, questionId: 'q2', optionIds: [] },
        results([row('q2', null, ANSWERED, 1), row('q2', null, 4, 1)]),
      ),
    ).toMatchObject({
      value: null,
      responseCount: 0,
    });
  });

  it('reads a withheld value as null, saying how many more answers are needed (disclosure control)', () => {
    const raw = buildQuestionResults(definition, [row('q1', null, ANSWERED, 4), row('q1', 'o1', null, 3), row('q1', 'o2', null, 1)]);
    const disclosed = {
      poll: definition.poll,
      responseCount: 4,
      questions: discloseResults({ ...definition, poll: { ...definition.poll, minResponses: 10 } }, raw),
    } as PollResults;
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q1', optionIds: ['o1'] }, disclosed)).toEqual({
      value: null,
      responseCount: 4,
      withheld: true,
      responsesNeeded: 6,
    });
  });
  it("adds up the counted options' shares of a single-choice question, exactly from the counts", () => {
    const r = results([row('q1', null, ANSWERED, 10), row('q1', 'o1', null, 5), row('q1', 'o2', null, 3), row('q1', 'o3', null, 2)]);
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q1', optionIds: ['o1', 'o2'] }, r)).toMatchObject({
      value: 8 / 10,
      responseCount: 10,
      withheld: false,
    });
  });

  it('reads no value for several options of a multiple-choice question (overlapping) or an option no longer in the question', () => {
    const r = results([row('q4', null, ANSWERED, 10), row('q4', 'm1', null, 6), row('q4', 'm2', null, 7), row('q1', null, ANSWERED, 1)]);
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q4', optionIds: ['m1'] }, r).value).toBe(0.6);
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q4', optionIds: ['m1', 'm2'] }, r).value).toBeNull();
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q4', optionIds: ['m1', 'gone'] }, r).value).toBeNull();
  });

  it('withholds the sum when one counted option is suppressed, since the sum less the shown options would reveal it', () => {
    const raw = buildQuestionResults(definition, [
      row('q1', null, ANSWERED, 40),
      row('q1', 'o1', null, 20),
      row('q1', 'o2', null, 2),
      row('q1', 'o3', null, 18),
    ]);
    const disclosed = {
      poll: definition.poll,
      responseCount: 40,
      questions: discloseResults({ ...definition, poll: { ...definition.poll, minResponses: 10 } }, raw),
    } as PollResults;
    expect(disclosed.questions[0].options[1].suppressed).toBe(true);
    expect(readIndicator({ metric: GoalIndicatorMetric.OPTION_SHARE, questionId: 'q1', optionIds: ['o1', 'o2'] }, disclosed)).toEqual({
      value: null,
      responseCount: 40,
      withheld: true,
      responsesNeeded: 0,
    });
  });
});
