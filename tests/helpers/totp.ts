import { generateSync } from 'otplib';
import { waitFor } from './wait';

/** The 30-second step a moment belongs to (RFC 6238). */
export const totpStep = (now = Date.now()) => Math.floor(now / 1000 / 30);

/**
 * The clock a test app runs on (startTestApp): the real time, moved forward when a test needs a
 * later moment — the next TOTP step instead of waiting up to 30 s for it. It only ever moves forward.
 */
export interface TestClock {
  (): Date;
  /** Moves the clock forward to `ms` (epoch milliseconds), unless it is already past it. */
  advanceTo?(ms: number): void;
}

export function movableClock(): TestClock {
  let offset = 0;
  const clock: TestClock = () => new Date(Date.now() + offset);
  clock.advanceTo = (ms) => {
    offset = Math.max(offset, ms - Date.now());
  };
  return clock;
}

/**
 * A code of `secret` as an authenticator app would show it at the time of `clock` (the app's), for
 * a step later than `after` (the server accepts each step once, and the steps just before and after
 * the current one): the current step's code, or the next step's when the current one was used.
 * When even that one was, a movable clock is moved forward; any other clock is waited for.
 */
export async function totpCode(
  secret: string,
  after: number | null = null,
  clock: TestClock = () => new Date(),
): Promise<{ code: string; step: number }> {
  const now = () => clock().getTime();
  const wanted = () => Math.max(totpStep(now()), after === null ? 0 : after + 1);
  // The server takes a code of the next step at the most: bring the clock to one step short of it
  // (the middle of that step, so the code stays good while it is typed).
  if (wanted() > totpStep(now()) + 1) {
    if (clock.advanceTo) clock.advanceTo((wanted() - 1) * 30_000 + 15_000);
    else await waitFor(() => wanted() <= totpStep(now()) + 1, 31_000, 'the next TOTP step');
  }
  const step = wanted();
  return { code: generateSync({ secret, epoch: step * 30 }), step };
}
