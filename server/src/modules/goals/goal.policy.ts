import { Role } from '../staff/role';
import { hasRole, type Viewer } from '../staff/staff.policy';
import { GoalStatus, PUBLIC_GOAL_STATUSES } from './goal.enums';

/** Roles that may create, change and delete goals. */
export const GOAL_EDITORS = [Role.EDITOR, Role.ADMIN] as const;

export function canEditGoals(viewer: Viewer | null): boolean {
  return hasRole(viewer, GOAL_EDITORS);
}

/** Statuses a viewer may see: staff see every goal, everyone else published ones only. */
export function visibleGoalStatuses(viewer: Viewer | null): GoalStatus[] {
  return viewer ? Object.values(GoalStatus) : [...PUBLIC_GOAL_STATUSES];
}

export function canSeeGoal(viewer: Viewer | null, goal: { status: GoalStatus }): boolean {
  return visibleGoalStatuses(viewer).includes(goal.status);
}
