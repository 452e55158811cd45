import { type DataSource, type EntityManager } from 'typeorm';
import { PeriodicTask } from '../../../common/periodic-task';
import { type Logger } from '../../../logger';
import { PollStatus } from '../poll.enums';
import { SQL_STATUS } from '../poll-status';
import { QUARANTINED_BY_ACTIVE } from './abuse-signals';
import { answerColumns } from '../answer-checks';
import { type AnswerSeal, type WaitingAnswer } from './answer-seal';

/** Advisory-lock class of "moving a poll's answers out of the mix" (the key is the poll id's hash). */
const MOVER_LOCK_CLASS = 28259;

/**
 * Picks `take` ($2) of poll $1's waiting answers at random. They are opened in Node (the
 * district and the answer rows are sealed), then deleted and stored by MOVE_SQL in the same
 * transaction. Rows written before sealing carry their plain columns instead.
 */
const PICK_SQL = `
SELECT id, assurance, cluster_key, sealed, district_id, question_ids, option_ids, numbers, texts
FROM poll_answer_mix WHERE poll_id = $1 ORDER BY random() LIMIT $2`;

/** Deletes the picked answers ($1) of poll $2 from the mix, in the transaction that stores them (MOVE_SQL). */
const DELETE_PICKED_SQL = 'DELETE FROM poll_answer_mix WHERE id = ANY ($1::uuid[]) AND poll_id = $2';

/**
 * Stores the opened answers of poll $1 as responses — in a
 * random order, with random new ids, all with the same hour — and queues them for the tally fold.
 * The opened answers come as parallel arrays: per response its index, district, assurance and
 * cluster; per answer row its response's index. One transaction for the whole move: its
 * transaction id, and its physical place in the tables, are shared by every response of the batch.
 * Each response keeps its cluster key, whatever else its batch holds (a quarantine of the cluster
 * then holds all of it); AbuseSignals.eraseSmallClusters takes the key off a cluster that stays small.
 */
const MOVE_SQL = `
WITH taken AS MATERIALIZED (
  SELECT $1::uuid AS poll_id, t.* FROM unnest($2::int[], $3::uuid[], $4::response_assurance[], $5::bytea[]) AS t(n, district_id, assurance, cluster_key)
), answer AS (
  SELECT * FROM unnest($6::int[], $7::smallint[], $8::uuid[], $9::uuid[], $10::smallint[], $11::text[]) AS a(n, seq, question_id, option_id, number, text)
), resp AS MATERIALIZED (
  SELECT gen_random_uuid() AS id, random() AS shuffle, c.n, c.poll_id, c.district_id, c.assurance,
    c.cluster_key, date_trunc('hour', now(), $12::text) AS submitted_at
  FROM taken c
), held AS MATERIALIZED (
  SELECT r.id, ${QUARANTINED_BY_ACTIVE('r')} AS quarantined FROM resp r
), response AS (
  INSERT INTO poll_response (id, poll_id, district_id, submitted_at, assurance, cluster_key, quarantined)
  SELECT r.id, r.poll_id, r.district_id, r.submitted_at, r.assurance, r.cluster_key, h.quarantined FROM resp r JOIN held h ON h.id = r.id ORDER BY r.shuffle
), answers AS (
  INSERT INTO poll_answer (response_id, seq, question_id, option_id, number, text)
  SELECT r.id, a.seq, a.question_id, a.option_id, a.number, a.text
  FROM resp r JOIN answer a ON a.n = r.n
  ORDER BY r.shuffle, a.seq
), queued AS (
  -- Answers a quarantine holds are stored but not counted.
  INSERT INTO poll_tally_queue (poll_id, response_id) SELECT r.poll_id, r.id FROM resp r JOIN held h ON h.id = r.id WHERE NOT h.quarantined
), assurance_counts AS (
  INSERT INTO poll_assurance_tally (poll_id, assurance, responses) SELECT r.poll_id, r.assurance, count(*) FROM resp r JOIN held h ON h.id = r.id WHERE NOT h.quarantined GROUP BY 1, 2
  ON CONFLICT ON CONSTRAINT pk_poll_assurance_tally DO UPDATE SET responses = poll_assurance_tally.responses + EXCLUDED.responses
)
SELECT count(*)::int AS moved FROM resp`;

/**
 * Every answer of poll $1 waiting in the mix, taken out to be rewritten (RESHUFFLE_SQL).
 */
const UNLOAD_SQL = `
DELETE FROM poll_answer_mix WHERE poll_id = $1
RETURNING assurance, cluster_key, sealed, district_id, question_ids, option_ids, numbers, texts`;

