import { MailService } from './modules/mail/mail.service';
import { FileService } from './modules/files/file.service';
import { createFileStorage } from './modules/files/storage';
import { createHmac } from 'node:crypto';
import type Redis from 'ioredis';
import { type DataSource } from 'typeorm';
import { type Config } from './config';
import { type Logger } from './logger';
import { Limiter } from './common/rate-limit';
import { AnalyticsService } from './modules/analytics/analytics.service';
import { type Clock } from './common/clock';
import { DistrictService } from './modules/districts/district.service';
import { EventService } from './modules/events/event.service';
import { OccasionService } from './modules/events/occasion.service';
import { SearchService } from './modules/search/search.service';
import { GoalService } from './modules/goals/goal.service';
import { GoalIndicatorService } from './modules/goals/goal-indicator.service';
import { createMediaServices } from './modules/media/media.services';
import { PollExportService } from './modules/exports/poll-export.service';
import { PollInsightsService } from './modules/polls/insights/insights.service';
import { PollActivityService } from './modules/polls/poll-activity';
import { PollResultsService } from './modules/polls/poll-results.service';
import { PollSubmissionService } from './modules/polls/poll-submission.service';
import { ResultsAccess } from './modules/polls/results-access';
import { PollTallyService } from './modules/polls/poll-tally.service';
import { PollService } from './modules/polls/poll.service';
import { RespondentKeys } from './modules/polls/respondent';
import { AnswerMixer } from './modules/polls/participation/answer-mix';
import { AnswerSeal } from './modules/polls/participation/answer-seal';
import { AbuseSignals } from './modules/polls/participation/abuse-signals';
import { ParticipationService } from './modules/polls/participation/participation.service';
import { PollTokenKeys } from './modules/polls/participation/poll-tokens';
import { ProofOfWork } from './modules/polls/participation/proof-of-work';
import { KavenegarSmsGateway, LogSmsGateway, type SmsGateway } from './modules/polls/participation/sms';
import { PollEvents } from './modules/polls/poll-events';
import { PollLiveResults } from './modules/polls/live/poll-live.service';
import { RedisPollResponseBus } from './modules/polls/live/poll-response-bus';
import { AuditService } from './modules/staff/audit.service';
import { WebhookService } from './modules/webhooks/webhook.service';
import { ApiKeyService } from './modules/partners/api-key.service';
import { AuthService } from './modules/staff/auth.service';
import { PasswordSetupService } from './modules/staff/password-setup.service';
import { DEFAULT_SIGN_IN_GUARD, SignInGuard } from './modules/staff/sign-in-guard';
import { StaffAdminService } from './modules/staff/staff-admin.service';
import { AuditLogService } from './modules/staff/audit-log.service';
import { SecretBox } from './modules/staff/second-factor';
import { SecondFactorService } from './modules/staff/second-factor.service';

/** Live-results settings that are not configuration: tests give each run its own Redis channels. */
export interface LiveResultsSettings {
  /** Prefix of the Redis pub/sub channels; instances that share one see each other's responses. */
  channelPrefix?: string;
  throttleMs?: number;
}

/** The application's services, built once per app and shared by every request. */
/** The SMS gateway the configuration names (tests pass their own to createApp). */
export function smsGateway(config: Config, log: Logger): SmsGateway {
  const sms = config.participation.sms;
  if (sms.kind === 'kavenegar') return new KavenegarSmsGateway(sms);
  if (sms.kind === 'log') return new LogSmsGateway(log);
  return { name: 'off', sendCode: async () => Promise.reject(new Error('no SMS gateway is configured (SMS_GATEWAY=off)')) };
}

