import { type PollDefinition } from '../poll-definition';
import { type ValueResult } from '../poll.types';

type Counts = Array<Pick<ValueResult, 'value' | 'count'>>;
import { type Interval, mean, nps, wilson } from '../stats';

type Question = PollDefinition['questions'][number];
const Z95 = 1.959963984540054;

export interface Difference {
  difference: number;
  confidenceInterval: Interval | null;
}

/**
 * A wave's copy of a question: the one at the same position with the same kind (startPollWave
 * copies questions in order; a wave edited since may not have it).
 */
export function matchQuestion(question: Question, wave: PollDefinition): Question | undefined {
  return wave.questions.find((q) => q.position === question.position && q.kind === question.kind);
}

/**
 * p₂ − p₁ of two independent proportions with Newcombe's hybrid score interval (his method 10):
 * from the Wilson intervals (l₁, u₁) and (l₂, u₂),
 * [d − √((p₂ − l₂)² + (u₁ − p₁)²), d + √((u₂ − p₂)² + (p₁ − l₁)²)].
 */
export function proportionDifference(c1: number, n1: number, c2: number, n2: number): Difference | null {
  const w1 = wilson(c1, n1);
  const w2 = wilson(c2, n2);
  if (!w1 || !w2) return null;
  const p1 = c1 / n1;
  const p2 = c2 / n2;
  const d = p2 - p1;
  return {
    difference: d,
    confidenceInterval: {
      low: d - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2),
      high: d + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2),
    },
  };
}

const toMap = (values: Counts) => new Map(values.map((v) => [v.value, v.count]));

/** m₂ − m₁ with ± z·√(s₁²/n₁ + s₂²/n₂) (sample variances); no interval with fewer than 2 answers in a wave. */
export function meanDifference(before: Counts, after: Counts): Difference | null {
  const stats = (values: Counts) => {
    const d = toMap(values);
    const n = values.reduce((s, v) => s + v.count, 0);
    const m = mean(d);
    let squares = 0;
    for (const [v, c] of d) squares += c * (v - (m ?? 0)) ** 2;
    return { n, m, variance: n > 1 ? squares / (n - 1) : null };
  };
  const a = stats(before);
  const b = stats(after);
  if (a.m === null || b.m === null) return null;
  const d = b.m - a.m;
  const se = a.variance === null || b.variance === null ? null : Math.sqrt(a.variance / a.n + b.variance / b.n);
  return { difference: d, confidenceInterval: se === null ? null : { low: d - Z95 * se, high: d + Z95 * se } };
}

/**
 * NPS₂ − NPS₁ in points, ± z·100·√(v₁ + v₂) where a wave's v = (p_P + p_D − (p_P − p_D)²) ÷ n
 * (the variance of the mean of a +1 / 0 / −1 score).
 */
export function npsDifference(before: Counts, after: Counts): Difference | null {
  const stats = (values: Counts) => {
    const s = nps(toMap(values));
    const n = s.promoters + s.passives + s.detractors;
    if (!n) return null;
    const pP = s.promoters / n;
    const pD = s.detractors / n;
    return { score: (pP - pD) * 100, variance: (pP + pD - (pP - pD) ** 2) / n };
  };
  const a = stats(before);
  const b = stats(after);
  if (!a || !b) return null;
  const d = b.score - a.score;
  const half = Z95 * 100 * Math.sqrt(a.variance + b.variance);
  return { difference: d, confidenceInterval: { low: d - half, high: d + half } };
}
