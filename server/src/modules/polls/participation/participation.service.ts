import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode, notFound } from '../../../common/errors';
import { isUuid } from '../../../common/ids';
import { lockById } from '../../../db/lock-by-id';
import { type Limiter } from '../../../common/rate-limit';
import { type Logger } from '../../../logger';
import { type AuditService } from '../../staff/audit.service';
import { type Actor } from '../../staff/staff.policy';
import { EligibilityKind, PollAssurance, PollStatus } from '../poll.enums';
import { PollErrorCode, pollClosed, pollNotOpen, wrongAssurance } from '../poll.errors';
import { effectiveStatus } from '../poll-status';
import { type PollService } from '../poll.service';
import { decodeBase64Url } from '../answer-checks';
import { EligibilityList } from './participation.entity';
import { maskMobile, normalizeEligibilityId, normalizeMobile } from './identifiers';
import { TOKEN_ALGORITHM, type PollTokenKeys } from './poll-tokens';
import { type SmsGateway } from './sms';

export const CODE_TTL_SECONDS = 120;
export const CODE_MAX_ATTEMPTS = 5;
/** Identifiers one call may add to an eligibility list (the request body limit allows about this many). */
export const ELIGIBILITY_ENTRIES_PER_CALL = 5000;

export interface ParticipationLimits {
  codesPerNumber: Limiter;
  codesPerClient: Limiter;
  /** Eligibility checks and code entries per client address: guessing identifiers or codes is slow. */
  checksPerClient: Limiter;
}

export interface IssuedToken {
  blindSignature: Buffer;
  publicKey: Buffer;
}

/** A bad row of an eligibility upload, by its line number (from 1). */
export interface RejectedRow {
  line: number;
  message: string;
}

/**
 * Verification for VERIFIED_PHONE and RESIDENT_LIST polls, and the eligibility lists. A verified
 * identity (a mobile number that received a code, or an identifier on the list) buys exactly one
 * blindly signed poll token: "identity H received a token for poll P" is one row (primary key
 * (poll, H)), and H is a keyed hash per poll, so one person's rows in two polls are not linked.
 * The token is spent by submitPollResponse, stored only as a digest of its message: nothing joins
 * the two rows (the server never saw the message it signed).
 */
export class ParticipationService {
  private readonly keys: { phone: Buffer; code: Buffer; identity: Buffer; eligibility: Buffer };

  constructor(
    private readonly db: DataSource,
    private readonly polls: PollService,
    private readonly tokens: PollTokenKeys,
    private readonly sms: SmsGateway,
    private readonly limits: ParticipationLimits,
    private readonly audit: AuditService,
    private readonly log: Logger,
    secret: string,
  ) {
    const derive = (label: string) => createHmac('sha256', secret).update(label).digest();
    this.keys = {
      phone: derive('verification-phone'),
      code: derive('verification-code'),
      identity: derive('token-issuance-identity'),
      eligibility: derive('eligibility-entry'),
    };
  }

