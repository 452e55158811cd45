import { generateSync } from 'otplib';
import { waitFor } from './wait';

/** The 30-second step a moment belongs to (RFC 6238). */
export const totpStep = (now = Date.now()) => Math.floor(now / 1000 / 30);

/**
 * A code of `secret` as an authenticator app would show it, for a step later than `after` (the
 * server accepts each step once, and the steps just before and after the current one): the current
 * step's code, or the next step's when the current one was used — waiting for the clock when even
 * that one was.
 */
export async function totpCode(secret: string, after: number | null = null): Promise<{ code: string; step: number }> {
  const wanted = () => Math.max(totpStep(), after === null ? 0 : after + 1);
  // The server takes a code of the next step at the most: wait until the clock is one step short of it.
  if (wanted() > totpStep() + 1) await waitFor(() => wanted() <= totpStep() + 1, 31_000, 'the next TOTP step');
  const step = wanted();
  return { code: generateSync({ secret, epoch: step * 30 }), step };
}