export function createServices(
  db: DataSource,
  config: Config,
  log: Logger,
  redis?: Redis,
  live: LiveResultsSettings = {},
  clock?: Clock,
  readDb: DataSource = db,
  sms: SmsGateway = smsGateway(config, log),
) {
  const audit = new AuditService();
  const window = 15 * 60;
  // Failed sign-ins: SIGN_IN_ATTEMPTS_PER_15_MIN per account and client before waits begin, five
  // times as many per client across accounts in 15 minutes, SIGN_IN_FAILURES_PER_ACCOUNT per account
  // from every client that is not a device of it together (see SignInGuard).
  const signInGuard = new SignInGuard(
    db,
    new Limiter({ keyPrefix: 'signin-failures', points: config.signInAttemptsPer15Min * 5, durationSeconds: window }, redis),
    {
      ...DEFAULT_SIGN_IN_GUARD,
      freeFailures: config.signInAttemptsPer15Min,
      accountFreeFailures: config.signInFailuresPerAccount,
      deviceKey: createHmac('sha256', config.respondentSecret).update('nabz staff device tokens').digest(),
    },
  );
  const secondFactors = new SecondFactorService(db, new SecretBox(config.secondFactor.key), clock);
  const districts = new DistrictService(db, audit);
  const respondentKeys = new RespondentKeys(config.respondentSecret);
  const webhooks = new WebhookService(db, audit, log, config.webhooks);
  const polls = new PollService(db, audit, districts, webhooks);
  const goals = new GoalService(db, audit);
  const occasions = new OccasionService(db, audit, config.timeZone);
  const pollTallies = new PollTallyService(db, config.timeZone, log, config.tallyFoldOnReadAt);
  const pollEvents = new PollEvents();
  const pollResults = new PollResultsService(polls, pollTallies);
  const pollTokens = new PollTokenKeys(db, config.respondentSecret);
  const hour = 3600;
  // Answers wait in the mix sealed under a key of their own, derived from RESPONDENT_SECRET: the writer seals, the mover opens.
  const answerSeal = new AnswerSeal(config.respondentSecret);
  // Moved answers are folded into the tallies at once, then live results hear of the change.
  const answerMix = new AnswerMixer(
    db,
    config.participation.mixK,
    log,
    () => pollTallies.foldAll(),
    (pollIds) => pollIds.forEach((id) => pollEvents.responseAccepted(id)),
    answerSeal,
    config.timeZone,
  );
  const abuseSignals = new AbuseSignals(
    db,
    config.timeZone,
    log,
    audit,
    () => pollTallies.foldAll(),
    (pollId) => pollEvents.responseAccepted(pollId),
  );
  const mail = new MailService(db, audit, log, config.mail, { siteUrl: config.webhooks.siteUrl, timeZone: config.timeZone });
  return {
    mail,
    files: new FileService(db, audit, createFileStorage(config.files), config.files, log),
    answerMix,
    answerSeal,
    abuseSignals,
    participation: new ParticipationService(
      db,
      polls,
      pollTokens,
      sms,
      {
        codesPerNumber: new Limiter(
          { keyPrefix: 'verify-code-number', points: config.participation.codesPerNumberPerHour, durationSeconds: hour },
          redis,
        ),
        codesPerClient: new Limiter(
          { keyPrefix: 'verify-code-client', points: config.participation.codesPerClientPerHour, durationSeconds: hour },
          redis,
        ),
        checksPerClient: new Limiter(
          { keyPrefix: 'verify-check-client', points: config.participation.checksPerClientPer15Min, durationSeconds: window },
          redis,
        ),
      },
      audit,
      log,
      config.respondentSecret,
    ),
    audit,
    apiKeys: new ApiKeyService(db, audit, log, redis),
    staffAdmin: new StaffAdminService(db, audit, secondFactors),
    secondFactors,
    auditLog: new AuditLogService(db),
    analytics: new AnalyticsService(db, audit, log, { ...config.analytics, timeZone: config.timeZone, clock }),
    auth: new AuthService(db, audit, signInGuard, config.sessionTtlMs, config.env, secondFactors, config.secondFactor.requireForAdmins),
    passwordSetup: new PasswordSetupService(db, audit, config.env, config.webhooks.siteUrl),
    signInGuard,
    districts,
    goals,
    search: new SearchService(readDb, occasions),
    occasions,
    events: new EventService(db, audit, occasions, districts, polls, goals, webhooks),
    goalIndicators: new GoalIndicatorService(db, audit, polls),
    ...createMediaServices(db, audit, { districts, timeZone: config.timeZone, webhooks }),
    pollExports: new PollExportService(polls, districts, db, audit),
    polls,
    webhooks,
    pollTallies,
    pollEvents,
    pollResults,
    pollLive: new PollLiveResults(pollResults, pollEvents, log, {
      throttleMs: live.throttleMs ?? 250,
      bus: redis ? new RedisPollResponseBus(redis, live.channelPrefix ?? 'nabz:', log) : undefined,
    }),
    // Insights read through `readDb` (a replica when DATABASE_READ_URL is set); only this instance's tallies fold.
    pollInsights: new PollInsightsService(
      readDb,
      polls,
      readDb === db ? pollTallies : new PollTallyService(readDb, config.timeZone, log, null),
      districts,
      config.timeZone,
    ),
    pollResultsAccess: new ResultsAccess(db, respondentKeys),
    pollActivity: new PollActivityService(db, pollTallies, abuseSignals, config.timeZone),
    pollSubmissions: new PollSubmissionService(
      db,
      polls,
      respondentKeys,
      {
        perClient: new Limiter({ keyPrefix: 'poll-submit', points: config.submissionsPerMinute, durationSeconds: 60 }, redis),
        unchallengedPerClient: new Limiter(
          { keyPrefix: 'poll-submit-unchallenged', points: config.participation.unchallengedPerHour, durationSeconds: hour },
          redis,
        ),
      },
      districts,
      new ProofOfWork(config.respondentSecret, config.participation.altcha),
      pollTokens,
      abuseSignals,
      answerSeal,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
