import { answersToMove } from './answer-mix';
import { networkPrefix, userAgentFamily } from './abuse-signals';
import { maskMobile, normalizeEligibilityId, normalizeMobile } from './identifiers';
import { ProofOfWork } from './proof-of-work';
import { EligibilityKind } from '../poll.enums';

describe('answersToMove', () => {
  it('keeps k back while the poll is open and moves only from 2k waiting', () => {
    expect(answersToMove(19, true, 10, false)).toBe(0);
    expect(answersToMove(20, true, 10, false)).toBe(10);
    expect(answersToMove(35, true, 10, false)).toBe(25);
  });
  it('moves everything once the poll is closed, or when forced', () => {
    expect(answersToMove(3, false, 10, false)).toBe(3);
    expect(answersToMove(3, true, 10, true)).toBe(3);
  });
});

describe('normalizeMobile', () => {
  it.each([
    ['09121234567', '09121234567'],
    ['۰۹۱۲۱۲۳۴۵۶۷', '09121234567'],
    ['٠٩١٢١٢٣٤٥٦٧', '09121234567'],
    ['+98 912 123 4567', '09121234567'],
    ['0098-912-123-4567', '09121234567'],
    ['989121234567', '09121234567'],
    ['9121234567', '09121234567'],
  ])('reads %s as %s', (given, expected) => expect(normalizeMobile(given, 'input.phone')).toBe(expected));

  it.each(['0912123456', '091212345678', '02112345678', '+4915112345678', 'نه', ''])(
    'refuses %p with BAD_USER_INPUT on the field',
    (given) => {
      expect(() => normalizeMobile(given, 'input.phone')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.phone' }) }),
      );
    },
  );

  it('masks the middle of a number', () => expect(maskMobile('09121234567')).toBe('0912***4567'));
});

describe('normalizeEligibilityId', () => {
  it('takes national codes in any digits, padding lost leading zeros, and checks the check digit', () => {
    expect(normalizeEligibilityId(EligibilityKind.NATIONAL_CODE, '۰۴۹۹۳۷۰۸۹۹', 'f')).toBe('0499370899');
    expect(normalizeEligibilityId(EligibilityKind.NATIONAL_CODE, '499370899', 'f')).toBe('0499370899');
    expect(() => normalizeEligibilityId(EligibilityKind.NATIONAL_CODE, '0499370898', 'f')).toThrow(/check digit/);
    expect(() => normalizeEligibilityId(EligibilityKind.NATIONAL_CODE, '1111111111', 'f')).toThrow();
    expect(() => normalizeEligibilityId(EligibilityKind.NATIONAL_CODE, '12345', 'f')).toThrow(/10 digits/);
    // A right check digit with a prefix no registration office has (987): refused, and said so.
    expect(() => normalizeEligibilityId(EligibilityKind.NATIONAL_CODE, '9876543210', 'f')).toThrow(/registration office/);
  });
  it('takes member numbers case-insensitively', () => {
    expect(normalizeEligibilityId(EligibilityKind.MEMBER_NUMBER, ' m-1001 ', 'f')).toBe('M-1001');
    expect(() => normalizeEligibilityId(EligibilityKind.MEMBER_NUMBER, 'a b', 'f')).toThrow();
  });
});

describe('clusters', () => {
  it('groups addresses by /24 and /48, and user agents by browser family and system', () => {
    expect(networkPrefix('5.160.12.7')).toBe('5.160.12.0/24');
    expect(networkPrefix('::ffff:5.160.12.7')).toBe('5.160.12.0/24');
    expect(networkPrefix('2a01:5ec0:1:2::9')).toBe('2a01:5ec0:1::/48');
    expect(networkPrefix('::ffff:0510:0c07')).toBe('5.16.12.0/24');
    expect(networkPrefix('5.160.12.7:4711')).toBe('5.160.12.0/24');
    expect(networkPrefix('2a01:5ec0::9')).toBe('2a01:5ec0:0::/48');
    expect(networkPrefix('unknown')).toBe('unknown');
    expect(userAgentFamily('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36')).toBe('Chrome/Android');
    expect(
      userAgentFamily(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari/iOS');
    expect(userAgentFamily('python-requests/2.31')).toBe('tool/other');
    expect(userAgentFamily(undefined)).toBe('other/other');
  });
});

describe('ProofOfWork', () => {
  const pow = new ProofOfWork('a-test-secret-of-at-least-32-characters', { maxCounter: 200, ttlSeconds: 60 });
  const solve = async (challenge: unknown) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { solveChallenge } = require('altcha-lib');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { deriveKey } = require('altcha-lib/algorithms/sha');
    return solveChallenge({ challenge, deriveKey });
  };

  it('verifies its own solved challenge, as base64 or as JSON, with one key per challenge', async () => {
    const challenge = await pow.challenge();
    const solution = await solve(challenge);
    const json = JSON.stringify({ challenge, solution });
    const a = await pow.verify(Buffer.from(json).toString('base64'), 'input.challenge');
    const b = await pow.verify(json, 'input.challenge');
    expect(a.key.equals(b.key)).toBe(true);
    const other = await pow.challenge();
    expect(
      (await pow.verify(JSON.stringify({ challenge: other, solution: await solve(other) }), 'input.challenge')).key.equals(a.key),
    ).toBe(false);
  });

  it("refuses another server's challenge and an expired one with CHALLENGE_FAILED", async () => {
    const foreign = new ProofOfWork('another-secret-of-at-least-32-characters', { maxCounter: 200, ttlSeconds: 60 });
    const challenge = await foreign.challenge();
    await expect(pow.verify(JSON.stringify({ challenge, solution: await solve(challenge) }), 'input.challenge')).rejects.toMatchObject({
      extensions: { code: 'CHALLENGE_FAILED' },
    });
    const old = await pow.challenge(new Date(Date.now() - 120_000));
    await expect(pow.verify(JSON.stringify({ challenge: old, solution: await solve(old) }), 'input.challenge')).rejects.toMatchObject({
      extensions: { code: 'CHALLENGE_FAILED' },
    });
  });
});
