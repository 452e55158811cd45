import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The site search shows each kind's first matches in its list order. Goals (by position) and polls
// (newest first) had no index in that order, so a common word made PostgreSQL read and check every
// visible row before sorting; with these it walks the order and stops at the first matches.

export class SearchOrderIndexes1766350000000 implements MigrationInterface {
  name = 'SearchOrderIndexes1766350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_goal_position_id" ON "goal" ("position", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_poll_created_id" ON "poll" ("created_at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_poll_created_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_goal_position_id"`);
  }
}
