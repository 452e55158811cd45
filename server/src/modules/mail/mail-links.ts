import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links in e-mails: unsubscribe (per contact) and RSVP (per invitation and answer). The
 * signature is an HMAC-SHA256 of the purpose and ids under the mail secret, so a link cannot be
 * forged for another contact or answer, and needs no table.
 */
export class MailLinks {
  constructor(
    private readonly secret: string,
    private readonly baseUrl: string,
  ) {}

  sign(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\n')).digest('base64url');
  }

  verify(token: unknown, ...parts: string[]): boolean {
    if (typeof token !== 'string' || token.length > 100) return false;
    const expected = Buffer.from(this.sign(...parts));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  unsubscribe(contactId: string): string {
    return `${this.baseUrl}/mail/unsubscribe?c=${contactId}&t=${this.sign('unsubscribe', contactId)}`;
  }

  rsvp(invitationId: string, answer: 'yes' | 'no'): string {
    return `${this.baseUrl}/mail/rsvp?i=${invitationId}&a=${answer}&t=${this.sign('rsvp', invitationId, answer)}`;
  }
}
