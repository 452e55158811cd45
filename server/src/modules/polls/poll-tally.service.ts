import { type DataSource } from 'typeorm';
import { type Logger } from '../../logger';
import { NO_DISTRICT, NO_NUMBER, NO_OPTION } from './poll-tally.entity';

/** Marks the "this response answered this question" row of a question's tally. */
export const ANSWERED = -3;
const BATCH = 20_000;

const FOLD_SQL = `
WITH taken AS (
  DELETE FROM poll_tally_queue
  WHERE response_id IN (SELECT response_id FROM poll_tally_queue LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
  RETURNING response_id
), resp AS (
  SELECT r.id, r.poll_id, (r.submitted_at AT TIME ZONE $1)::date AS day, coalesce(r.district_id, '${NO_DISTRICT}'::uuid) AS district_id
  FROM poll_response r JOIN taken t ON t.response_id = r.id
), response_counts AS (
  INSERT INTO poll_response_tally (poll_id, day, district_id, responses)
  SELECT poll_id, day, district_id, count(*) FROM resp GROUP BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT pk_poll_response_tally DO UPDATE SET responses = poll_response_tally.responses + EXCLUDED.responses
), answer_counts AS (
  INSERT INTO poll_answer_tally (poll_id, question_id, day, district_id, option_id, number, answers)
  SELECT poll_id, question_id, day, district_id, option_id, number, count(*) FROM (
    SELECT resp.poll_id, a.question_id, resp.day, resp.district_id,
           coalesce(a.option_id, '${NO_OPTION}'::uuid) AS option_id, coalesce(a.number, ${NO_NUMBER})::smallint AS number
    FROM resp JOIN poll_answer a ON a.response_id = resp.id WHERE a.text IS NULL
    UNION ALL
    SELECT poll_id, question_id, day, district_id, '${NO_OPTION}'::uuid, ${ANSWERED}::smallint
    FROM (SELECT DISTINCT resp.id, resp.poll_id, a.question_id, resp.day, resp.district_id FROM resp JOIN poll_answer a ON a.response_id = resp.id) answered
  ) x (poll_id, question_id, day, district_id, option_id, number)
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT pk_poll_answer_tally DO UPDATE SET answers = poll_answer_tally.answers + EXCLUDED.answers
)
SELECT count(*)::int AS folded FROM taken`;

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

/**
 * Result tallies: folds queued responses into them, and reads them (tallies plus the responses
 * still queued, in one statement, so a read never misses or double-counts a response).
 */
export class PollTallyService {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly db: DataSource,
    private readonly timeZone: string,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.foldAll()
        .catch((err) => this.log.error({ err }, 'folding poll tallies failed'))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Folds everything queued; returns how many responses were folded. */
  async foldAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ folded }] = (await this.db.query(FOLD_SQL, [this.timeZone])) as Array<{ folded: number }>;
      total += folded;
      if (folded < BATCH) return total;
    }
  }

  async answers(pollId: string, by: TallyDimension = 'none'): Promise<TallyRow[]> {
    const dim = DIMENSION_COLUMN[by];
    const rows: Array<{ question_id: string; option_id: string; number: number; dim: string | null; n: string }> = await this.db.query(
      `SELECT question_id, option_id, number, dim, sum(n)::bigint AS n FROM (
         SELECT question_id, option_id, number, ${dim.tally} AS dim, answers AS n FROM poll_answer_tally WHERE poll_id = $1
         UNION ALL
         SELECT a.question_id, coalesce(a.option_id, '${NO_OPTION}'::uuid), coalesce(a.number, ${NO_NUMBER})::smallint, ${dim.live}, count(*)
         FROM poll_tally_queue q JOIN poll_response r ON r.id = q.response_id AND r.poll_id = $1 JOIN poll_answer a ON a.response_id = r.id
         WHERE a.text IS NULL GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT a.question_id, '${NO_OPTION}'::uuid, ${ANSWERED}::smallint, ${dim.live}, count(DISTINCT r.id)
         FROM poll_tally_queue q JOIN poll_response r ON r.id = q.response_id AND r.poll_id = $1 JOIN poll_answer a ON a.response_id = r.id
         GROUP BY 1, 2, 3, 4
       ) x GROUP BY 1, 2, 3, 4`,
      by === 'day' ? [pollId, this.timeZone] : [pollId],
    );
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
    const rows: Array<{ dim: string | null; n: string }> = await this.db.query(
      `SELECT dim, sum(n)::bigint AS n FROM (
         SELECT ${dim.tally} AS dim, responses AS n FROM poll_response_tally WHERE poll_id = $1
         UNION ALL
         SELECT ${dim.live}, count(*) FROM poll_tally_queue q JOIN poll_response r ON r.id = q.response_id AND r.poll_id = $1 GROUP BY 1
       ) x GROUP BY 1`,
      by === 'day' ? [pollId, this.timeZone] : [pollId],
    );
    return rows.map((r) => ({
      districtId: by === 'district' ? (r.dim === NO_DISTRICT ? null : r.dim) : null,
      day: by === 'day' ? r.dim : null,
      count: Number(r.n),
    }));
  }
}
