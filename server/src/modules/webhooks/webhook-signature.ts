import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-nabz-signature';
export const EVENT_HEADER = 'x-nabz-event';
export const DELIVERY_HEADER = 'x-nabz-delivery';

/** `whsec_` and 32 random bytes in base64url: 256 bits, recognisable in a partner's config file. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** HMAC-SHA256 keyed with the whole secret (as UTF-8, prefix included) over `<t>.<raw body>`, in hex. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The `X-Nabz-Signature` header value for a body sent at `at`. */
export function signatureHeader(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${signatureOf(secret, t, body)}`;
}

/**
 * What a receiver does (docs/webhooks.md has the same in a partner's words): true when the header
 * carries a v1 signature of this body made with this secret no more than `toleranceSeconds` ago.
 */
export function verifySignature(secret: string, header: string, body: string, toleranceSeconds = 300, now: Date = new Date()): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && typeof v === 'string' && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
