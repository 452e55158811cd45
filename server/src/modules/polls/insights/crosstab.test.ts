import { type District } from '../../districts/district.entity';
import { QuestionKind } from '../poll.enums';
import { type PairTallyRow, type TallyRow } from '../poll-tally.service';
import { districtCrosstab, questionCrosstab } from './crosstab';
import { choiceRows, oneWayOf, type Question, tallyRow } from './tally-rows.fixtures';

const question = (id: string, options: string[], kind: QuestionKind = QuestionKind.SINGLE_CHOICE) =>
  ({ id, kind, position: 1, options: options.map((o, i) => ({ id: o, position: i + 1 })) }) as unknown as Question;
const district = (id: string, code: number) => ({ id, code, population: 1000 }) as District;

const q = question('q', ['yes', 'no']);
const other = question('q2', ['a', 'b']);
const row = (districtId: string | null, optionId: string | null, count: number, questionId = 'q') =>
  tallyRow({ districtId }, optionId, count, questionId);
const value = (districtId: string | null, number: number, count: number, questionId = 'r') =>
  tallyRow({ districtId }, null, count, questionId, number);

const byDistrict = (question: Question, rows: TallyRow[], districts: District[], k = 10) =>
  districtCrosstab(question, rows, districts, oneWayOf(question, rows, k), k);

describe('districtCrosstab', () => {
  const d1 = district('d1', 1);
  const d2 = district('d2', 2);
  const d3 = district('d3', 3);
  const rows: TallyRow[] = [
    ...choiceRows({ districtId: 'd1' }, { yes: 15, no: 5 }),
    ...choiceRows({ districtId: 'd2' }, { yes: 6, no: 3 }),
    ...choiceRows({ districtId: null }, { yes: 7 }),
    row('d1', null, 1000, 'q2'), // another question: ignored
  ];

  it('gives one row per district in the given order, then respondents without district', () => {
    expect(byDistrict(q, rows, [d1, d2, d3]).map((r) => r.district?.id ?? null)).toEqual(['d1', 'd2', 'd3', null]);
  });

  it("withholds rows under the poll's minimum and shows a row nobody is in as 0", () => {
    const [r1, r2, r3, none] = byDistrict(q, rows, [d1, d2, d3]);
    expect(r1.answeredCount).toBe(20);
    expect(r1.cells.map((c) => [c.option.id, c.count, c.share, c.suppressed])).toEqual([
      ['yes', 15, 0.75, false],
      ['no', 5, 0.25, false],
    ]);
    expect(r2).toMatchObject({ answeredCount: null, suppressed: true });
    expect(r2.cells.every((c) => c.suppressed && c.count === null)).toBe(true);
    expect(r3).toMatchObject({ answeredCount: 0, suppressed: false });
    expect(none).toMatchObject({ answeredCount: null, suppressed: true });
  });

  it('withholds a second row when one withheld row would follow from the total (hidden districts from public totals)', () => {
    // d2 alone is under 10, but the total (40) − 20 − 12 would give it away: the 12 goes with it.
    const three = [
      ...choiceRows({ districtId: 'd1' }, { yes: 20 }),
      ...choiceRows({ districtId: 'd2' }, { yes: 8 }),
      ...choiceRows({ districtId: 'd3' }, { yes: 12 }),
    ];
    const result = byDistrict(q, three, [d1, d2, d3]);
    expect(result.map((r) => r.suppressed)).toEqual([false, true, true]);
  });

  it('withholds the smallest shown row too when the withheld rows together hold one answer, whose option would follow from the shown figures', () => {
    // The red team's table: with only d3 and the empty d4 withheld, the total minus the shown rows
    // leaves one answer in them, and the question's counts minus the shown rows' give its option.
    const four = [
      ...choiceRows({ districtId: 'd1' }, { yes: 6, no: 5 }),
      ...choiceRows({ districtId: 'd2' }, { yes: 6, no: 0 }),
      ...choiceRows({ districtId: 'd3' }, { yes: 0, no: 1 }),
    ];
    const d4 = district('d4', 4);
    const result = byDistrict(q, four, [d1, d2, d3, d4], 5);
    expect(result.map((r) => [r.district!.id, r.suppressed, r.answeredCount])).toEqual([
      ['d1', false, 11],
      ['d2', true, null],
      ['d3', true, null],
      ['d4', true, null],
    ]);
  });

  it('suppresses a small cell and a complement in its row and column, so 25 − 10 − 12 = 3 recovers nothing', () => {
    const three = question('t', ['a', 'b', 'c']);
    const counts = [
      [10, 12, 3],
      [20, 10, 10],
      [15, 15, 15],
    ];
    const tally = counts.flatMap(([a, b, c], i) => choiceRows({ districtId: `d${i + 1}` }, { a, b, c }, 't'));
    const result = byDistrict(three, tally, [d1, d2, d3]);
    const hidden = result.map((r) => r.cells.map((c) => c.suppressed));
    expect(hidden[0][2]).toBe(true);
    hidden.forEach((r, i) =>
      r.forEach((h, j) => {
        if (!h) return;
        // Another hidden cell in its row (whose total is shown) and in its column (whose total the results show).
        expect(r.filter(Boolean).length).toBeGreaterThanOrEqual(2);
        expect(hidden.filter((other) => other[j]).length).toBeGreaterThanOrEqual(2);
        expect(result[i].answeredCount).not.toBeNull();
      }),
    );
  });

  it("breaks a RATING question down by district: counts per value and each row's mean", () => {
    const rating = question('r', [], QuestionKind.RATING);
    const tally = [
      row('d1', null, 12, 'r'),
      value('d1', 5, 6),
      value('d1', 4, 6),
      row('d2', null, 10, 'r'),
      value('d2', 2, 5),
      value('d2', 3, 5),
    ];
    const [r1, r2] = byDistrict(rating, tally, [d1, d2]);
    expect(r1.values.map((v) => [v.value, v.count])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 6],
      [5, 6],
    ]);
    expect(r1.mean).toBeCloseTo(4.5, 12);
    expect(r2.mean).toBeCloseTo(2.5, 12);
    expect(r1.cells).toEqual([]);
  });

  it("breaks an NPS question down by district with each row's score", () => {
    const score = question('s', [], QuestionKind.NPS);
    const tally = [
      row('d1', null, 10, 's'),
      value('d1', 10, 5, 's'),
      value('d1', 0, 5, 's'),
      row('d2', null, 10, 's'),
      value('d2', 9, 10, 's'),
    ];
    const [r1, r2] = byDistrict(score, tally, [d1, d2]);
    expect([r1.npsScore, r2.npsScore]).toEqual([0, 100]);
    expect(r1.values).toHaveLength(11);
  });

  it('has no "without district" row when everyone gave one', () => {
    expect(
      byDistrict(
        q,
        rows.filter((r) => r.districtId),
        [d1, d2],
      ).map((r) => r.district?.id),
    ).toEqual(['d1', 'd2']);
  });
});

