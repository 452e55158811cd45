import { type Goal } from '../goals/goal.entity';
import { canSeeGoal } from '../goals/goal.policy';
import { type Poll } from '../polls/poll.entity';
import { canSeePoll } from '../polls/poll.policy';
import { effectiveStatus } from '../polls/poll-status';
import { Role } from '../staff/role';
import { hasRole, type Viewer } from '../staff/staff.policy';
import { EventStatus, PUBLIC_EVENT_STATUSES } from './event.enums';

/** Roles that manage events, occasions and their overrides. */
export const EVENT_EDITORS = [Role.EDITOR, Role.ADMIN] as const;

export function canEditEvents(viewer: Viewer | null): boolean {
  return hasRole(viewer, EVENT_EDITORS);
}

/** Statuses a viewer may see: staff see drafts too, everyone else published and cancelled events. */
export function visibleEventStatuses(viewer: Viewer | null): EventStatus[] {
  return viewer ? Object.values(EventStatus) : [...PUBLIC_EVENT_STATUSES];
}

export function canSeeEvent(viewer: Viewer | null, event: { status: EventStatus }): boolean {
  return visibleEventStatuses(viewer).includes(event.status);
}

/** A linked poll is shown only to those who may see it: a draft poll stays hidden behind a public event. */
export function canSeeLinkedPoll(viewer: Viewer | null, poll: Poll): boolean {
  return canSeePoll(viewer, effectiveStatus(poll));
}

/** A linked goal is shown only to those who may see it (drafts and archived goals are staff-only). */
export function canSeeLinkedGoal(viewer: Viewer | null, goal: Goal): boolean {
  return canSeeGoal(viewer, goal);
}
