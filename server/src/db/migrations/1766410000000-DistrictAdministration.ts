import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Districts are administered in the app (issue 16): population with its source and year, each
// figure kept in district_population so a weighted analysis can be reproduced after a census
// update; a GeoJSON boundary for the maps; retirement instead of deletion.

export class DistrictAdministration1766410000000 implements MigrationInterface {
  name = 'DistrictAdministration1766410000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "district" ADD "population_source" character varying(200)`);
    await q.query(`ALTER TABLE "district" ADD "population_year" integer`);
    await q.query(`ALTER TABLE "district" ADD "population_as_of" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE "district" ADD "boundary" jsonb`);
    await q.query(`ALTER TABLE "district" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE TABLE "district_population" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "district_id" uuid NOT NULL,
      "population" integer NOT NULL,
      "source" character varying(200),
      "year" integer,
      "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ck_district_population_population" CHECK ("population" >= 0),
      CONSTRAINT "PK_district_population" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_district_population_district" ON "district_population" ("district_id", "valid_from")`);
    await q.query(`ALTER TABLE "district_population" ADD CONSTRAINT "fk_district_population_district"
      FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The figures in use so far become each district's first version.
    await q.query(
      `INSERT INTO "district_population" ("district_id", "population", "valid_from") SELECT "id", "population", "population_as_of" FROM "district"`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "district_population"`);
    await q.query(`ALTER TABLE "district" DROP COLUMN "retired_at"`);
    await q.query(`ALTER TABLE "district" DROP COLUMN "boundary"`);
    await q.query(`ALTER TABLE "district" DROP COLUMN "population_as_of"`);
    await q.query(`ALTER TABLE "district" DROP COLUMN "population_year"`);
    await q.query(`ALTER TABLE "district" DROP COLUMN "population_source"`);
  }
}
