import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { escapeLike, normalizeForSearch } from '../../common/persian-text';
import { isCleanText } from '../../common/validation';
import { decodeCursor, malformedCursor, type Page, toPage } from '../../common/pagination';
import { pickKeys } from '../../common/pick-keys';
import { lockById } from '../../db/lock-by-id';
import { type AuditService } from './audit.service';
import { hashPassword } from './password';
import { Role } from './role';
import {
  adminChangeRefusal,
  defaultDisplayName,
  DISPLAY_NAME_MAX,
  EMAIL_MAX,
  endsSessions,
  passwordProblem,
  StaffAdminConflict,
  staffConflict,
} from './staff-admin.policy';
import {
  type CreateStaffUserInput,
  type ResetStaffPasswordInput,
  type StaffUserFilter,
  type UpdateStaffUserInput,
} from './staff-admin.inputs';
import { type SecondFactorService } from './second-factor.service';
import { type SignInGuard } from './sign-in-guard';
import { StaffSession, StaffUser } from './staff.entity';
import { type Actor } from './staff.policy';

export interface ListStaffUsersArgs {
  first: number;
  after?: string | null;
  filter?: StaffUserFilter | null;
}

/** What the audit log keeps of a staff user: never the password hash. */
const snapshot = (user: StaffUser) => pickKeys(user, ['id', 'email', 'displayName', 'role', 'active']);

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const driver = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}

const emailTaken = () =>
  staffConflict(StaffAdminConflict.EMAIL_TAKEN, 'A staff user with this e-mail address already exists.', 'input.email');

