import { createHash } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { preparedQuery } from '../../db/prepared';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { AppError, badInput, ErrorCode, notFound } from '../../common/errors';
import { isCleanText } from '../../common/validation';
import { type Viewer } from '../staff/staff.policy';
import { type Poll } from './poll.entity';
import { canReadResults } from './poll.policy';
import { type Limiter } from '../../common/rate-limit';
import { type ProofOfWork, type SolvedChallenge } from './participation/proof-of-work';
import { PollTokenKeys } from './participation/poll-tokens';
import { type AbuseSignals } from './participation/abuse-signals';
import { type AnswerInput, type SubmitPollResponseInput } from './poll.inputs';
import { NPS_RANGE, PollAssurance, PollStatus, QuestionKind, RATING_RANGE, ResponseAssurance, ResultsVisibility } from './poll.enums';
import { alreadyResponded, challengeReused, districtNotEligible, pollChanged, pollClosed, pollNotOpen, tokenInvalid, tokenRequired } from './poll.errors';
import { isChoice, type PollDefinition } from './poll-definition';
import { effectiveStatus, SQL_STATUS } from './poll-status';
import { type DistrictService } from '../districts/district.service';
import { type PollService } from './poll.service';
import { type RespondentKeys } from './respondent';

/** The rows one response becomes: parallel arrays, inserted with unnest() in one statement. */
interface AnswerRows {
  questionIds: string[];
  optionIds: Array<string | null>;
  numbers: Array<number | null>;
  texts: Array<string | null>;
}

/**
 * Submission batches written at the same time by one process. One: while it is written, every
 * new submission waits for the next, so batches are as large as the load makes them, and the
 * database's time per response is lowest. On the 2-core benchmark machine (50 connections, the
 * tally fold running) one, two and three in flight gave about 2,930–3,430, 2,770–2,950 and
 * 2,620–2,950 accepted submissions/s, p99 36, 40 and 44 ms; at 10 connections one was also
 * ahead (640 against 575 and 545 before the fast path). Several server processes still write
 * concurrently; a database with more cores gains from more of them.
 */
const MAX_BATCHES_IN_FLIGHT = 1;

export interface SubmissionResult {
  pollId: string;
  /** The respondent's token; a verified poll's participation is keyed by the spent poll token instead. */
  respondentToken: string;
  /** True when the token was issued by this submission (the web then sets its cookie). */
  tokenIssued: boolean;
  assurance: ResponseAssurance;
}

/**
 * One statement writes a batch of submissions, atomically: it checks that each one's poll is open
 * and that its questions and options are still the poll's, spends each solved challenge, records
 * the participations (the primary key refuses a second one: a respondent token's keyed hash, or a
 * spent poll token's digest) and, only for those accepted, puts the answers into the answer mix.
 * They reach poll_response later, in a shuffled batch of at least k moved by AnswerMixer in a
 * transaction of its own, so nothing in the database pairs a participation with its response.
 * Nothing shared is updated, so concurrent batches never queue behind one another's row locks.
 * Participations go in in key order: two batches that both hold a repeat of the same respondents
 * wait for one another in the same order (no deadlock).
 */
