import { AppError } from '../../common/errors';
import { type EnumValue, selfNamed } from '../../common/self-named';

/** Domain error codes of polls (documented in docs/api.md). */
export const PollErrorCode = selfNamed(
  'ALREADY_RESPONDED',
  'POLL_CLOSED',
  'POLL_NOT_OPEN',
  'DISTRICT_NOT_ELIGIBLE',
  'POLL_HAS_RESPONSES',
  'POLL_CHANGED',
  /** A proof-of-work payload that is ours but unsolved, tampered with or expired. */
  'CHALLENGE_FAILED',
  /** A proof-of-work challenge already spent on an answer. */
  'CHALLENGE_REUSED',
  /** A VERIFIED_PHONE or RESIDENT_LIST poll answered without a poll token. */
  'TOKEN_REQUIRED',
  /** A poll token whose signature does not verify under this poll's key (forged, or another poll's). */
  'TOKEN_INVALID',
  /** This identity already received its token for this poll. */
  'TOKEN_ALREADY_ISSUED',
  /** No code is waiting for this number (never asked, expired after 2 minutes, or used up by 5 wrong tries). */
  'CODE_EXPIRED',
  /** The code entered is not the one sent (`extensions.attemptsLeft`). */
  'CODE_INVALID',
  /** The identifier is not on the poll's eligibility list. */
  'NOT_ELIGIBLE',
  /** The poll takes no verification of this kind (an OPEN poll, or another level). */
  'WRONG_ASSURANCE',
);
export type PollErrorCode = EnumValue<typeof PollErrorCode>;

export const alreadyResponded = () => new AppError(PollErrorCode.ALREADY_RESPONDED, 'This respondent has already answered this poll.');
export const pollClosed = () => new AppError(PollErrorCode.POLL_CLOSED, 'This poll is closed and takes no more answers.');
export const pollNotOpen = (opensAt: Date | null) =>
  new AppError(PollErrorCode.POLL_NOT_OPEN, 'This poll is not open yet.', opensAt ? { opensAt: opensAt.toISOString() } : {});
export const districtNotEligible = () =>
  new AppError(PollErrorCode.DISTRICT_NOT_ELIGIBLE, 'This poll is limited to other districts.', { field: 'input.districtId' });
export const pollHasResponses = (what: string) =>
  new AppError(PollErrorCode.POLL_HAS_RESPONSES, `This poll already has responses: ${what}`);
/** The poll's questions were edited between loading the form and submitting it: nothing was stored. */
export const pollChanged = () =>
  new AppError(
    PollErrorCode.POLL_CHANGED,
    'This poll was changed while it was being answered (a question or option was removed). Nothing was stored: load the poll again and answer it anew.',
  );

export const challengeReused = () =>
  new AppError(PollErrorCode.CHALLENGE_REUSED, 'This challenge was already used for an answer; solve a new one.', {
    field: 'input.challenge',
  });
export const tokenRequired = () =>
  new AppError(
    PollErrorCode.TOKEN_REQUIRED,
    'This poll takes verified answers only: verify, obtain a poll token with issuePollToken, and send it as `pollToken`.',
    { field: 'input.pollToken' },
  );
export const tokenInvalid = () =>
  new AppError(
    PollErrorCode.TOKEN_INVALID,
    "The poll token does not verify under this poll's public key (`Poll.tokenKey`): it was not issued for this poll.",
    { field: 'input.pollToken' },
  );
export const wrongAssurance = (expected: string) =>
  new AppError(PollErrorCode.WRONG_ASSURANCE, `This poll's assurance is ${expected}; it takes no verification of this kind.`);
