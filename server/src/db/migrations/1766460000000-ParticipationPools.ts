import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Participations and token issuances carried their arrival order in their transaction ids: on a
// quiet verified poll, an issuance and the spend that followed it were neighbours. New rows now
// arrive "fresh" (1); the mover rewrites a poll's fresh rows together with its pool of recent ones
// (2), in random order, and lets all but k of the pool settle (0). Rows already stored are settled.
const TABLES = ['poll_participation', 'poll_token_issuance'];

export class ParticipationPools1766460000000 implements MigrationInterface {
  name = 'ParticipationPools1766460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "mix_state" smallint NOT NULL DEFAULT 0`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "mix_state" SET DEFAULT 1`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_unsettled" ON "${table}" ("poll_id") WHERE "mix_state" <> 0`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_unsettled"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "mix_state"`);
    }
  }
}
