import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { tokenCounts } from '../../modules/polls/insights/words';

// Disclosure control (issue 13 item 4): each poll's minimum number of answers before a question's
// results are shown. Precomputed word tallies (issue 14 item 4), so wordFrequency no longer reads
// every free-text answer; filled here from the answers already folded (queued ones are folded by
// the tally fold as usual), then by the fold.

const BATCH = 5000;

export class DisclosureControl1765410000000 implements MigrationInterface {
  name = 'DisclosureControl1765410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll" ADD "min_responses" smallint NOT NULL DEFAULT '10'`);
    await queryRunner.query(`ALTER TABLE "poll" ADD CONSTRAINT "ck_poll_min_responses" CHECK ("min_responses" BETWEEN 5 AND 1000)`);
    await queryRunner.query(
      `CREATE TABLE "poll_word_tally" ("poll_id" uuid NOT NULL, "question_id" uuid NOT NULL, "word" character varying(200) NOT NULL, "occurrences" bigint NOT NULL, "answers" bigint NOT NULL, CONSTRAINT "pk_poll_word_tally" PRIMARY KEY ("poll_id", "question_id", "word"))`,
    );
    const tally = new Map<string, { occurrences: number; answers: number }>();
    let after: [string, number] = ['00000000-0000-0000-0000-000000000000', 0];
    for (;;) {
      const rows: Array<{ response_id: string; seq: number; poll_id: string; question_id: string; text: string }> = await queryRunner.query(
        `SELECT a.response_id, a.seq, r.poll_id, a.question_id, a.text FROM poll_answer a JOIN poll_response r ON r.id = a.response_id
                 WHERE a.text IS NOT NULL AND (a.response_id, a.seq) > ($1::uuid, $2::int)
                   AND NOT EXISTS (SELECT 1 FROM poll_tally_queue q WHERE q.poll_id = r.poll_id AND q.response_id = r.id)
                 ORDER BY a.response_id, a.seq LIMIT ${BATCH}`,
        after,
      );
      for (const row of rows) {
        for (const [word, n] of tokenCounts(row.text)) {
          const key = `${row.poll_id} ${row.question_id} ${word}`;
          const entry = tally.get(key) ?? { occurrences: 0, answers: 0 };
          entry.occurrences += n;
          entry.answers += 1;
          tally.set(key, entry);
        }
      }
      if (rows.length < BATCH) break;
      after = [rows[rows.length - 1].response_id, rows[rows.length - 1].seq];
    }
    const entries = [...tally].map(([key, v]) => ({ key: key.split(' ', 3), ...v }));
    for (let i = 0; i < entries.length; i += BATCH) {
      const chunk = entries.slice(i, i + BATCH);
      await queryRunner.query(
        `INSERT INTO poll_word_tally (poll_id, question_id, word, occurrences, answers) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[])`,
        [
          chunk.map((e) => e.key[0]),
          chunk.map((e) => e.key[1]),
          chunk.map((e) => e.key[2]),
          chunk.map((e) => e.occurrences),
          chunk.map((e) => e.answers),
        ],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "poll_word_tally"`);
    await queryRunner.query(`ALTER TABLE "poll" DROP CONSTRAINT "ck_poll_min_responses"`);
    await queryRunner.query(`ALTER TABLE "poll" DROP COLUMN "min_responses"`);
  }
}