/**
 * Writes poll $1's waiting answers back in one transaction, in random order, with new random ids,
 * each sealed again under a fresh nonce: afterwards they share one transaction id, their places on
 * disk follow no arrival order, and no ciphertext is the one its submission wrote — so a waiting
 * answer is one of all those waiting rather than the one written by its participation's
 * transaction, and two copies of the database taken across a rewrite cannot follow a row by its
 * bytes. (The rows it replaces stay as dead tuples until VACUUM, like moved ones: docs/privacy.md.)
 */
const RESHUFFLE_SQL = `
INSERT INTO poll_answer_mix (poll_id, assurance, sealed, cluster_key, reshuffled)
SELECT $1, w.assurance, w.sealed, w.cluster_key, true
FROM unnest($2::response_assurance[], $3::bytea[], $4::bytea[]) AS w(assurance, sealed, cluster_key) ORDER BY random()`;

/** A row of the mix as read back: sealed, or (written before sealing) plain. */
interface MixRow {
  id?: string;
  assurance: string;
  cluster_key: Buffer | null;
  sealed: Buffer | null;
  district_id: string | null;
  question_ids: string[] | null;
  option_ids: Array<string | null> | null;
  numbers: Array<number | null> | null;
  texts: Array<string | null> | null;
}

/**
 * `mix_state` of a participation or a token issuance: written by a submission or an issuance
 * (FRESH), rewritten with the poll's pool (POOLED), or let go from the pool (SETTLED).
 */
export const MixState = { SETTLED: 0, FRESH: 1, POOLED: 2 } as const;

/**
 * When poll $1 has a fresh row in `table`: rewrites it with the poll's whole pool, in one
 * transaction and in random order, and lets all but k ($2) of the pool settle once it holds 2k.
 * So every participation (or token issuance) shares its transaction id, and its neighbourhood on
 * disk, with at least k - 1 others of its poll (all of them, while fewer than k): an issuance and the
 * spend that followed it on a quiet poll are no longer told apart by their order. A key deleted and
 * written again in one statement is no conflict with itself; a concurrent second insert of the same
 * key waits for this statement and then finds it.
 */
const poolSql = (table: string, key: string) => `
WITH pool AS (
  DELETE FROM ${table} WHERE poll_id = $1 AND mix_state <> ${MixState.SETTLED}
    AND EXISTS (SELECT 1 FROM ${table} WHERE poll_id = $1 AND mix_state = ${MixState.FRESH})
  RETURNING poll_id, ${key}
), shuffled AS (
  SELECT poll_id, ${key}, row_number() OVER (ORDER BY random()) AS n, count(*) OVER () AS size FROM pool
)
INSERT INTO ${table} (poll_id, ${key}, mix_state)
SELECT poll_id, ${key}, CASE WHEN size >= 2 * $2::int AND n <= size - $2::int THEN ${MixState.SETTLED} ELSE ${MixState.POOLED} END
FROM shuffled ORDER BY n`;
const POOL_SQL = [poolSql('poll_participation', 'respondent_key'), poolSql('poll_token_issuance', 'identity_key')];

/** How many of a poll's waiting answers to move now (0: leave them). */
export function answersToMove(waiting: number, open: boolean, k: number, force: boolean): number {
  if (force || !open) return waiting;
  // Keep k in reserve, so that the last batch, when the poll closes, is k or more too.
  return waiting >= 2 * k ? waiting - k : 0;
}

/**
 * Moves answers from the mix to the response tables in shuffled batches of at least k of one
 * poll (see PollAnswerMix and docs/privacy.md). A poll's results change only when a batch moves,
 * so they also never reveal one answer by changing by one. While the poll is open, k answers are
 * kept back, so the final batch at closing is k or more too; a poll that closes with fewer than
 * k answers in all moves them at once (its results stay withheld under the minimum-k rule).
 * Every instance runs it; an advisory lock per poll lets one instance move a poll at a time.
 */
export class AnswerMixer {
  private running?: Promise<unknown>;
  /** Per poll, how many of its waiting answers did not open when last said (each count is logged once, not every round). */
  private readonly unopenedSaid = new Map<string, number>();
  /** tick() has logged a failure already (this.running): the timer has nothing more to say. */
  private readonly mover = new PeriodicTask(
    () => this.tick(false),
    () => undefined,
  );

