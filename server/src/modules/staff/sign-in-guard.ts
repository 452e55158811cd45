import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { rateLimited } from '../../common/errors';
import { type Limiter } from '../../common/rate-limit';

/**
 * Who is trying to sign in, for the limits: the client's hashed address (`clientKey`), and the
 * device token an earlier successful sign-in returned, if the client sent one.
 */
export interface SignInClient {
  clientKey: string;
  deviceToken?: string | null;
}

export interface SignInGuardSettings {
  /** Failed sign-ins to one account from one client before it must wait. */
  freeFailures: number;
  /**
   * Wrong passwords to one account from every client that is not a device of the account,
   * together, before each further try from such a client must wait (the same growing waits).
   */
  accountFreeFailures: number;
  /** The first wait; each further failure doubles it, up to maxDelaySeconds. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  forgetAfterSeconds: number;
  /** Keys device tokens (derived from RESPONDENT_SECRET, so every instance has it). */
  deviceKey: Buffer;
  deviceTtlSeconds: number;
}

export const DEFAULT_SIGN_IN_GUARD = {
  firstDelaySeconds: 30,
  maxDelaySeconds: 3600,
  forgetAfterSeconds: 24 * 3600,
  deviceTtlSeconds: 180 * 24 * 3600,
};

/** An account's sign-in locks as admins see them. */
export interface SignInLockState {
  /** Clients that must wait now before trying this account again. */
  lockedClients: number;
  /** When the last of them may try again. */
  lockedUntil: Date | null;
  /** Failed sign-ins to the account in the last day, from every client. */
  recentFailures: number;
  /**
   * When the account's own wait ends, which holds back every client that is not a device of the
   * account (too many wrong passwords from everywhere together), or every client (too many wrong
   * second-factor codes); null when there is none.
   */
  accountLockedUntil: Date | null;
}

/** The lock row that counts an account's wrong second-factor codes from every client together. */
const SECOND_FACTOR_KEY = 'second-factor:account';
/** The lock row that counts an account's wrong passwords from every client that is not one of its devices. */
const NEW_CLIENTS_KEY = 'password:account';
/** Lock rows of the account as a whole rather than of one client. */
const ACCOUNT_KEYS = [SECOND_FACTOR_KEY, NEW_CLIENTS_KEY];

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 43);

/**
 * The limits on staff sign-in:
 *
 * - per (account, client): `freeFailures` wrong passwords, then a wait that doubles with each
 *   further failure (30 s, 1 min, 2 min … 1 h). The client is the device when it presents a device
 *   token of that account (set at an earlier successful sign-in there), otherwise its address. So
 *   wrong passwords from elsewhere — or from the same office network — never lock the owner out;
 *   admins see the locks and can lift them.
 * - per client across accounts (`byClient`, Redis when configured): only failures count, so made-up
 *   e-mails exhaust only their sender's budget. A device of the account is not held back by it.
 * - per account, from every client that is not a device of it together: `accountFreeFailures`
 *   wrong passwords, then the same growing waits for each further try from any such client. A
 *   guesser spread over many addresses gets a few dozen guesses a day; the owner's devices still
 *   get through, and a new device waits or asks an admin to lift the lock.
 *
 * Successful sign-ins count against nothing, and clear that client's failures for the account.
 */
export class SignInGuard {
  constructor(
    private readonly db: DataSource,
    private readonly byClient: Limiter,
    private readonly settings: SignInGuardSettings,
  ) {}

  /** A device token for a successful sign-in of `userId` on this device: `d1.<user>.<issued>.<signature>`. */
  issueDevice(userId: string, now = Date.now()): string {
    const issued = Math.floor(now / 1000);
    return `d1.${userId}.${issued}.${this.deviceSignature(userId, issued).toString('base64url')}`;
  }

