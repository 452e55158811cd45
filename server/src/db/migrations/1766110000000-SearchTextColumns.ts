import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { EVENT_SEARCH_EXPRESSION, POLL_SEARCH_EXPRESSION } from './1766100000000-SiteSearch';

// Events and polls keep their normalised search text as a stored generated column, as goals and
// press releases do: the search reads a column instead of computing nabz_normalize on every row it
// checks (an expression index still makes each recheck, count and sort recompute it).

export class SearchTextColumns1766110000000 implements MigrationInterface {
  name = 'SearchTextColumns1766110000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_event_search_trgm"`);
    await queryRunner.query(`DROP INDEX "ix_poll_search_trgm"`);
    for (const [table, expression] of [
      ['event', EVENT_SEARCH_EXPRESSION],
      ['poll', POLL_SEARCH_EXPRESSION],
    ]) {
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', $2, $3)`,
        [table, 'search_text', expression],
      );
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_text" text GENERATED ALWAYS AS (${expression}) STORED`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_search_trgm" ON "${table}" USING gin ("search_text" gin_trgm_ops)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, expression] of [
      ['poll', POLL_SEARCH_EXPRESSION],
      ['event', EVENT_SEARCH_EXPRESSION],
    ]) {
      await queryRunner.query(`DROP INDEX "ix_${table}_search_trgm"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_text"`);
      await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = $1 AND "name" = $2`, [
        table,
        'search_text',
      ]);
      await queryRunner.query(`CREATE INDEX "ix_${table}_search_trgm" ON "${table}" USING gin ((${expression}) gin_trgm_ops)`);
    }
  }
}