  constructor(
    private readonly db: DataSource,
    private readonly k: number,
    private readonly log: Logger,
    /** After a move commits: fold the moved answers into the tallies (reads would count them as queued anyway; folding keeps that queue short). */
    private readonly fold: () => Promise<unknown>,
    /** Then: tell live results which polls changed. */
    private readonly announce: (pollIds: string[]) => void,
    /** Opens the answers waiting sealed, and seals them again when they are rewritten. */
    private readonly seal: AnswerSeal,
    /**
     * The city's time zone: a batch's hour is the city's hour. Truncated in UTC, a zone half an hour
     * off it (Tehran) put the answers of its first half hour after midnight into the day before.
     */
    private readonly timeZone: string,
  ) {}

  start(intervalMs: number): void {
    this.mover.start(intervalMs);
  }

  /** Stops the timer, and waits for a move in flight (the timer's or a flush's). */
  async stop(): Promise<void> {
    await this.mover.stop();
    await this.running;
  }

  /** Moves what is ready; returns how many answers moved. */
  moveReady(): Promise<number> {
    return this.tick(false);
  }

  /** Moves every waiting answer whatever k says (tests and tools; never on a timer); `fold: false` leaves them queued for the tally fold. */
  flushAll(options: { fold?: boolean } = {}): Promise<number> {
    return this.tick(true, options.fold ?? true);
  }