  /** Checks a sign-in before the password is; throws RATE_LIMITED with retryAfter when this client must wait. */
  async check(userId: string | null, client: SignInClient): Promise<void> {
    const device = userId ? this.deviceKeyFor(userId, client.deviceToken) : null;
    if (!device) {
      const wait = await this.byClient.blocked(client.clientKey);
      if (wait) throw rateLimited(wait);
    }
    if (!userId) return;
    const [row] = (await this.db.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS wait FROM staff_sign_in_lock
       WHERE user_id = $1 AND client_key = ANY($2) AND locked_until > now()`,
      [userId, device ? [device] : [this.addressKey(client), NEW_CLIENTS_KEY]],
    )) as Array<{ wait: number | null }>;
    if (row?.wait != null) throw rateLimited(Math.max(1, row.wait));
  }

  /** Counts a failed sign-in (unknown e-mail, wrong password or disabled account). */
  async failed(userId: string | null, client: SignInClient): Promise<void> {
    const device = userId ? this.deviceKeyFor(userId, client.deviceToken) : null;
    if (!device) await this.byClient.penalize(client.clientKey);
    if (!userId) return;
    await this.recordFailure(userId, device ?? this.addressKey(client));
    if (!device) await this.recordFailure(userId, NEW_CLIENTS_KEY, this.settings.accountFreeFailures);
  }

  /**
   * Checks a second-factor code before it is: the client's own wait (as for passwords), and the
   * account's, which counts wrong codes from every client together. Someone who has the password
   * cannot spread guesses of six digits over many addresses or devices: after `freeFailures` wrong
   * codes in all, every further guess waits longer (30 s … 1 h).
   */
  async checkSecondFactor(userId: string, client: SignInClient): Promise<void> {
    await this.check(userId, client);
    const [row] = (await this.db.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS wait FROM staff_sign_in_lock WHERE user_id = $1 AND client_key = $2 AND locked_until > now()`,
      [userId, SECOND_FACTOR_KEY],
    )) as Array<{ wait: number }>;
    if (row) throw rateLimited(Math.max(1, row.wait));
  }

  /** Counts a wrong (or replayed) second-factor code: for the client, as a wrong password, and for the account. */
  async secondFactorFailed(userId: string, client: SignInClient): Promise<void> {
    await this.failed(userId, client);
    await this.recordFailure(userId, SECOND_FACTOR_KEY);
  }

  /** A right second-factor code: the account's count of wrong codes starts again (and this client's, see succeeded). */
  async secondFactorSucceeded(manager: EntityManager, userId: string, client: SignInClient): Promise<void> {
    await this.succeeded(manager, userId, client);
    await manager.query('DELETE FROM staff_sign_in_lock WHERE user_id = $1 AND client_key = $2', [userId, SECOND_FACTOR_KEY]);
  }

  private async recordFailure(userId: string, key: string, freeFailures = this.settings.freeFailures): Promise<void> {
    const { firstDelaySeconds, maxDelaySeconds, forgetAfterSeconds } = this.settings;
    // One statement, so concurrent failures each count: the failures so far (forgotten after a day), then the wait they earn.
    const n = 'CASE WHEN l.last_failure_at < now() - make_interval(secs => $6::float8) THEN 1 ELSE l.failures + 1 END';
    await this.db.query(
      `INSERT INTO staff_sign_in_lock AS l (user_id, client_key, failures, locked_until, last_failure_at)
       VALUES ($1, $2, 1, CASE WHEN 1 >= $3::int THEN now() + make_interval(secs => $4::float8) END, now())
       ON CONFLICT (user_id, client_key) DO UPDATE SET
         failures = ${n},
         locked_until = CASE WHEN ${n} >= $3::int THEN now() + make_interval(secs => least($5::float8, $4::float8 * power(2, ${n} - $3::int))) END,
         last_failure_at = now()`,
      [userId, key, freeFailures, firstDelaySeconds, maxDelaySeconds, forgetAfterSeconds],
    );
  }

  /**
   * A successful sign-in: this client's failures for the account are forgotten. Only the client it
   * came as: a device getting through does not clear the failures of others at its address.
   */
  async succeeded(manager: EntityManager, userId: string, client: SignInClient): Promise<void> {
    await manager.query('DELETE FROM staff_sign_in_lock WHERE user_id = $1 AND client_key = $2', [
      userId,
      this.deviceKeyFor(userId, client.deviceToken) ?? this.addressKey(client),
    ]);
  }

  /**
   * The lock state of each account, in key order; null for an account without recent failures.
   * Clients and failures are counted from the clients' own rows (each failure also counts in an
   * account row, which would count it twice); the account rows give `accountLockedUntil`.
   */
  async states(userIds: readonly string[]): Promise<Array<SignInLockState | null>> {
    const rows = (await this.db.query(
      `SELECT user_id,
              count(*) FILTER (WHERE locked_until > now() AND NOT client_key = ANY($3))::int AS locked_clients,
              max(locked_until) FILTER (WHERE locked_until > now() AND NOT client_key = ANY($3)) AS locked_until,
              coalesce(sum(failures) FILTER (WHERE NOT client_key = ANY($3)), 0)::int AS failures,
              max(locked_until) FILTER (WHERE locked_until > now() AND client_key = ANY($3)) AS account_locked_until
       FROM staff_sign_in_lock
       WHERE user_id = ANY($1) AND last_failure_at > now() - make_interval(secs => $2::float8)
       GROUP BY user_id`,
      [userIds, this.settings.forgetAfterSeconds, ACCOUNT_KEYS],
    )) as Array<{
      user_id: string;
      locked_clients: number;
      locked_until: Date | null;
      failures: number;
      account_locked_until: Date | null;
    }>;
    const byId = new Map(
      rows.map((r) => [
        r.user_id,
        {
          lockedClients: r.locked_clients,
          lockedUntil: r.locked_until,
          recentFailures: r.failures,
          accountLockedUntil: r.account_locked_until,
        },
      ]),
    );
    return userIds.map((id) => byId.get(id) ?? null);
  }

  /**
   * Forgets every client's failures for the account, and the account's own count (an admin lifting
   * the locks); returns how many clients were locked (the account's own wait counts as one).
   */
  async lift(manager: EntityManager, userId: string): Promise<number> {
    const [rows] = (await manager.query('DELETE FROM staff_sign_in_lock WHERE user_id = $1 RETURNING locked_until > now() AS locked', [
      userId,
    ])) as [Array<{ locked: boolean }>, number];
    return rows.filter((r) => r.locked).length;
  }

  private addressKey(client: SignInClient): string {
    return `addr:${sha(client.clientKey)}`;
  }

  /** The lock key of the device, when `token` is a current device token of this account. */
  private deviceKeyFor(userId: string, token: string | null | undefined): string | null {
    if (!token || token.length > 200) return null;
    const [version, user, issuedText, signature] = token.split('.');
    if (version !== 'd1' || user !== userId || !/^\d{1,12}$/.test(issuedText ?? '') || !signature) return null;
    const issued = Number(issuedText);
    const age = Date.now() / 1000 - issued;
    if (age < -300 || age > this.settings.deviceTtlSeconds) return null;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.deviceSignature(userId, issued);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return `device:${sha(token)}`;
  }

  private deviceSignature(userId: string, issued: number): Buffer {
    return createHmac('sha256', this.settings.deviceKey).update(`staff-device\n${userId}\n${issued}`).digest();
  }
}
