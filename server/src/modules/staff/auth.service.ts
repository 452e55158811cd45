import { createHash, randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { AppError, ErrorCode } from '../../common/errors';
import { type Limiter } from '../../common/rate-limit';
import { type AuditService } from './audit.service';
import { burnPasswordCheck, verifyPassword } from './password';
import { StaffSession, StaffUser } from './staff.entity';
import { type Viewer } from './staff.policy';

export interface SignInResult {
  user: StaffUser;
  token: string;
  expiresAt: Date;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest();

/** Staff sign-in, sessions and sign-out. Tokens are random 256-bit strings; only their hash is stored. */
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly limiters: { byAccount: Limiter; byClient: Limiter },
    private readonly sessionTtlMs: number,
  ) {}

  async signIn(email: string, password: string, meta: { clientKey: string; requestId: string }): Promise<SignInResult> {
    const normalizedEmail = email.trim().toLowerCase();
    await this.limiters.byClient.consume(meta.clientKey);
    await this.limiters.byAccount.consume(normalizedEmail);

    const user = await this.db.getRepository(StaffUser).findOne({ where: { email: normalizedEmail } });
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    if (!user || !valid || !user.active) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'The e-mail address or password is wrong.', { reason: 'INVALID_CREDENTIALS' });
    }
    await this.limiters.byAccount.reset(normalizedEmail);

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    await this.db.transaction(async (manager) => {
      // Expired sessions are dead weight: each sign-in clears its own account's.
      await manager.query('DELETE FROM staff_session WHERE user_id = $1 AND expires_at <= now()', [user.id]);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(StaffSession)
        .values({ tokenHash: sha256(token), userId: user.id, expiresAt })
        .returning(['id'])
        .execute();
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'signIn',
        entityType: 'StaffSession',
        entityId: inserted.identifiers[0]?.id ?? null,
        requestId: meta.requestId,
      });
    });
    return { user, token, expiresAt };
  }

  /** The viewer a token stands for, or null when it is unknown, expired or its account is disabled. */
  async viewerForToken(token: string): Promise<Viewer | null> {
    const row = await this.db
      .createQueryBuilder(StaffSession, 's')
      .innerJoin(StaffUser, 'u', 'u.id = s.user_id')
      .select(['s.id AS session_id', 'u.id AS user_id', 'u.role AS role'])
      .where('s.token_hash = :hash AND s.expires_at > now() AND u.active', { hash: sha256(token) })
      .getRawOne<{ session_id: string; user_id: string; role: Viewer['role'] }>();
    return row ? { sessionId: row.session_id, userId: row.user_id, role: row.role } : null;
  }

  async signOut(viewer: Viewer, requestId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.delete(StaffSession, { id: viewer.sessionId });
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'signOut',
        entityType: 'StaffSession',
        entityId: viewer.sessionId,
        requestId,
      });
    });
  }

  /** For DataLoader: staff users by id in key order. */
  findUsersByIds(ids: readonly string[]): Promise<Array<StaffUser | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(StaffUser), ids);
  }
}
