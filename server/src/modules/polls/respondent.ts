import { createHmac, randomFillSync, timingSafeEqual } from 'node:crypto';

const TOKEN_ID_BYTES = 16;
/**
 * Random bytes for token ids, drawn 256 ids at a time: one call into the CSPRNG per 256 tokens
 * instead of one per token (a per-request randomBytes() cost 2–3 % of a submission's CPU). Node's
 * randomUUID() caches entropy the same way.
 */
const entropy = { pool: Buffer.alloc(TOKEN_ID_BYTES * 256), offset: Infinity };

function randomTokenId(): string {
  if (entropy.offset >= entropy.pool.length) {
    randomFillSync(entropy.pool);
    entropy.offset = 0;
  }
  const id = entropy.pool.toString('base64url', entropy.offset, entropy.offset + TOKEN_ID_BYTES);
  entropy.offset += TOKEN_ID_BYTES;
  return id;
}

/**
 * Anonymous respondents. The server issues a token (random id + signature); the web keeps it in a
 * cookie, partner apps keep it per user. What the database keeps is only a keyed hash of the token
 * for one poll, so the same person's participations in two polls cannot be linked either.
 */
export class RespondentKeys {
  private readonly signingKey: Buffer;
  private readonly hashingKey: Buffer;

  constructor(secret: string) {
    this.signingKey = createHmac('sha256', secret).update('respondent-token-signature').digest();
    this.hashingKey = createHmac('sha256', secret).update('respondent-participation-hash').digest();
  }

  issue(): string {
    const id = randomTokenId();
    return `${id}.${this.sign(id)}`;
  }

  /** True when the token is one this server (or a sibling instance with the same secret) issued. */
  isValid(token: string): boolean {
    const [id, signature, extra] = token.split('.');
    if (!id || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(id)) return false;
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** The participation key stored for (poll, token). */
  participationKey(pollId: string, token: string): Buffer {
    return createHmac('sha256', this.hashingKey).update(`${pollId}:${token}`).digest();
  }

  private sign(id: string): string {
    return createHmac('sha256', this.signingKey).update(id).digest('base64url').slice(0, 22);
  }
}
