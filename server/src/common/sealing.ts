import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * How a sealed value is laid out: `version | nonce (12) | tag (16) | ciphertext`, or, with
 * `version: null`, the same without the leading byte (the poll signing keys were stored so before
 * this helper existed, and must still open).
 */
export interface SealLayout {
  version: number | null;
}

export const VERSIONED: SealLayout = { version: 1 };

/**
 * AES-256-GCM with a random 12-byte nonce. `context` is associated data: a value sealed for one
 * context (a user, a poll) does not open under another, so a ciphertext copied to another row is
 * refused rather than read.
 */
export function seal(key: Buffer, plaintext: Buffer | string, context: string, layout: SealLayout = VERSIONED): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  const head = layout.version === null ? [] : [Buffer.from([layout.version])];
  return Buffer.concat([...head, nonce, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the value was sealed under another key, for another context, in another layout, or altered. */
export function open(key: Buffer, sealed: Buffer, context: string, layout: SealLayout = VERSIONED): Buffer | null {
  const start = layout.version === null ? 0 : 1;
  if (sealed.length < start + NONCE_BYTES + TAG_BYTES) return null;
  if (layout.version !== null && sealed[0] !== layout.version) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(start, start + NONCE_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.subarray(start + NONCE_BYTES, start + NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(start + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * `plaintext` followed by spaces up to the next multiple of `bucket` bytes (at least one bucket):
 * the sealed length then tells only the bucket, not the length of what was written. Spaces, so a
 * padded JSON text still parses as it is.
 */
export function padToBucket(plaintext: Buffer, bucket: number): Buffer {
  const size = Math.max(bucket, Math.ceil(plaintext.length / bucket) * bucket);
  return Buffer.concat([plaintext, Buffer.alloc(size - plaintext.length, 0x20)]);
}