const SUBMIT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::uuid[], $3::bytea[], $4::uuid[], $5::response_assurance[], $6::bytea[], $7::timestamptz[], $14::bytea[])
    AS i(n, poll_id, respondent_key, district_id, assurance, challenge_key, challenge_expires, cluster_key)
), answer AS (
  SELECT * FROM unnest($8::int[], $9::smallint[], $10::uuid[], $11::uuid[], $12::smallint[], $13::text[]) AS a(n, seq, question_id, option_id, number, text)
), referenced AS MATERIALIZED (
  -- The (poll, question, option) triples the batch answers: a handful, however many submissions.
  SELECT DISTINCT i.poll_id, a.question_id, a.option_id FROM answer a JOIN input i ON i.n = a.n
), gone AS MATERIALIZED (
  -- Checked against a definition that changed since: a question or option is no longer the poll's.
  -- The function first takes the polls' answer locks shared, then checks under a fresh snapshot, so an
  -- editor's removal committed meanwhile is seen (migration 1765300000000-SubmissionDefinitionLock).
  SELECT g.question_id, g.option_id FROM nabz_submission_gone(
    (SELECT array_agg(poll_id) FROM referenced), (SELECT array_agg(question_id) FROM referenced), (SELECT array_agg(option_id) FROM referenced)) g
), stale AS (
  SELECT DISTINCT a.n FROM answer a JOIN gone g ON g.question_id = a.question_id AND g.option_id IS NOT DISTINCT FROM a.option_id
), open_poll AS (
  SELECT p.id FROM poll p WHERE p.id IN (SELECT poll_id FROM input) AND ${SQL_STATUS[PollStatus.OPEN]}
), candidate AS (
  SELECT i.* FROM input i JOIN open_poll o ON o.id = i.poll_id WHERE i.n NOT IN (SELECT n FROM stale)
), spent AS (
  -- A solved proof-of-work challenge buys one answer: spent here, with the answer it bought.
  INSERT INTO spent_challenge (key, expires_at) SELECT challenge_key, challenge_expires FROM candidate WHERE challenge_key IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING key
), participation AS (
  INSERT INTO poll_participation (poll_id, respondent_key)
  SELECT c.poll_id, c.respondent_key FROM candidate c
  WHERE c.challenge_key IS NULL OR c.challenge_key IN (SELECT key FROM spent)
  ORDER BY c.poll_id, c.respondent_key
  ON CONFLICT DO NOTHING
  RETURNING poll_id, respondent_key
), accepted AS MATERIALIZED (
  SELECT c.* FROM candidate c JOIN participation p ON p.poll_id = c.poll_id AND p.respondent_key = c.respondent_key
), mixed AS (
  -- Into the answer mix, not the response tables: the mover takes it from there in a shuffled batch.
  INSERT INTO poll_answer_mix (poll_id, district_id, assurance, question_ids, option_ids, numbers, texts, cluster_key)
  SELECT c.poll_id, c.district_id, c.assurance, array_agg(a.question_id ORDER BY a.seq), array_agg(a.option_id ORDER BY a.seq), array_agg(a.number ORDER BY a.seq), array_agg(a.text ORDER BY a.seq), c.cluster_key
  FROM accepted c JOIN answer a ON a.n = c.n GROUP BY c.n, c.poll_id, c.district_id, c.assurance, c.cluster_key
)
SELECT i.n, o.id IS NOT NULL AS open, c.n IS NOT NULL AS accepted, s.n IS NOT NULL AS stale,
  (i.challenge_key IS NOT NULL AND o.id IS NOT NULL AND s.n IS NULL AND i.challenge_key NOT IN (SELECT key FROM spent)) AS replayed
