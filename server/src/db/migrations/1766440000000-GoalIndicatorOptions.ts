import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A share indicator may count several options of a single-choice question ("satisfied" is «خیلی
// راضی» plus «راضی»). `option_ids` holds them, the existing ones filled from `option_id`, which
// stays the first of them for the clients that read one option. It defaults to none, so a writer
// that knows only `option_id` can still add a rating or NPS indicator. Going down keeps the first
// option.

export class GoalIndicatorOptions1766440000000 implements MigrationInterface {
  name = 'GoalIndicatorOptions1766440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal_indicator" ADD "option_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "goal_indicator" SET "option_ids" = ARRAY["option_id"] WHERE "option_id" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "goal_indicator" ADD CONSTRAINT "ck_goal_indicator_option_ids" CHECK ("option_id" IS NOT DISTINCT FROM "option_ids"[1] AND array_position("option_ids", NULL) IS NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal_indicator" DROP CONSTRAINT "ck_goal_indicator_option_ids"`);
    await queryRunner.query(`ALTER TABLE "goal_indicator" DROP COLUMN "option_ids"`);
  }
}
