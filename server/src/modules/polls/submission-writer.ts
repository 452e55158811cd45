import { createHash } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { preparedQuery } from '../../db/prepared';
import { type SolvedChallenge } from './participation/proof-of-work';
import { answerColumns, type AnswerRows } from './answer-checks';
import { type AnswerSeal } from './participation/answer-seal';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { PollStatus, type ResponseAssurance } from './poll.enums';
import { SQL_STATUS } from './poll-status';

/**
 * Submission batches written at the same time by one process. One: while it is written, every
 * new submission waits for the next, so batches are as large as the load makes them, and the
 * database's time per response is lowest (the poll-submit benchmark compared one, two and three:
 * bench/results/poll-submit.json). Several server processes still write concurrently; a database
 * with more cores gains from more of them.
 */
export const MAX_BATCHES_IN_FLIGHT = 1;

/**
 * One statement writes a batch of submissions, atomically: it checks that each one's poll is open
 * and that its questions and options are still the poll's, spends each solved challenge, records
 * the participations (the primary key refuses a second one: a respondent token's keyed hash, or a
 * spent poll token's digest) and, only for those accepted, puts the answers into the answer mix,
 * sealed (each submission's district and answers as one ciphertext: a copy of the database shows a
 * new sealed row, not the answer).
 * They reach poll_response later, in a shuffled batch of at least k moved by AnswerMixer in a
 * transaction of its own, so nothing in the database pairs a participation with its response.
 * Nothing shared is updated, so concurrent batches never queue behind one another's row locks.
 * Participations go in in key order: two batches that both hold a repeat of the same respondents
 * wait for one another in the same order (no deadlock).
 */
const SUBMIT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::uuid[], $3::bytea[], $4::bytea[], $5::response_assurance[], $6::bytea[], $7::timestamptz[], $14::bytea[])
    AS i(n, poll_id, respondent_key, sealed, assurance, challenge_key, challenge_expires, cluster_key)
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
  -- Sealed: the district and the answers went in as one ciphertext, sealed by the writer (AnswerSeal);
  -- the answer rows above serve only the checks. A submission without answer rows writes none, as before.
  INSERT INTO poll_answer_mix (poll_id, assurance, sealed, cluster_key)
  SELECT c.poll_id, c.assurance, c.sealed, c.cluster_key FROM accepted c WHERE c.n IN (SELECT n FROM answer)
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
 * caller's against them) — all uuids, which need no quoting (and the ::uuid[] cast refuses anything else).
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
    /** Seals each answer's district and rows for the mix. */
    private readonly seal: AnswerSeal,
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
      const keys = [
        `${w.pollId}:${w.respondentKey.toString('base64')}`,
        ...(w.challenge ? [`c:${w.challenge.key.toString('base64')}`] : []),
      ];
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
    const answers = answerColumns(batch.map((w) => w.rows));
    let result: Array<WriteOutcome & { n: number }>;
    try {
      result = await preparedQuery(this.db, SUBMIT_STATEMENT, SUBMIT_SQL, [
        `{${batch.map((_, n) => n).join(',')}}`,
        uuidArray(batch.map((w) => w.pollId)),
        batch.map((w) => w.respondentKey),
        batch.map((w) => this.seal.seal(w.pollId, { districtId: w.districtId, rows: w.rows })),
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