FROM input i LEFT JOIN open_poll o ON o.id = i.poll_id LEFT JOIN accepted c ON c.n = i.n LEFT JOIN stale s ON s.n = i.n`;

/**
 * The prepared statement's name carries a digest of its text: where a database session outlives
 * one connection (a pooler), two versions of the server during a rolling deploy must not run each
 * other's statement under one name.
 */
const SUBMIT_STATEMENT = `nabz_submit_${createHash('sha256').update(SUBMIT_SQL).digest('hex').slice(0, 12)}`;

/**
 * A uuid[] parameter as PostgreSQL's array text, built in one join instead of node-postgres
 * escaping each element (a visible share of the hot path). No id here comes from the caller as
 * sent: the poll, question and option ids are the poll definition's own (toAnswerRows matches the
 * caller's against them) and the district is one `DistrictService.exists` found — all uuids, which
 * need no quoting (and the ::uuid[] cast refuses anything else).
 */
function uuidArray(ids: Array<string | null>): string {
  return `{${ids.map((id) => id ?? 'NULL').join(',')}}`;
}

/** What the batch statement says of one submission. */
interface WriteOutcome {
  /** The poll was open when written. */
  open: boolean;
  /** Stored (false: this respondent had answered already, or the submission was stale or replayed). */
  accepted: boolean;
  /** A question or option it answers is no longer the poll's (the poll was edited after the check). */
  stale: boolean;
  /** Its proof-of-work challenge had been spent already. */
  replayed: boolean;
}

/** One submission as the writer takes it. */
export interface SubmissionToWrite {
  pollId: string;
  respondentKey: Buffer;
  districtId: string | null;
  assurance: ResponseAssurance;
  challenge: SolvedChallenge | null;
  /** The abuse-signal cluster it arrives from (AbuseSignals.clusterKey), or null. */
  clusterKey: Buffer | null;
  rows: AnswerRows;
}

/** One submission waiting for its batch. */
interface PendingWrite extends SubmissionToWrite {
  /** Its batch committed: what the statement said of it. */
  written(outcome: WriteOutcome): void;
  /**
   * Its batch failed. Two callbacks rather than one that tests `instanceof Error`: errors raised
   * by Node itself (a refused or cut connection) come from another realm under a test runner's
   * sandbox, and were taken for outcomes (a refused write read as POLL_CLOSED).
   */
  failed(error: unknown): void;
}

/**
 * Group commit: a submission is written at once when fewer than `maxInFlight` batches are being
 * written; otherwise it waits for the next batch, which then carries every submission that arrived
 * meanwhile. Under light load nothing waits; under heavy load one statement and one commit serve
 * hundreds of submissions, which is what lets the database keep up (one statement per submission
 * spends most of its time on per-statement and per-commit work). Each caller still learns only
 * after the batch has committed, and a failed batch is retried one submission at a time, so one
 * faulty submission cannot fail the others.
 */
export class SubmissionWriter {
  private waiting: PendingWrite[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: DataSource,
    private readonly maxInFlight: number,
    private readonly maxBatch = 250,
  ) {}

  write(submission: SubmissionToWrite): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...submission, written: resolve, failed: reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch, true).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  /**
   * The next batch: up to maxBatch submissions, at most one per (poll, respondent) and one per
   * challenge; a repeat waits for a later batch (which then sees the first one's participation or
   * spent challenge).
   */
  private take(): PendingWrite[] {
    const batch: PendingWrite[] = [];
    const later: PendingWrite[] = [];
    const seen = new Set<string>();
    for (const w of this.waiting) {
      const keys = [`${w.pollId}:${w.respondentKey.toString('base64')}`, ...(w.challenge ? [`c:${w.challenge.key.toString('base64')}`] : [])];
      if (batch.length >= this.maxBatch || keys.some((k) => seen.has(k))) {
        later.push(w);
      } else {
        keys.forEach((k) => seen.add(k));
        batch.push(w);
      }
    }
    this.waiting = later;
    return batch;
  }

  private async run(batch: PendingWrite[], retryAlone: boolean): Promise<void> {
    const answers = { ns: [] as number[], seqs: [] as number[], questionIds: [] as string[], optionIds: [] as Array<string | null>, numbers: [] as Array<number | null>, texts: [] as Array<string | null> };
    batch.forEach((w, n) => {
      for (let j = 0; j < w.rows.questionIds.length; j++) {
        answers.ns.push(n);
        answers.seqs.push(j + 1);
      }
      answers.questionIds.push(...w.rows.questionIds);
      answers.optionIds.push(...w.rows.optionIds);
      answers.numbers.push(...w.rows.numbers);
      answers.texts.push(...w.rows.texts);
    });
    let result: Array<WriteOutcome & { n: number }>;
    try {
      result = await preparedQuery(this.db, SUBMIT_STATEMENT, SUBMIT_SQL, [
        `{${batch.map((_, n) => n).join(',')}}`,
        uuidArray(batch.map((w) => w.pollId)),
        batch.map((w) => w.respondentKey),
        uuidArray(batch.map((w) => w.districtId)),
        `{${batch.map((w) => w.assurance).join(',')}}`,
        batch.map((w) => w.challenge?.key ?? null),
        batch.map((w) => w.challenge?.expiresAt.toISOString() ?? null),
        `{${answers.ns.join(',')}}`,
        `{${answers.seqs.join(',')}}`,
        uuidArray(answers.questionIds),
        uuidArray(answers.optionIds),
        `{${answers.numbers.map((n) => n ?? 'NULL').join(',')}}`,
        answers.texts,
        batch.map((w) => w.clusterKey),
      ]);
    } catch (err) {
      // Nothing of the batch was written. Alone, each submission succeeds or fails on its own —
      // unless the database is out of reach, where each would only fail again, holding connections.
      if (retryAlone && batch.length > 1 && !isDatabaseUnavailable(err)) await Promise.all(batch.map((w) => this.run([w], false)));
      else batch.forEach((w) => w.failed(err));
      return;
    }
    const byN = new Map(result.map((r) => [Number(r.n), r]));
    batch.forEach((w, n) => {
      const r = byN.get(n);
      if (r) w.written({ open: r.open, accepted: r.accepted, stale: r.stale, replayed: r.replayed });
      else w.failed(new Error('submission missing from its batch result'));
    });
  }
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
  ) {
    // Leave the rest of the pool to reads, the mover, the tally fold and sign-ins (a pool of one, PGlite's, still writes).
    const poolSize = Number((db.options as { extra?: { max?: number } }).extra?.max ?? 10);
    this.writer = new SubmissionWriter(db, Math.max(1, Math.min(MAX_BATCHES_IN_FLIGHT, poolSize - 2)));
  }

  /** The per-address limit, the checks, then the write; an accepted answer counts toward the abuse signals. */
  async submit(input: SubmitPollResponseInput, meta: { clientKey: string; cookieToken?: string; client?: { address: string; userAgent?: string } }): Promise<SubmissionResult> {
    await this.limits.perClient.consume(meta.clientKey);
    const prepared = await this.prepare(input, meta.cookieToken);
    if (prepared.assurance === ResponseAssurance.UNCHALLENGED) await this.limits.unchallengedPerClient.consume(meta.clientKey);
    prepared.clusterKey = await this.signals.clusterKey(meta.client);
    const result = await this.write(prepared);
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
      if (input.respondentToken != null || input.challenge != null) throw badInput('A verified poll is answered with `pollToken` only (no respondentToken or challenge).', 'input.pollToken');
      if (!input.pollToken) throw tokenRequired();
      const message = decodeBase64Url(input.pollToken.message, 'input.pollToken.message', 32, 512);
      const signature = decodeBase64Url(input.pollToken.signature, 'input.pollToken.signature', 256, 256);
      if (!this.tokens.verifyToken(await this.tokens.keyPair(poll.id), message, signature)) throw tokenInvalid();
      const assurance = poll.assurance === PollAssurance.VERIFIED_PHONE ? ResponseAssurance.PHONE : ResponseAssurance.RESIDENT;
      // The respondent token is still handed back (the payload promises one), but stores nothing here.
      const kept = cookieToken && this.keys.isValid(cookieToken) ? cookieToken : null;
      return { ...base, respondentKey: PollTokenKeys.spentKey(poll.id, message), assurance, challenge: null, clusterKey: null, token: kept ?? this.keys.issue(), tokenIssued: !kept };
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

  /** Whether the holder of this respondent token has answered the poll (for AFTER_RESPONSE results). */
  async hasResponded(pollId: string, token: string | null | undefined): Promise<boolean> {
    if (!token || !this.keys.isValid(token)) return false;
    const rows = await this.db.query('SELECT 1 FROM poll_participation WHERE poll_id = $1 AND respondent_key = $2', [pollId, this.keys.participationKey(pollId, token)]);
    return rows.length > 0;
  }

  /** FORBIDDEN unless the poll's results visibility lets this caller read them. */
  async assertMayReadResults(viewer: Viewer | null, poll: Poll, token: string | null | undefined): Promise<void> {
    const responded = !viewer && poll.resultsVisibility === ResultsVisibility.AFTER_RESPONSE ? await this.hasResponded(poll.id, token) : false;
    if (!canReadResults(viewer, poll.resultsVisibility, responded)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        poll.resultsVisibility === ResultsVisibility.AFTER_RESPONSE ? 'These results are shown after answering the poll.' : 'These results are for staff only.',
      );
    }
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
    if (!(await this.districts.exists(districtId))) throw badInput('No such district.', 'input.districtId');
    if (poll.districtIds.length && !poll.districtIds.includes(districtId)) throw districtNotEligible();
    return districtId;
  }
}

/** Base64url (or base64) text to bytes, BAD_USER_INPUT unless it decodes to a length within bounds. */
export function decodeBase64Url(text: string, field: string, min: number, max: number): Buffer {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_\-+/]*={0,2}$/.test(text)) throw badInput('Expected base64url text.', field);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length < min || bytes.length > max) throw badInput(min === max ? `Expected ${min} bytes (base64url).` : `Expected ${min} to ${max} bytes (base64url).`, field);
  return bytes;
}

/**
 * Checks every answer against the poll's definition and turns them into rows. Any fault throws
 * BAD_USER_INPUT naming the answer at fault, before anything is written.
 */
export function toAnswerRows(definition: PollDefinition, answers: AnswerInput[]): AnswerRows {
  const rows: AnswerRows = { questionIds: [], optionIds: [], numbers: [], texts: [] };
  const push = (questionId: string, optionId: string | null, number: number | null, text: string | null) => {
    rows.questionIds.push(questionId);
    rows.optionIds.push(optionId);
    rows.numbers.push(number);
    rows.texts.push(text);
  };
  const questions = new Map(definition.questions.map((q) => [q.id, q]));
  const answered = new Set<string>();

  answers.forEach((answer, i) => {
    const at = `input.answers[${i}]`;
    const question = questions.get(answer.questionId);
    if (!question) throw badInput('This question is not part of the poll.', `${at}.questionId`);
    if (answered.has(question.id)) throw badInput('This question is answered twice.', `${at}.questionId`);
    answered.add(question.id);

    const given = [answer.optionIds != null, answer.number != null, answer.text != null].filter(Boolean).length;
    if (given !== 1) throw badInput('Give exactly one of optionIds, number or text.', at);

    if (isChoice(question.kind)) {
      if (answer.optionIds == null) throw badInput(`A ${question.kind} answer takes optionIds.`, `${at}.optionIds`);
      const ids = answer.optionIds;
      if (new Set(ids).size !== ids.length) throw badInput('An option is picked twice.', `${at}.optionIds`);
      if (ids.length === 0) throw badInput('Pick at least one option.', `${at}.optionIds`);
      if (question.kind === QuestionKind.SINGLE_CHOICE && ids.length !== 1) throw badInput('Pick exactly one option.', `${at}.optionIds`);
      const max = question.maxChoices ?? question.options.length;
      if (ids.length > max) throw badInput(`Pick at most ${max} options.`, `${at}.optionIds`);
      const valid = new Set(question.options.map((o) => o.id));
      const bad = ids.findIndex((id) => !valid.has(id));
      if (bad >= 0) throw badInput('This option does not belong to the question.', `${at}.optionIds[${bad}]`);
      ids.forEach((id) => push(question.id, id, null, null));
    } else if (question.kind === QuestionKind.RATING || question.kind === QuestionKind.NPS) {
      const range = question.kind === QuestionKind.RATING ? RATING_RANGE : NPS_RANGE;
      const n = answer.number;
      if (n == null) throw badInput(`A ${question.kind} answer takes a number.`, `${at}.number`);
      if (!Number.isInteger(n) || n < range.min || n > range.max) throw badInput(`The number must be a whole number from ${range.min} to ${range.max}.`, `${at}.number`);
      push(question.id, null, n, null);
    } else {
      const text = answer.text?.trim();
      if (answer.text == null) throw badInput('A FREE_TEXT answer takes text.', `${at}.text`);
      if (!text) throw badInput('The text is empty.', `${at}.text`);
      if (!isCleanText(text)) throw badInput('The text contains control characters.', `${at}.text`);
      const max = question.maxLength ?? Infinity;
      if ([...text].length > max) throw badInput(`The text is longer than ${max} characters.`, `${at}.text`);
      push(question.id, null, null, text);
    }
  });

  const missing = definition.questions.find((q) => q.required && !answered.has(q.id));
  if (missing) throw new AppError(ErrorCode.BAD_USER_INPUT, `Question ${missing.position} is required.`, { field: 'input.answers', questionId: missing.id });
  if (!rows.questionIds.length) throw badInput('Answer at least one question.', 'input.answers');
  return rows;
}
