import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Each page path's latest title (document.title as the beacon sends it), for the staff analytics
// page to show beside the path. One row per path; the path is already kept without its query.

export class PageTitles1765430000000 implements MigrationInterface {
  name = 'PageTitles1765430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_page_title" ("path" character varying(512) NOT NULL, "title" character varying(300) NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_analytics_page_title" PRIMARY KEY ("path"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics_page_title"`);
  }
}
