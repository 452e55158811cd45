import { Role } from '../staff/role';
import { type Viewer } from '../staff/staff.policy';
import { GoalStatus } from './goal.enums';
import { canEditGoals, canSeeGoal, visibleGoalStatuses } from './goal.policy';

const as = (role: Role): Viewer => ({ userId: 'u', sessionId: 's', role });

describe('goal policy', () => {
  it('lets editors and admins edit goals, and nobody else', () => {
    expect(canEditGoals(null)).toBe(false);
    expect(canEditGoals(as(Role.ANALYST))).toBe(false);
    expect(canEditGoals(as(Role.MEDIA_OFFICER))).toBe(false);
    expect(canEditGoals(as(Role.EDITOR))).toBe(true);
    expect(canEditGoals(as(Role.ADMIN))).toBe(true);
  });

  it('shows the public active and completed goals only', () => {
    expect(visibleGoalStatuses(null).sort()).toEqual([GoalStatus.ACTIVE, GoalStatus.COMPLETED]);
    expect(canSeeGoal(null, { status: GoalStatus.DRAFT })).toBe(false);
    expect(canSeeGoal(null, { status: GoalStatus.ARCHIVED })).toBe(false);
    expect(canSeeGoal(as(Role.ANALYST), { status: GoalStatus.DRAFT })).toBe(true);
  });
});
