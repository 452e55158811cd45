import { type District } from '../../districts/district.entity';
import { QuestionKind } from '../poll.enums';
import { type PollDefinition } from '../poll-definition';
import { buildQuestionResults } from '../poll-results.service';
import { ANSWERED, type TallyRow } from '../poll-tally.service';
import { type BreakdownDisclosure } from './breakdown-disclosure';
import { weightedResult } from './weighting';

type Question = PollDefinition['questions'][number];
const Z = 1.959963984540054;

const A = { id: 'A', code: 1, population: 300 } as District;
const B = { id: 'B', code: 2, population: 100 } as District;
const C = { id: 'C', code: 3, population: 600 } as District;

const choice = {
  id: 'q',
  kind: QuestionKind.SINGLE_CHOICE,
  position: 1,
  options: [
    { id: 'yes', position: 1 },
    { id: 'no', position: 2 },
  ],
} as unknown as Question;
const rating = { id: 'r', kind: QuestionKind.RATING, position: 2, options: [] } as unknown as Question;
const score = { id: 's', kind: QuestionKind.NPS, position: 3, options: [] } as unknown as Question;
const definition = { poll: {}, questions: [choice, rating, score] } as unknown as PollDefinition;

const r = (questionId: string, districtId: string | null, optionId: string | null, number: number | null, count: number): TallyRow => ({
  questionId,
  districtId,
  optionId,
  number,
  day: null,
  count,
});
const answered = (questionId: string, districtId: string | null, count: number) => r(questionId, districtId, null, ANSWERED, count);

// A: 10 answers (2 yes), B: 30 (15 yes), C: 3 (too few: left out), no district: 4.
const rows: TallyRow[] = [
  answered('q', 'A', 10),
  r('q', 'A', 'yes', null, 2),
  r('q', 'A', 'no', null, 8),
  answered('q', 'B', 30),
  r('q', 'B', 'yes', null, 15),
  r('q', 'B', 'no', null, 15),
  answered('q', 'C', 3),
  r('q', 'C', 'yes', null, 3),
  answered('q', null, 4),
  r('q', null, 'yes', null, 4),
  // Ratings: A five 4s and five 2s (mean 3, variance 10/9); B thirty 5s.
  answered('r', 'A', 10),
  r('r', 'A', null, 4, 5),
  r('r', 'A', null, 2, 5),
  answered('r', 'B', 30),
  r('r', 'B', null, 5, 30),
  // NPS: A five 10s and five 0s (score 0); B thirty 9s (score 100).
  answered('s', 'A', 10),
  r('s', 'A', null, 10, 5),
  r('s', 'A', null, 0, 5),
  answered('s', 'B', 30),
  r('s', 'B', null, 9, 30),
];
const raw = buildQuestionResults(definition, rows);

/** What the district breakdown withholds (tested in breakdown-disclosure.test.ts): rows A, B, C, then no district; no cell. */
const withheldRows = (...rowHidden: boolean[]): BreakdownDisclosure => ({
  rowHidden,
  cellHidden: rowHidden.map(() => Array(11).fill(false)),
  rowSummaryHidden: rowHidden,
});
const cOut = withheldRows(false, false, true, false);

/** Wilson's bounds as the roots of (n + z²)p² − (2x + z²)p + x²/n = 0: written apart from stats.ts. */
function wilsonRoots(x: number, n: number) {
  const a = n + Z * Z;
  const b = -(2 * x + Z * Z);
  const c = (x * x) / n;
  const root = Math.sqrt(b * b - 4 * a * c);
  return { low: (-b - root) / (2 * a), high: (-b + root) / (2 * a) };
}