describe('questionCrosstab', () => {
  it('gives one row per option of the other question, with the row base from the NO_OPTION pairs, rows under the minimum withheld with a complement', () => {
    const pairs: PairTallyRow[] = [
      { byOptionId: 'a', optionId: null, count: 12 },
      { byOptionId: 'a', optionId: 'yes', count: 8 },
      { byOptionId: 'a', optionId: 'no', count: 4 },
      { byOptionId: 'b', optionId: null, count: 3 },
      { byOptionId: 'b', optionId: 'yes', count: 3 },
    ];
    const oneWay = oneWayOf(q, choiceRows({ districtId: null }, { yes: 11, no: 4 }), 10);
    const result = questionCrosstab(q, other, pairs, oneWay, 10);
    expect(result.map((r) => [r.byOption!.id, r.answeredCount, r.cells.map((c) => c.count)])).toEqual([
      // b's 3 would be the answered count (the question's own) minus a's 12: a is withheld too.
      ['a', null, [null, null]],
      ['b', null, [null, null]],
    ]);
    const enough: PairTallyRow[] = [
      ...pairs.slice(0, 3),
      { byOptionId: 'b', optionId: null, count: 10 },
      { byOptionId: 'b', optionId: 'yes', count: 10 },
    ];
    const both = questionCrosstab(q, other, enough, oneWayOf(q, choiceRows({ districtId: null }, { yes: 18, no: 4 }), 10), 10);
    expect(both.map((r) => r.answeredCount)).toEqual([12, 10]);
  });
});
