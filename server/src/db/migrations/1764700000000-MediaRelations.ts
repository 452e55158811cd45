import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Media relations: outlets, media contacts (personal data), the spokesperson's log, press releases
// with their distribution lists, coverage with tone, and invitations of contacts to events. Generated
// by `typeorm migration:generate` from the entities, then reviewed; nabz_join_words() was added by
// hand. Migrations are frozen history: the SQL is written out here, not imported from live code.

// array_to_string() is only STABLE (it serves any element type), so a generated column or CHECK
// cannot call it; over text it cannot vary, which this IMMUTABLE wrapper states.
const JOIN_WORDS_FUNCTION = `
CREATE OR REPLACE FUNCTION nabz_join_words(words text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(array_to_string(words, ' '), '')
$fn$;`;

export class MediaRelations1764700000000 implements MigrationInterface {
  name = 'MediaRelations1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(JOIN_WORDS_FUNCTION);
    await queryRunner.query(
      `CREATE TYPE "public"."media_outlet_kind" AS ENUM('NEWS_AGENCY', 'NEWSPAPER', 'RADIO_TELEVISION', 'WEBSITE', 'SOCIAL_ACCOUNT')`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', $2, $3)`,
      ['media_outlet', 'name_key', 'nabz_normalize(name_fa)'],
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', $2, $3)`,
      ['media_outlet', 'search_text', "nabz_normalize(name_fa || ' ' || coalesce(name_en, ''))"],
    );
    await queryRunner.query(
      `CREATE TABLE "media_outlet" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name_fa" character varying(200) NOT NULL, "name_en" character varying(200), "kind" "public"."media_outlet_kind" NOT NULL, "url" character varying(500), "notes" text, "name_key" text GENERATED ALWAYS AS (nabz_normalize(name_fa)) STORED, "search_text" text GENERATED ALWAYS AS (nabz_normalize(name_fa || ' ' || coalesce(name_en, ''))) STORED, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_media_outlet_url" CHECK ("url" IS NULL OR "url" ~ '^https?://'), CONSTRAINT "PK_99b8cb8ea11e1c50ed9b098841a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_media_outlet_name_key" ON "media_outlet"  ("name_key") `);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', $2, $3)`,
      ['media_contact', 'search_text', "nabz_normalize(name || ' ' || coalesce(role, '') || ' ' || nabz_join_words(beats))"],
    );
    await queryRunner.query(
      `CREATE TABLE "media_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "role" character varying(200), "outlet_id" uuid, "phones" character varying(16) array NOT NULL DEFAULT '{}', "email" character varying(254), "beats" character varying(60) array NOT NULL DEFAULT '{}', "language" character varying(20) NOT NULL DEFAULT 'fa', "notes" text, "search_text" text GENERATED ALWAYS AS (nabz_normalize(name || ' ' || coalesce(role, '') || ' ' || nabz_join_words(beats))) STORED, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_media_contact_language" CHECK ("language" ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'), CONSTRAINT "ck_media_contact_beats" CHECK (cardinality("beats") <= 10), CONSTRAINT "ck_media_contact_phones" CHECK (cardinality("phones") <= 5 AND nabz_join_words("phones") ~ '^(\\+?[0-9]{4,15}( \\+?[0-9]{4,15})*)?$'), CONSTRAINT "ck_media_contact_email" CHECK ("email" IS NULL OR ("email" = lower("email") AND "email" ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$')), CONSTRAINT "PK_3f2df484125f7de7153b24e9a4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_media_contact_name" ON "media_contact"  ("name") `);
    await queryRunner.query(`CREATE INDEX "ix_media_contact_outlet" ON "media_contact"  ("outlet_id") `);
    await queryRunner.query(`CREATE TYPE "public"."press_release_status" AS ENUM('DRAFT', 'PUBLISHED', 'WITHDRAWN')`);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', $2, $3)`,
      [
        'press_release',
        'search_text',
        "nabz_normalize(title_fa || ' ' || coalesce(title_en, '') || ' ' || coalesce(summary_fa, '') || ' ' || coalesce(summary_en, ''))",
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "press_release" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "title_fa" character varying(300) NOT NULL, "title_en" character varying(300), "summary_fa" character varying(1000), "summary_en" character varying(1000), "body_fa" text NOT NULL, "body_en" text, "district_id" uuid, "status" "public"."press_release_status" NOT NULL DEFAULT 'DRAFT', "published_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "search_text" text GENERATED ALWAYS AS (nabz_normalize(title_fa || ' ' || coalesce(title_en, '') || ' ' || coalesce(summary_fa, '') || ' ' || coalesce(summary_en, ''))) STORED, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_press_release_withdrawn_at" CHECK ("status" <> 'WITHDRAWN' OR "withdrawn_at" IS NOT NULL), CONSTRAINT "ck_press_release_published_at" CHECK ("status" = 'DRAFT' OR "published_at" IS NOT NULL), CONSTRAINT "ck_press_release_slug" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT "PK_f79d53b1a81f0b8d124f64c86e3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_press_release_created" ON "press_release"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_press_release_published" ON "press_release"  ("status", "published_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_press_release_slug" ON "press_release"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "press_release_distribution" ("release_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by" uuid NOT NULL, CONSTRAINT "pk_press_release_distribution" PRIMARY KEY ("release_id", "contact_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_press_release_distribution_contact" ON "press_release_distribution"  ("contact_id") `);
    await queryRunner.query(`CREATE TYPE "public"."media_coverage_kind" AS ENUM('ARTICLE', 'BROADCAST', 'SOCIAL_POST')`);
    await queryRunner.query(`CREATE TYPE "public"."media_coverage_tone" AS ENUM('POSITIVE', 'NEUTRAL', 'NEGATIVE')`);
    await queryRunner.query(
      `CREATE TABLE "media_coverage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outlet_id" uuid NOT NULL, "title" character varying(500) NOT NULL, "url" character varying(2000), "published_on" date NOT NULL, "kind" "public"."media_coverage_kind" NOT NULL, "tone" "public"."media_coverage_tone" NOT NULL, "summary" text, "press_release_id" uuid, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_media_coverage_url" CHECK ("url" IS NULL OR "url" ~ '^https?://'), CONSTRAINT "PK_475286bca2d8cd98ad4b6bde9a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_media_coverage_release" ON "media_coverage"  ("press_release_id") `);
    await queryRunner.query(`CREATE INDEX "ix_media_coverage_outlet" ON "media_coverage"  ("outlet_id", "published_on") `);
    await queryRunner.query(`CREATE INDEX "ix_media_coverage_published" ON "media_coverage"  ("published_on", "id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."media_interaction_kind" AS ENUM('INQUIRY_RECEIVED', 'INTERVIEW', 'STATEMENT_SENT', 'CALL', 'MEETING')`,
    );
    await queryRunner.query(
      `CREATE TABLE "media_interaction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contact_id" uuid NOT NULL, "kind" "public"."media_interaction_kind" NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "topic" character varying(300) NOT NULL, "notes" text, "staff_id" uuid NOT NULL, "follow_up_on" date, "follow_up_done_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_media_interaction_follow_up" CHECK ("follow_up_done_at" IS NULL OR "follow_up_on" IS NOT NULL), CONSTRAINT "PK_00f95ec113b26c4abe173c8cb17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_media_interaction_open_follow_up" ON "media_interaction"  ("follow_up_on", "id") WHERE "follow_up_on" IS NOT NULL AND "follow_up_done_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_media_interaction_occurred" ON "media_interaction"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "ix_media_interaction_contact" ON "media_interaction"  ("contact_id", "occurred_at") `);
    await queryRunner.query(`CREATE TYPE "public"."media_invitation_reply" AS ENUM('AWAITING', 'ACCEPTED', 'DECLINED', 'TENTATIVE')`);
    await queryRunner.query(
      `CREATE TABLE "media_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "reply" "public"."media_invitation_reply" NOT NULL DEFAULT 'AWAITING', "replied_at" TIMESTAMP WITH TIME ZONE, "attended" boolean, "note" character varying(1000), "invited_by" uuid NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_media_invitation_replied_at" CHECK (("reply" = 'AWAITING') = ("replied_at" IS NULL)), CONSTRAINT "PK_7f3b9373c6fc051afa5e37e32a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_media_invitation_contact" ON "media_invitation"  ("contact_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_media_invitation_event_contact" ON "media_invitation"  ("event_id", "contact_id") `);
    await queryRunner.query(
      `ALTER TABLE "media_contact" ADD CONSTRAINT "fk_media_contact_outlet" FOREIGN KEY ("outlet_id") REFERENCES "media_outlet"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_release" ADD CONSTRAINT "fk_press_release_district" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_release" ADD CONSTRAINT "fk_press_release_created_by" FOREIGN KEY ("created_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_release_distribution" ADD CONSTRAINT "fk_press_release_distribution_release" FOREIGN KEY ("release_id") REFERENCES "press_release"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_release_distribution" ADD CONSTRAINT "fk_press_release_distribution_contact" FOREIGN KEY ("contact_id") REFERENCES "media_contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_release_distribution" ADD CONSTRAINT "fk_press_release_distribution_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_coverage" ADD CONSTRAINT "fk_media_coverage_outlet" FOREIGN KEY ("outlet_id") REFERENCES "media_outlet"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_coverage" ADD CONSTRAINT "fk_media_coverage_release" FOREIGN KEY ("press_release_id") REFERENCES "press_release"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_coverage" ADD CONSTRAINT "fk_media_coverage_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_interaction" ADD CONSTRAINT "fk_media_interaction_contact" FOREIGN KEY ("contact_id") REFERENCES "media_contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_interaction" ADD CONSTRAINT "fk_media_interaction_staff" FOREIGN KEY ("staff_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_invitation" ADD CONSTRAINT "fk_media_invitation_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_invitation" ADD CONSTRAINT "fk_media_invitation_contact" FOREIGN KEY ("contact_id") REFERENCES "media_contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_invitation" ADD CONSTRAINT "fk_media_invitation_invited_by" FOREIGN KEY ("invited_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_invitation" DROP CONSTRAINT "fk_media_invitation_invited_by"`);
    await queryRunner.query(`ALTER TABLE "media_invitation" DROP CONSTRAINT "fk_media_invitation_contact"`);
    await queryRunner.query(`ALTER TABLE "media_invitation" DROP CONSTRAINT "fk_media_invitation_event"`);
    await queryRunner.query(`ALTER TABLE "media_interaction" DROP CONSTRAINT "fk_media_interaction_staff"`);
    await queryRunner.query(`ALTER TABLE "media_interaction" DROP CONSTRAINT "fk_media_interaction_contact"`);
    await queryRunner.query(`ALTER TABLE "media_coverage" DROP CONSTRAINT "fk_media_coverage_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "media_coverage" DROP CONSTRAINT "fk_media_coverage_release"`);
    await queryRunner.query(`ALTER TABLE "media_coverage" DROP CONSTRAINT "fk_media_coverage_outlet"`);
    await queryRunner.query(`ALTER TABLE "press_release_distribution" DROP CONSTRAINT "fk_press_release_distribution_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "press_release_distribution" DROP CONSTRAINT "fk_press_release_distribution_contact"`);
    await queryRunner.query(`ALTER TABLE "press_release_distribution" DROP CONSTRAINT "fk_press_release_distribution_release"`);
    await queryRunner.query(`ALTER TABLE "press_release" DROP CONSTRAINT "fk_press_release_created_by"`);
    await queryRunner.query(`ALTER TABLE "press_release" DROP CONSTRAINT "fk_press_release_district"`);
    await queryRunner.query(`ALTER TABLE "media_contact" DROP CONSTRAINT "fk_media_contact_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."uq_media_invitation_event_contact"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_invitation_contact"`);
    await queryRunner.query(`DROP TABLE "media_invitation"`);
    await queryRunner.query(`DROP TYPE "public"."media_invitation_reply"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_interaction_contact"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_interaction_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_interaction_open_follow_up"`);
    await queryRunner.query(`DROP TABLE "media_interaction"`);
    await queryRunner.query(`DROP TYPE "public"."media_interaction_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_coverage_published"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_coverage_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_coverage_release"`);
    await queryRunner.query(`DROP TABLE "media_coverage"`);
    await queryRunner.query(`DROP TYPE "public"."media_coverage_tone"`);
    await queryRunner.query(`DROP TYPE "public"."media_coverage_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_press_release_distribution_contact"`);
    await queryRunner.query(`DROP TABLE "press_release_distribution"`);
    await queryRunner.query(`DROP INDEX "public"."uq_press_release_slug"`);
    await queryRunner.query(`DROP INDEX "public"."ix_press_release_published"`);
    await queryRunner.query(`DROP INDEX "public"."ix_press_release_created"`);
    await queryRunner.query(`DROP TABLE "press_release"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = $1 AND "name" = $2`, [
      'press_release',
      'search_text',
    ]);
    await queryRunner.query(`DROP TYPE "public"."press_release_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_contact_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."ix_media_contact_name"`);
    await queryRunner.query(`DROP TABLE "media_contact"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = $1 AND "name" = $2`, [
      'media_contact',
      'search_text',
    ]);
    await queryRunner.query(`DROP INDEX "public"."uq_media_outlet_name_key"`);
    await queryRunner.query(`DROP TABLE "media_outlet"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = $1 AND "name" = $2`, [
      'media_outlet',
      'search_text',
    ]);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = $1 AND "name" = $2`, [
      'media_outlet',
      'name_key',
    ]);
    await queryRunner.query(`DROP TYPE "public"."media_outlet_kind"`);
    await queryRunner.query(`DROP FUNCTION nabz_join_words(text[])`);
  }
}
