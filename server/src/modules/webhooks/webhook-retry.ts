/** Attempts a delivery gets (and gets again after each redelivery) before it is FAILED. */
export const MAX_ATTEMPTS = 8;

/**
 * Waits before each retry, as multiples of the base (30 s by default): 30 s, 2 min, 10 min, 1 h,
 * 6 h, 12 h, 12 h. Eight attempts span about 32 hours, so a receiver that is down for a night
 * still gets everything.
 */
export const RETRY_MULTIPLIERS = [1, 4, 20, 120, 720, 1440, 1440] as const;

export const DEFAULT_RETRY_BASE_MS = 30_000;

/**
 * What happens after a failed attempt: `null` when the delivery has used its attempts, otherwise
 * how long to wait. `attempt` counts from 1 within the current round of MAX_ATTEMPTS (a redelivery
 * starts a new round); `jitter` in [0, 1) spreads retries of many deliveries by up to 10 %.
 */
export function retryDelayMs(attempt: number, baseMs: number, jitter = Math.random()): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const multiplier = RETRY_MULTIPLIERS[Math.min(attempt, RETRY_MULTIPLIERS.length) - 1];
  return Math.round(baseMs * multiplier * (1 + jitter / 10));
}
