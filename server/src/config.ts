import path from 'node:path';
import { z } from 'zod';
import { checkTrustList, type TrustProxy } from './common/client-address';

/**
 * The one place that reads the environment. Everything else receives a validated `Config`.
 * A missing or malformed setting stops start-up with a message that names it.
 */

const SERVER_ROOT = path.resolve(__dirname, '..');

/** The secrets that stored data depends on (db/secret-fingerprints.ts), by the setting that holds each. */
export const DATA_SECRETS = ['RESPONDENT_SECRET', 'SECOND_FACTOR_KEY'] as const;
export type DataSecretName = (typeof DATA_SECRETS)[number];

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_READ_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // The longest one SQL statement of a request may run (issue 14 item 4); migrations, demo data and the tally fold lift it.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  PGLITE_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(SERVER_ROOT, '.data', 'pglite')),
  REDIS_URL: z
    .string()
    .url()
    .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: boolean.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  COOKIE_SECURE: boolean.optional(),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(100 * 1024),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      if (['true', '1'].includes(v)) return true;
      if (['false', '0'].includes(v)) return false;
      const list = v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      try {
        checkTrustList(list);
      } catch {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'must be true, false, or a comma-separated list of addresses, CIDR ranges or loopback/linklocal/uniquelocal',
        });
        return z.NEVER;
      }
      return list;
    }),
  SIGN_IN_ATTEMPTS_PER_15_MIN: z.coerce.number().int().min(1).default(10),
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(50),
  // Admins must sign in with a second factor (TOTP); on by default in production only, so the demo stays one step.
  REQUIRE_ADMIN_2FA: boolean.optional(),
  // Encrypts second-factor (TOTP) secrets at rest; derived from RESPONDENT_SECRET when unset.
  SECOND_FACTOR_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  RESPONDENT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Secrets whose change is meant: the server records the new value instead of refusing to start.
  ACCEPT_CHANGED_SECRETS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const names = (v ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !(DATA_SECRETS as readonly string[]).includes(n));
      if (unknown.length) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `names ${unknown.join(', ')}: must be a comma-separated list of ${DATA_SECRETS.join(', ')}`,
        });
        return z.NEVER;
      }
      return names as DataSecretName[];
    }),
  WEB_API_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  UNCHALLENGED_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  ANSWER_MIX_K: z.coerce
    .number()
    .int()
    .min(10, 'must be at least 10: a smaller batch would link answers to people more closely than 1 in 10')
    .max(1000)
    .default(10),
  ANSWER_MIX_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  ALTCHA_MAX_COUNTER: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
  ALTCHA_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
  SMS_GATEWAY: z.enum(['log', 'kavenegar', 'off']).optional(),
  KAVENEGAR_API_KEY: z.string().min(1).optional(),
  KAVENEGAR_TEMPLATE: z.string().min(1).default('nabz-verify'),
  KAVENEGAR_BASE_URL: z.string().url().default('https://api.kavenegar.com'),
  KAVENEGAR_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  VERIFICATION_CODES_PER_NUMBER_PER_HOUR: z.coerce.number().int().min(1).default(5),
  VERIFICATION_CODES_PER_CLIENT_PER_HOUR: z.coerce.number().int().min(1).default(100),
  VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN: z.coerce.number().int().min(1).default(100),
  CITY_TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Tehran')
    .default('Asia/Tehran'),
  TALLY_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  TALLY_FOLD_ON_READ_AT: z.coerce.number().int().min(1).max(1_000_000).default(200),
  ANALYTICS_SITE: z
    .string()
    .max(253)
    .regex(/^[A-Za-z0-9.-]+$/, "must be the site's host name, such as www.city.example")
    .default('localhost'),
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ANALYTICS_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  ANALYTICS_BEACONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  ANALYTICS_VISITORS_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  TRUSTED_DOCUMENTS: z.enum(['enforce', 'off']).optional(),
  PUBLIC_SITE_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'must start with https:// or http://')
    .default('http://localhost:3000'),
  WEBSOCKET_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const origins = v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      for (const origin of origins) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          // reported below
        }
        if (!parsed || parsed.origin !== origin) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `"${origin}" is not an origin such as https://www.city.example (scheme, host and port only)`,
          });
          return z.NEVER;
        }
      }
      return origins;
    }),
  // Open GraphQL WebSockets one client address may hold on one instance (the website's are counted by visitor).
  WEBSOCKET_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  WEBHOOK_ALLOW_PRIVATE: boolean.default(false),
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://, e.g. smtp://user:pass@mail.city.example:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Nabz <no-reply@localhost>'),
  MAIL_LINK_BASE_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'must start with https:// or http://')
    .optional(),
  MAIL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(12),
  // Uploaded images and PDFs (issue 16 item 4, docs/operations.md): a local folder unless S3_BUCKET is set.
  UPLOADS_DIR: z.string().min(1).optional(),
  FILES_PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'must start with https:// or http://')
    .optional(),
  UPLOAD_IMAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  UPLOAD_PDF_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  UPLOAD_IMAGE_MAX_PIXELS: z.coerce.number().int().min(10_000).max(268_402_689).default(50_000_000),
  // Uploaded files attached to nothing are deleted by the hourly sweep once they are this many hours old.
  FILES_UNUSED_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: boolean.default(true),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database:
    | {
        kind: 'url';
        url: string;
        poolSize: number;
        /** A read replica for the analysts' reads (insights); they go to `url` when unset. */
        readUrl?: string;
      }
    | { kind: 'embedded'; dataDir: string };
  /** statement_timeout of request queries, in ms (lifted for migrations, demo data and the tally fold). */
  statementTimeoutMs: number;
  redisUrl?: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Load demo data (goals, districts, one account per role) into an empty database. */
  demoData: boolean;
  sessionTtlMs: number;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  /** Whose X-Forwarded-For to believe: nobody, everybody, or the proxies at these addresses. */
  trustProxy: TrustProxy;
  /**
   * Shared with the website (WEB_API_SECRET): the visitor address it signs into X-Nabz-Client is
   * believed, so limits count each visitor rather than the website. Unset: the header is ignored.
   */
  webApiSecret?: string;
  signInAttemptsPer15Min: number;
  /**
   * Wrong passwords to one account from every client that is not a device of it, together, before
   * each further try from such a client waits (a guesser spread over many addresses).
   */
  signInFailuresPerAccount: number;
  /**
   * Staff second factors (TOTP): whether every ADMIN must use one (REQUIRE_ADMIN_2FA, on by default
   * in production), and the key their secrets are encrypted with (SECOND_FACTOR_KEY; derived from
   * RESPONDENT_SECRET unless set — either way it must survive, or every enrolment is lost).
   */
  secondFactor: { requireForAdmins: boolean; key: string };
  /** Keys the respondent-token signatures and the respondent hashes stored with participations. */
  respondentSecret: string;
  /** Secrets stored data depends on that may differ from the ones recorded in the database (db/secret-fingerprints.ts). */
  acceptChangedSecrets: DataSecretName[];
  /** Poll submissions allowed per client address per minute. */
  submissionsPerMinute: number;
  /**
   * Trustworthy participation (docs/privacy.md): the answer mix's batch size k and how often it
   * moves; the proof-of-work challenge's work and lifetime; the tighter limit on unchallenged
   * answers; the SMS gateway (log: development, codes in the server log; off: VERIFIED_PHONE polls
   * answer SERVICE_UNAVAILABLE) and the verification limits.
   */
  participation: {
    mixK: number;
    mixIntervalMs: number;
    altcha: { maxCounter: number; ttlSeconds: number };
    unchallengedPerHour: number;
    sms: { kind: 'log' } | { kind: 'off' } | { kind: 'kavenegar'; apiKey: string; template: string; baseUrl: string; timeoutMs: number };
    codesPerNumberPerHour: number;
    codesPerClientPerHour: number;
    checksPerClientPer15Min: number;
  };
  /** The city's time zone: days of trends and tallies are days there. */
  timeZone: string;
  /** How often new responses are folded into the result tallies. */
  tallyIntervalMs: number;
  /** A results read that adds this many of its poll's still-queued responses has them folded at once. */
  tallyFoldOnReadAt: number;
  /**
   * Site analytics: the site's host name (part of every visitor key), raw page-view retention, write
   * interval; page views per address a minute and visitors per address a day (see AddressLimits).
   */
  analytics: { site: string; retentionDays: number; flushMs: number; beaconsPerMinute: number; visitorsPerAddress: number };
  /** Anonymous callers may send only the website's operations (schema/persisted-documents.json). */
  trustedDocuments: boolean;
  /**
   * Partner webhooks: the public site's base URL (page addresses in payloads), how often each
   * instance looks for due deliveries and scheduled poll openings/closings, the first retry's wait,
   * http:// allowed (outside production), private addresses allowed (tests, on purpose).
   */
  webhooks: { siteUrl: string; intervalMs: number; retryBaseMs: number; allowHttp: boolean; allowPrivate: boolean };
  /** Query limits; `suggestions`: whether error messages may name fields ("Did you mean …?"), never in production. */
  /** Origins whose pages may open a GraphQL WebSocket (requests without Origin are not browsers'). */
  websocketOrigins: string[];
  /**
   * GraphQL WebSockets one client address (group: an IPv6 /64) may hold open at once on one
   * instance; the handshake of one more is refused with HTTP 429. The website's connections carry
   * its visitor's signed address (WEB_API_SECRET), so each visitor counts, not the website.
   */
  websocketConnectionsPerAddress: number;
  /**
   * E-mail to journalists (docs/media.md): the SMTP server (unset: jobs stay queued and a log line
   * says why), the From address, the server's public base URL for unsubscribe and RSVP links, the key
   * that signs those links, how often the queue looks for due retries, and the tries before FAILED.
   */
  mail: { smtpUrl?: string; from: string; linkBaseUrl: string; secret: string; pollIntervalMs: number; maxAttempts: number };
  /**
   * Uploaded images and PDFs (docs/operations.md): where they are kept (a local folder, or an
   * S3-compatible bucket such as MinIO), the public base URL of GET /files/…, and the limits.
   */
  files: {
    storage:
      | { kind: 'local'; dir: string }
      | {
          kind: 's3';
          bucket: string;
          endpoint?: string;
          region: string;
          forcePathStyle: boolean;
          accessKeyId?: string;
          secretAccessKey?: string;
        };
    publicUrl: string;
    imageMaxBytes: number;
    pdfMaxBytes: number;
    imageMaxPixels: number;
    /** Files attached to nothing are deleted by the hourly sweep (on a PostgreSQL server) once this old. */
    unusedHours: number;
  };
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number; maxDirectives: number; suggestions: boolean };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (PORT=) means "not set", as in most twelve-factor tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const smsKind = e.SMS_GATEWAY ?? (e.KAVENEGAR_API_KEY ? 'kavenegar' : production ? 'off' : 'log');
  if (smsKind === 'kavenegar' && !e.KAVENEGAR_API_KEY) throw new ConfigError(['KAVENEGAR_API_KEY: required when SMS_GATEWAY=kavenegar']);
  if (production && smsKind === 'log')
    throw new ConfigError([
      'SMS_GATEWAY: log writes codes to the server log and is for development only; use kavenegar (or off) in production',
    ]);
  if (e.S3_BUCKET && !e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY)
    throw new ConfigError(['S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither (the SDK then finds credentials itself)']);
  if (production && !e.RESPONDENT_SECRET) {
    throw new ConfigError(['RESPONDENT_SECRET: required in production (32+ random characters, the same on every instance)']);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'url', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, readUrl: e.DATABASE_READ_URL }
      : { kind: 'embedded', dataDir: path.resolve(e.PGLITE_DATA_DIR) },
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA ?? !production,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ?? production,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    webApiSecret: e.WEB_API_SECRET,
    signInAttemptsPer15Min: e.SIGN_IN_ATTEMPTS_PER_15_MIN,
    signInFailuresPerAccount: e.SIGN_IN_FAILURES_PER_ACCOUNT,
    secondFactor: {
      requireForAdmins: e.REQUIRE_ADMIN_2FA ?? production,
      key: e.SECOND_FACTOR_KEY ?? `second-factor:${e.RESPONDENT_SECRET ?? 'nabz-development-respondent-secret-not-for-production'}`,
    },
    // Outside production a fixed development secret keeps tokens valid across restarts.
    respondentSecret: e.RESPONDENT_SECRET ?? 'nabz-development-respondent-secret-not-for-production',
    acceptChangedSecrets: e.ACCEPT_CHANGED_SECRETS,
    submissionsPerMinute: e.SUBMISSIONS_PER_MINUTE,
    participation: {
      mixK: e.ANSWER_MIX_K,
      mixIntervalMs: e.ANSWER_MIX_INTERVAL_MS,
      altcha: { maxCounter: e.ALTCHA_MAX_COUNTER, ttlSeconds: e.ALTCHA_TTL_SECONDS },
      unchallengedPerHour: e.UNCHALLENGED_SUBMISSIONS_PER_HOUR,
      sms:
        smsKind === 'kavenegar'
          ? {
              kind: 'kavenegar',
              apiKey: e.KAVENEGAR_API_KEY!,
              template: e.KAVENEGAR_TEMPLATE,
              baseUrl: e.KAVENEGAR_BASE_URL,
              timeoutMs: e.KAVENEGAR_TIMEOUT_MS,
            }
          : { kind: smsKind },
      codesPerNumberPerHour: e.VERIFICATION_CODES_PER_NUMBER_PER_HOUR,
      codesPerClientPerHour: e.VERIFICATION_CODES_PER_CLIENT_PER_HOUR,
      checksPerClientPer15Min: e.VERIFICATION_CHECKS_PER_CLIENT_PER_15_MIN,
    },
    timeZone: e.CITY_TIME_ZONE,
    tallyIntervalMs: e.TALLY_INTERVAL_MS,
    tallyFoldOnReadAt: e.TALLY_FOLD_ON_READ_AT,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    analytics: {
      site: e.ANALYTICS_SITE,
      retentionDays: e.ANALYTICS_RETENTION_DAYS,
      flushMs: e.ANALYTICS_FLUSH_MS,
      beaconsPerMinute: e.ANALYTICS_BEACONS_PER_MINUTE,
      visitorsPerAddress: e.ANALYTICS_VISITORS_PER_ADDRESS,
    },
    // On by default in production; development and tests leave GraphQL open to explore.
    trustedDocuments: (e.TRUSTED_DOCUMENTS ?? (production ? 'enforce' : 'off')) === 'enforce',
    webhooks: {
      siteUrl: e.PUBLIC_SITE_URL.replace(/\/+$/, ''),
      intervalMs: e.WEBHOOK_INTERVAL_MS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      allowHttp: !production,
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    },
    // The public site's own origin unless listed otherwise.
    websocketOrigins: e.WEBSOCKET_ORIGINS ?? [new URL(e.PUBLIC_SITE_URL).origin],
    websocketConnectionsPerAddress: e.WEBSOCKET_CONNECTIONS_PER_ADDRESS,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      linkBaseUrl: (e.MAIL_LINK_BASE_URL ?? `http://localhost:${e.PORT || 4000}`).replace(/\/+$/, ''),
      // Derived from the respondent secret unless set: links stay valid across restarts and instances.
      secret: e.MAIL_SECRET ?? `mail-links:${e.RESPONDENT_SECRET ?? 'nabz-development-respondent-secret-not-for-production'}`,
      pollIntervalMs: e.MAIL_POLL_INTERVAL_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
    },
    files: {
      storage: e.S3_BUCKET
        ? {
            kind: 's3',
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          }
        : { kind: 'local', dir: path.resolve(e.UPLOADS_DIR ?? path.join(SERVER_ROOT, '.data', 'uploads')) },
      publicUrl: (
        e.FILES_PUBLIC_URL ?? `${(e.MAIL_LINK_BASE_URL ?? `http://localhost:${e.PORT || 4000}`).replace(/\/+$/, '')}/files`
      ).replace(/\/+$/, ''),
      imageMaxBytes: e.UPLOAD_IMAGE_MAX_BYTES,
      pdfMaxBytes: e.UPLOAD_PDF_MAX_BYTES,
      imageMaxPixels: e.UPLOAD_IMAGE_MAX_PIXELS,
      unusedHours: e.FILES_UNUSED_HOURS,
    },
    limits: { maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxCost: 5000, maxDirectives: 20, suggestions: !production },
  };
}
