import { createHash, randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { preparedQuery } from '../../db/prepared';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { AppError, badInput, ErrorCode, notFound } from '../../common/errors';
import { isCleanText } from '../../common/validation';
import { type Viewer } from '../staff/staff.policy';
import { type Poll } from './poll.entity';
import { canReadResults } from './poll.policy';
import { type Limiter } from '../../common/rate-limit';
import { type AnswerInput, type SubmitPollResponseInput } from './poll.inputs';
import { NPS_RANGE, PollStatus, QuestionKind, RATING_RANGE, ResultsVisibility } from './poll.enums';
import { alreadyResponded, districtNotEligible, pollChanged, pollClosed, pollNotOpen } from './poll.errors';
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
  respondentToken: string;
  /** True when the token was issued by this submission (the web then sets its cookie). */
  tokenIssued: boolean;
}

/**
 * One statement writes a batch of submissions, atomically: it checks that each one's poll is open,
 * records the participations (the primary key refuses a second one) and only for those accepted
 * stores the response, its answers and its place in the tally queue. Nothing shared is updated, so
 * concurrent batches never queue behind one another's row locks. Response ids come from the
 * caller (random UUIDs), so the answers can name their response without reading anything back.
 * Participations go in in key order: two batches that both hold a repeat of the same respondents
 * wait for one another in the same order (no deadlock), and the participations' order says
 * nothing about the responses' (which keep the batch's order).
 */
