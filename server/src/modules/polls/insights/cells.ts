import { type Interval } from '../stats';

/**
 * Results and breakdowns hide every count from 1 to MIN_CELL − 1: a small cell is both unreliable
 * and, within a district or a day, close to identifying someone's answer. A zero describes no one's
 * answer and is shown (unless withheld as a complement: see suppression.ts).
 */
export const MIN_CELL = 5;

/** A count that must be withheld: 1 to 4. */
export const isSmallCount = (count: number) => count > 0 && count < MIN_CELL;

export interface ShareCell {
  count: number | null;
  share: number | null;
  confidenceInterval: Interval | null;
  suppressed: boolean;
}

export const SUPPRESSED: ShareCell = Object.freeze({ count: null, share: null, confidenceInterval: null, suppressed: true });