  /** Answers of this poll waiting in the mix (shown as "received, not yet counted"). */
  async waiting(pollId: string): Promise<number> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM poll_answer_mix WHERE poll_id = $1', [pollId]);
    return n;
  }

  private async tick(force: boolean, fold = true): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.move(force, fold);
    this.running = run.catch((err) => this.log.error({ err }, 'moving answers from the mix failed'));
    try {
      return await run;
    } finally {
      this.running = undefined;
    }
  }

  /**
   * Runs `work` in a transaction holding the poll's mover lock (0 when another instance holds it):
   * instances work on different polls side by side, never on the same one twice. Background work:
   * the request queries' statement_timeout does not apply to it.
   */
  private underPollLock(pollId: string, work: (m: EntityManager) => Promise<number>): Promise<number> {
    return this.db.transaction(async (m) => {
      const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [MOVER_LOCK_CLASS, pollId]);
      if (!locked) return 0;
      await m.query('SET LOCAL jit = off');
      await m.query('SET LOCAL statement_timeout = 0');
      return work(m);
    });
  }

  /** A row of the mix opened: its answer, or null when it is sealed and does not open. */
  private opened(pollId: string, row: MixRow): WaitingAnswer | null {
    if (row.sealed) return this.seal.open(pollId, row.sealed);
    // Written before answers were sealed: the plain columns.
    return {
      districtId: row.district_id,
      rows: { questionIds: row.question_ids ?? [], optionIds: row.option_ids ?? [], numbers: row.numbers ?? [], texts: row.texts ?? [] },
    };
  }

  /**
   * Picks `take` of the poll's waiting answers at random, opens them, and moves those that open
   * (MOVE_SQL). While the poll is open (`keepK`), a batch that unopenable rows would leave smaller
   * than k does not move.
   */
  private async moveBatch(m: EntityManager, pollId: string, take: number, keepK: boolean): Promise<{ moved: number; unopened: number }> {
    const picked: MixRow[] = await m.query(PICK_SQL, [pollId, take]);
    const batch: Array<{ id: string; row: MixRow; answer: WaitingAnswer }> = [];
    for (const row of picked) {
      const answer = this.opened(pollId, row);
      if (answer) batch.push({ id: row.id!, row, answer });
    }
    const unopened = picked.length - batch.length;
    if (!batch.length || (keepK && unopened && batch.length < this.k)) return { moved: 0, unopened };
    const deleted = await m.query(DELETE_PICKED_SQL, [batch.map((b) => b.id), pollId]);
    // TypeORM returns [rows, affected] for a DELETE on PostgreSQL.
    if ((deleted as [unknown, number])[1] !== batch.length) throw new Error('picked answers changed under the mover lock');
    const a = answerColumns(batch.map(({ answer }) => answer.rows));
    const [row] = (await m.query(MOVE_SQL, [
      pollId,
      batch.map((_, n) => n),
      batch.map((b) => b.answer.districtId),
      batch.map((b) => b.row.assurance),
      batch.map((b) => b.row.cluster_key),
      a.ns,
      a.seqs,
      a.questionIds,
      a.optionIds,
      a.numbers,
      a.texts,
      this.timeZone,
    ])) as Array<{ moved: number }>;
    return { moved: row?.moved ?? 0, unopened };
  }

  /**
   * Rewrites everything of the poll waiting in the mix (RESHUFFLE_SQL), each answer sealed again
   * under a fresh nonce — rows written before sealing are sealed now. A row that does not open is
   * written back as it was. Returns how many did not open.
   */
  private async reshuffle(m: EntityManager, pollId: string): Promise<number> {
    // TypeORM returns [rows, affected] for a DELETE on PostgreSQL.
    const [waiting] = (await m.query(UNLOAD_SQL, [pollId])) as [MixRow[], number];
    let unopened = 0;
    const sealed = waiting.map((row) => {
      const answer = this.opened(pollId, row);
      if (answer) return this.seal.seal(pollId, answer);
      unopened++;
      return row.sealed!;
    });
    await m.query(RESHUFFLE_SQL, [pollId, waiting.map((w) => w.assurance), sealed, waiting.map((w) => w.cluster_key)]);
    return unopened;
  }

  /**
   * Logs that answers of a poll do not open when their number changes (a closed poll's are picked
   * again every round, and would fill the log with the same line each second).
   */
  private sayUnopened(pollId: string, unopened: number): void {
    if (!unopened) {
      this.unopenedSaid.delete(pollId);
      return;
    }
    if (this.unopenedSaid.get(pollId) === unopened) return;
    this.unopenedSaid.set(pollId, unopened);
    this.log.error(
      { pollId, unopened },
      'answers waiting in the mix do not open (another RESPONDENT_SECRET?): they stay there; the others move',
    );
  }

  /**
   * Per poll, under its advisory lock: the move and the reshuffle of what waits in one transaction,
   * the pools in another. One poll whose work fails (logged) holds up no other.
   */
  private async move(force: boolean, fold: boolean): Promise<number> {
    // Which polls have answers waiting, and which have fresh participations or issuances for their
    // pools: each round works only on those, so a poll with nothing new costs nothing more.
    const waiting: Array<{ poll_id: string; in_mix: boolean; fresh_pool: boolean }> = await this.db.query(
      `SELECT poll_id, bool_or(in_mix) AS in_mix, bool_or(NOT in_mix) AS fresh_pool FROM (
         SELECT DISTINCT poll_id, true AS in_mix FROM poll_answer_mix
         UNION ALL SELECT DISTINCT poll_id, false FROM poll_participation WHERE mix_state = ${MixState.FRESH}
         UNION ALL SELECT DISTINCT poll_id, false FROM poll_token_issuance WHERE mix_state = ${MixState.FRESH}
       ) w GROUP BY poll_id`,
    );
    const moved: string[] = [];
    let total = 0;
    for (const { poll_id: pollId, in_mix: inMix, fresh_pool: freshPool } of waiting) {
      try {
        const n = !inMix
          ? 0
          : await this.underPollLock(pollId, async (m) => {
              const [state]: Array<{ n: number; fresh: boolean; open: boolean }> = await m.query(
                `SELECT (SELECT count(*)::int FROM poll_answer_mix WHERE poll_id = $1) AS n,
                    EXISTS (SELECT 1 FROM poll_answer_mix WHERE poll_id = $1 AND NOT reshuffled) AS fresh,
                    coalesce((SELECT ${SQL_STATUS[PollStatus.OPEN]} FROM poll p WHERE p.id = $1), false) AS open`,
                [pollId],
              );
              const take = answersToMove(state.n, state.open, this.k, force);
              let moved = 0;
              let unopened = 0;
              if (take) ({ moved, unopened } = await this.moveBatch(m, pollId, take, state.open && !force));
              // What stays behind is rewritten together whenever a submission has added to it since.
              // (It counts what does not open among everything left, the picked ones not moved included.)
              if (state.fresh && moved < state.n) unopened = await this.reshuffle(m, pollId);
              if (take || state.fresh) this.sayUnopened(pollId, unopened);
              return moved;
            });
        // The pools in a transaction of their own: the rewritten participations then share a
        // transaction id with no response and no waiting answer, not even as a group.
        if (freshPool)
          await this.underPollLock(pollId, async (m) => {
            for (const sql of POOL_SQL) await m.query(sql, [pollId, this.k]);
            return 0;
          });
        if (n) {
          moved.push(pollId);
          total += n;
        }
      } catch (err) {
        this.log.error({ err, pollId }, "moving a poll's answers out of the mix failed; they stay there and are tried again");
      }
    }
    if (moved.length) {
      if (fold) await this.fold();
      this.announce(moved);
    }
    return total;
  }
}
