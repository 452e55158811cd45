import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { open, seal, VERSIONED } from '../../common/sealing';

/**
 * The pieces of staff second factors that need no database: TOTP (RFC 6238: SHA-1, 6 digits, 30 s,
 * as every authenticator app reads a QR code) through otplib, the secrets' encryption at rest and
 * the recovery codes.
 */

export const TOTP_PERIOD_SECONDS = 30;
/** Codes of the step before and after the current one are accepted too: phones' clocks drift. */
export const TOTP_TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = 'Nabz';

/** A new random secret: 20 bytes (160 bits, RFC 4226's recommendation), base32 as the apps take it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI the QR code carries: issuer, account and secret. */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret, period: TOTP_PERIOD_SECONDS, digits: 6 });
}

/**
 * The time step a 6-digit `code` belongs to, if it is one of `secret`'s codes near `now` and of a
 * step later than `afterTimeStep` (a code, or an older one, is never accepted twice); otherwise null.
 */
export function verifyTotp(secret: string, code: string, afterTimeStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Spaces and dashes are how people copy codes, and Persian or Arabic digits how a Persian keyboard types them; neither means anything. */
export function normalizeCode(input: string): string {
  return input
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

export const isTotpCode = (normalized: string) => /^\d{6}$/.test(normalized);

// Recovery codes: 12 characters of an alphabet without look-alikes (0/O, 1/I/L), 60 bits each.
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

export const isRecoveryCode = (normalized: string) => new RegExp(`^[${RECOVERY_ALPHABET}]{12}$`).test(normalized);

/** What is stored of a recovery code: a SHA-256 of its normalized form (60 random bits need no slow hash). */
export function recoveryCodeHash(userId: string, code: string): Buffer {
  return createHash('sha256')
    .update(`nabz-recovery-code\n${userId}\n${normalizeCode(code)}`)
    .digest();
}

/**
 * Encrypts TOTP secrets with AES-256-GCM under a key derived from the configured secret. The
 * user's id is associated data: a ciphertext copied to another account does not decrypt.
 * Layout: version (1) | nonce (12) | tag (16) | ciphertext.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`nabz second-factor secrets\n${secret}`).digest();
  }

  seal(userId: string, plaintext: string): Buffer {
    return seal(this.key, plaintext, userId, VERSIONED);
  }

  /** The secret, or null when the box was sealed under another key or for another user. */
  open(userId: string, sealed: Buffer): string | null {
    return open(this.key, sealed, userId, VERSIONED)?.toString('utf8') ?? null;
  }
}
