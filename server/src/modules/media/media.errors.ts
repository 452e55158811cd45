import { type AppError, conflict } from '../../common/errors';
import { type EnumValue, selfNamed } from '../../common/self-named';

/**
 * Media relations reuse the platform's CONFLICT code for a request that clashes with what is
 * stored (a duplicate outlet or slug, a move the release's status does not allow, an outlet still
 * in use); `extensions.reason` says which, for clients that want to tell them apart.
 */
export const MediaConflict = selfNamed(
  'OUTLET_NAME_TAKEN',
  'OUTLET_IN_USE',
  'SLUG_TAKEN',
  'SLUG_FIXED',
  'RELEASE_STATUS',
  'RELEASE_NOT_PUBLISHED',
  'RELEASE_NOT_DRAFT',
);
export type MediaConflict = EnumValue<typeof MediaConflict>;

export const mediaConflict: (reason: MediaConflict, message: string, field?: string) => AppError = conflict;

/** PostgreSQL's unique_violation, and the constraint it names. */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' ? (e?.driverError?.constraint ?? e?.constraint ?? '') : null;
}

/** PostgreSQL's foreign_key_violation, and the constraint it names. */
export function foreignKeyViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23503' ? (e?.driverError?.constraint ?? e?.constraint ?? '') : null;
}