/** Admins manage staff accounts: create them, change role, name and active flag, and reset passwords. */
export class StaffAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly secondFactors: SecondFactorService,
  ) {}

  /** Staff users in e-mail order (e-mail addresses are unique, so the order is total). */
  async list({ first, after, filter }: ListStaffUsersArgs): Promise<Page<StaffUser>> {
    // A malformed cursor is refused before any SQL runs.
    let cursor: string | null = null;
    if (after) {
      [cursor] = decodeCursor(after, ['string']) as [string];
      if (!cursor || cursor.length > EMAIL_MAX || !isCleanText(cursor)) throw malformedCursor();
    }
    const qb = this.db.getRepository(StaffUser).createQueryBuilder('u');
    if (filter?.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter?.active != null) qb.andWhere('u.active = :active', { active: filter.active });
    const words = normalizeForSearch(filter?.search ?? '')
      .split(' ')
      .filter(Boolean);
    words.forEach((word, i) =>
      qb.andWhere(`nabz_normalize(u.display_name || ' ' || u.email) LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: `%${escapeLike(word)}%` }),
    );
    const totalCount = await qb.getCount();
    if (cursor) qb.andWhere('u.email > :cursor', { cursor });
    const rows = await qb
      .orderBy('u.email', 'ASC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (u) => [u.email]);
  }

  async create(actor: Actor, input: CreateStaffUserInput): Promise<StaffUser> {
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName?.trim() || defaultDisplayName(email);
    if (displayName.length > DISPLAY_NAME_MAX)
      throw badInput(`displayName must have at most ${DISPLAY_NAME_MAX} characters.`, 'input.displayName');
    const problem = passwordProblem(input.password);
    if (problem) throw badInput(problem, 'input.password');
    // Hashing takes tens of milliseconds: do it before the transaction, not while holding one open.
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(StaffUser)
          .values({ email, displayName, role: input.role, passwordHash, active: true, passwordChangeRequired: true })
          .returning(['id'])
          .execute();
        const user = await manager.findOneByOrFail(StaffUser, { id: inserted.identifiers[0].id });
        return this.audit.recordCreation(manager, actor, 'createStaffUser', 'StaffUser', user, snapshot(user));
      });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_staff_user_email')) throw emailTaken();
      throw err;
    }
  }

  async update(actor: Actor, input: UpdateStaffUserInput): Promise<{ staffUser: StaffUser; endedSessionCount: number }> {
    for (const field of ['role', 'displayName', 'active'] as const) {
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    }
    if (!isUuid(input.id)) throw notFound('Staff user');
    const displayName = input.displayName?.trim();
    return this.db.transaction(async (manager) => {
      // A change that can take ADMIN away locks every active admin first, always in id order, then
      // the target: two such changes queue up, and the second counts the admins the first left.
      const mayRemoveAdmin = input.active === false || (input.role != null && input.role !== Role.ADMIN);
      const activeAdminIds = mayRemoveAdmin ? await this.lockActiveAdmins(manager) : [];
      const before = await lockById(manager, StaffUser, input.id, 'Staff user');

      const next = { role: input.role ?? before.role, active: input.active ?? before.active };
      const refusal = adminChangeRefusal(actor.userId, before, next, activeAdminIds);
      if (refusal) throw refusal;

      const changes: Partial<StaffUser> = {};
      if (input.role != null) changes.role = input.role;
      if (input.active != null) changes.active = input.active;
      if (displayName !== undefined) changes.displayName = displayName;
      if (Object.keys(changes).length) await manager.update(StaffUser, { id: before.id }, changes);
      const endedSessionCount = endsSessions(before, next) ? await this.endSessions(manager, before.id) : 0;

      const after = await manager.findOneByOrFail(StaffUser, { id: before.id });
      await this.audit.recordBy(manager, actor, {
        action: 'updateStaffUser',
        entityType: 'StaffUser',
        entityId: before.id,
        before: snapshot(before),
        after: { ...snapshot(after), ...(endedSessionCount ? { endedSessionCount } : {}) },
      });
      return { staffUser: after, endedSessionCount };
    });
  }

  async resetPassword(actor: Actor, input: ResetStaffPasswordInput): Promise<{ staffUser: StaffUser; endedSessionCount: number }> {
    const problem = passwordProblem(input.password);
    if (problem) throw badInput(problem, 'input.password');
    if (!isUuid(input.id)) throw notFound('Staff user');
    // Refuse an unknown id before spending tens of milliseconds on a hash.
    if (!(await this.db.getRepository(StaffUser).existsBy({ id: input.id }))) throw notFound('Staff user');
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      const user = await lockById(manager, StaffUser, input.id, 'Staff user');
      // A password an admin chose is the admin's as much as the user's: the user replaces it at the
      // next sign-in. An admin resetting their own chose it for themselves.
      const passwordChangeRequired = user.id !== actor.userId;
      await manager.update(StaffUser, { id: user.id }, { passwordHash, passwordChangeRequired });
      const endedSessionCount = await this.endSessions(manager, user.id);
      await this.audit.recordBy(manager, actor, {
        action: 'resetStaffPassword',
        entityType: 'StaffUser',
        entityId: user.id,
        // The action says what happened; neither the password nor its hash belongs in the log.
        after: { ...snapshot(user), endedSessionCount, passwordChangeRequired },
      });
      return { staffUser: user, endedSessionCount };
    });
  }

  /** Lets every client that must wait try the account again at once, and forgets its failures. Audited. */
  async liftSignInLock(actor: Actor, id: string, guard: SignInGuard): Promise<{ staffUser: StaffUser; liftedCount: number }> {
    if (!isUuid(id)) throw notFound('Staff user');
    return this.db.transaction(async (manager) => {
      const user = await manager.findOne(StaffUser, { where: { id } });
      if (!user) throw notFound('Staff user');
      const liftedCount = await guard.lift(manager, user.id);
      await this.audit.recordBy(manager, actor, {
        action: 'liftSignInLock',
        entityType: 'StaffUser',
        entityId: user.id,
        after: { ...snapshot(user), liftedCount },
      });
      return { staffUser: user, liftedCount };
    });
  }

  /**
   * A lost device: removes another staff member's second factor and recovery codes and ends their
   * sessions; they enrol again at their next sign-in when they must (admins, where required).
   * Nobody resets their own (CONFLICT, reason SELF_CHANGE): that would let a stolen session turn the
   * second factor off. Audited with the actor and the target.
   */
  async resetSecondFactor(
    actor: Actor,
    id: string,
  ): Promise<{ staffUser: StaffUser; endedSessionCount: number; hadSecondFactor: boolean }> {
    if (!isUuid(id)) throw notFound('Staff user');
    if (id === actor.userId) {
      throw staffConflict(
        StaffAdminConflict.SELF_CHANGE,
        'You cannot reset your own second factor: ask another admin (or use a recovery code to sign in).',
        'input.id',
      );
    }
    return this.db.transaction(async (manager) => {
      const user = await lockById(manager, StaffUser, id, 'Staff user');
      const hadSecondFactor = await this.secondFactors.remove(manager, user.id);
      const endedSessionCount = await this.endSessions(manager, user.id);
      await this.audit.recordBy(manager, actor, {
        action: 'resetStaffSecondFactor',
        entityType: 'StaffUser',
        entityId: user.id,
        after: { ...snapshot(user), hadSecondFactor, endedSessionCount },
      });
      return { staffUser: user, endedSessionCount, hadSecondFactor };
    });
  }

  private async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM staff_user WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  /** Ends every session of the user at once: their tokens stop working with the next request. */
  private async endSessions(manager: EntityManager, userId: string): Promise<number> {
    const result = await manager.delete(StaffSession, { userId });
    return result.affected ?? 0;
  }
}
