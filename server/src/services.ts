import type Redis from 'ioredis';
import { type DataSource } from 'typeorm';
import { type Config } from './config';
import { Limiter } from './common/rate-limit';
import { DistrictService } from './modules/districts/district.service';
import { GoalService } from './modules/goals/goal.service';
import { AuditService } from './modules/staff/audit.service';
import { AuthService } from './modules/staff/auth.service';

/** The application's services, built once per app and shared by every request. */
export function createServices(db: DataSource, config: Config, redis?: Redis) {
  const audit = new AuditService();
  const window = 15 * 60;
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
    districts: new DistrictService(db),
    goals: new GoalService(db, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
