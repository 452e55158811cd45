import { type DataSource } from 'typeorm';
import { PeriodicTask } from '../../common/periodic-task';
import { type Logger } from '../../logger';
import { NO_DISTRICT, NO_NUMBER, NO_OPTION } from './poll-tally.entity';
import { type ResponseAssurance } from './poll.enums';
import { tokenCounts } from './insights/words';

/** Marks the "this response answered this question" row of a question's tally. */
export const ANSWERED = -3;
const BATCH = 20_000;
/**
 * Advisory-lock class of folding (key 0): one fold at a time, across instances. Two folds take
 * different queued responses, but upsert the same tally rows, each in its own order: side by side
 * they could deadlock, and PostgreSQL would roll one back.
 */
export const FOLD_LOCK_CLASS = 28260;

/**
 * Folds a batch of queued responses into every tally, in one statement. The batch's responses and
 * their answers are each read once, by key (lateral lookups; OFFSET 0 keeps them from being turned
 * into joins), whatever the statistics say: right after a bulk load they are stale, and a plan
 * built on them would scan every answer in the table for every batch.
 */
const foldSql = (onePoll: boolean) => `
WITH taken AS (
  DELETE FROM poll_tally_queue
  WHERE (poll_id, response_id) IN (
    SELECT poll_id, response_id FROM poll_tally_queue ${onePoll ? 'WHERE poll_id = $2' : ''} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
  )
  RETURNING response_id
), resp AS MATERIALIZED (
  SELECT r.id, r.poll_id, (r.submitted_at AT TIME ZONE $1)::date AS day, coalesce(r.district_id, '${NO_DISTRICT}'::uuid) AS district_id
  FROM taken t CROSS JOIN LATERAL (SELECT r.id, r.poll_id, r.submitted_at, r.district_id FROM poll_response r WHERE r.id = t.response_id OFFSET 0) r
), ans AS MATERIALIZED (
  SELECT resp.id AS response_id, resp.poll_id, resp.day, resp.district_id, a.question_id, a.option_id, a.number, a.text
  FROM resp CROSS JOIN LATERAL (SELECT a.question_id, a.option_id, a.number, a.text FROM poll_answer a WHERE a.response_id = resp.id OFFSET 0) a
), response_counts AS (
  INSERT INTO poll_response_tally (poll_id, day, district_id, responses)
  SELECT poll_id, day, district_id, count(*) FROM resp GROUP BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT pk_poll_response_tally DO UPDATE SET responses = poll_response_tally.responses + EXCLUDED.responses
), answer_rows AS MATERIALIZED (
  SELECT poll_id, question_id, day, district_id, option_id, number, count(*) AS n FROM (
    SELECT poll_id, question_id, day, district_id, coalesce(option_id, '${NO_OPTION}'::uuid), coalesce(number, ${NO_NUMBER})::smallint
    FROM ans WHERE text IS NULL
    UNION ALL
    SELECT poll_id, question_id, day, district_id, '${NO_OPTION}'::uuid, ${ANSWERED}::smallint
    FROM (SELECT DISTINCT response_id, poll_id, question_id, day, district_id FROM ans) answered
  ) x (poll_id, question_id, day, district_id, option_id, number)
  GROUP BY 1, 2, 3, 4, 5, 6
), answer_counts AS (
  INSERT INTO poll_answer_tally (poll_id, question_id, day, district_id, option_id, number, answers)
  SELECT poll_id, question_id, day, district_id, option_id, number, n FROM answer_rows
  ON CONFLICT ON CONSTRAINT pk_poll_answer_tally DO UPDATE SET answers = poll_answer_tally.answers + EXCLUDED.answers
), district_counts AS (
  INSERT INTO poll_answer_district_tally (poll_id, question_id, district_id, option_id, number, answers)
  SELECT poll_id, question_id, district_id, option_id, number, sum(n) FROM answer_rows GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT pk_poll_answer_district_tally DO UPDATE SET answers = poll_answer_district_tally.answers + EXCLUDED.answers
), pairs AS MATERIALIZED (
  -- Every option picked in one choice question against every option picked in another of the same response (both orders).
  SELECT a.response_id, a.poll_id, a.question_id, b.question_id AS by_question_id, b.option_id AS by_option_id, a.option_id
  FROM ans a JOIN ans b ON b.response_id = a.response_id AND b.question_id <> a.question_id
  WHERE a.option_id IS NOT NULL AND b.option_id IS NOT NULL
), pair_counts AS (
  -- NO_OPTION rows count the responses that answered question_id and picked by_option_id.
  INSERT INTO poll_answer_pair_tally (poll_id, question_id, by_question_id, by_option_id, option_id, answers)
  SELECT poll_id, question_id, by_question_id, by_option_id, option_id, count(*) FROM pairs GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT poll_id, question_id, by_question_id, by_option_id, '${NO_OPTION}'::uuid, count(DISTINCT response_id) FROM pairs GROUP BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT pk_poll_answer_pair_tally DO UPDATE SET answers = poll_answer_pair_tally.answers + EXCLUDED.answers
)
SELECT (SELECT count(*)::int FROM taken) AS folded,
  (SELECT coalesce(json_agg(json_build_array(poll_id, question_id, text)), '[]'::json) FROM ans WHERE text IS NOT NULL) AS texts`;

