import { AppError } from '../../common/errors';

/** Domain error codes of polls (documented in docs/api.md). */
export enum PollErrorCode {
  ALREADY_RESPONDED = 'ALREADY_RESPONDED',
  POLL_CLOSED = 'POLL_CLOSED',
  POLL_NOT_OPEN = 'POLL_NOT_OPEN',
  DISTRICT_NOT_ELIGIBLE = 'DISTRICT_NOT_ELIGIBLE',
  POLL_HAS_RESPONSES = 'POLL_HAS_RESPONSES',
  POLL_CHANGED = 'POLL_CHANGED',
}

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
  new AppError(PollErrorCode.POLL_CHANGED, 'This poll was changed while it was being answered (a question or option was removed). Nothing was stored: load the poll again and answer it anew.');
