import { type Goal } from '../goals/goal.entity';
import { GoalStatus } from '../goals/goal.enums';
import { type Poll } from '../polls/poll.entity';
import { PollState } from '../polls/poll.enums';
import { Role } from '../staff/role';
import { type Viewer } from '../staff/staff.policy';
import { EventStatus } from './event.enums';
import { canEditEvents, canSeeEvent, canSeeLinkedGoal, canSeeLinkedPoll, visibleEventStatuses } from './event.policy';

const as = (role: Role): Viewer => ({ userId: 'u', sessionId: 's', role });

describe('event policy', () => {
  it('lets editors and admins manage events and occasions, and nobody else', () => {
    expect(canEditEvents(null)).toBe(false);
    expect(canEditEvents(as(Role.ANALYST))).toBe(false);
    expect(canEditEvents(as(Role.MEDIA_OFFICER))).toBe(false);
    expect(canEditEvents(as(Role.EDITOR))).toBe(true);
    expect(canEditEvents(as(Role.ADMIN))).toBe(true);
  });

  it('shows the public published and cancelled events, and staff drafts too', () => {
    expect(visibleEventStatuses(null).sort()).toEqual([EventStatus.CANCELLED, EventStatus.PUBLISHED]);
    expect(canSeeEvent(null, { status: EventStatus.DRAFT })).toBe(false);
    expect(canSeeEvent(null, { status: EventStatus.CANCELLED })).toBe(true);
    expect(canSeeEvent(as(Role.MEDIA_OFFICER), { status: EventStatus.DRAFT })).toBe(true);
  });

  it('hides a draft poll or an unpublished goal linked from a public event', () => {
    const poll = (state: PollState) => ({ state, opensAt: null, closesAt: null }) as Poll;
    expect(canSeeLinkedPoll(null, poll(PollState.DRAFT))).toBe(false);
    expect(canSeeLinkedPoll(null, poll(PollState.PUBLISHED))).toBe(true);
    expect(canSeeLinkedPoll(as(Role.EDITOR), poll(PollState.DRAFT))).toBe(true);
    expect(canSeeLinkedGoal(null, { status: GoalStatus.DRAFT } as Goal)).toBe(false);
    expect(canSeeLinkedGoal(null, { status: GoalStatus.ARCHIVED } as Goal)).toBe(false);
    expect(canSeeLinkedGoal(null, { status: GoalStatus.ACTIVE } as Goal)).toBe(true);
  });
});
