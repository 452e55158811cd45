import { AppError } from '../../common/errors';
import { cleanBeats, normalizeEmail, normalizePhone, normalizePhones } from './contact-details';

describe('contact details', () => {
  it.each([
    ['۰۲۱-۸۸۸۸ ۰۰۰۰', '02188880000'],
    ['٠٩١٢ ٣٤٥ ٦٧٨٩', '09123456789'],
    ['+98 (21) 5555-0100', '+982155550100'],
    ['0098 912 000 0000', '+989120000000'],
    ['\u200e+98\u200f912\u200c0000000', '+989120000000'],
    ['1234', '1234'],
  ])('normalises the phone %s to %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['', '123', 'call me', '+98 912 abc', '1234567890123456', '++98123', '98+123'])('refuses %j as a phone', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('names the first bad phone in the error and drops duplicates', () => {
    expect(normalizePhones(['۰۹۱۲۰۰۰۰۰۰۰', '0912 000 0000'], 'input.phones')).toEqual(['09120000000']);
    try {
      normalizePhones(['09120000000', 'nope'], 'input.phones');
      throw new Error('expected a failure');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phones[1]' });
    }
    expect(() => normalizePhones(Array(6).fill('09120000000'), 'input.phones')).toThrow(/At most 5/);
  });

  it('lower-cases e-mail and refuses what is not an address', () => {
    expect(normalizeEmail('  Reporter@Example.COM ', 'input.email')).toBe('reporter@example.com');
    for (const bad of ['reporter', 'a@b', 'a b@example.com', '@example.com', 'a@@example.com']) {
      expect(() => normalizeEmail(bad, 'input.email')).toThrow(AppError);
    }
  });

  it('trims beats and drops empty and repeated ones', () => {
    expect(cleanBeats([' حمل‌ونقل ', 'Culture', '', 'culture', 'محیط   زیست'])).toEqual(['حمل‌ونقل', 'Culture', 'محیط زیست']);
  });
});
