import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Site search (`search` query): trigram GIN indexes so `LIKE '%word%'` on the normalised text of
// every public kind is answered from an index. Goals and press releases already keep a generated
// `search_text` (nabz_normalize); events and polls get expression indexes on the same expression
// the search service uses (modules/search/search.sql.ts), so no entity changes are needed.

export const EVENT_SEARCH_EXPRESSION = `nabz_normalize(coalesce(title_fa, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(description_fa, '') || ' ' || coalesce(description_en, '') || ' ' || coalesce(venue_fa, '') || ' ' || coalesce(venue_en, ''))`;
export const POLL_SEARCH_EXPRESSION = `nabz_normalize(coalesce(title_fa, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(description_fa, '') || ' ' || coalesce(description_en, ''))`;

export class SiteSearch1766100000000 implements MigrationInterface {
  name = 'SiteSearch1766100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "ix_goal_search_trgm" ON "goal" USING gin ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_press_release_search_trgm" ON "press_release" USING gin ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_event_search_trgm" ON "event" USING gin ((${EVENT_SEARCH_EXPRESSION}) gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_poll_search_trgm" ON "poll" USING gin ((${POLL_SEARCH_EXPRESSION}) gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_poll_search_trgm"`);
    await queryRunner.query(`DROP INDEX "ix_event_search_trgm"`);
    await queryRunner.query(`DROP INDEX "ix_press_release_search_trgm"`);
    await queryRunner.query(`DROP INDEX "ix_goal_search_trgm"`);
    // pg_trgm is left installed: other objects may have come to use it.
  }
}
