import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from './errors';

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * A limiter shared by all server instances through Redis when one is configured, and per process
 * otherwise. Keys are hashed: no raw address or e-mail is ever written to Redis.
 */
export class Limiter {
  private readonly limiter: RateLimiterAbstract;
  private readonly points: number;

  constructor(options: LimiterOptions, redis?: Redis) {
    this.points = options.points;
    const base = { keyPrefix: `nabz:${options.keyPrefix}`, points: options.points, duration: options.durationSeconds };
    this.limiter = redis
      ? // While Redis is away the in-memory insurance limiter answers at once (a per-process limit)
        // instead of every request waiting for reconnection attempts.
        new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base), rejectIfRedisNotReady: true })
      : new RateLimiterMemory(base);
  }

  /** Spends one point for the key; throws RATE_LIMITED with retryAfter when none are left. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(hashKey(key));
    } catch (e) {
      if (e instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }

  /** Seconds until the key may try again when its points are spent, else 0; spends nothing. */
  async blocked(key: string): Promise<number> {
    const state = await this.limiter.get(hashKey(key));
    return state && state.remainingPoints <= 0 && state.consumedPoints >= this.points
      ? Math.max(1, Math.ceil(state.msBeforeNext / 1000))
      : 0;
  }

  /** Spends one point for the key without refusing: for counting failures after the fact. */
  async penalize(key: string): Promise<void> {
    await this.limiter.penalty(hashKey(key), 1);
  }

  /**
   * Gives back one point `consume` spent, for an attempt that turned out not to count (refused
   * without storing anything). Consuming first and refunding after keeps a concurrent burst within
   * the limit, where checking first and consuming after the outcome would not.
   */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(hashKey(key), 1);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(hashKey(key));
  }
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}
