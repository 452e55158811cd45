import { type DataSource } from 'typeorm';
import { AppError, badInput, notFound } from '../../common/errors';
import { type Limiter } from '../../common/rate-limit';
import { type ProofOfWork } from './participation/proof-of-work';
import { PollTokenKeys } from './participation/poll-tokens';
import { type AbuseSignals } from './participation/abuse-signals';
import { type SubmitPollResponseInput } from './poll.inputs';
import { PollAssurance, PollStatus, ResponseAssurance } from './poll.enums';
import {
  alreadyResponded,
  challengeReused,
  districtNotEligible,
  pollChanged,
  pollClosed,
  pollNotOpen,
  tokenInvalid,
  tokenRequired,
} from './poll.errors';
import { type PollDefinition } from './poll-definition';
import { effectiveStatus } from './poll-status';
import { type DistrictService } from '../districts/district.service';
import { type PollService } from './poll.service';
import { type RespondentKeys } from './respondent';
import { decodeBase64Url, toAnswerRows } from './answer-checks';
import { type AnswerSeal } from './participation/answer-seal';
import { MAX_BATCHES_IN_FLIGHT, type SubmissionToWrite, SubmissionWriter } from './submission-writer';

/**
 * The submission pipeline's orchestration: the per-address limits, the poll's state, the
 * assurance (proof of work, poll token or respondent token), the district and the answers
 * (answer-checks.ts), then the group-committed write (submission-writer.ts). Who may read the
 * results afterwards is results-access.ts's.
 */
export interface SubmissionResult {
  pollId: string;
  /** The respondent's token; a verified poll's participation is keyed by the spent poll token instead. */
  respondentToken: string;
  /** True when the token was issued by this submission (the web then sets its cookie). */
  tokenIssued: boolean;
  assurance: ResponseAssurance;
}

/** A submission that passed every check, ready to be written. */
export interface PreparedSubmission extends SubmissionToWrite {
  /** The respondent's token (issued now, or the one sent); for verified polls it keys nothing. */
  token: string;
  tokenIssued: boolean;
}

export interface SubmissionLimits {
  /** Every submission, per client address. */
  perClient: Limiter;
  /** OPEN polls' answers without a solved challenge, per client address: a tighter limit. */
  unchallengedPerClient: Limiter;
}

export class PollSubmissionService {
  private readonly writer: SubmissionWriter;

  constructor(
    private readonly db: DataSource,
    private readonly polls: PollService,
    private readonly keys: RespondentKeys,
    private readonly limits: SubmissionLimits,
    private readonly districts: DistrictService,
    private readonly proofOfWork: ProofOfWork,
    private readonly tokens: PollTokenKeys,
    private readonly signals: AbuseSignals,
    answerSeal: AnswerSeal,
  ) {
    // Leave the rest of the pool to reads, the mover, the tally fold and sign-ins (a pool of one, PGlite's, still writes).
    const poolSize = Number((db.options as { extra?: { max?: number } }).extra?.max ?? 10);
    this.writer = new SubmissionWriter(db, Math.max(1, Math.min(MAX_BATCHES_IN_FLIGHT, poolSize - 2)), answerSeal);
  }

  /** The per-address limit, the checks, then the write; an accepted answer counts toward the abuse signals. */
  async submit(
    input: SubmitPollResponseInput,
    meta: { clientKey: string; cookieToken?: string; client?: { address: string; userAgent?: string } },
  ): Promise<SubmissionResult> {
    await this.limits.perClient.consume(meta.clientKey);
    const prepared = await this.prepare(input, meta.cookieToken);
    const unchallenged = prepared.assurance === ResponseAssurance.UNCHALLENGED;
    if (unchallenged) await this.limits.unchallengedPerClient.consume(meta.clientKey);
    prepared.clusterKey = await this.signals.clusterKey(meta.client);
    let result: SubmissionResult;
    try {
      result = await this.write(prepared);
    } catch (e) {
      // The limit is on unchallenged answers stored: a refusal that stored nothing (above all
      // ALREADY_RESPONDED, a resend after a timeout as docs/api.md advises) gives its point back.
      if (unchallenged && e instanceof AppError) await this.limits.unchallengedPerClient.refund(meta.clientKey);
      throw e;
    }
    this.signals.record(result.pollId, prepared.clusterKey);
    return result;
  }

