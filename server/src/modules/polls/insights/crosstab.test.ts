import { type District } from '../../districts/district.entity';
import { QuestionKind } from '../poll.enums';
import { type PollDefinition } from '../poll-definition';
import { ANSWERED, type TallyRow } from '../poll-tally.service';
import { districtCrosstab, questionCrosstab } from './crosstab';

type Question = PollDefinition['questions'][number];
const question = (id: string, options: string[]) =>
  ({ id, kind: QuestionKind.SINGLE_CHOICE, position: 1, options: options.map((o, i) => ({ id: o, position: i + 1 })) }) as unknown as Question;
const district = (id: string, code: number) => ({ id, code, population: 1000 }) as District;

const q = question('q', ['yes', 'no']);
const other = question('q2', ['a', 'b']);
const row = (districtId: string | null, optionId: string | null, count: number, questionId = 'q'): TallyRow => ({
  questionId,
  optionId,
  number: optionId ? null : ANSWERED,
  districtId,
  day: null,
  count,
});

describe('districtCrosstab', () => {
  const d1 = district('d1', 1);
  const d2 = district('d2', 2);
  const d3 = district('d3', 3);
  const rows: TallyRow[] = [
    row('d1', null, 20), row('d1', 'yes', 15), row('d1', 'no', 5),
    row('d2', null, 9), row('d2', 'yes', 6), row('d2', 'no', 3),
    row(null, null, 7), row(null, 'yes', 7),
    row('d1', null, 1000, 'q2'), // another question: ignored
  ];

  it('gives one row per district in the given order, then respondents without district', () => {
    const result = districtCrosstab(q, rows, [d1, d2, d3]);
    expect(result.map((r) => r.district?.id ?? null)).toEqual(['d1', 'd2', 'd3', null]);
  });

  it('computes each cell as count ÷ the row base, suppressing counts under 5 and rows under 5', () => {
    const [r1, r2, r3, none] = districtCrosstab(q, rows, [d1, d2, d3]);
    expect(r1.answeredCount).toBe(20);
    expect(r1.cells.map((c) => [c.option.id, c.count, c.share, c.suppressed])).toEqual([['yes', 15, 0.75, false], ['no', 5, 0.25, false]]);
    expect(r2.cells.map((c) => [c.count, c.share, c.suppressed])).toEqual([[6, 6 / 9, false], [null, null, true]]);
    expect(r3).toMatchObject({ answeredCount: null, suppressed: true });
    expect(r3.cells.every((c) => c.suppressed && c.count === null)).toBe(true);
    expect(none.cells.map((c) => c.count)).toEqual([7, null]);
  });

  it('has no "without district" row when everyone gave one', () => {
    expect(districtCrosstab(q, rows.filter((r) => r.districtId), [d1, d2]).map((r) => r.district?.id)).toEqual(['d1', 'd2']);
  });
});

describe('questionCrosstab', () => {
  it('gives one row per option of the other question, with the row base from the NO_OPTION pairs', () => {
    const result = questionCrosstab(q, other, [
      { byOptionId: 'a', optionId: null, count: 12 },
      { byOptionId: 'a', optionId: 'yes', count: 8 },
      { byOptionId: 'a', optionId: 'no', count: 4 },
      { byOptionId: 'b', optionId: null, count: 3 },
      { byOptionId: 'b', optionId: 'yes', count: 3 },
    ]);
    expect(result.map((r) => [r.byOption!.id, r.answeredCount, r.cells.map((c) => c.count)])).toEqual([
      ['a', 12, [8, null]],
      ['b', null, [null, null]],
    ]);
    expect(result[0].cells[0].share).toBeCloseTo(8 / 12, 12);
  });
});
