import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Site search: a long query word is also looked for in the text with its spaces taken out, so that
// «پیادهراه» (typed without the half-space) finds «پیاده راه» written with a space. Trigram
// indexes on that expression answer it as ix_*_search_trgm answer the plain `search_text`.
const TABLES = ['goal', 'press_release', 'event', 'poll'];

export class SearchJoinedWords1766500000000 implements MigrationInterface {
  name = 'SearchJoinedWords1766500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE INDEX "ix_${table}_search_joined_trgm" ON "${table}" USING gin ((replace("search_text", ' ', '')) gin_trgm_ops)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP INDEX "ix_${table}_search_joined_trgm"`);
  }
}