  /**
   * Every check a submission gets before anything is written (the poll is open, the district
   * fits, each answer is valid, the proof it brings — a respondent token and maybe a solved
   * challenge, or a poll token — holds) and the rows it becomes. Changes nothing.
   */
  async prepare(input: SubmitPollResponseInput, cookieToken: string | undefined): Promise<PreparedSubmission> {
    const definition = await this.polls.definition(input.pollId);
    const status = definition ? effectiveStatus(definition.poll) : PollStatus.DRAFT;
    if (!definition || status === PollStatus.DRAFT) throw notFound('Poll');
    if (status === PollStatus.SCHEDULED) throw pollNotOpen(definition.poll.opensAt);
    if (status === PollStatus.CLOSED) throw pollClosed();
    const { poll } = definition;

    const districtId = await this.checkDistrict(definition, input.districtId ?? null);
    const rows = toAnswerRows(definition, input.answers);
    const base = { pollId: poll.id, districtId, rows };

    if (poll.assurance !== PollAssurance.OPEN) {
      // Verified: the proof is a poll token signed blindly at issuePollToken; what is stored is its digest.
      if (input.respondentToken != null || input.challenge != null)
        throw badInput('A verified poll is answered with `pollToken` only (no respondentToken or challenge).', 'input.pollToken');
      if (!input.pollToken) throw tokenRequired();
      const message = decodeBase64Url(input.pollToken.message, 'input.pollToken.message', 32, 512);
      const signature = decodeBase64Url(input.pollToken.signature, 'input.pollToken.signature', 256, 256);
      if (!this.tokens.verifyToken(await this.tokens.keyPair(poll.id), message, signature)) throw tokenInvalid();
      const assurance = poll.assurance === PollAssurance.VERIFIED_PHONE ? ResponseAssurance.PHONE : ResponseAssurance.RESIDENT;
      // The respondent token is still handed back (the payload promises one), but stores nothing here.
      const kept = cookieToken && this.keys.isValid(cookieToken) ? cookieToken : null;
      return {
        ...base,
        respondentKey: PollTokenKeys.spentKey(poll.id, message),
        assurance,
        challenge: null,
        clusterKey: null,
        token: kept ?? this.keys.issue(),
        tokenIssued: !kept,
      };
    }

    if (input.pollToken) throw badInput('An OPEN poll takes no poll token: omit `pollToken`.', 'input.pollToken');
    // Any token sent must be one of ours; "" is not (taken as a token, it was one identity shared
    // by everyone who sent it, and an empty cookie the same).
    if (input.respondentToken != null && !this.keys.isValid(input.respondentToken)) {
      throw badInput('respondentToken was not issued by this service; omit it to get a new one.', 'input.respondentToken');
    }
    const challenge = input.challenge != null ? await this.proofOfWork.verify(input.challenge, 'input.challenge') : null;
    let token: string | null = input.respondentToken ?? (cookieToken && this.keys.isValid(cookieToken) ? cookieToken : null); // a stale, foreign or empty cookie: start afresh
    const tokenIssued = token === null;
    token ??= this.keys.issue();
    return {
      ...base,
      respondentKey: this.keys.participationKey(poll.id, token),
      assurance: challenge ? ResponseAssurance.CHALLENGED : ResponseAssurance.UNCHALLENGED,
      challenge,
      clusterKey: null,
      token,
      tokenIssued,
    };
  }

  /** Writes a prepared submission; acknowledged only once committed. */
  async write(prepared: PreparedSubmission): Promise<SubmissionResult> {
    const { pollId } = prepared;
    const result = await this.writer.write(prepared);
    if (!result.open) {
      // Closed (or unpublished) between the cached check and the write.
      this.polls.forgetDefinition(pollId);
      throw pollClosed();
    }
    if (result.stale) {
      this.polls.forgetDefinition(pollId);
      throw pollChanged();
    }
    if (result.replayed) throw challengeReused();
    if (!result.accepted) throw alreadyResponded();
    return { pollId, respondentToken: prepared.token, tokenIssued: prepared.tokenIssued, assurance: prepared.assurance };
  }

  /** A new proof-of-work challenge for an OPEN poll's form. */
  challenge() {
    return this.proofOfWork.challenge();
  }

  private async checkDistrict(definition: PollDefinition, districtId: string | null): Promise<string | null> {
    const { poll } = definition;
    if (!poll.asksDistrict) {
      if (districtId) throw badInput('This poll does not ask for a district.', 'input.districtId');
      return null;
    }
    if (!districtId) throw badInput('This poll asks which district the respondent lives in.', 'input.districtId');
    if (!(await this.districts.exists(districtId, { active: !poll.districtIds.includes(districtId) })))
      throw badInput('No such district.', 'input.districtId');
    if (poll.districtIds.length && !poll.districtIds.includes(districtId)) throw districtNotEligible();
    return districtId;
  }
}
