import { type SecondFactorStatus } from '../modules/staff/second-factor.service';
import DataLoader from 'dataloader';
import { type District } from '../modules/districts/district.entity';
import { createEventLoaders } from '../modules/events/event.loader';
import { type Goal } from '../modules/goals/goal.entity';
import { createGoalIndicatorLoaders } from '../modules/goals/goal-indicator.loader';
import { createMediaLoaders } from '../modules/media/media.loader';
import { type InsightsSource } from '../modules/polls/insights/insights.service';
import { type PollDefinition } from '../modules/polls/poll-definition';
import { type Poll, type PollOption, type PollQuestion } from '../modules/polls/poll.entity';
import { type ResponseAssurance } from '../modules/polls/poll.enums';
import { type StaffUser } from '../modules/staff/staff.entity';
import { type SignInLockState } from '../modules/staff/sign-in-guard';
import { type Services } from '../services';
import { type FileAttachment } from '../modules/files/file.entity';

/** Built fresh for every request, so nothing cached outlives the request or crosses viewers. */
export function createLoaders(services: Services) {
  return {
    goalById: new DataLoader<string, Goal | null>((ids) => services.goals.findByIds(ids)),
    districtById: new DataLoader<string, District | null>((ids) => services.districts.findByIds(ids)),
    pollById: new DataLoader<string, Poll | null>((ids) => services.polls.findByIds(ids)),
    questionsByPollId: new DataLoader<string, PollQuestion[]>((ids) => services.polls.questionsByPollIds(ids)),
    optionsByQuestionId: new DataLoader<string, PollOption[]>((ids) => services.polls.optionsByQuestionIds(ids)),
    staffUserById: new DataLoader<string, StaffUser | null>((ids) => services.auth.findUsersByIds(ids)),
    /**
     * A poll's responses by assurance: `assuranceCounts` and `verifiedCount` of one results read share
     * one statement. Batched, not cached: a WebSocket connection keeps its context across live pushes.
     */
    assuranceCountsByPollId: new DataLoader<string, Array<{ assurance: ResponseAssurance; count: number }>>(
      (ids) => services.pollTallies.assuranceCounts(ids),
      { cache: false },
    ),
    /** A poll's insights reads (tallies by district, by day…), made once per request and shared by its fields. */
    insightsSource: new DataLoader<PollDefinition, InsightsSource, string>(
      async (definitions) => definitions.map((d) => services.pollInsights.source(d)),
      { cacheKeyFn: (d) => d.poll.id },
    ),
    signInLockByUserId: new DataLoader<string, SignInLockState | null>((ids) => services.signInGuard.states(ids)),
    /** Attached files by `SLOT:ownerId` (an image of a news item, event, goal or district; a release's PDF), with the file. */
    attachmentByKey: new DataLoader<string, FileAttachment | null>((keys) => services.files.attachmentsByKeys(keys)),
    secondFactorByUserId: new DataLoader<string, SecondFactorStatus>((ids) => services.secondFactors.statuses(ids)),
    ...createGoalIndicatorLoaders(services),
    ...createEventLoaders(services),
    ...createMediaLoaders(services),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
