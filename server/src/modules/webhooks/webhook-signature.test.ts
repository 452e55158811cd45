import { createHmac } from 'node:crypto';
import { newSigningSecret, signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = newSigningSecret();
  const body = JSON.stringify({ id: 'd1', type: 'POLL_OPENED', data: { title: { fa: 'نظرسنجی', en: null } } });
  const at = new Date('2026-11-26T10:00:00Z');

  it('makes secrets of 256 random bits with a recognisable prefix', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it('signs "<t>.<raw body>" with HMAC-SHA256 keyed by the whole secret, as docs/webhooks.md says', () => {
    const header = signatureHeader(secret, body, at);
    const t = at.getTime() / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex')}`);
  });

  it('verifies its own signature, and refuses another body, another secret or an old timestamp', () => {
    const header = signatureHeader(secret, body, at);
    expect(verifySignature(secret, header, body, 300, at)).toBe(true);
    expect(verifySignature(secret, header, `${body} `, 300, at)).toBe(false);
    expect(verifySignature(newSigningSecret(), header, body, 300, at)).toBe(false);
    expect(verifySignature(secret, header, body, 300, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature(secret, 'garbage', body, 300, at)).toBe(false);
  });
});
