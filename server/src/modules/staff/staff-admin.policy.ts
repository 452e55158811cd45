import { type AppError, conflict } from '../../common/errors';
import { MIN_PASSWORD_LENGTH } from './password';
import { Role } from './role';
import { type EnumValue, selfNamed } from '../../common/self-named';

/** argon2 takes any length, but a multi-megabyte "password" is a denial of service, not a secret. */
export const MAX_PASSWORD_LENGTH = 200;
export const DISPLAY_NAME_MAX = 120;
export const EMAIL_MAX = 254;

/**
 * Staff administration reuses the platform's CONFLICT code for changes the current state forbids;
 * `extensions.reason` says which, for clients that want to tell them apart.
 */
export const StaffAdminConflict = selfNamed('EMAIL_TAKEN', 'SELF_CHANGE', 'LAST_ADMIN');
export type StaffAdminConflict = EnumValue<typeof StaffAdminConflict>;

export const staffConflict: (reason: StaffAdminConflict, message: string, field?: string) => AppError = conflict;

/** Why a password may not be used, or null when it may. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

/** The name shown when none is given: the e-mail address's local part. */
export function defaultDisplayName(email: string): string {
  return (email.split('@')[0] || email).slice(0, DISPLAY_NAME_MAX);
}

export interface AccountState {
  id: string;
  role: Role;
  active: boolean;
}

/** True when an account holds the ADMIN role in earnest: an active admin. */
const isActiveAdmin = (state: Pick<AccountState, 'role' | 'active'>) => state.active && state.role === Role.ADMIN;

/**
 * Whether an admin may give `target` the role and active flag in `next`. Two rules keep the
 * platform administrable: nobody removes their own admin rights (another admin must), and the
 * last active admin stays one. `activeAdminIds` must be read under a lock on those rows, so that two
 * concurrent demotions cannot each count the other as the remaining admin.
 */
export function adminChangeRefusal(
  actorId: string,
  target: AccountState,
  next: Pick<AccountState, 'role' | 'active'>,
  activeAdminIds: readonly string[],
): AppError | null {
  if (!isActiveAdmin(target) || isActiveAdmin(next)) return null;
  if (target.id === actorId) {
    return staffConflict(
      StaffAdminConflict.SELF_CHANGE,
      'You cannot deactivate yourself or take away your own ADMIN role; ask another admin.',
      'input.id',
    );
  }
  if (!activeAdminIds.some((id) => id !== target.id)) {
    return staffConflict(
      StaffAdminConflict.LAST_ADMIN,
      'This is the last active admin: make another staff member ADMIN first.',
      'input.id',
    );
  }
  return null;
}

/** Sessions end when the account can no longer use them as they were granted: deactivated, or another role. */
export function endsSessions(before: Pick<AccountState, 'role' | 'active'>, next: Pick<AccountState, 'role' | 'active'>): boolean {
  return (before.active && !next.active) || before.role !== next.role;
}
