import { createHash, randomBytes } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { AppError, BadInputReason, badInput, conflict, ErrorCode, unauthenticated } from '../../common/errors';
import { type AuditService } from './audit.service';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { demoPasswordRefused, isRefusedDemoPassword } from './password-setup.service';
import { type CodeMethod, type Enrolment, type SecondFactorService } from './second-factor.service';
import { type SignInClient, type SignInGuard } from './sign-in-guard';
import {
  isPendingState,
  nextSignInState,
  PENDING_SESSION_TTL_MS,
  type PendingSignIn,
  type PendingState,
  secondFactorRequired,
  signInIncomplete,
  SignInState,
} from './sign-in-stage';
import { passwordProblem } from './staff-admin.policy';
import { StaffSession, StaffUser } from './staff.entity';
import { type Viewer } from './staff.policy';

export interface SignInResult {
  user: StaffUser;
  token: string;
  expiresAt: Date;
  /** Keeps this device getting through with the right password while others' failures delay the account. */
  deviceToken: string;
  /** SIGNED_IN, or the step still ahead (the session can do only that step). */
  state: SignInState;
}

/** Who asks for a step of their own account's security: someone signed in, or half-way through signing in. */
export type Subject = { viewer: Viewer; pending?: undefined } | { pending: PendingSignIn; viewer?: undefined };