/** Adds free-text answers' words to the word tally (one row per poll, question and word; stop words kept, filtered when read). */
const WORD_FOLD_SQL = `INSERT INTO poll_word_tally (poll_id, question_id, word, occurrences, answers)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[])
  ON CONFLICT ON CONSTRAINT pk_poll_word_tally DO UPDATE
  SET occurrences = poll_word_tally.occurrences + EXCLUDED.occurrences, answers = poll_word_tally.answers + EXCLUDED.answers`;

/** Words of many answers, summed per poll, question and word (one row per key: an upsert may touch a row once). */
function wordRows(texts: Array<[pollId: string, questionId: string, text: string]>): unknown[][] {
  const tally = new Map<string, { pollId: string; questionId: string; word: string; occurrences: number; answers: number }>();
  for (const [pollId, questionId, text] of texts) {
    for (const [word, n] of tokenCounts(text)) {
      const key = `${pollId} ${questionId} ${word}`;
      let entry = tally.get(key);
      if (!entry) tally.set(key, (entry = { pollId, questionId, word, occurrences: 0, answers: 0 }));
      entry.occurrences += n;
      entry.answers += 1;
    }
  }
  const rows = [...tally.values()];
  return [
    rows.map((r) => r.pollId),
    rows.map((r) => r.questionId),
    rows.map((r) => r.word),
    rows.map((r) => r.occurrences),
    rows.map((r) => r.answers),
  ];
}

export interface WordTallyRow {
  word: string;
  occurrences: number;
  /** Answers (respondents) that use it. */
  answers: number;
}

export type TallyDimension = 'none' | 'district' | 'day';

export interface TallyRow {
  questionId: string;
  optionId: string | null;
  /** A rating/NPS value; null for an option row; ANSWERED for the per-question answered count. */
  number: number | null;
  districtId: string | null;
  day: string | null;
  count: number;
}

/** One cell of a question × question crosstab: `optionId` null is the row's base (answered). */
export interface PairTallyRow {
  byOptionId: string;
  optionId: string | null;
  count: number;
}

export interface ResponseTallyRow {
  districtId: string | null;
  day: string | null;
  count: number;
}

const DIMENSION_COLUMN: Record<TallyDimension, { tally: string; live: string }> = {
  none: { tally: 'NULL::text', live: 'NULL::text' },
  district: { tally: 'district_id::text', live: `coalesce(r.district_id, '${NO_DISTRICT}'::uuid)::text` },
  day: { tally: 'day::text', live: '(r.submitted_at AT TIME ZONE $2)::date::text' },
};

