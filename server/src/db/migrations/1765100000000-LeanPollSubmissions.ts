import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { REFUSE_DELETING_ANSWERED } from '../migration-sql/refuse-deleting-answered';

// Lean submission rows. A response to a five-question survey wrote five poll_answer rows, each with a
// random uuid primary key, three indexes and three foreign-key checks (response, question,
// option): twelve per-row trigger queries per response, which with the uuid index made up about
// 60 % of PostgreSQL's time per submission (bench/results/poll-submit.json). Now:
//
// - the key is (response_id, seq), seq numbering the rows of one response (1, 2, …): the answers
//   of a response sit together and the index the export and the tally fold read by response is
//   the primary key itself. Not a global sequence: an order across responses could be matched
//   against request logs, which is why responses carry random ids and only the hour;
// - only free-text answers are indexed by question (the free-text pages and word counts are the
//   only readers by question; choices and numbers are read from the tallies);
// - no per-row foreign keys. The one writer (the batched submission statement) inserts each
//   answer in the same statement as its response, joined to it, after checking in that statement
//   that each question and option still belongs to the poll. What the foreign keys did on delete
//   is done once per statement instead: deleting responses deletes their answers, and deleting a
//   question or option of a poll that has responses is refused (it would orphan answers; the
//   service refuses it first with POLL_HAS_RESPONSES).
//
// Participations and responses lose their foreign keys to poll for the same reason: they are
// inserted only by that statement, joined to the poll it has just found open, and every batch's
// key-share lock on the same hot poll row cost a trigger query per row and MultiXact churn.
// Deleting a poll that has responses is refused instead (it was a silent cascade).

/** The tables whose rows cannot be deleted once their poll has responses. */
const ANSWERED_PARTS = ['poll', 'poll_question', 'poll_option'];

export class LeanPollSubmissions1765100000000 implements MigrationInterface {
  name = 'LeanPollSubmissions1765100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_participation" DROP CONSTRAINT "fk_poll_participation_poll"`);
    await queryRunner.query(`ALTER TABLE "poll_response" DROP CONSTRAINT "fk_poll_response_poll"`);
    await queryRunner.query(`ALTER TABLE "poll_answer" DROP CONSTRAINT "fk_poll_answer_response"`);
    await queryRunner.query(`ALTER TABLE "poll_answer" DROP CONSTRAINT "fk_poll_answer_question"`);
    await queryRunner.query(`ALTER TABLE "poll_answer" DROP CONSTRAINT "fk_poll_answer_option"`);
    await queryRunner.query(`ALTER TABLE "poll_answer" ADD "seq" smallint`);
    await queryRunner.query(
      `UPDATE "poll_answer" a SET "seq" = n.seq FROM (SELECT id, row_number() OVER (PARTITION BY response_id ORDER BY id) AS seq FROM "poll_answer") n WHERE n.id = a.id`,
    );
    await queryRunner.query(`ALTER TABLE "poll_answer" ALTER COLUMN "seq" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "poll_answer" DROP CONSTRAINT "PK_ac9e25bbeb039b79a1095345f20"`);
    await queryRunner.query(`ALTER TABLE "poll_answer" DROP COLUMN "id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_answer_response"`);
    await queryRunner.query(`ALTER TABLE "poll_answer" ADD CONSTRAINT "pk_poll_answer" PRIMARY KEY ("response_id", "seq")`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_answer_question"`);
    await queryRunner.query(`CREATE INDEX "ix_poll_answer_text" ON "poll_answer" ("question_id") WHERE "text" IS NOT NULL`);

    await queryRunner.query(`
            CREATE FUNCTION nabz_poll_response_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM poll_answer a USING gone g WHERE a.response_id = g.id;
              RETURN NULL;
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_poll_response_deleted" AFTER DELETE ON "poll_response" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION nabz_poll_response_deleted()`,
    );
    // One refusal for the poll, its questions and its options: the rows of a poll with responses stay.
    await queryRunner.query(REFUSE_DELETING_ANSWERED(false));
    for (const table of ANSWERED_PARTS) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_deleted" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION nabz_refuse_deleting_answered()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ANSWERED_PARTS) await queryRunner.query(`DROP TRIGGER "tr_${table}_deleted" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION nabz_refuse_deleting_answered()`);
    await queryRunner.query(`DROP TRIGGER "tr_poll_response_deleted" ON "poll_response"`);
    await queryRunner.query(`DROP FUNCTION nabz_poll_response_deleted()`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_answer_text"`);
    await queryRunner.query(`CREATE INDEX "ix_poll_answer_question" ON "poll_answer" ("question_id") `);
    await queryRunner.query(`ALTER TABLE "poll_answer" DROP CONSTRAINT "pk_poll_answer"`);
    await queryRunner.query(`CREATE INDEX "ix_poll_answer_response" ON "poll_answer" ("response_id") `);
    await queryRunner.query(`ALTER TABLE "poll_answer" DROP COLUMN "seq"`);
    await queryRunner.query(`ALTER TABLE "poll_answer" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "poll_answer" ADD CONSTRAINT "PK_ac9e25bbeb039b79a1095345f20" PRIMARY KEY ("id")`);
    await queryRunner.query(
      `ALTER TABLE "poll_answer" ADD CONSTRAINT "fk_poll_answer_option" FOREIGN KEY ("option_id") REFERENCES "poll_option"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_answer" ADD CONSTRAINT "fk_poll_answer_question" FOREIGN KEY ("question_id") REFERENCES "poll_question"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_answer" ADD CONSTRAINT "fk_poll_answer_response" FOREIGN KEY ("response_id") REFERENCES "poll_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_response" ADD CONSTRAINT "fk_poll_response_poll" FOREIGN KEY ("poll_id") REFERENCES "poll"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_participation" ADD CONSTRAINT "fk_poll_participation_poll" FOREIGN KEY ("poll_id") REFERENCES "poll"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