describe('weightedResult (post-stratification by district population)', () => {
  const result = weightedResult(choice, raw[0], rows, [A, B, C], cOut);

  it("weights each kept district's share by its population share: 0.75 × 2/10 + 0.25 × 15/30", () => {
    expect(result.options.map((o) => o.weightedShare)).toEqual([expect.closeTo(0.275, 12), expect.closeTo(0.725, 12)]);
  });

  it('shows the raw share beside it, over everyone who answered (district or not)', () => {
    expect(result.answeredCount).toBe(47);
    expect(result.options[0].rawShare).toBeCloseTo(24 / 47, 12);
  });

  it('leaves out respondents without district and districts under 5 answers, and says so', () => {
    expect(result).toMatchObject({ weightedBase: 40, withoutDistrictCount: 4, smallDistrictCount: 1, partlyWithheldDistrictCount: 0 });
    expect(result.populationCoverage).toBeCloseTo(0.4, 12);
    const c = result.districts.find((d) => d.district.id === 'C')!;
    expect(c).toMatchObject({ answeredCount: null, populationShare: null, weight: null, suppressed: true });
  });

  it('gives each district its population share, sample share and weight = population share ÷ sample share', () => {
    const a = result.districts.find((d) => d.district.id === 'A')!;
    const b = result.districts.find((d) => d.district.id === 'B')!;
    expect([a.populationShare, a.sampleShare, a.weight]).toEqual([
      expect.closeTo(0.75, 12),
      expect.closeTo(0.25, 12),
      expect.closeTo(3, 12),
    ]);
    expect([b.populationShare, b.sampleShare, b.weight]).toEqual([
      expect.closeTo(0.25, 12),
      expect.closeTo(0.75, 12),
      expect.closeTo(1 / 3, 12),
    ]);
  });

  it("reports Kish's effective sample size and a Wilson interval at that size", () => {
    // Per respondent: ten weights of 3 and thirty of 1/3 → (Σw)² / Σw² = 40² / (90 + 30/9).
    const nEff = 40 ** 2 / (10 * 9 + 30 / 9);
    expect(result.effectiveSampleSize).toBeCloseTo(nEff, 9);
    const expected = wilsonRoots(0.275 * nEff, nEff);
    expect(result.options[0].weightedConfidenceInterval!.low).toBeCloseTo(expected.low, 9);
    expect(result.options[0].weightedConfidenceInterval!.high).toBeCloseTo(expected.high, 9);
  });

  it('weights a rating mean, with the stratified variance Σ π²·s²/n', () => {
    const weighted = weightedResult(rating, raw[1], rows, [A, B, C], cOut);
    // 0.75 × 3 + 0.25 × 5; variance 0.75² × (10/9) / 10 = 0.0625 → se 0.25
    expect(weighted.rating!.weightedMean).toBeCloseTo(3.5, 12);
    expect(weighted.rating!.rawMean).toBeCloseTo((5 * 4 + 5 * 2 + 30 * 5) / 40, 12);
    expect(weighted.rating!.weightedConfidenceInterval!.low).toBeCloseTo(3.5 - Z * 0.25, 9);
    expect(weighted.rating!.weightedConfidenceInterval!.high).toBeCloseTo(3.5 + Z * 0.25, 9);
  });

  it('weights an NPS score: 0.75 × 0 + 0.25 × 100', () => {
    const weighted = weightedResult(score, raw[2], rows, [A, B, C], cOut);
    expect(weighted.nps!.weightedScore).toBeCloseTo(25, 9);
    expect(weighted.nps!.rawScore).toBeCloseTo(((30 + 5 - 5) / 40) * 100, 9);
  });

  it('has no weighted figure when no district has 5 answers', () => {
    const none = weightedResult(
      choice,
      raw[0],
      rows.filter((x) => x.districtId !== 'A' && x.districtId !== 'B'),
      [A, B, C],
      withheldRows(true, true, true, false),
    );
    expect(none.options.map((o) => o.weightedShare)).toEqual([null, null]);
    expect(none.effectiveSampleSize).toBeNull();
  });
});

describe('weightedResult under disclosure control', () => {
  it('leaves out a withheld district and withholds the count without a district when its row is withheld', () => {
    const result = weightedResult(choice, raw[0], rows, [A, B, C], withheldRows(false, true, true, true));
    expect(result.districts.map((d) => [d.district.id, d.answeredCount, d.suppressed])).toEqual([
      ['A', 10, false],
      ['B', null, true],
      ['C', null, true],
    ]);
    expect(result).toMatchObject({ weightedBase: 10, smallDistrictCount: 2, withoutDistrictCount: 0, withoutDistrictSuppressed: true });
  });

  it('leaves out a shown district with a suppressed cell, and says so: the weighted share would give the cell away', () => {
    const d = withheldRows(false, false, true, false);
    d.cellHidden[0][0] = true;
    d.cellHidden[0][1] = true;
    const result = weightedResult(choice, raw[0], rows, [A, B, C], d);
    expect(result.districts.map((x) => x.populationShare)).toEqual([null, 1, null]);
    expect(result.options[0].weightedShare).toBeCloseTo(0.5, 12);
    // A is shown (its row is not withheld) but left out of the figure; C is a small district.
    expect(result).toMatchObject({ smallDistrictCount: 1, partlyWithheldDistrictCount: 1 });
  });
});