/** Results and district breakdowns read the day-less rollup; only daily figures need the day-keyed tally. */
const ANSWER_TALLY: Record<TallyDimension, string> = {
  none: 'poll_answer_district_tally',
  district: 'poll_answer_district_tally',
  day: 'poll_answer_tally',
};

/**
 * The still-queued responses of poll $1 (columns of poll_response), and then their answers: the
 * poll's key range of the queue (which the folder keeps short; other polls' queued responses are
 * not touched), each response looked up by key. The lateral subqueries (OFFSET 0 keeps them from
 * being flattened into plain joins) fix that plan: the queue's statistics go stale as it fills and
 * empties, and a plan built on them could scan every response of the poll.
 */
const QUEUED_RESPONSES = `SELECT r.id, r.poll_id, r.district_id, r.submitted_at FROM poll_tally_queue q
  CROSS JOIN LATERAL (SELECT r.id, r.poll_id, r.district_id, r.submitted_at FROM poll_response r WHERE r.id = q.response_id OFFSET 0) r
  WHERE q.poll_id = $1`;
const answersOf = (alias: string, filter = 'TRUE') =>
  `CROSS JOIN LATERAL (SELECT a.question_id, a.option_id, a.number, a.text FROM poll_answer a WHERE a.response_id = ${alias}.id AND ${filter} OFFSET 0) a`;

/**
 * Result tallies: folds queued responses into them, and reads them (tallies plus the responses
 * still queued, in one statement, so a read never misses or double-counts a response).
 */
export class PollTallyService {
  private readonly folder = new PeriodicTask(
    () => this.foldAll(),
    (err) => this.log.error({ err }, 'folding poll tallies failed'),
  );
  private readonly catchingUp = new Map<string, Promise<void>>();

  constructor(
    private readonly db: DataSource,
    private readonly timeZone: string,
    private readonly log: Logger,
    /**
     * A read adds its poll's still-queued responses itself, which costs it in proportion to their
     * number. They are normally folded moments after being moved (the mixer folds after each move),
     * but a backlog can build up (a fold that failed while the database was away, a burst larger
     * than a fold keeps up with); a read that adds this many of its poll's responses has them folded
     * at once, in the background and once for all the poll's readers, instead of every read after
     * it adding them again. Null on a read replica, which cannot write: its reads always add them.
     */
    private readonly foldOnReadAt: number | null,
  ) {}

  start(intervalMs: number): void {
    this.folder.start(intervalMs);
  }

  /** Stops the timer and waits for the folds in flight, its own and those reads started. */
  async stop(): Promise<void> {
    await this.folder.stop();
    await Promise.all(this.catchingUp.values());
  }

