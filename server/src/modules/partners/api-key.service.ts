import { HeaderMap } from '@apollo/server';
import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { type DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Limiter } from '../../common/rate-limit';
import { PeriodicTask } from '../../common/periodic-task';
import { type Logger } from '../../logger';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { ApiKey } from './api-key.entity';
import { API_SCOPES, type ApiScope } from './api-key.enums';

/** `nabz_` and 32 random bytes in base64url: 256 bits, recognisable in a leaked config file. */
const SECRET_PATTERN = /^nabz_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;
/** How long a looked-up key (or an unknown secret) is remembered: a revocation reaches other instances within this. */
const CACHE_TTL_MS = 10_000;
const CACHE_MAX = 10_000;
/** Request counts are added up in memory and written every FLUSH_MS (and on shutdown). */
const FLUSH_MS = 5_000;

/** The key a request authenticated with. */
export interface CallerKey {
  id: string;
  name: string;
  scopes: ApiScope[];
  requestsPerMinute: number;
}

export interface CreateApiKeyFields {
  name: string;
  scopes: ApiScope[];
  requestsPerMinute: number;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

/** The audit trail's view of a key: never its hash. */
const audited = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  requestsPerMinute: key.requestsPerMinute,
  revokedAt: key.revokedAt,
});

export class ApiKeyService {
  private readonly cache = new Map<string, { key: CallerKey | null; expires: number }>();
  private readonly limiters = new Map<number, Limiter>();
  private pending = new Map<string, { count: number; at: Date }>();
  private flushing: Promise<void> = Promise.resolve();
  /** flush() logs its own failures. */
  private readonly flusher = new PeriodicTask(
    () => this.flush(),
    () => undefined,
  );

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly log: Logger,
    private readonly redis?: Redis,
  ) {}

  start(): void {
    this.flusher.start(FLUSH_MS);
  }

  /** Stops the timer and writes the counts still in memory. */
  async close(): Promise<void> {
    await this.flusher.stop();
    await this.flush();
  }

  list(): Promise<ApiKey[]> {
    return this.db.getRepository(ApiKey).find({ order: { createdAt: 'DESC' } });
  }

  /** Requests made with the key: those written to the database plus those not yet flushed. */
  requestCount(key: ApiKey): number {
    return key.requestCount + (this.pending.get(key.id)?.count ?? 0);
  }

  async create(actor: Actor, fields: CreateApiKeyFields): Promise<{ apiKey: ApiKey; secret: string }> {
    const name = fields.name.trim();
    if (!name || name.length > 120) throw badInput('Give the key a name of 1 to 120 characters.', 'input.name');
    const scopes = [...new Set(fields.scopes)];
    if (!scopes.length) throw badInput('Give the key at least one scope.', 'input.scopes');
    if (scopes.some((s) => !API_SCOPES.includes(s))) throw badInput('Unknown scope.', 'input.scopes');
    if (!Number.isInteger(fields.requestsPerMinute) || fields.requestsPerMinute < 1 || fields.requestsPerMinute > 100_000) {
      throw badInput('requestsPerMinute must be a whole number from 1 to 100000.', 'input.requestsPerMinute');
    }
    const secret = `nabz_${randomBytes(32).toString('base64url')}`;
    const apiKey = await this.db.transaction(async (m) => {
      const saved = await m.getRepository(ApiKey).save(
        m.getRepository(ApiKey).create({
          name,
          prefix: secret.slice(0, PREFIX_LENGTH),
          keyHash: hashSecret(secret),
          scopes,
          requestsPerMinute: fields.requestsPerMinute,
          createdById: actor.userId,
        }),
      );
      return this.audit.recordCreation(m, actor, 'createApiKey', 'ApiKey', saved, audited(saved));
    });
    return { apiKey, secret };
  }

  async revoke(actor: Actor, id: string): Promise<ApiKey> {
    if (!isUuid(id)) throw notFound('API key');
    const apiKey = await this.db.transaction(async (m) => {
      const repo = m.getRepository(ApiKey);
      const key = await repo.createQueryBuilder('k').setLock('pessimistic_write').where('k.id = :id', { id }).getOne();
      if (!key) throw notFound('API key');
      if (key.revokedAt) return key; // revoking twice changes nothing
      const before = audited(key);
      key.revokedAt = new Date();
      await repo.update({ id }, { revokedAt: key.revokedAt });
      await this.audit.recordBy(m, actor, {
        action: 'revokeApiKey',
        entityType: 'ApiKey',
        entityId: id,
        before,
        after: audited(key),
      });
      return key;
    });
    // This instance stops accepting it at once; others within CACHE_TTL_MS.
    this.cache.delete(apiKey.keyHash.toString('base64'));
    return apiKey;
  }

  /**
   * The key behind a secret if it is cached and valid, else null; counts nothing and spends no
   * limit (the submission fast path looks before it decides, then calls `authenticate`).
   */
  peek(secret: string): CallerKey | null {
    return SECRET_PATTERN.test(secret) ? (this.cached(hashSecret(secret).toString('base64'))?.key ?? null) : null;
  }

  /** The cache entry of a key hash, unless it has expired. */
  private cached(cacheKey: string) {
    const hit = this.cache.get(cacheKey);
    return hit && hit.expires >= Date.now() ? hit : undefined;
  }

  /**
   * The key behind a secret sent with a request. UNAUTHENTICATED for a malformed, unknown or
   * revoked secret; RATE_LIMITED once the key has spent its requests for the minute.
   */
  async authenticate(secret: string): Promise<CallerKey> {
    if (!SECRET_PATTERN.test(secret)) throw invalidKey();
    const hash = hashSecret(secret);
    const cacheKey = hash.toString('base64');
    let hit = this.cached(cacheKey);
    if (!hit) {
      const row = await this.db.getRepository(ApiKey).findOne({ where: { keyHash: hash } });
      const key =
        row && !row.revokedAt ? { id: row.id, name: row.name, scopes: row.scopes, requestsPerMinute: row.requestsPerMinute } : null;
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      hit = { key, expires: Date.now() + CACHE_TTL_MS };
      this.cache.set(cacheKey, hit);
    }
    if (!hit.key) throw invalidKey();
    // Counted before the limit: the admins see what a key attempts, refused requests included.
    const used = this.pending.get(hit.key.id);
    if (used) {
      used.count++;
      used.at = new Date();
    } else {
      this.pending.set(hit.key.id, { count: 1, at: new Date() });
    }
    await this.limiter(hit.key.requestsPerMinute)
      .consume(hit.key.id)
      .catch((err: unknown) => {
        // Refused before any operation runs: RATE_LIMITED with HTTP 429 too, and Retry-After.
        if (err instanceof AppError && err.extensions.code === ErrorCode.RATE_LIMITED)
          throw new AppError(ErrorCode.RATE_LIMITED, err.message, {
            ...err.extensions,
            http: { status: 429, headers: new HeaderMap([['retry-after', String(err.extensions.retryAfter)]]) },
          });
        throw err;
      });
    return hit.key;
  }

  /** Writes the counts gathered since the last flush, in one statement. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (!this.pending.size) return;
      const batch = this.pending;
      this.pending = new Map();
      const ids = [...batch.keys()];
      try {
        await this.db.query(
          `UPDATE api_key k SET request_count = k.request_count + u.n, last_used_at = GREATEST(k.last_used_at, u.at)
           FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[]) AS u(id, n, at) WHERE k.id = u.id`,
          [ids, ids.map((id) => batch.get(id)!.count), ids.map((id) => batch.get(id)!.at)],
        );
      } catch (err) {
        // Put the counts back for the next flush rather than lose them.
        for (const [id, used] of batch) {
          const now = this.pending.get(id);
          this.pending.set(id, now ? { count: now.count + used.count, at: now.at > used.at ? now.at : used.at } : used);
        }
        this.log.warn({ err }, 'writing API key request counts failed; retrying at the next flush');
      }
    });
    return this.flushing;
  }

  private limiter(requestsPerMinute: number): Limiter {
    let limiter = this.limiters.get(requestsPerMinute);
    if (!limiter) {
      limiter = new Limiter({ keyPrefix: `api-key-${requestsPerMinute}`, points: requestsPerMinute, durationSeconds: 60 }, this.redis);
      this.limiters.set(requestsPerMinute, limiter);
    }
    return limiter;
  }
}

const invalidKey = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, "The API key is unknown, malformed or revoked. Ask the city's administrators for a key.", {
    http: { status: 401 },
  });
