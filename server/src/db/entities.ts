import { District } from '../modules/districts/district.entity';
import { Goal } from '../modules/goals/goal.entity';
import { GoalIndicator } from '../modules/goals/goal-indicator.entity';
import { Poll, PollAnswer, PollOption, PollParticipation, PollQuestion, PollResponse } from '../modules/polls/poll.entity';
import { PollAnswerTally, PollResponseTally, PollTallyQueue } from '../modules/polls/poll-tally.entity';
import { PollAnswerDistrictTally, PollAnswerPairTally } from '../modules/polls/insights/tally-rollups.entity';
import { AuditLogEntry } from '../modules/staff/audit.entity';
import { StaffSession, StaffUser } from '../modules/staff/staff.entity';

export const ENTITIES = [
  District,
  Goal,
  StaffUser,
  StaffSession,
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
  GoalIndicator,
];
