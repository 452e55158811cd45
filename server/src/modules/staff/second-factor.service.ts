import { type DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../../common/errors';
import {
  isRecoveryCode,
  isTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeCode,
  recoveryCodeHash,
  type SecretBox,
  totpUri,
  verifyTotp,
} from './second-factor';
import { StaffRecoveryCode, StaffSecondFactor } from './staff.entity';
import { systemClock, type Clock } from '../../common/clock';

export type CodeMethod = 'TOTP' | 'RECOVERY_CODE';

export interface SecondFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  accountName: string;
}

/** Rows an `UPDATE … RETURNING` gave back (TypeORM answers it with [rows, affected]). */
function returned<T>(result: unknown): T[] {
  const list = result as unknown[];
  return (Array.isArray(list[0]) ? list[0] : list) as T[];
}

/**
 * Staff second factors in the database: enrolment (a secret waiting for its first code), codes
 * (each TOTP step and each recovery code accepted once: the statement that accepts it also spends
 * it, so two requests with one code cannot both pass), recovery codes and removal.
 */
export class SecondFactorService {
  constructor(
    private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly clock: Clock = systemClock,
  ) {}

  async isEnabled(userId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM staff_second_factor WHERE user_id = $1 AND confirmed_at IS NOT NULL', [
      userId,
    ]);
    return rows.length > 0;
  }

  /** Each account's second factor in key order (for DataLoader). */
  async statuses(userIds: readonly string[]): Promise<SecondFactorStatus[]> {
    const rows: Array<{ user_id: string; left: number }> = await this.db.query(
      `SELECT f.user_id, (SELECT count(*)::int FROM staff_recovery_code c WHERE c.user_id = f.user_id AND c.used_at IS NULL) AS left
         FROM staff_second_factor f WHERE f.user_id = ANY($1) AND f.confirmed_at IS NOT NULL`,
      [userIds],
    );
    const byId = new Map(rows.map((r) => [r.user_id, r.left]));
    return userIds.map((id) => ({ enabled: byId.has(id), recoveryCodesLeft: byId.get(id) ?? 0 }));
  }

  /**
   * A new secret waiting for its first code (it replaces one that waited before). CONFLICT with
   * reason SECOND_FACTOR_ENABLED when the account already has a second factor.
   */
  async start(userId: string, accountName: string): Promise<Enrolment> {
    const secret = newTotpSecret();
    const sealed = this.box.seal(userId, secret);
    const rows = returned<{ user_id: string }>(
      await this.db.query(
        `INSERT INTO staff_second_factor (user_id, secret_encrypted, confirmed_at, last_time_step) VALUES ($1, $2, NULL, NULL)
         ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now()
           WHERE staff_second_factor.confirmed_at IS NULL
         RETURNING user_id`,
        [userId, sealed],
      ),
    );
    if (!rows.length) throw enabledAlready();
    return { secret, otpauthUri: totpUri(secret, accountName), accountName };
  }

  /**
   * Confirms a waiting enrolment with a code of its secret, within `manager`'s transaction: the
   * second factor is on from then, and that code's step is spent. False for a wrong code; CONFLICT
   * with reason NO_ENROLMENT when nothing waits.
   */
  async confirm(manager: EntityManager, userId: string, code: string): Promise<boolean> {
    const row = await manager.findOne(StaffSecondFactor, { where: { userId }, lock: { mode: 'pessimistic_write' } });
    if (row?.confirmedAt) throw enabledAlready();
    if (!row) {
      throw conflict('NO_ENROLMENT', 'No enrolment is waiting: start one with startSecondFactorEnrolment.');
    }
    const secret = this.box.open(userId, row.secretEncrypted);
    const step = secret ? verifyTotp(secret, normalizeCode(code), null, this.clock().getTime()) : null;
    if (step === null) return false;
    await manager.update(StaffSecondFactor, { userId }, { confirmedAt: new Date(), lastTimeStep: String(step) });
    return true;
  }

  /**
   * Accepts and spends a code of the account's second factor: a TOTP code of a step later than any
   * accepted before, or an unused recovery code. Null when it is neither (wrong, used or replayed).
   */
  async spendCode(userId: string, input: string): Promise<{ method: CodeMethod } | null> {
    const code = normalizeCode(input);
    if (isTotpCode(code)) {
      const row = await this.db.getRepository(StaffSecondFactor).findOneBy({ userId });
      if (!row?.confirmedAt) return null;
      const secret = this.box.open(userId, row.secretEncrypted);
      const step = secret
        ? verifyTotp(secret, code, row.lastTimeStep === null ? null : Number(row.lastTimeStep), this.clock().getTime())
        : null;
      if (step === null) return null;
      const spent = returned<{ user_id: string }>(
        await this.db.query(
          `UPDATE staff_second_factor SET last_time_step = $2
            WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_time_step IS NULL OR last_time_step < $2)
            RETURNING user_id`,
          [userId, step],
        ),
      );
      return spent.length ? { method: 'TOTP' } : null;
    }
    if (isRecoveryCode(code)) {
      const spent = returned<{ id: string }>(
        await this.db.query(
          `UPDATE staff_recovery_code c SET used_at = now()
            WHERE c.user_id = $1 AND c.code_hash = $2 AND c.used_at IS NULL
              AND EXISTS (SELECT 1 FROM staff_second_factor f WHERE f.user_id = c.user_id AND f.confirmed_at IS NOT NULL)
            RETURNING c.id`,
          [userId, recoveryCodeHash(userId, code)],
        ),
      );
      return spent.length ? { method: 'RECOVERY_CODE' } : null;
    }
    return null;
  }

  async recoveryCodesLeft(userId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [{ n }] = (await manager.query('SELECT count(*)::int AS n FROM staff_recovery_code WHERE user_id = $1 AND used_at IS NULL', [
      userId,
    ])) as Array<{ n: number }>;
    return n;
  }

  /** New recovery codes in place of all earlier ones; the codes themselves are returned once and never stored. */
  async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await manager.delete(StaffRecoveryCode, { userId });
    await manager.insert(
      StaffRecoveryCode,
      codes.map((code) => ({ userId, codeHash: recoveryCodeHash(userId, code), usedAt: null })),
    );
    return codes;
  }

  /** Removes the account's second factor (enabled or waiting) and its recovery codes; true when one was enabled. */
  async remove(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = returned<{ confirmed: boolean }>(
      await manager.query('DELETE FROM staff_second_factor WHERE user_id = $1 RETURNING confirmed_at IS NOT NULL AS confirmed', [userId]),
    );
    await manager.delete(StaffRecoveryCode, { userId });
    return rows.some((r) => r.confirmed);
  }
}

const enabledAlready = () => conflict('SECOND_FACTOR_ENABLED', 'This account already has a second factor.');
