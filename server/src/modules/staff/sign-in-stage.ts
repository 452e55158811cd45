import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';
import { AppError, ErrorCode } from '../../common/errors';
import { Role } from './role';

/**
 * Where a sign-in stands. After the password, a session may still be restricted to one step: it
 * can do that step's mutation (and sign out) and nothing else, until it is done. In this order:
 * the second-factor code (accounts with one), a new password (when an administrator chose the
 * current one), enrolling a second factor (admins without one, where admins must use one).
 */
export const SignInState = graphqlEnum(
  'SignInState',
  'Where a sign-in stands: done, or the one step still ahead. Until it is done the session can do only that step.',
  {
    SIGNED_IN: 'Signed in: the session may do what the role may.',
    SECOND_FACTOR_REQUIRED: 'Send a code of the authenticator app, or a recovery code, with verifySecondFactor.',
    PASSWORD_CHANGE_REQUIRED: 'The password was chosen by an administrator: choose a new one with changePassword.',
    SECOND_FACTOR_ENROLMENT_REQUIRED:
      'This account must use a second factor and has none: startSecondFactorEnrolment, then confirmSecondFactorEnrolment.',
  },
);
export type SignInState = EnumValue<typeof SignInState>;

export type PendingState = Exclude<SignInState, typeof SignInState.SIGNED_IN>;

/** A restricted session: whose, and the step it is restricted to. */
export interface PendingSignIn {
  sessionId: string;
  userId: string;
  email: string;
  role: Role;
  state: PendingState;
  expiresAt: Date;
}

/** How long a restricted session lasts: long enough to find the phone, not a working day. */
export const PENDING_SESSION_TTL_MS = 15 * 60 * 1000;

export interface AccountSecurity {
  role: Role;
  passwordChangeRequired: boolean;
  secondFactorEnabled: boolean;
}

/** Whether this account must use a second factor (admins, where REQUIRE_ADMIN_2FA is on). */
export function secondFactorRequired(role: Role, requireForAdmins: boolean): boolean {
  return requireForAdmins && role === Role.ADMIN;
}

/** The step still ahead of a sign-in, given what was done so far (the password always, a code perhaps). */
export function nextSignInState(account: AccountSecurity, done: { secondFactor: boolean }, requireForAdmins: boolean): SignInState {
  if (account.secondFactorEnabled && !done.secondFactor) return SignInState.SECOND_FACTOR_REQUIRED;
  if (account.passwordChangeRequired) return SignInState.PASSWORD_CHANGE_REQUIRED;
  if (!account.secondFactorEnabled && secondFactorRequired(account.role, requireForAdmins))
    return SignInState.SECOND_FACTOR_ENROLMENT_REQUIRED;
  return SignInState.SIGNED_IN;
}

export const isPendingState = (value: string | null): value is PendingState =>
  value === SignInState.SECOND_FACTOR_REQUIRED ||
  value === SignInState.PASSWORD_CHANGE_REQUIRED ||
  value === SignInState.SECOND_FACTOR_ENROLMENT_REQUIRED;

/** A restricted session asked for something other than its step. */
export const signInIncomplete = (state: PendingState) =>
  new AppError(ErrorCode.UNAUTHENTICATED, `Finish signing in first: this session can only do its next step (${state}).`, {
    reason: 'SIGN_IN_INCOMPLETE',
    state,
  });
