import { createHash, randomBytes } from 'node:crypto';
import { type DataSource, QueryFailedError } from 'typeorm';
import { AppError, BadInputReason, badInput, conflict, ErrorCode } from '../../common/errors';
import { DEMO_PASSWORD } from '../../seed/demo-data';
import { type AuditService } from './audit.service';
import { hashPassword } from './password';
import { Role } from './role';
import { defaultDisplayName, DISPLAY_NAME_MAX, passwordProblem } from './staff-admin.policy';
import { StaffPasswordToken, StaffSession, StaffUser } from './staff.entity';

export const PASSWORD_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** Stored in place of a hash for accounts that have never set a password: no password verifies against it. */
export const NO_PASSWORD = '!unset';

const sha256 = (token: string) => createHash('sha256').update(token).digest();

/** True where a password must be refused because it is the public demo password and this is production. */
export function isRefusedDemoPassword(env: string, password: string): boolean {
  return env === 'production' && password === DEMO_PASSWORD;
}

/** What refusing the demo password as a new password (in `field`) says. */
export const demoPasswordRefused = (field: string) =>
  badInput('The demo password is public and cannot be used here.', field, BadInputReason.DEMO_PASSWORD);

export interface CreatedAdmin {
  user: StaffUser;
  token: string;
  link: string;
  expiresAt: Date;
}

/** First admin from the command line, and one-time links that set a password. */
export class PasswordSetupService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly env: string,
    private readonly webUrl: string,
  ) {}

  /** Creates an ADMIN with no usable password and a one-time link to set one. CONFLICT when the e-mail exists. */
  async createAdmin(emailInput: string, name?: string | null): Promise<CreatedAdmin> {
    const email = emailInput.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw badInput('Give a valid e-mail address.', 'email');
    const displayName = name?.trim() || defaultDisplayName(email);
    if (displayName.length > DISPLAY_NAME_MAX) throw badInput(`The name must have at most ${DISPLAY_NAME_MAX} characters.`, 'name');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_TOKEN_TTL_MS);
    try {
      const user = await this.db.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(StaffUser)
          .values({ email, displayName, role: Role.ADMIN, passwordHash: NO_PASSWORD, active: true })
          .returning(['id'])
          .execute();
        const created = await manager.findOneByOrFail(StaffUser, { id: inserted.identifiers[0].id });
        await manager.insert(StaffPasswordToken, { tokenHash: sha256(token), userId: created.id, expiresAt, usedAt: null });
        await this.audit.record(manager, {
          actorId: null,
          action: 'createAdminFromCommandLine',
          entityType: 'StaffUser',
          entityId: created.id,
          after: { email, displayName, role: Role.ADMIN, active: true },
        });
        return created;
      });
      return { user, token, expiresAt, link: `${this.webUrl}/staff/set-password?token=${encodeURIComponent(token)}` };
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { constraint?: string })?.constraint === 'uq_staff_user_email') {
        throw conflict('EMAIL_TAKEN', `A staff account with the e-mail address ${email} already exists; nothing was changed.`);
      }
      throw err;
    }
  }

  /**
   * Sets the password of the account a one-time token was issued for, and spends the token.
   * BAD_USER_INPUT reason INVALID_TOKEN when it is unknown, used or expired.
   */
  async setPasswordWithToken(token: string, password: string, requestId: string): Promise<StaffUser> {
    const problem = passwordProblem(password);
    if (problem) throw badInput(problem, 'password');
    if (isRefusedDemoPassword(this.env, password)) {
      throw demoPasswordRefused('password');
    }
    const passwordHash = await hashPassword(password);
    const invalid = () =>
      new AppError(ErrorCode.BAD_USER_INPUT, 'This link is unknown, already used or expired: ask an administrator for a new one.', {
        field: 'token',
        reason: 'INVALID_TOKEN',
      });
    return this.db.transaction(async (manager) => {
      // Spending the token and checking it is one statement: two concurrent uses cannot both succeed.
      const result: unknown[] = await manager.query(
        `UPDATE staff_password_token SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
        [sha256(token)],
      );
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<{ user_id: string }>;
      const userId = rows[0]?.user_id;
      if (!userId) throw invalid();
      const user = await manager.findOneBy(StaffUser, { id: userId });
      if (!user || !user.active) throw invalid();
      await manager.update(StaffUser, { id: userId }, { passwordHash, passwordChangeRequired: false });
      // Any session from before the reset ends.
      await manager.delete(StaffSession, { userId });
      await this.audit.record(manager, {
        actorId: userId,
        action: 'setPasswordWithToken',
        entityType: 'StaffUser',
        entityId: userId,
        requestId,
      });
      return user;
    });
  }
}
