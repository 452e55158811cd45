import { type MigrationInterface, type QueryRunner } from 'typeorm';
// Migrations are frozen history: the SQL is written out here, not imported from live code.
// nabz_normalize() is the SQL twin of common/persian-text.ts normalizeForSearch(); a test checks they agree.
const NORMALIZE_FUNCTION = `
CREATE OR REPLACE FUNCTION nabz_normalize(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $fn$
  SELECT btrim(regexp_replace(lower(translate(
    regexp_replace(normalize(input, NFC), '[\\u200c\\u200d\\u0640\\u064b-\\u065f\\u0670\\u200e\\u200f]', '', 'g'),
    'يىكةۀأإٱ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩',
    'ییکههااا01234567890123456789'
  )), '\\s+', ' ', 'g'))
$fn$;`;
const GOAL_SEARCH_EXPRESSION = `nabz_normalize(coalesce(title_fa, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(description_fa, '') || ' ' || coalesce(description_en, ''))`;

/** Districts, goals, staff users, sessions and the audit log. */
export class Foundation1764158400000 implements MigrationInterface {
  name = 'Foundation1764158400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(NORMALIZE_FUNCTION);

    await q.query(`CREATE TABLE "district" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" integer NOT NULL,
      "name_fa" character varying(200) NOT NULL,
      "name_en" character varying(200),
      "population" integer NOT NULL,
      CONSTRAINT "ck_district_code" CHECK ("code" > 0),
      CONSTRAINT "ck_district_population" CHECK ("population" >= 0),
      CONSTRAINT "PK_district" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_district_code" ON "district" ("code")`);

    await q.query(
      `CREATE TYPE "goal_category" AS ENUM('AWARENESS', 'REPUTATION', 'CITIZEN_PARTICIPATION', 'PUBLIC_OPINION', 'MEDIA_RELATIONS', 'INTERNAL_COMMUNICATION', 'EVENTS_AND_OCCASIONS', 'CRISIS_MANAGEMENT', 'MANAGEMENT_SUPPORT', 'CULTURE')`,
    );
    await q.query(`CREATE TYPE "goal_status" AS ENUM('DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED')`);
    await q.query(`CREATE TABLE "goal" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "title_fa" character varying(500) NOT NULL,
      "title_en" character varying(500),
      "description_fa" text,
      "description_en" text,
      "category" "goal_category" NOT NULL,
      "position" integer NOT NULL,
      "status" "goal_status" NOT NULL DEFAULT 'DRAFT',
      "search_text" text GENERATED ALWAYS AS (${GOAL_SEARCH_EXPRESSION}) STORED,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ck_goal_position" CHECK ("position" > 0),
      CONSTRAINT "PK_goal" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_goal_status_position" ON "goal" ("status", "position")`);
    // TypeORM remembers generated columns' expressions here; without the row it would see a diff.
    await q.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, "schema" character varying, "table" character varying, "name" character varying, "value" text)`,
    );
    await q.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'goal', 'GENERATED_COLUMN', 'search_text', $1)`,
      [GOAL_SEARCH_EXPRESSION],
    );

    await q.query(`CREATE TYPE "staff_role" AS ENUM('ADMIN', 'EDITOR', 'ANALYST', 'MEDIA_OFFICER')`);
    await q.query(`CREATE TABLE "staff_user" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "email" character varying(254) NOT NULL,
      "display_name" character varying(120) NOT NULL,
      "role" "staff_role" NOT NULL,
      "password_hash" character varying(255) NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ck_staff_user_email_lower" CHECK ("email" = lower("email")),
      CONSTRAINT "PK_staff_user" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_staff_user_email" ON "staff_user" ("email")`);

    await q.query(`CREATE TABLE "staff_session" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "token_hash" bytea NOT NULL,
      "user_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_staff_session" PRIMARY KEY ("id"),
      CONSTRAINT "fk_staff_session_user" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "uq_staff_session_token_hash" ON "staff_session" ("token_hash")`);
    await q.query(`CREATE INDEX "ix_staff_session_user" ON "staff_session" ("user_id")`);

    await q.query(`CREATE TABLE "audit_log" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "action" character varying(64) NOT NULL,
      "entity_type" character varying(64) NOT NULL,
      "entity_id" character varying(64),
      "before" jsonb,
      "after" jsonb,
      "request_id" character varying(64),
      CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")`);
    await q.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id")`);
    await q.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity_type", "entity_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP TABLE "staff_session"`);
    await q.query(`DROP TABLE "staff_user"`);
    await q.query(`DROP TYPE "staff_role"`);
    await q.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'goal'`);
    await q.query(`DROP TABLE "goal"`);
    await q.query(`DROP TYPE "goal_status"`);
    await q.query(`DROP TYPE "goal_category"`);
    await q.query(`DROP TABLE "district"`);
    await q.query(`DROP FUNCTION nabz_normalize(text)`);
  }
}
