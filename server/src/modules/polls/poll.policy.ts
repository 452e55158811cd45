import { Role } from '../staff/role';
import { hasRole, type Viewer } from '../staff/staff.policy';
import { PollStatus, ResultsVisibility } from './poll.enums';

export const POLL_EDITORS = [Role.EDITOR, Role.ADMIN] as const;
/** Staff who read opinion data beyond what the public sees. */
export const POLL_ANALYSTS = [Role.ANALYST, Role.EDITOR, Role.ADMIN] as const;

/** Drafts are staff-only: to everyone else a draft does not exist. */
export function canSeePoll(viewer: Viewer | null, status: PollStatus): boolean {
  return viewer !== null || status !== PollStatus.DRAFT;
}

export function canReadResults(viewer: Viewer | null, visibility: ResultsVisibility, hasResponded: boolean): boolean {
  if (viewer) return true;
  if (visibility === ResultsVisibility.PUBLIC) return true;
  if (visibility === ResultsVisibility.AFTER_RESPONSE) return hasResponded;
  return false;
}

export function canAnalyse(viewer: Viewer | null): boolean {
  return hasRole(viewer, POLL_ANALYSTS);
}
