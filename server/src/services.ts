import type Redis from 'ioredis';
import { type DataSource } from 'typeorm';
import { type Config } from './config';
import { type Logger } from './logger';
import { Limiter } from './common/rate-limit';
import { DistrictService } from './modules/districts/district.service';
import { GoalService } from './modules/goals/goal.service';
import { GoalIndicatorService } from './modules/goals/goal-indicator.service';
import { PollExportService } from './modules/exports/poll-export.service';
import { PollInsightsService } from './modules/polls/insights/insights.service';
import { PollResultsService } from './modules/polls/poll-results.service';
import { PollSubmissionService } from './modules/polls/poll-submission.service';
import { PollTallyService } from './modules/polls/poll-tally.service';
import { PollService } from './modules/polls/poll.service';
import { RespondentKeys } from './modules/polls/respondent';
import { PollEvents } from './modules/polls/poll-events';
import { PollLiveResults } from './modules/polls/live/poll-live.service';
import { RedisPollResponseBus } from './modules/polls/live/poll-response-bus';
import { AuditService } from './modules/staff/audit.service';
import { AuthService } from './modules/staff/auth.service';

/** Live-results settings that are not configuration: tests give each run its own Redis channels. */
export interface LiveResultsSettings {
  /** Prefix of the Redis pub/sub channels; instances that share one see each other's responses. */
  channelPrefix?: string;
  throttleMs?: number;
}

/** The application's services, built once per app and shared by every request. */
export function createServices(db: DataSource, config: Config, log: Logger, redis?: Redis, live: LiveResultsSettings = {}) {
  const audit = new AuditService();
  const window = 15 * 60;
  const districts = new DistrictService(db);
  const polls = new PollService(db, audit, districts);
  const pollTallies = new PollTallyService(db, config.timeZone, log);
  const pollEvents = new PollEvents();
  const pollResults = new PollResultsService(polls, pollTallies);
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
    goalIndicators: new GoalIndicatorService(db, audit, polls),
    pollExports: new PollExportService(polls, districts),
    polls,
    pollTallies,
    pollEvents,
    pollResults,
    pollLive: new PollLiveResults(pollResults, pollEvents, log, {
      throttleMs: live.throttleMs ?? 250,
      bus: redis ? new RedisPollResponseBus(redis, live.channelPrefix ?? 'nabz:', log) : undefined,
    }),
    pollInsights: new PollInsightsService(db, polls, pollTallies, districts, config.timeZone),
    pollSubmissions: new PollSubmissionService(
      db,
      polls,
      new RespondentKeys(config.respondentSecret),
      new Limiter({ keyPrefix: 'poll-submit', points: config.submissionsPerMinute, durationSeconds: 60 }, redis),
      (pollId) => pollEvents.responseAccepted(pollId),
      districts,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
