import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Partner API keys: only a SHA-256 of each secret is stored, with scopes, a rate limit and a request count.

export class ApiKeys1764800000000 implements MigrationInterface {
  name = 'ApiKeys1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."api_scope" AS ENUM('PUBLIC_READ', 'SUBMIT_RESPONSES', 'ANALYTICS_READ')`);
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "prefix" character varying(16) NOT NULL, "key_hash" bytea NOT NULL, "scopes" "public"."api_scope" array NOT NULL, "requests_per_minute" integer NOT NULL, "request_count" bigint NOT NULL DEFAULT '0', "last_used_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_api_key_name" CHECK (length(btrim("name")) > 0), CONSTRAINT "ck_api_key_rate" CHECK ("requests_per_minute" BETWEEN 1 AND 100000), CONSTRAINT "ck_api_key_scopes" CHECK (cardinality("scopes") > 0), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_api_key_hash" ON "api_key" ("key_hash") `);
    await queryRunner.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "fk_api_key_created_by" FOREIGN KEY ("created_by") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "fk_api_key_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."ux_api_key_hash"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP TYPE "public"."api_scope"`);
  }
}
