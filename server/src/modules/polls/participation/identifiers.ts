import {
  digitsArToEn,
  digitsFaToEn,
  isPhoneNumberValid,
  phoneNumberNormalizer,
  validateNationalIdChecksum,
  verifyIranianNationalId,
} from '@persian-tools/persian-tools';
import { badInput } from '../../../common/errors';
import { EligibilityKind } from '../poll.enums';

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII; spaces, dashes, dots and brackets dropped. */
export function asciiDigits(text: string): string {
  return digitsArToEn(digitsFaToEn(text)).replace(/[\s\u200c\u200f\u200e().-]/g, '');
}

/**
 * An Iranian mobile number in its national form (09XXXXXXXXX), from 09…, +989…, 00989… or 989…
 * in any digits. BAD_USER_INPUT otherwise.
 */
export function normalizeMobile(text: string, field: string): string {
  const digits = asciiDigits(text);
  if (!/^(\+98|0098|98|0)?9\d{9}$/.test(digits)) throw badInput('Enter an Iranian mobile number such as 09121234567.', field);
  const national = phoneNumberNormalizer(digits.replace(/^0098/, '+98').replace(/^98(?=9\d{9}$)/, '+98'), '0');
  if (!/^09\d{9}$/.test(national) || !isPhoneNumberValid(national)) throw badInput('This is not an Iranian mobile number.', field);
  return national;
}

/** The identifier as stored in an eligibility list (before hashing), or BAD_USER_INPUT. */
export function normalizeEligibilityId(kind: EligibilityKind, text: string, field: string): string {
  if (kind === EligibilityKind.NATIONAL_CODE) {
    const digits = asciiDigits(text);
    if (!/^\d{8,10}$/.test(digits)) throw badInput('A national code has 10 digits.', field);
    const code = digits.padStart(10, '0');
    if (!validateNationalIdChecksum(code)) throw badInput("This national code's check digit is wrong.", field);
    // The check digit alone is not enough: the first three digits name a registration office, and
    // some runs of digits are never issued.
    if (!verifyIranianNationalId(code))
      throw badInput('No national code is issued with these digits (its first three name no registration office).', field);
    return code;
  }
  const member = digitsArToEn(digitsFaToEn(text)).replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z0-9-]{3,32}$/.test(member)) throw badInput('A member number has 3 to 32 letters, digits or dashes.', field);
  return member;
}

/** Shows a number with its middle hidden, for messages: 0912***4567. */
export function maskMobile(national: string): string {
  return `${national.slice(0, 4)}***${national.slice(-4)}`;
}
