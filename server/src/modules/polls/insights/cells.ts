import { type Interval, wilson } from '../stats';

/**
 * Breakdowns (crosstabs, daily trends, the district inputs of weighted results) hide every count
 * under MIN_CELL: a small cell is both unreliable and, within a district or a day, close to
 * identifying someone's answer.
 */
export const MIN_CELL = 5;

export interface ShareCell {
  count: number | null;
  share: number | null;
  confidenceInterval: Interval | null;
  suppressed: boolean;
}

export const SUPPRESSED: ShareCell = Object.freeze({ count: null, share: null, confidenceInterval: null, suppressed: true });

export const isSmall = (count: number) => count < MIN_CELL;

/** count ÷ base with its Wilson interval, or suppressed when the count or the base is under MIN_CELL. */
export function shareCell(count: number, base: number): ShareCell {
  if (isSmall(count) || isSmall(base)) return { ...SUPPRESSED };
  return { count, share: count / base, confidenceInterval: wilson(count, base), suppressed: false };
}

/** A row's base (how many answered), or null when under MIN_CELL. */
export function baseCount(base: number): number | null {
  return isSmall(base) ? null : base;
}
