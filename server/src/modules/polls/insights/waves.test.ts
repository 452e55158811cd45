import { QuestionKind } from '../poll.enums';
import { type PollDefinition } from '../poll-definition';
import { matchQuestion, meanDifference, npsDifference, proportionDifference } from './waves';

const Z = 1.959963984540054;

describe("proportionDifference (Newcombe's hybrid score interval)", () => {
  // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10.
  it.each([
    [48, 80, 56, 70, 0.2, 0.0524, 0.3339],
    [3, 10, 9, 10, 0.6, 0.1705, 0.809],
  ])('gives %i/%i → %i/%i a change of %f with interval [%f, %f]', (c1, n1, c2, n2, d, low, high) => {
    const result = proportionDifference(c1, n1, c2, n2)!;
    expect(result.difference).toBeCloseTo(d, 10);
    expect(result.confidenceInterval!.low).toBeCloseTo(low, 4);
    expect(result.confidenceInterval!.high).toBeCloseTo(high, 4);
  });

  it('has none when a wave has no answers', () => {
    expect(proportionDifference(0, 0, 5, 10)).toBeNull();
  });
});

const values = (counts: Record<number, number>) =>
  Object.entries(counts).map(([value, count]) => ({ value: Number(value), count, share: 0 }));

describe('meanDifference', () => {
  it('is m₂ − m₁ with ± z·√(s₁²/n₁ + s₂²/n₂)', () => {
    // Wave 1: 2,2,4,4 (mean 3, s² 4/3); wave 2: 3,5 (mean 4, s² 2).
    const result = meanDifference(values({ 2: 2, 4: 2 }), values({ 3: 1, 5: 1 }))!;
    const se = Math.sqrt(4 / 3 / 4 + 2 / 2);
    expect(result.difference).toBeCloseTo(1, 12);
    expect(result.confidenceInterval!.low).toBeCloseTo(1 - Z * se, 12);
    expect(result.confidenceInterval!.high).toBeCloseTo(1 + Z * se, 12);
  });
});

describe('npsDifference', () => {
  it('is the change in points with the variance of a +1/0/−1 score', () => {
    // Wave 1: 10 promoters, 10 detractors of 20 (NPS 0); wave 2: 15 promoters, 5 passives of 20 (NPS 75).
    const result = npsDifference(values({ 10: 10, 0: 10 }), values({ 9: 15, 7: 5 }))!;
    // Scores as +1/0/−1: wave 1 mean 0, population variance 1; wave 2 mean 0.75, variance 0.75 − 0.5625 = 0.1875.
    const half = Z * 100 * Math.sqrt(1 / 20 + 0.1875 / 20);
    expect(result.difference).toBeCloseTo(75, 10);
    expect(result.confidenceInterval!.low).toBeCloseTo(75 - half, 9);
    expect(result.confidenceInterval!.high).toBeCloseTo(75 + half, 9);
  });
});

describe('matchQuestion', () => {
  it("finds a wave's copy by position and kind, and nothing when the kind changed", () => {
    const q = { id: 'x', position: 2, kind: QuestionKind.RATING } as PollDefinition['questions'][number];
    const wave = {
      questions: [
        { id: 'a', position: 1, kind: QuestionKind.RATING },
        { id: 'b', position: 2, kind: QuestionKind.RATING },
      ],
    } as unknown as PollDefinition;
    expect(matchQuestion(q, wave)?.id).toBe('b');
    expect(matchQuestion({ ...q, kind: QuestionKind.NPS }, wave)).toBeUndefined();
  });
});
