import type Redis from 'ioredis';
import { type DataSource } from 'typeorm';
import { type Config } from './config';
import { type Logger } from './logger';
import { Limiter } from './common/rate-limit';
import { DistrictService } from './modules/districts/district.service';
import { GoalService } from './modules/goals/goal.service';
import { PollResultsService } from './modules/polls/poll-results.service';
import { PollSubmissionService } from './modules/polls/poll-submission.service';
import { PollTallyService } from './modules/polls/poll-tally.service';
import { PollService } from './modules/polls/poll.service';
import { RespondentKeys } from './modules/polls/respondent';
import { PollEvents } from './modules/polls/poll-events';
import { AuditService } from './modules/staff/audit.service';
import { AuthService } from './modules/staff/auth.service';

/** The application's services, built once per app and shared by every request. */
export function createServices(db: DataSource, config: Config, log: Logger, redis?: Redis) {
  const audit = new AuditService();
  const window = 15 * 60;
  const districts = new DistrictService(db);
  const polls = new PollService(db, audit, districts);
  const pollTallies = new PollTallyService(db, config.timeZone, log);
  const pollEvents = new PollEvents();
  return {
    audit,
    auth: new AuthService(
      db,
      audit,
      {
        byAccount: new Limiter({ keyPrefix: 'signin-account', points: config.signInAttemptsPer15Min, durationSeconds: window }, redis),
        byClient: new Limiter({ keyPrefix: 'signin-client', points: config.signInAttemptsPer15Min * 5, durationSeconds: window }, redis),
      },
      config.sessionTtlMs,
    ),
    districts,
    goals: new GoalService(db, audit),
    polls,
    pollTallies,
    pollEvents,
    pollResults: new PollResultsService(polls, pollTallies),
    pollSubmissions: new PollSubmissionService(
      db,
      polls,
      new RespondentKeys(config.respondentSecret),
      new Limiter({ keyPrefix: 'poll-submit', points: config.submissionsPerMinute, durationSeconds: 60 }, redis),
      (pollId) => pollEvents.responseAccepted(pollId),
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
