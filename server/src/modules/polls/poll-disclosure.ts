import { isSmallCount } from './insights/cells';
import { cellCost, cellTerms, protect, type Statistic, sumTerms } from './insights/suppression';
import { type PollDefinition } from './poll-definition';
import { NPS_RANGE, QuestionKind, RATING_RANGE } from './poll.enums';
import { type QuestionResult } from './poll.types';

/**
 * Disclosure control of a question's results (issue 13 item 4), wherever they leave the server:
 *   - nothing but the number of answers until the question has the poll's `minResponses` (k);
 *   - then every count from 1 to 4 (under MIN_CELL) is withheld with complementary suppression (see
 *     suppression.ts): the total answered, the mean with its interval and the NPS groups are
 *     published statistics of the same answers, so none of them may give a withheld count away.
 * A withheld count reads 0 (its share 0, its interval null) with `suppressed: true`, since those
 * fields were never nullable; a withheld mean or score reads null.
 */

type Question = PollDefinition['questions'][number];

/** Which of a question's figures the public may see: what breakdowns of the same answers must keep hidden too. */
export interface OneWayDisclosure {
  /** Fewer than k answers: only the count of answers (and how many more are needed) is shown. */
  withheld: boolean;
  /** Per option (choice questions, in order) or per value (RATING 1–5, NPS 0–10): withheld. */
  cells: boolean[];
  /** RATING: the mean and its interval withheld. */
  meanHidden: boolean;
  /** NPS: the promoter/passive/detractor counts withheld. */
  npsGroupsHidden: boolean;
  /** NPS: the score withheld. */
  npsScoreHidden: boolean;
}

const values = (range: { min: number; max: number }) => Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);

/** The cell counts a question's one-way result publishes: option counts, or counts per value. */
export function oneWayCounts(result: QuestionResult): number[] {
  if (result.options.length) return result.options.map((o) => o.count);
  if (result.rating) return result.rating.distribution.map((v) => v.count);
  if (result.nps) return result.nps.distribution.map((v) => v.count);
  return [];
}

/**
 * The statistics a one-way result publishes, as linear functions of its cells: each cell, their
 * total (the answered count: for single choice, rating and NPS every answer is in exactly one
 * cell), the rating mean and interval (Σ v·n and Σ v²·n) and the NPS groups and score.
 */
export function oneWayStatistics(
  kind: QuestionKind,
  counts: number[],
  withheld: boolean,
): { stats: Statistic[]; mean?: number; groups?: number[]; score?: number } {
  const all = counts.map((_, i) => i);
  const stats: Statistic[] = counts.map((n, i) => ({
    terms: cellTerms(i),
    hidden: withheld || isSmallCount(n),
    hideable: true,
    cost: cellCost(n),
  }));
  if (kind !== QuestionKind.MULTIPLE_CHOICE) stats.push({ terms: sumTerms(all), hidden: false, hideable: false });
  if (kind === QuestionKind.RATING) {
    const v = values(RATING_RANGE);
    const mean = stats.push({ terms: all.map((i) => [i, v[i]] as const), hidden: withheld, hideable: true, group: 'mean' }) - 1;
    stats.push({ terms: all.map((i) => [i, v[i] ** 2] as const), hidden: withheld, hideable: true, group: 'mean' });
    return { stats, mean };
  }
  if (kind === QuestionKind.NPS) {
    const v = values(NPS_RANGE);
    const group = (test: (value: number) => boolean) => {
      const cells = all.filter((i) => test(v[i]));
      const n = cells.reduce((s, i) => s + counts[i], 0);
      return stats.push({ terms: sumTerms(cells), hidden: withheld || isSmallCount(n), hideable: true, group: 'nps' }) - 1;
    };
    const groups = [group((x) => x >= 9), group((x) => x === 7 || x === 8), group((x) => x <= 6)];
    const score =
      stats.push({ terms: all.map((i) => [i, v[i] >= 9 ? 1 : v[i] <= 6 ? -1 : 0] as const), hidden: withheld, hideable: true }) - 1;
    return { stats, groups, score };
  }
  return { stats };
}

/** Decides what of one question's result may be shown. */
export function oneWayDisclosure(question: Question, result: QuestionResult, minResponses: number): OneWayDisclosure {
  const withheld = result.answeredCount < minResponses;
  const counts = oneWayCounts(result);
  const { stats, mean, groups, score } = oneWayStatistics(question.kind, counts, withheld);
  const hidden = protect(counts, stats);
  return {
    withheld,
    cells: counts.map((_, i) => hidden[i]),
    meanHidden: mean !== undefined && hidden[mean],
    npsGroupsHidden: groups !== undefined && groups.some((g) => hidden[g]),
    npsScoreHidden: score !== undefined && hidden[score],
  };
}

/** A question's result as the public (and staff screens) may see it. */
export function discloseQuestion(
  question: Question,
  result: QuestionResult,
  minResponses: number,
  decided = oneWayDisclosure(question, result, minResponses),
): QuestionResult {
  const { withheld, cells } = decided;
  const hideValue = <T extends { count: number; share: number }>(v: T, i: number) =>
    cells[i] ? { ...v, count: 0, share: 0, suppressed: true } : { ...v, suppressed: false };
  return {
    ...result,
    withheld,
    responsesNeeded: withheld ? minResponses - result.answeredCount : 0,
    options: result.options.map((o, i) =>
      cells[i] ? { ...o, count: 0, share: 0, confidenceInterval: null, suppressed: true } : { ...o, suppressed: false },
    ),
    rating: result.rating && {
      mean: decided.meanHidden ? null : result.rating.mean,
      confidenceInterval: decided.meanHidden ? null : result.rating.confidenceInterval,
      suppressed: decided.meanHidden,
      distribution: result.rating.distribution.map(hideValue),
    },
    nps: result.nps && {
      score: decided.npsScoreHidden ? null : result.nps.score,
      promoters: decided.npsGroupsHidden ? 0 : result.nps.promoters,
      passives: decided.npsGroupsHidden ? 0 : result.nps.passives,
      detractors: decided.npsGroupsHidden ? 0 : result.nps.detractors,
      suppressed: decided.npsGroupsHidden,
      distribution: result.nps.distribution.map(hideValue),
    },
  };
}

/** Every question of a poll, disclosed. */
export function discloseResults(definition: PollDefinition, results: QuestionResult[]): QuestionResult[] {
  return definition.questions.map((question, i) => discloseQuestion(question, results[i], definition.poll.minResponses));
}