  /** Folds everything queued; returns how many responses were folded. */
  async foldAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const folded = await this.foldBatch();
      total += folded;
      if (folded < BATCH) return total;
    }
  }

  /**
   * Folds a batch of queued responses (of one poll, or of any), with their words, in one
   * transaction, under the fold lock: a fold of everything waits for it; a fold of one poll (one a
   * read asked for) does nothing (0) while another fold runs, which may fold that poll's anyway.
   */
  private foldBatch(pollId?: string): Promise<number> {
    return this.db.transaction(async (m) => {
      // The fold's row estimates multiply across its CTEs; with JIT on, PostgreSQL would spend
      // longer compiling the statement than running it.
      await m.query('SET LOCAL jit = off');
      // A big batch may take longer than a request query is allowed to (the pool's statement_timeout).
      await m.query('SET LOCAL statement_timeout = 0');
      if (pollId === undefined) await m.query('SELECT pg_advisory_xact_lock($1, 0)', [FOLD_LOCK_CLASS]);
      else {
        const [{ locked }] = (await m.query('SELECT pg_try_advisory_xact_lock($1, 0) AS locked', [FOLD_LOCK_CLASS])) as Array<{
          locked: boolean;
        }>;
        if (!locked) return 0;
      }
      const [{ folded, texts }] = (await m.query(
        foldSql(pollId !== undefined),
        pollId === undefined ? [this.timeZone] : [this.timeZone, pollId],
      )) as Array<{ folded: number; texts: Array<[string, string, string]> }>;
      // Same transaction: the word tally never misses or double-counts a folded answer.
      if (texts.length) await m.query(WORD_FOLD_SQL, wordRows(texts));
      return folded;
    });
  }

  /**
   * After a read of poll `pollId` that added `queued` of its responses itself: when that is
   * `foldOnReadAt` or more, folds them in the background, one fold per poll at a time in this
   * process, so the reads after it find them in the tallies. Reads stay exact meanwhile: each adds
   * whatever is still queued when it runs (rows the fold holds are read as queued until it commits).
   */
  private foldIfBehind(pollId: string, queued: number): void {
    if (this.foldOnReadAt === null || queued < this.foldOnReadAt || this.catchingUp.has(pollId)) return;
    const fold = (async () => {
      while ((await this.foldBatch(pollId)) === BATCH);
    })()
      // The reads add what is still queued: a fold that failed costs them time, never exactness.
      .catch((err: unknown) => this.log.warn({ err, pollId }, 'folding a poll’s queued responses after a read failed'))
      .finally(() => this.catchingUp.delete(pollId));
    this.catchingUp.set(pollId, fold);
  }

  async answers(pollId: string, by: TallyDimension = 'none'): Promise<TallyRow[]> {
    const dim = DIMENSION_COLUMN[by];
    const rows: Array<{ question_id: string; option_id: string; number: number; dim: string | null; n: string; queued: number }> =
      await this.db.query(
        `WITH queued AS MATERIALIZED (
         SELECT r.id, ${dim.live} AS dim, a.question_id, a.option_id, a.number, a.text FROM (${QUEUED_RESPONSES}) r ${answersOf('r')}
       )
       SELECT question_id, option_id, number, dim, sum(n)::bigint AS n, (SELECT count(DISTINCT id) FROM queued)::int AS queued FROM (
         SELECT question_id, option_id, number, ${dim.tally} AS dim, answers AS n FROM ${ANSWER_TALLY[by]} WHERE poll_id = $1
         UNION ALL
         SELECT question_id, coalesce(option_id, '${NO_OPTION}'::uuid), coalesce(number, ${NO_NUMBER})::smallint, dim, count(*)
         FROM queued WHERE text IS NULL GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT question_id, '${NO_OPTION}'::uuid, ${ANSWERED}::smallint, dim, count(DISTINCT id) FROM queued GROUP BY 1, 2, 3, 4
       ) x GROUP BY 1, 2, 3, 4`,
        by === 'day' ? [pollId, this.timeZone] : [pollId],
      );
    this.foldIfBehind(pollId, rows[0]?.queued ?? 0);
    return rows.map((r) => ({
      questionId: r.question_id,
      optionId: r.option_id === NO_OPTION ? null : r.option_id,
      number: r.number === NO_NUMBER ? null : r.number,
      districtId: by === 'district' ? (r.dim === NO_DISTRICT ? null : r.dim) : null,
      day: by === 'day' ? r.dim : null,
      count: Number(r.n),
    }));
  }

  async responses(pollId: string, by: TallyDimension = 'none'): Promise<ResponseTallyRow[]> {
    const dim = DIMENSION_COLUMN[by];
    const rows: Array<{ dim: string | null; n: string; queued: number }> = await this.db.query(
      `SELECT dim, sum(n)::bigint AS n, sum(q)::int AS queued FROM (
         SELECT ${dim.tally} AS dim, responses AS n, 0 AS q FROM poll_response_tally WHERE poll_id = $1
         UNION ALL
         SELECT ${dim.live}, count(*), count(*) FROM (${QUEUED_RESPONSES}) r GROUP BY 1
       ) x GROUP BY 1`,
      by === 'day' ? [pollId, this.timeZone] : [pollId],
    );
    this.foldIfBehind(
      pollId,
      rows.reduce((sum, r) => sum + r.queued, 0),
    );
    return rows.map((r) => ({
      districtId: by === 'district' ? (r.dim === NO_DISTRICT ? null : r.dim) : null,
      day: by === 'day' ? r.dim : null,
      count: Number(r.n),
    }));
  }

  /**
   * Answers to `questionId` against the options picked in `byQuestionId` (both choice questions),
   * from the pair tally plus the queued responses. One key range of the pair tally's primary key.
   */
  async pairs(pollId: string, questionId: string, byQuestionId: string): Promise<PairTallyRow[]> {
    const rows: Array<{ by_option_id: string; option_id: string; n: string }> = await this.db.query(
      `WITH queued AS MATERIALIZED (
         SELECT r.id, a.question_id, a.option_id FROM (${QUEUED_RESPONSES}) r ${answersOf('r', 'a.option_id IS NOT NULL AND a.question_id IN ($2, $3)')}
       ), pairs AS (
         SELECT a.id, b.option_id AS by_option_id, a.option_id FROM queued a JOIN queued b ON b.id = a.id AND a.question_id = $2 AND b.question_id = $3
       )
       SELECT by_option_id, option_id, sum(n)::bigint AS n FROM (
         SELECT by_option_id, option_id, answers AS n FROM poll_answer_pair_tally WHERE poll_id = $1 AND question_id = $2 AND by_question_id = $3
         UNION ALL
         SELECT by_option_id, option_id, count(*) FROM pairs GROUP BY 1, 2
         UNION ALL
         SELECT by_option_id, '${NO_OPTION}'::uuid, count(DISTINCT id) FROM pairs GROUP BY 1
       ) x GROUP BY 1, 2`,
      [pollId, questionId, byQuestionId],
    );
    return rows.map((r) => ({ byOptionId: r.by_option_id, optionId: r.option_id === NO_OPTION ? null : r.option_id, count: Number(r.n) }));
  }

  /**
   * A FREE_TEXT question's words: the word tally plus the words of the poll's still-queued answers
   * (a few, read by key), so the list is exact like the results. Stop words included.
   */
  async words(pollId: string, questionId: string): Promise<WordTallyRow[]> {
    // One snapshot for both reads: a fold (the timer's, or one a results read started) committing
    // between them would take its answers out of the queue after the tally was read without them.
    const [tallied, queued] = await this.db.transaction('REPEATABLE READ', async (m) => [
      (await m.query('SELECT word, occurrences, answers FROM poll_word_tally WHERE poll_id = $1 AND question_id = $2', [
        pollId,
        questionId,
      ])) as Array<{ word: string; occurrences: string; answers: string }>,
      (await m.query(`SELECT a.text FROM (${QUEUED_RESPONSES}) r ${answersOf('r', 'a.question_id = $2 AND a.text IS NOT NULL')}`, [
        pollId,
        questionId,
      ])) as Array<{ text: string }>,
    ]);
    const out = new Map<string, WordTallyRow>(
      tallied.map((r) => [r.word, { word: r.word, occurrences: Number(r.occurrences), answers: Number(r.answers) }]),
    );
    for (const { text } of queued) {
      for (const [word, n] of tokenCounts(text)) {
        const entry = out.get(word) ?? { word, occurrences: 0, answers: 0 };
        entry.occurrences += n;
        entry.answers += 1;
        out.set(word, entry);
      }
    }
    return [...out.values()];
  }

  /** Responses counted so far by what they proved (kept by the answer mixer as it moves them), for each poll in key order. */
  async assuranceCounts(pollIds: readonly string[]): Promise<Array<Array<{ assurance: ResponseAssurance; count: number }>>> {
    const rows: Array<{ poll_id: string; assurance: ResponseAssurance; responses: string }> = await this.db.query(
      'SELECT poll_id, assurance, responses FROM poll_assurance_tally WHERE poll_id = ANY($1::uuid[]) ORDER BY assurance',
      [pollIds],
    );
    return pollIds.map((id) => rows.filter((r) => r.poll_id === id).map((r) => ({ assurance: r.assurance, count: Number(r.responses) })));
  }
}
