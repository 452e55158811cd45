import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Events and recurring occasions: the calendar. One pinned crisis notice at most (partial unique
// index); occasions with per-year official dates. `event_kind` is shared by both tables. Generated
// by `typeorm migration:generate` from the entities, then reviewed (the shared enum type was
// created twice).

export class Events1764600000000 implements MigrationInterface {
  name = 'Events1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."event_kind" AS ENUM('NATIONAL_OCCASION', 'RELIGIOUS_OCCASION', 'MAYOR_APPEARANCE', 'PRESS_CONFERENCE', 'CULTURAL_EVENT', 'CRISIS_NOTICE', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."event_status" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."event_kind" NOT NULL, "title_fa" character varying(300) NOT NULL, "title_en" character varying(300), "description_fa" text, "description_en" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "venue_fa" character varying(300), "venue_en" character varying(300), "district_id" uuid, "status" "public"."event_status" NOT NULL DEFAULT 'DRAFT', "pinned" boolean NOT NULL DEFAULT false, "poll_id" uuid, "goal_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_event_published_at" CHECK (("status" = 'DRAFT') = ("published_at" IS NULL)), CONSTRAINT "ck_event_pinned" CHECK (NOT "pinned" OR ("kind" = 'CRISIS_NOTICE' AND "status" = 'PUBLISHED')), CONSTRAINT "ck_event_schedule" CHECK ("ends_at" >= "starts_at"), CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_event_district" ON "event"  ("district_id") `);
    await queryRunner.query(`CREATE INDEX "ix_event_poll" ON "event"  ("poll_id") `);
    await queryRunner.query(`CREATE INDEX "ix_event_goal" ON "event"  ("goal_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_event_pinned" ON "event"  ("pinned") WHERE "pinned"`);
    await queryRunner.query(`CREATE INDEX "ix_event_starts_at" ON "event"  ("starts_at", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."occasion_calendar" AS ENUM('SOLAR_HIJRI', 'LUNAR_HIJRI')`);
    await queryRunner.query(
      `CREATE TABLE "occasion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."event_kind" NOT NULL, "title_fa" character varying(300) NOT NULL, "title_en" character varying(300), "description_fa" text, "description_en" text, "calendar" "public"."occasion_calendar" NOT NULL, "month" smallint NOT NULL, "day" smallint NOT NULL, "holiday" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_occasion_day" CHECK ("day" BETWEEN 1 AND CASE WHEN "calendar" = 'SOLAR_HIJRI' AND "month" <= 6 THEN 31 ELSE 30 END), CONSTRAINT "ck_occasion_month" CHECK ("month" BETWEEN 1 AND 12), CONSTRAINT "ck_occasion_kind" CHECK ("kind" IN ('NATIONAL_OCCASION', 'RELIGIOUS_OCCASION')), CONSTRAINT "PK_9bc2adf495b52dfe978275e9fd6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_occasion_rule_title" ON "occasion"  ("calendar", "month", "day", "title_fa") `);
    await queryRunner.query(
      `CREATE TABLE "occasion_override" ("occasion_id" uuid NOT NULL, "year" smallint NOT NULL, "date" date NOT NULL, "note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_occasion_override_year" CHECK ("year" BETWEEN 1300 AND 1600), CONSTRAINT "pk_occasion_override" PRIMARY KEY ("occasion_id", "year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "event" ADD CONSTRAINT "fk_event_district" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event" ADD CONSTRAINT "fk_event_poll" FOREIGN KEY ("poll_id") REFERENCES "poll"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event" ADD CONSTRAINT "fk_event_goal" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "occasion_override" ADD CONSTRAINT "fk_occasion_override_occasion" FOREIGN KEY ("occasion_id") REFERENCES "occasion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "occasion_override" DROP CONSTRAINT "fk_occasion_override_occasion"`);
    await queryRunner.query(`ALTER TABLE "event" DROP CONSTRAINT "fk_event_goal"`);
    await queryRunner.query(`ALTER TABLE "event" DROP CONSTRAINT "fk_event_poll"`);
    await queryRunner.query(`ALTER TABLE "event" DROP CONSTRAINT "fk_event_district"`);
    await queryRunner.query(`DROP TABLE "occasion_override"`);
    await queryRunner.query(`DROP INDEX "public"."uq_occasion_rule_title"`);
    await queryRunner.query(`DROP TABLE "occasion"`);
    await queryRunner.query(`DROP TYPE "public"."occasion_calendar"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_starts_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_pinned"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_goal"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_poll"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_district"`);
    await queryRunner.query(`DROP TABLE "event"`);
    await queryRunner.query(`DROP TYPE "public"."event_status"`);
    await queryRunner.query(`DROP TYPE "public"."event_kind"`);
  }
}
