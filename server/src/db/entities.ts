import {
  AnalyticsDaily,
  AnalyticsDailyDimension,
  AnalyticsPageTitle,
  AnalyticsPageView,
  AnalyticsSalt,
  AnalyticsTotal,
  AnalyticsVisitorDay,
} from '../modules/analytics/analytics.entity';
import { District, DistrictPopulation } from '../modules/districts/district.entity';
import { Event } from '../modules/events/event.entity';
import { Occasion, OccasionOverride } from '../modules/events/occasion.entity';
import { Goal } from '../modules/goals/goal.entity';
import { MEDIA_ENTITIES } from '../modules/media/media.entities';
import { WEBHOOK_ENTITIES } from '../modules/webhooks/webhook.entity';
import { MailDelivery } from '../modules/mail/mail-delivery.entity';
import { FILE_ENTITIES } from '../modules/files/file.entity';
import { GoalIndicator } from '../modules/goals/goal-indicator.entity';
import { Poll, PollAnswer, PollOption, PollParticipation, PollQuestion, PollResponse } from '../modules/polls/poll.entity';
import { PollAnswerTally, PollResponseTally, PollTallyQueue } from '../modules/polls/poll-tally.entity';
import { PollAnswerDistrictTally, PollAnswerPairTally, PollWordTally } from '../modules/polls/insights/tally-rollups.entity';
import { PARTICIPATION_ENTITIES } from '../modules/polls/participation/participation.entity';
import { ApiKey } from '../modules/partners/api-key.entity';
import { AuditLogEntry } from '../modules/staff/audit.entity';
import { StaffPasswordToken, StaffRecoveryCode, StaffSecondFactor, StaffSession, StaffUser } from '../modules/staff/staff.entity';
import { StaffSignInLock } from '../modules/staff/sign-in-lock.entity';

export const ENTITIES = [
  District,
  DistrictPopulation,
  Goal,
  StaffUser,
  StaffSession,
  StaffPasswordToken,
  StaffSecondFactor,
  StaffRecoveryCode,
  StaffSignInLock,
  AuditLogEntry,
  Poll,
  PollQuestion,
  PollOption,
  PollParticipation,
  PollResponse,
  PollAnswer,
  PollTallyQueue,
  PollResponseTally,
  PollAnswerTally,
  PollAnswerDistrictTally,
  PollAnswerPairTally,
  PollWordTally,
  GoalIndicator,
  ApiKey,
  Event,
  Occasion,
  OccasionOverride,
  AnalyticsSalt,
  AnalyticsVisitorDay,
  AnalyticsPageView,
  AnalyticsDaily,
  AnalyticsDailyDimension,
  AnalyticsTotal,
  AnalyticsPageTitle,
  ...MEDIA_ENTITIES,
  ...WEBHOOK_ENTITIES,
  ...PARTICIPATION_ENTITIES,
  MailDelivery,
  ...FILE_ENTITIES,
];
