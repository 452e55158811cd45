/** Statistics for poll results. Pure functions, checked in stats.test.ts against independent values. */

const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for a proportion: honest near 0 and 1 and for small samples, unlike p ± z·se. */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Mean of a distribution given as value → count. */
export function mean(distribution: Map<number, number>): number | null {
  let n = 0;
  let sum = 0;
  for (const [value, count] of distribution) {
    n += count;
    sum += value * count;
  }
  return n ? sum / n : null;
}

/** 95 % interval of a mean (normal approximation with the sample standard deviation). */
export function meanInterval(distribution: Map<number, number>, z = Z95): Interval | null {
  let n = 0;
  for (const count of distribution.values()) n += count;
  const m = mean(distribution);
  if (m === null || n < 2) return null;
  let squares = 0;
  for (const [value, count] of distribution) squares += count * (value - m) ** 2;
  const se = Math.sqrt(squares / (n - 1) / n);
  return { low: m - z * se, high: m + z * se };
}

export interface NpsSummary {
  /** % promoters − % detractors, from −100 to 100. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Net Promoter Score: 9–10 promote, 7–8 are passive, 0–6 detract. */
export function nps(distribution: Map<number, number>): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, count] of distribution) {
    if (value >= 9) promoters += count;
    else if (value >= 7) passives += count;
    else detractors += count;
  }
  const n = promoters + passives + detractors;
  return { score: n ? ((promoters - detractors) / n) * 100 : null, promoters, passives, detractors };
}
