import { createHash, randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { AppError, ErrorCode } from '../../common/errors';
import { type AuditService } from './audit.service';
import { burnPasswordCheck, verifyPassword } from './password';
import { isRefusedDemoPassword } from './password-setup.service';
import { type SignInGuard } from './sign-in-guard';
import { StaffSession, StaffUser } from './staff.entity';
import { type Viewer } from './staff.policy';

export interface SignInResult {
  user: StaffUser;
  token: string;
  expiresAt: Date;
  /** Keeps this device getting through with the right password while others' failures delay the account. */
  deviceToken: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest();

/** Staff sign-in, sessions and sign-out. Tokens are random 256-bit strings; only their hash is stored. */
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly guard: SignInGuard,
    private readonly sessionTtlMs: number,
    private readonly env: string = 'development',
  ) {}

  /**
   * Signs in with e-mail and password. RATE_LIMITED (with retryAfter) when this client must wait:
   * per account and client after repeated failures, or per client after many failures across
   * accounts (see SignInGuard). `deviceToken` is what an earlier sign-in on this device returned.
   */
  async signIn(
    email: string,
    password: string,
    meta: { clientKey: string; requestId: string; deviceToken?: string | null },
  ): Promise<SignInResult> {
    const normalizedEmail = email.trim().toLowerCase();
    const user = await this.db.getRepository(StaffUser).findOne({ where: { email: normalizedEmail } });
    const client = { clientKey: meta.clientKey, deviceToken: meta.deviceToken };
    await this.guard.check(user?.id ?? null, client);

    const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    // In production the public demo password never opens an account, whatever its stored hash.
    if (!user || !valid || !user.active || isRefusedDemoPassword(this.env, password)) {
      await this.guard.failed(user?.id ?? null, client);
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'The e-mail address or password is wrong.', { reason: 'INVALID_CREDENTIALS' });
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    await this.db.transaction(async (manager) => {
      await this.guard.succeeded(manager, user.id, client);
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
    return { user, token, expiresAt, deviceToken: this.guard.issueDevice(user.id) };
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
