import { badInput } from '../../common/errors';

/**
 * Telephone numbers and e-mail addresses as people type them, made comparable and checked. Persian
 * (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII; spaces, hyphens, dots, slashes and brackets are
 * dropped; a leading 00 becomes +. What remains must be 4 to 15 digits (E.164's longest) with an
 * optional leading +, the same rule the database's CHECK holds.
 */
const DIGITS: Record<string, string> = {};
for (let d = 0; d <= 9; d++) {
  DIGITS[String.fromCharCode(0x06f0 + d)] = String(d);
  DIGITS[String.fromCharCode(0x0660 + d)] = String(d);
}
const NON_ASCII_DIGIT = /[\u06f0-\u06f9\u0660-\u0669]/g;
// Separators people put in numbers, plus the invisible marks right-to-left editors insert.
const SEPARATORS = /[\s\-–—.()/\\\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const PHONE = /^\+?[0-9]{4,15}$/;

export const MAX_PHONES = 5;

/** The normalised number, or null when it is not a telephone number. */
export function normalizePhone(raw: string): string | null {
  let phone = raw.replace(NON_ASCII_DIGIT, (d) => DIGITS[d]).replace(SEPARATORS, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return PHONE.test(phone) ? phone : null;
}

/** Normalises every number, dropping duplicates; BAD_USER_INPUT naming the first bad one. */
export function normalizePhones(raw: readonly string[], field: string): string[] {
  if (raw.length > MAX_PHONES) throw badInput(`At most ${MAX_PHONES} telephone numbers.`, field);
  const out: string[] = [];
  raw.forEach((value, i) => {
    const phone = normalizePhone(value);
    if (!phone) throw badInput(`"${value}" is not a telephone number: use 4 to 15 digits, optionally starting with +.`, `${field}[${i}]`);
    if (!out.includes(phone)) out.push(phone);
  });
  return out;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the mail server's business.
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The address trimmed and lower-cased; BAD_USER_INPUT when it is not an address. */
export function normalizeEmail(raw: string, field: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw badInput(`"${raw}" is not an e-mail address.`, field);
  return email;
}

/** Trims each beat, drops empty ones and duplicates (ignoring case). */
export function cleanBeats(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const beat of raw.map((b) => b.trim().replace(/\s+/g, ' ')).filter(Boolean)) {
    if (seen.has(beat.toLowerCase())) continue;
    seen.add(beat.toLowerCase());
    out.push(beat);
  }
  return out;
}