const SUBMIT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::uuid[], $4::uuid[]) AS i(poll_id, respondent_key, district_id, response_id)
), answer AS (
  SELECT * FROM unnest($5::uuid[], $6::smallint[], $7::uuid[], $8::uuid[], $9::smallint[], $10::text[]) AS a(response_id, seq, question_id, option_id, number, text)
), referenced AS MATERIALIZED (
  -- The (poll, question, option) triples the batch answers: a handful, however many responses.
  SELECT DISTINCT i.poll_id, a.question_id, a.option_id FROM answer a JOIN input i ON i.response_id = a.response_id
), gone AS MATERIALIZED (
  -- Checked against a definition that changed since: a question or option is no longer the poll's.
  -- (poll_answer has no per-row foreign keys; this is where its references are checked.) The
  -- function first takes the polls' answer locks shared, then checks under a fresh snapshot, so an
  -- editor's removal committed meanwhile is seen (migration 1765300000000-SubmissionDefinitionLock).
  SELECT g.question_id, g.option_id FROM nabz_submission_gone(
    (SELECT array_agg(poll_id) FROM referenced), (SELECT array_agg(question_id) FROM referenced), (SELECT array_agg(option_id) FROM referenced)) g
), stale AS (
  SELECT DISTINCT a.response_id FROM answer a JOIN gone g ON g.question_id = a.question_id AND g.option_id IS NOT DISTINCT FROM a.option_id
), open_poll AS (
  SELECT p.id FROM poll p WHERE p.id IN (SELECT poll_id FROM input) AND ${SQL_STATUS[PollStatus.OPEN]}
), participation AS (
  INSERT INTO poll_participation (poll_id, respondent_key)
  SELECT i.poll_id, i.respondent_key FROM input i JOIN open_poll o ON o.id = i.poll_id
  WHERE i.response_id NOT IN (SELECT response_id FROM stale)
  ORDER BY i.poll_id, i.respondent_key
  ON CONFLICT DO NOTHING
  RETURNING poll_id, respondent_key
), response AS (
  INSERT INTO poll_response (id, poll_id, district_id, submitted_at)
  SELECT i.response_id, i.poll_id, i.district_id, date_trunc('hour', now())
  FROM input i JOIN participation p ON p.poll_id = i.poll_id AND p.respondent_key = i.respondent_key
  RETURNING id, poll_id
), answers AS (
  INSERT INTO poll_answer (response_id, seq, question_id, option_id, number, text)
  SELECT a.response_id, a.seq, a.question_id, a.option_id, a.number, a.text FROM answer a JOIN response ON response.id = a.response_id
), queued AS (
  INSERT INTO poll_tally_queue (poll_id, response_id) SELECT poll_id, id FROM response
)
SELECT i.response_id AS id, o.id IS NOT NULL AS open, r.id IS NOT NULL AS accepted, s.response_id IS NOT NULL AS stale
FROM input i LEFT JOIN open_poll o ON o.id = i.poll_id LEFT JOIN response r ON r.id = i.response_id LEFT JOIN stale s ON s.response_id = i.response_id`;

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
 * caller's against them), the district is one `DistrictService.exists` found, and response ids are
 * randomUUID() — all uuids, which need no quoting (and the ::uuid[] cast refuses anything else).
 */
function uuidArray(ids: Array<string | null>): string {
  return `{${ids.map((id) => id ?? 'NULL').join(',')}}`;
}

/** What the batch statement says of one submission. */
interface WriteOutcome {
  /** The poll was open when written. */
  open: boolean;
  /** Stored (false: this respondent had answered already, or the submission was stale). */
  accepted: boolean;
  /** A question or option it answers is no longer the poll's (the poll was edited after the check). */
  stale: boolean;
}

/** One submission waiting for its batch. */
interface PendingWrite {
  pollId: string;
  respondentKey: Buffer;
  districtId: string | null;
  responseId: string;
  rows: AnswerRows;
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

  write(submission: Omit<PendingWrite, 'written' | 'failed' | 'responseId'>): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...submission, responseId: randomUUID(), written: resolve, failed: reject });
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

  /** The next batch: up to maxBatch submissions, at most one per (poll, respondent); a repeat waits for a later batch. */
  private take(): PendingWrite[] {
    const batch: PendingWrite[] = [];
    const later: PendingWrite[] = [];
    const seen = new Set<string>();
    for (const w of this.waiting) {
      const key = `${w.pollId}:${w.respondentKey.toString('base64')}`;
      if (batch.length >= this.maxBatch || seen.has(key)) {
        later.push(w);
      } else {
        seen.add(key);
        batch.push(w);
      }
    }
    this.waiting = later;
    return batch;
  }

  private async run(batch: PendingWrite[], retryAlone: boolean): Promise<void> {
    const answers: AnswerRows & { responseIds: string[]; seqs: number[] } = { responseIds: [], seqs: [], questionIds: [], optionIds: [], numbers: [], texts: [] };
    for (const w of batch) {
      for (let j = 0; j < w.rows.questionIds.length; j++) {
        answers.responseIds.push(w.responseId);
        answers.seqs.push(j + 1);
      }
      answers.questionIds.push(...w.rows.questionIds);
      answers.optionIds.push(...w.rows.optionIds);
      answers.numbers.push(...w.rows.numbers);
      answers.texts.push(...w.rows.texts);
    }
    let result: Array<WriteOutcome & { id: string }>;
    try {
      result = await preparedQuery(this.db, SUBMIT_STATEMENT, SUBMIT_SQL, [
        uuidArray(batch.map((w) => w.pollId)),
        batch.map((w) => w.respondentKey),
        uuidArray(batch.map((w) => w.districtId)),
        uuidArray(batch.map((w) => w.responseId)),
        uuidArray(answers.responseIds),
        `{${answers.seqs.join(',')}}`,
        uuidArray(answers.questionIds),
        uuidArray(answers.optionIds),
        `{${answers.numbers.map((n) => n ?? 'NULL').join(',')}}`,
        answers.texts,
      ]);
    } catch (err) {
      // Nothing of the batch was written. Alone, each submission succeeds or fails on its own —
      // unless the database is out of reach, where each would only fail again, holding connections.
      if (retryAlone && batch.length > 1 && !isDatabaseUnavailable(err)) await Promise.all(batch.map((w) => this.run([w], false)));
      else batch.forEach((w) => w.failed(err));
      return;
    }
    const byId = new Map(result.map((r) => [r.id, r]));
    for (const w of batch) {
      const r = byId.get(w.responseId);
      if (r) w.written({ open: r.open, accepted: r.accepted, stale: r.stale });
      else w.failed(new Error('submission missing from its batch result'));
    }
  }
}

/** A submission that passed every check, ready to be written. */
export interface PreparedSubmission {
  pollId: string;
  token: string;
  tokenIssued: boolean;
  districtId: string | null;
  rows: AnswerRows;
}

export class PollSubmissionService {
  private readonly writer: SubmissionWriter;

  constructor(
    private readonly db: DataSource,
    private readonly polls: PollService,
    private readonly keys: RespondentKeys,
    private readonly limiter: Limiter,
    private readonly onAccepted: (pollId: string) => void,
    private readonly districts: DistrictService,
  ) {
    // Leave the rest of the pool to reads, the tally fold and sign-ins (a pool of one, PGlite's, still writes).
    const poolSize = Number((db.options as { extra?: { max?: number } }).extra?.max ?? 10);
    this.writer = new SubmissionWriter(db, Math.max(1, Math.min(MAX_BATCHES_IN_FLIGHT, poolSize - 2)));
  }

  /** The GraphQL resolver's way: the per-address limit first, then the checks, then the write. */
  async submit(input: SubmitPollResponseInput, meta: { clientKey: string; cookieToken?: string }): Promise<SubmissionResult> {
    await this.admit(meta.clientKey);
    return this.write(await this.prepare(input, meta.cookieToken));
  }

  /** Whether `prepare` can check a submission to this poll without reading the database. */
  isPrepared(pollId: string): boolean {
    return this.polls.hasCachedDefinition(pollId);
  }

  /** Counts a submission against its client's per-address limit; RATE_LIMITED when it is spent. */
  async admit(clientKey: string): Promise<void> {
    await this.limiter.consume(clientKey);
  }

  /**
   * Every check a submission gets before anything is written (the poll is open, the district
   * fits, each answer is valid, the token is ours) and the rows it becomes. Reads cached
   * definitions only and changes nothing, so a caller may run it and, when it throws, leave the
   * request to the general path, which gives the same error.
   */
  async prepare(input: SubmitPollResponseInput, cookieToken: string | undefined): Promise<PreparedSubmission> {
    const definition = await this.polls.definition(input.pollId);
    const status = definition ? effectiveStatus(definition.poll) : PollStatus.DRAFT;
    if (!definition || status === PollStatus.DRAFT) throw notFound('Poll');
    if (status === PollStatus.SCHEDULED) throw pollNotOpen(definition.poll.opensAt);
    if (status === PollStatus.CLOSED) throw pollClosed();

    const districtId = await this.checkDistrict(definition, input.districtId ?? null);
    const rows = toAnswerRows(definition, input.answers);

    // Any token sent must be one of ours; "" is not (taken as a token, it was one identity shared
    // by everyone who sent it, and an empty cookie the same).
    if (input.respondentToken != null && !this.keys.isValid(input.respondentToken)) {
      throw badInput('respondentToken was not issued by this service; omit it to get a new one.', 'input.respondentToken');
    }
    let token: string | null = input.respondentToken ?? (cookieToken && this.keys.isValid(cookieToken) ? cookieToken : null); // a stale, foreign or empty cookie: start afresh
    const tokenIssued = token === null;
    token ??= this.keys.issue();
    return { pollId: definition.poll.id, token, tokenIssued, districtId, rows };
  }

  /** Writes a prepared submission; acknowledged only once committed. ALREADY_RESPONDED or POLL_CLOSED when refused. */
  async write(prepared: PreparedSubmission): Promise<SubmissionResult> {
    const { pollId, token } = prepared;
    const result = await this.writer.write({ pollId, respondentKey: this.keys.participationKey(pollId, token), districtId: prepared.districtId, rows: prepared.rows });
    if (!result.open) {
      // Closed (or unpublished) between the cached check and the write.
      this.polls.forgetDefinition(pollId);
      throw pollClosed();
    }
    if (result.stale) {
      this.polls.forgetDefinition(pollId);
      throw pollChanged();
    }
    if (!result.accepted) throw alreadyResponded();
    this.onAccepted(pollId);
    return { pollId, respondentToken: token, tokenIssued: prepared.tokenIssued };
  }

  /** Whether the holder of this token has answered the poll (for AFTER_RESPONSE results). */
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