  /** Sends a one-time code to a mobile number for a VERIFIED_PHONE poll. */
  async requestCode(pollId: string, phone: string, clientKey: string): Promise<{ expiresAt: Date; maskedPhone: string }> {
    await this.openPoll(pollId, PollAssurance.VERIFIED_PHONE);
    const mobile = normalizeMobile(phone, 'input.phone');
    await this.limits.codesPerClient.consume(clientKey);
    await this.limits.codesPerNumber.consume(`mobile:${mobile}`);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = await this.db.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO verification_code (poll_id, phone_key, code_hash, expires_at, attempts) VALUES ($1, $2, $3, now() + make_interval(secs => $4), 0)
         ON CONFLICT ON CONSTRAINT pk_verification_code DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, attempts = 0
         RETURNING expires_at`,
        [pollId, this.phoneKey(pollId, mobile), this.codeHash(pollId, mobile, code), CODE_TTL_SECONDS],
      );
      // Sent before the commit: when the gateway fails, the code is never stored and nothing is half-done.
      try {
        await this.sms.sendCode(mobile, code);
      } catch (err) {
        this.log.error({ err, gateway: this.sms.name }, 'the SMS gateway did not take a verification code');
        throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The SMS service is not answering; no code was sent. Try again in a minute.');
      }
      return row.expires_at as Date;
    });
    return { expiresAt, maskedPhone: maskMobile(mobile) };
  }

  /**
   * Checks the proof (a code sent to a number, or an identifier on the poll's list), records that
   * this identity received its token, and signs the blinded message — in one transaction, so a
   * second request for the same identity (even a concurrent one) gets TOKEN_ALREADY_ISSUED.
   */
  async issueToken(
    input: { pollId: string; blindedMessage: string; phone?: string | null; code?: string | null; residentId?: string | null },
    clientKey: string,
  ): Promise<IssuedToken> {
    const poll = await this.openPoll(input.pollId);
    if (poll.assurance === PollAssurance.OPEN) throw wrongAssurance(poll.assurance);
    const blinded = decodeBase64Url(input.blindedMessage, 'input.blindedMessage', 256, 256);
    const keys = await this.tokens.keyPair(poll.id);
    await this.limits.checksPerClient.consume(clientKey);

    let identity: string;
    let spendCode: ((m: import('typeorm').EntityManager) => Promise<void>) | null = null;
    if (poll.assurance === PollAssurance.VERIFIED_PHONE) {
      if (input.residentId != null) throw wrongAssurance(poll.assurance);
      if (!input.phone) throw badInput('Send the mobile number the code went to.', 'input.phone');
      if (!input.code) throw badInput('Send the code that was texted.', 'input.code');
      const mobile = normalizeMobile(input.phone, 'input.phone');
      const code = input.code
        .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
        .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
        .trim();
      if (!/^\d{6}$/.test(code)) throw badInput('The code has 6 digits.', 'input.code');
      await this.checkCode(poll.id, mobile, code);
      identity = `mobile:${mobile}`;
      const phoneKey = this.phoneKey(poll.id, mobile);
      spendCode = async (m) =>
        void (await m.query('DELETE FROM verification_code WHERE poll_id = $1 AND phone_key = $2', [poll.id, phoneKey]));
    } else {
      if (input.phone != null || input.code != null) throw wrongAssurance(poll.assurance);
      if (!input.residentId)
        throw badInput('Send the identifier on the eligibility list (national code or member number).', 'input.residentId');
      const [list] = await this.db.query('SELECT id, kind FROM eligibility_list WHERE id = $1', [poll.eligibilityListId]);
      if (!list) throw new AppError(PollErrorCode.NOT_ELIGIBLE, 'This poll has no eligibility list yet.');
      const value = normalizeEligibilityId(list.kind, input.residentId, 'input.residentId');
      const onList = await this.db.query('SELECT 1 FROM eligibility_entry WHERE list_id = $1 AND identity_key = $2', [
        list.id,
        this.entryKey(list.kind, value),
      ]);
      if (!onList.length)
        throw new AppError(PollErrorCode.NOT_ELIGIBLE, "This identifier is not on the poll's eligibility list.", {
          field: 'input.residentId',
        });
      identity = `${list.kind}:${value}`;
    }

    return this.db.transaction(async (m) => {
      const inserted = await m.query(
        'INSERT INTO poll_token_issuance (poll_id, identity_key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [poll.id, createHmac('sha256', this.keys.identity).update(`${poll.id}:${identity}`).digest()],
      );
      if (!inserted.length)
        throw new AppError(
          PollErrorCode.TOKEN_ALREADY_ISSUED,
          "This person has already received this poll's token (one answer per person).",
        );
      await spendCode?.(m);
      return { blindSignature: this.tokens.blindSign(keys, blinded), publicKey: keys.publicKeyDer };
    });
  }

  /** The poll's token key for clients (made on first use): SubjectPublicKeyInfo DER. */
  async publicKey(pollId: string): Promise<Buffer> {
    return (await this.tokens.keyPair(pollId)).publicKeyDer;
  }

  readonly algorithm = TOKEN_ALGORITHM;

  // — eligibility lists (staff) —

  async lists(): Promise<EligibilityList[]> {
    return this.db.getRepository(EligibilityList).find({ order: { createdAt: 'DESC' }, take: 200 });
  }

  async list(id: string): Promise<EligibilityList | null> {
    return isUuid(id) ? this.db.getRepository(EligibilityList).findOneBy({ id }) : null;
  }

  async createList(
    actor: Actor,
    input: { name: string; kind: EligibilityKind; entries: string },
  ): Promise<{ list: EligibilityList; added: number }> {
    const values = this.parseEntries(input.kind, input.entries);
    return this.db.transaction(async (m) => {
      const list = await m
        .getRepository(EligibilityList)
        .save(m.getRepository(EligibilityList).create({ name: input.name.trim(), kind: input.kind, entryCount: 0 }));
      const added = await this.addEntries(m, list, values);
      await this.audit.recordBy(m, actor, {
        action: 'createEligibilityList',
        entityType: 'EligibilityList',
        entityId: list.id,
        after: { name: list.name, kind: list.kind, added },
      });
      return { list: await m.getRepository(EligibilityList).findOneByOrFail({ id: list.id }), added };
    });
  }

  async addToList(actor: Actor, input: { listId: string; entries: string }): Promise<{ list: EligibilityList; added: number }> {
    const found = await this.list(input.listId);
    if (!found) throw notFound('Eligibility list');
    const values = this.parseEntries(found.kind, input.entries);
    return this.db.transaction(async (m) => {
      const list = await lockById(m, EligibilityList, found.id, 'Eligibility list');
      const added = await this.addEntries(m, list, values);
      await this.audit.recordBy(m, actor, {
        action: 'addEligibilityEntries',
        entityType: 'EligibilityList',
        entityId: list.id,
        after: { added },
      });
      return { list: await m.getRepository(EligibilityList).findOneByOrFail({ id: list.id }), added };
    });
  }

  /** One identifier per line (blank lines skipped); any bad line refuses the whole upload, naming every bad line. */
  private parseEntries(kind: EligibilityKind, text: string): string[] {
    const lines = text.split(/\r?\n/);
    const values: string[] = [];
    const rejected: RejectedRow[] = [];
    lines.forEach((raw, i) => {
      const line = raw
        .replace(/^\uFEFF/, '')
        .split(/[,;\t]/)[0]
        .trim();
      if (!line) return;
      try {
        values.push(normalizeEligibilityId(kind, line, 'input.entries'));
      } catch (err) {
        rejected.push({ line: i + 1, message: (err as Error).message });
      }
    });
    if (rejected.length) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `${rejected.length} line(s) are not valid ${kind === EligibilityKind.NATIONAL_CODE ? 'national codes' : 'member numbers'}; nothing was added.`,
        {
          field: 'input.entries',
          rows: rejected.slice(0, 100),
        },
      );
    }
    if (!values.length) throw badInput('The upload holds no identifiers.', 'input.entries');
    if (values.length > ELIGIBILITY_ENTRIES_PER_CALL)
      throw badInput(
        `Send at most ${ELIGIBILITY_ENTRIES_PER_CALL} identifiers a call; add the rest with addEligibilityEntries.`,
        'input.entries',
      );
    return values;
  }

  private async addEntries(m: import('typeorm').EntityManager, list: EligibilityList, values: string[]): Promise<number> {
    const keys = [...new Set(values)].map((v) => this.entryKey(list.kind, v));
    const rows = await m.query(
      'INSERT INTO eligibility_entry (list_id, identity_key) SELECT $1, k FROM unnest($2::bytea[]) k ON CONFLICT DO NOTHING RETURNING 1',
      [list.id, keys],
    );
    await m.query('UPDATE eligibility_list SET entry_count = entry_count + $2, updated_at = now() WHERE id = $1', [list.id, rows.length]);
    return rows.length;
  }

  private async checkCode(pollId: string, mobile: string, code: string): Promise<void> {
    const phoneKey = this.phoneKey(pollId, mobile);
    const outcome = await this.db.transaction(async (m) => {
      const [row] = await m.query(
        'SELECT code_hash, attempts FROM verification_code WHERE poll_id = $1 AND phone_key = $2 AND expires_at > now() FOR UPDATE',
        [pollId, phoneKey],
      );
      if (!row) return { ok: false as const, expired: true, left: 0 };
      const expected: Buffer = row.code_hash;
      const given = this.codeHash(pollId, mobile, code);
      if (timingSafeEqual(expected, given)) return { ok: true as const };
      const attempts = row.attempts + 1;
      if (attempts >= CODE_MAX_ATTEMPTS)
        await m.query('DELETE FROM verification_code WHERE poll_id = $1 AND phone_key = $2', [pollId, phoneKey]);
      else await m.query('UPDATE verification_code SET attempts = $3 WHERE poll_id = $1 AND phone_key = $2', [pollId, phoneKey, attempts]);
      return { ok: false as const, expired: false, left: CODE_MAX_ATTEMPTS - attempts };
    });
    if (outcome.ok) return;
    if (outcome.expired)
      throw new AppError(
        PollErrorCode.CODE_EXPIRED,
        'No code is waiting for this number: it expired after 2 minutes, was used up by wrong tries, or was never sent. Ask for a new one.',
        { field: 'input.code' },
      );
    if (outcome.left === 0)
      throw new AppError(PollErrorCode.CODE_EXPIRED, 'Too many wrong codes: this code is void. Ask for a new one.', {
        field: 'input.code',
        attemptsLeft: 0,
      });
    throw new AppError(PollErrorCode.CODE_INVALID, 'This is not the code that was sent.', {
      field: 'input.code',
      attemptsLeft: outcome.left,
    });
  }

  private async openPoll(pollId: string, assurance?: PollAssurance) {
    const definition = await this.polls.definition(pollId);
    const status = definition ? effectiveStatus(definition.poll) : PollStatus.DRAFT;
    if (!definition || status === PollStatus.DRAFT) throw notFound('Poll');
    if (status === PollStatus.SCHEDULED) throw pollNotOpen(definition.poll.opensAt);
    if (status === PollStatus.CLOSED) throw pollClosed();
    if (assurance && definition.poll.assurance !== assurance) throw wrongAssurance(definition.poll.assurance);
    return definition.poll;
  }

  private phoneKey(pollId: string, mobile: string): Buffer {
    return createHmac('sha256', this.keys.phone).update(`${pollId}:${mobile}`).digest();
  }

  private codeHash(pollId: string, mobile: string, code: string): Buffer {
    return createHmac('sha256', this.keys.code).update(`${pollId}:${mobile}:${code}`).digest();
  }

  private entryKey(kind: EligibilityKind, value: string): Buffer {
    return createHmac('sha256', this.keys.eligibility).update(`${kind}:${value}`).digest();
  }
}
