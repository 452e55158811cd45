import { generateSync } from 'otplib';
import { isRecoveryCode, newRecoveryCodes, normalizeCode, recoveryCodeHash, SecretBox, totpUri, verifyTotp } from './second-factor';
import { nextSignInState, SignInState } from './sign-in-stage';
import { Role } from './role';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const NOW = Date.UTC(2026, 0, 1, 12, 0, 10);
const step = Math.floor(NOW / 1000 / 30);
const codeAt = (s: number) => generateSync({ secret: SECRET, epoch: s * 30 });

describe('TOTP codes', () => {
  it('accept the current step and its neighbours, and nothing further', () => {
    expect(verifyTotp(SECRET, codeAt(step), null, NOW)).toBe(step);
    expect(verifyTotp(SECRET, codeAt(step - 1), null, NOW)).toBe(step - 1);
    expect(verifyTotp(SECRET, codeAt(step + 1), null, NOW)).toBe(step + 1);
    expect(verifyTotp(SECRET, codeAt(step - 3), null, NOW)).toBeNull();
    expect(verifyTotp(SECRET, 'abcdef', null, NOW)).toBeNull();
  });

  it('refuse a step accepted before, and any older one (replay)', () => {
    expect(verifyTotp(SECRET, codeAt(step), step, NOW)).toBeNull();
    expect(verifyTotp(SECRET, codeAt(step - 1), step, NOW)).toBeNull();
    expect(verifyTotp(SECRET, codeAt(step + 1), step, NOW)).toBe(step + 1);
  });

  it('read spaces, dashes and Persian digits as people type them', () => {
    expect(normalizeCode(' ۱۲۳ ۴۵۶ ')).toBe('123456');
    expect(normalizeCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
  });

  it('go into an otpauth URI with the issuer and the account', () => {
    expect(totpUri(SECRET, 'a@city.example')).toBe(`otpauth://totp/Nabz:a%40city.example?secret=${SECRET}&issuer=Nabz`);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes of 60 random bits, hashed per account', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(isRecoveryCode(normalizeCode(code))).toBe(true);
    expect(recoveryCodeHash('u1', codes[0])).toEqual(recoveryCodeHash('u1', codes[0].toLowerCase().replace(/-/g, ' ')));
    expect(recoveryCodeHash('u1', codes[0])).not.toEqual(recoveryCodeHash('u2', codes[0]));
  });
});

describe('the secrets box', () => {
  it('opens only with its key and for its account', () => {
    const box = new SecretBox('k'.repeat(32));
    const sealed = box.seal('user-1', SECRET);
    expect(sealed.toString('latin1')).not.toContain(SECRET);
    expect(box.open('user-1', sealed)).toBe(SECRET);
    expect(box.open('user-2', sealed)).toBeNull();
    expect(new SecretBox('x'.repeat(32)).open('user-1', sealed)).toBeNull();
  });

  it('still opens secrets sealed before the shared sealing helper, and keeps their layout', () => {
    // Sealed by the hand-written AES-GCM code this class had before: version 1 | nonce | tag | ciphertext.
    const stored = Buffer.from('019dff0dcfe9045608e045b96b465e65c3314abb4b0f2eab4e1e86ec535bf2c06454f08ace3389d8a1acdd14d1', 'hex');
    const box = new SecretBox('test-secret');
    expect(box.open('user-1', stored)).toBe('JBSWY3DPEHPK3PXP');
    const sealed = box.seal('user-1', 'JBSWY3DPEHPK3PXP');
    expect(sealed.length).toBe(stored.length);
    expect(sealed[0]).toBe(1);
  });
});

describe('the steps of signing in', () => {
  const account = (role: Role, passwordChangeRequired = false, secondFactorEnabled = false) => ({
    role,
    passwordChangeRequired,
    secondFactorEnabled,
  });
  it('come in order: code, new password, enrolment (admins, where required)', () => {
    expect(nextSignInState(account(Role.ADMIN, true, true), { secondFactor: false }, true)).toBe(SignInState.SECOND_FACTOR_REQUIRED);
    expect(nextSignInState(account(Role.ADMIN, true, true), { secondFactor: true }, true)).toBe(SignInState.PASSWORD_CHANGE_REQUIRED);
    expect(nextSignInState(account(Role.ADMIN), { secondFactor: false }, true)).toBe(SignInState.SECOND_FACTOR_ENROLMENT_REQUIRED);
    expect(nextSignInState(account(Role.ADMIN), { secondFactor: false }, false)).toBe(SignInState.SIGNED_IN);
    expect(nextSignInState(account(Role.EDITOR), { secondFactor: false }, true)).toBe(SignInState.SIGNED_IN);
  });
});
