import { GraphQLError } from 'graphql';
import { type EnumValue, selfNamed } from './self-named';

/**
 * Stable error codes that partner apps switch on (`extensions.code`). Adding one is an API change:
 * document it in docs/api.md.
 */
export const ErrorCode = selfNamed(
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  /** The database does not answer (down or restarting): retry shortly (see docs/api.md on what may have been stored). */
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
);
export type ErrorCode = EnumValue<typeof ErrorCode>;

/** A failure the caller can act on. Anything else that escapes a resolver is masked. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode | string, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }
}

/**
 * Why a BAD_USER_INPUT was refused, where a client shows people a message of its own (the message
 * is English for developers): `extensions.reason`, stable like the codes (docs/api.md).
 */
export const BadInputReason = selfNamed(
  'CLOSES_BEFORE_OPENS',
  'CLOSES_IN_PAST',
  'CLOSED_POLL_RESCHEDULED',
  'ENDS_BEFORE_STARTS',
  /** AFTER_RESPONSE results on a VERIFIED_PHONE or RESIDENT_LIST poll: nothing it stores says who answered. */
  'AFTER_RESPONSE_NEEDS_OPEN',
  /** A search query with nothing to look for once spaces, ZWNJ and diacritics are set aside. */
  'QUERY_EMPTY',
  /** A search query over the length or word limit. */
  'QUERY_TOO_LONG',
  /** A new password that is the demo accounts' public one (production). */
  'DEMO_PASSWORD',
  /** A second-factor code (app or recovery) that is wrong, used already or expired. */
  'INVALID_CODE',
  /** A password change whose current password is wrong. */
  'WRONG_PASSWORD',
  /** A new password that is the current one. */
  'SAME_PASSWORD',
);
export type BadInputReason = EnumValue<typeof BadInputReason>;

export const badInput = (message: string, field?: string, reason?: BadInputReason) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { ...(field ? { field } : {}), ...(reason ? { reason } : {}) });
/** A CONFLICT: the change clashes with what is stored; `reason` (`extensions.reason`) says how, for clients that tell them apart. */
export const conflict = (reason: string, message: string, field?: string) =>
  new AppError(ErrorCode.CONFLICT, message, { reason, ...(field ? { field } : {}) });
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} was not found.`);
export const unauthenticated = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first: this operation needs a staff session or token.');
export const forbidden = () => new AppError(ErrorCode.FORBIDDEN, 'Your role may not perform this operation.');
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(ErrorCode.RATE_LIMITED, `Too many attempts. Try again in ${retryAfterSeconds} s.`, {
    retryAfter: retryAfterSeconds,
  });
