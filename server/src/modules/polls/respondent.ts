import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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
    const id = randomBytes(16).toString('base64url');
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