/** Who asks (the client, for the sign-in limits) and in which request (for the audit log). */
export interface RequestMeta extends SignInClient {
  requestId: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest();

const invalidCode = () => badInput('The code is wrong, was used already, or has expired.', 'input.code', BadInputReason.INVALID_CODE);

/**
 * Staff sign-in, sessions and sign-out, and the steps of signing in after the password: a
 * second-factor code, a new password, enrolling a second factor. Tokens are random 256-bit strings;
 * only their hash is stored. Each step done replaces the restricted session with a new one (a new
 * token), so a token seen before a step is worth nothing after it.
 */
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly guard: SignInGuard,
    private readonly sessionTtlMs: number,
    private readonly env: string,
    private readonly secondFactors: SecondFactorService,
    /** Whether admins must use a second factor (REQUIRE_ADMIN_2FA). */
    private readonly requireAdminSecondFactor: boolean,
  ) {}

  /**
   * Signs in with e-mail and password. RATE_LIMITED (with retryAfter) when this client must wait:
   * per account and client after repeated failures, or per client after many failures across
   * accounts (see SignInGuard). `deviceToken` is what an earlier sign-in on this device returned.
   * The session is restricted when a step is still ahead (`state`).
   */
  async signIn(email: string, password: string, meta: RequestMeta): Promise<SignInResult> {
    const normalizedEmail = email.trim().toLowerCase();
    const user = await this.db.getRepository(StaffUser).findOne({ where: { email: normalizedEmail } });
    await this.guard.check(user?.id ?? null, meta);

    const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    // In production the public demo password never opens an account, whatever its stored hash.
    if (!user || !valid || !user.active || isRefusedDemoPassword(this.env, password)) {
      await this.guard.failed(user?.id ?? null, meta);
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'The e-mail address or password is wrong.', { reason: 'INVALID_CREDENTIALS' });
    }

    return this.db.transaction(async (manager) => {
      await this.guard.succeeded(manager, user.id, meta);
      // Expired sessions are dead weight: each sign-in clears its own account's.
      await manager.query('DELETE FROM staff_session WHERE user_id = $1 AND expires_at <= now()', [user.id]);
      const { sessionId, result } = await this.nextSession(manager, user, { secondFactor: false });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'signIn',
        entityType: 'StaffSession',
        entityId: sessionId,
        ...(result.state === SignInState.SIGNED_IN ? {} : { after: { state: result.state } }),
        requestId: meta.requestId,
      });
      return result;
    });
  }

  /** What a token stands for: a full session's viewer, a restricted session, or null (unknown, expired, account disabled). */
  async sessionForToken(
    token: string,
  ): Promise<{ viewer: Viewer; pending?: undefined } | { pending: PendingSignIn; viewer?: undefined } | null> {
    const row = await this.db
      .createQueryBuilder(StaffSession, 's')
      .innerJoin(StaffUser, 'u', 'u.id = s.user_id')
      .select([
        's.id AS session_id',
        's.stage AS stage',
        's.expires_at AS expires_at',
        'u.id AS user_id',
        'u.role AS role',
        'u.email AS email',
      ])
      .where('s.token_hash = :hash AND s.expires_at > now() AND u.active', { hash: sha256(token) })
      .getRawOne<{ session_id: string; stage: string | null; expires_at: Date; user_id: string; role: Viewer['role']; email: string }>();
    if (!row) return null;
    if (row.stage === null) return { viewer: { sessionId: row.session_id, userId: row.user_id, role: row.role } };
    // A stage this version does not know is no session at all.
    if (!isPendingState(row.stage)) return null;
    return {
      pending: {
        sessionId: row.session_id,
        userId: row.user_id,
        role: row.role,
        email: row.email,
        state: row.stage,
        expiresAt: row.expires_at,
      },
    };
  }

  /** The viewer a token stands for, or null when it is unknown, expired, restricted or its account is disabled. */
  async viewerForToken(token: string): Promise<Viewer | null> {
    return (await this.sessionForToken(token))?.viewer ?? null;
  }

  /**
   * The second-factor step: a code of the authenticator app, or a recovery code (each works once).
   * Wrong codes count like wrong passwords, and for the account from every client together (see
   * SignInGuard.checkSecondFactor): BAD_USER_INPUT with reason INVALID_CODE, then RATE_LIMITED.
   */
  async verifySecondFactor(pending: PendingSignIn, code: string, meta: RequestMeta): Promise<SignInResult> {
    this.expectStage(pending, SignInState.SECOND_FACTOR_REQUIRED);
    const method = await this.spendCode(pending.userId, code, meta);
    return this.db.transaction(async (manager) => {
      await this.guard.secondFactorSucceeded(manager, pending.userId, meta);
      const user = await this.activeUser(manager, pending.userId);
      const { sessionId, result } = await this.nextSession(manager, user, { secondFactor: true }, pending);
      await this.audit.record(manager, {
        actorId: user.id,
        action: method === 'RECOVERY_CODE' ? 'useRecoveryCode' : 'verifySecondFactor',
        entityType: 'StaffSession',
        entityId: sessionId,
        after: {
          method,
          ...(method === 'RECOVERY_CODE' ? { recoveryCodesLeft: await this.secondFactors.recoveryCodesLeft(user.id, manager) } : {}),
          ...(result.state === SignInState.SIGNED_IN ? {} : { state: result.state }),
        },
        requestId: meta.requestId,
      });
      return result;
    });
  }

  /**
   * A new password, chosen by the account's owner: at the PASSWORD_CHANGE_REQUIRED step of signing
   * in, or signed in (then `currentPassword` is required). Every other session of the account ends;
   * the caller gets a new session in place of theirs.
   */
  async changePassword(
    subject: Subject,
    currentPassword: string | null | undefined,
    newPassword: string,
    meta: RequestMeta,
  ): Promise<SignInResult> {
    if (subject.pending) this.expectStage(subject.pending, SignInState.PASSWORD_CHANGE_REQUIRED);
    const userId = subject.viewer?.userId ?? subject.pending!.userId;
    const user = await this.activeUser(this.db.manager, userId);
    if (subject.viewer || currentPassword) {
      // The current password proves it is the owner at the keyboard, not someone at an unlocked screen.
      await this.guard.check(user.id, meta);
      if (!currentPassword || !(await verifyPassword(user.passwordHash, currentPassword))) {
        await this.guard.failed(user.id, meta);
        throw badInput('The current password is wrong.', 'input.currentPassword', BadInputReason.WRONG_PASSWORD);
      }
    }
    const problem = passwordProblem(newPassword);
    if (problem) throw badInput(problem, 'input.newPassword');
    if (isRefusedDemoPassword(this.env, newPassword)) {
      throw demoPasswordRefused('input.newPassword');
    }
    if (await verifyPassword(user.passwordHash, newPassword)) {
      throw badInput('Choose a password other than the current one.', 'input.newPassword', BadInputReason.SAME_PASSWORD);
    }
    const passwordHash = await hashPassword(newPassword);
    return this.db.transaction(async (manager) => {
      await manager.update(StaffUser, { id: user.id }, { passwordHash, passwordChangeRequired: false });
      const ended = await manager.delete(StaffSession, { userId: user.id });
      const changed = await this.activeUser(manager, user.id);
      // The code step (if any) came before this one, and a signed-in caller passed it long ago.
      const { result } = await this.nextSession(manager, changed, { secondFactor: true });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'changePassword',
        entityType: 'StaffUser',
        entityId: user.id,
        after: { required: Boolean(subject.pending), endedSessionCount: (ended.affected ?? 1) - 1 },
        requestId: meta.requestId,
      });
      return result;
    });
  }

  /** A new TOTP secret for the caller's account, waiting for its first code (see SecondFactorService.start). */
  async startEnrolment(subject: Subject): Promise<Enrolment> {
    if (subject.pending) this.expectStage(subject.pending, SignInState.SECOND_FACTOR_ENROLMENT_REQUIRED);
    const user = await this.activeUser(this.db.manager, subject.viewer?.userId ?? subject.pending!.userId);
    return this.secondFactors.start(user.id, user.email);
  }

  /**
   * Confirms the caller's enrolment with a first code: the second factor is on, and ten recovery
   * codes are returned (this once; only their hashes are kept). At the enrolment step of signing in
   * the sign-in completes (`signIn`, a new session).
   */
  async confirmEnrolment(
    subject: Subject,
    code: string,
    meta: RequestMeta,
  ): Promise<{ recoveryCodes: string[]; signIn: SignInResult | null }> {
    if (subject.pending) this.expectStage(subject.pending, SignInState.SECOND_FACTOR_ENROLMENT_REQUIRED);
    const userId = subject.viewer?.userId ?? subject.pending!.userId;
    await this.guard.checkSecondFactor(userId, meta);
    const outcome = await this.db.transaction(async (manager) => {
      if (!(await this.secondFactors.confirm(manager, userId, code))) return null;
      const user = await this.activeUser(manager, userId);
      const recoveryCodes = await this.secondFactors.replaceRecoveryCodes(manager, userId);
      let signIn: SignInResult | null = null;
      if (subject.pending) {
        signIn = (await this.nextSession(manager, user, { secondFactor: true }, subject.pending)).result;
      }
      await this.audit.record(manager, {
        actorId: userId,
        action: 'enrolSecondFactor',
        entityType: 'StaffUser',
        entityId: userId,
        after: { method: 'TOTP', recoveryCodes: recoveryCodes.length, atSignIn: Boolean(subject.pending) },
        requestId: meta.requestId,
      });
      return { recoveryCodes, signIn };
    });
    if (!outcome) {
      await this.guard.secondFactorFailed(userId, meta);
      throw invalidCode();
    }
    return outcome;
  }

  /**
   * Turns the caller's second factor off, proven with a code of it (TOTP or recovery code). CONFLICT
   * with reason SECOND_FACTOR_REQUIRED for an account that must use one (admins, where required).
   */
  async disableSecondFactor(viewer: Viewer, code: string, meta: RequestMeta): Promise<StaffUser> {
    if (secondFactorRequired(viewer.role, this.requireAdminSecondFactor)) {
      throw conflict('SECOND_FACTOR_REQUIRED', 'Administrators must use a second factor: it cannot be turned off.');
    }
    if (!(await this.secondFactors.isEnabled(viewer.userId))) {
      throw conflict('NO_SECOND_FACTOR', 'This account has no second factor to turn off.');
    }
    const method = await this.spendCode(viewer.userId, code, meta);
    return this.db.transaction(async (manager) => {
      await this.secondFactors.remove(manager, viewer.userId);
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'disableSecondFactor',
        entityType: 'StaffUser',
        entityId: viewer.userId,
        after: { provenWith: method },
        requestId: meta.requestId,
      });
      return this.activeUser(manager, viewer.userId);
    });
  }

  /** Ten new recovery codes in place of the caller's earlier ones, proven with a code (TOTP or recovery code). */
  async regenerateRecoveryCodes(viewer: Viewer, code: string, meta: RequestMeta): Promise<string[]> {
    if (!(await this.secondFactors.isEnabled(viewer.userId))) {
      throw conflict('NO_SECOND_FACTOR', 'This account has no second factor: enrol one first.');
    }
    const method = await this.spendCode(viewer.userId, code, meta);
    return this.db.transaction(async (manager) => {
      const codes = await this.secondFactors.replaceRecoveryCodes(manager, viewer.userId);
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'regenerateRecoveryCodes',
        entityType: 'StaffUser',
        entityId: viewer.userId,
        after: { recoveryCodes: codes.length, provenWith: method },
        requestId: meta.requestId,
      });
      return codes;
    });
  }

  /** Ends a session, full or restricted. */
  async signOut(session: { sessionId: string; userId: string }, requestId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.delete(StaffSession, { id: session.sessionId });
      await this.audit.record(manager, {
        actorId: session.userId,
        action: 'signOut',
        entityType: 'StaffSession',
        entityId: session.sessionId,
        requestId,
      });
    });
  }

  /** For DataLoader: staff users by id in key order. */
  findUsersByIds(ids: readonly string[]): Promise<Array<StaffUser | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(StaffUser), ids);
  }

  /** Whether `role` must use a second factor here. */
  secondFactorRequired(role: Viewer['role']): boolean {
    return secondFactorRequired(role, this.requireAdminSecondFactor);
  }

  private expectStage(pending: PendingSignIn, state: PendingState): void {
    if (pending.state !== state) throw signInIncomplete(pending.state);
  }

  private async activeUser(manager: EntityManager, userId: string): Promise<StaffUser> {
    const user = await manager.findOneBy(StaffUser, { id: userId });
    if (!user || !user.active) throw unauthenticated();
    return user;
  }

  private async stateAfter(manager: EntityManager, user: StaffUser, done: { secondFactor: boolean }): Promise<SignInState> {
    const secondFactorEnabled = await this.secondFactors.isEnabled(user.id, manager);
    return nextSignInState(
      { role: user.role, passwordChangeRequired: user.passwordChangeRequired, secondFactorEnabled },
      done,
      this.requireAdminSecondFactor,
    );
  }

  /** Spends a second-factor code within the sign-in limits; a wrong one counts and is BAD_USER_INPUT reason INVALID_CODE. */
  private async spendCode(userId: string, code: string, client: SignInClient): Promise<CodeMethod> {
    await this.guard.checkSecondFactor(userId, client);
    const spent = await this.secondFactors.spendCode(userId, code);
    if (!spent) {
      await this.guard.secondFactorFailed(userId, client);
      throw invalidCode();
    }
    return spent.method;
  }

  /**
   * The session for what is left of signing in once `done` is (restricted unless nothing is), in
   * place of the restricted session `pending` when given, and the result the caller gets.
   */
  private async nextSession(
    manager: EntityManager,
    user: StaffUser,
    done: { secondFactor: boolean },
    pending?: PendingSignIn,
  ): Promise<{ sessionId: string; result: SignInResult }> {
    const state = await this.stateAfter(manager, user, done);
    const session = pending ? await this.replaceSession(manager, pending, state) : await this.openSession(manager, user.id, state);
    const deviceToken = this.guard.issueDevice(user.id);
    return { sessionId: session.id, result: { user, token: session.token, expiresAt: session.expiresAt, deviceToken, state } };
  }

  /** A new session (restricted unless `state` is SIGNED_IN); only its token's hash is stored. */
  private async openSession(
    manager: EntityManager,
    userId: string,
    state: SignInState,
  ): Promise<{ id: string; token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const restricted = state !== SignInState.SIGNED_IN;
    const expiresAt = new Date(Date.now() + (restricted ? Math.min(PENDING_SESSION_TTL_MS, this.sessionTtlMs) : this.sessionTtlMs));
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(StaffSession)
      .values({ tokenHash: sha256(token), userId, expiresAt, stage: restricted ? state : null })
      .returning(['id'])
      .execute();
    return { id: inserted.identifiers[0]?.id as string, token, expiresAt };
  }

  /** The restricted session's step is done: it ends and a new one (the next step's, or a full one) takes its place. */
  private async replaceSession(manager: EntityManager, pending: PendingSignIn, state: SignInState) {
    const deleted = await manager.delete(StaffSession, { id: pending.sessionId, stage: pending.state });
    // Two requests that finished the same step at once: only the first gets a session.
    if (!deleted.affected) throw unauthenticated();
    return this.openSession(manager, pending.userId, state);
  }
}
