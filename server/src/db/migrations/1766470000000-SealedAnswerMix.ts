import { type MigrationInterface, type QueryRunner } from 'typeorm';

// An answer waiting in the mix was readable as it was written: two copies of the database taken
// around one citizen's answer on a quiet poll showed one new row holding that answer, beside the
// one new participation. Answers now wait sealed (AES-256-GCM under a key derived from
// RESPONDENT_SECRET): `sealed` holds the district and the answer rows, and the plain columns stay
// only for rows written before (nullable; the mover opens both kinds). Down puts sealed rows back
// in no plain form, so it refuses while any are waiting: move them first (the mover, or close the poll).
export class SealedAnswerMix1766470000000 implements MigrationInterface {
  name = 'SealedAnswerMix1766470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_answer_mix" ADD "sealed" bytea`);
    for (const column of ['question_ids', 'option_ids', 'numbers', 'texts']) {
      await queryRunner.query(`ALTER TABLE "poll_answer_mix" ALTER COLUMN "${column}" DROP NOT NULL`);
    }
    await queryRunner.query(
      `ALTER TABLE "poll_answer_mix" ADD CONSTRAINT "ck_poll_answer_mix_sealed_or_plain" CHECK ("sealed" IS NOT NULL OR "question_ids" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ sealed }] = await queryRunner.query(`SELECT count(*)::int AS sealed FROM "poll_answer_mix" WHERE "sealed" IS NOT NULL`);
    if (sealed) throw new Error(`${sealed} sealed answers wait in poll_answer_mix: move them to poll_response before reverting`);
    await queryRunner.query(`ALTER TABLE "poll_answer_mix" DROP CONSTRAINT "ck_poll_answer_mix_sealed_or_plain"`);
    for (const column of ['question_ids', 'option_ids', 'numbers', 'texts']) {
      await queryRunner.query(`ALTER TABLE "poll_answer_mix" ALTER COLUMN "${column}" SET NOT NULL`);
    }
    await queryRunner.query(`ALTER TABLE "poll_answer_mix" DROP COLUMN "sealed"`);
  }
}
