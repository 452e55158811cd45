import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Abuse signals for analysts (issue 13 item 5): accepted answers counted per minute (bursts against
// the poll's own baseline) and per ten-minute window and cluster (network prefix and browser family,
// hashed under the day's analytics salt, which is deleted like every analytics salt); responses keep
// their cluster only when 5 or more of the poll's answers share it; a staff quarantine of a window
// or a cluster holds answers out of every result, reversibly, while keeping them stored.

export class AbuseSignals1765440000000 implements MigrationInterface {
  name = 'AbuseSignals1765440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "poll_arrival_minute" ("poll_id" uuid NOT NULL, "minute" TIMESTAMP WITH TIME ZONE NOT NULL, "answers" integer NOT NULL, CONSTRAINT "pk_poll_arrival_minute" PRIMARY KEY ("poll_id", "minute"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "poll_arrival_cluster" ("poll_id" uuid NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "cluster_key" bytea NOT NULL, "answers" integer NOT NULL, CONSTRAINT "pk_poll_arrival_cluster" PRIMARY KEY ("poll_id", "window_start", "cluster_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "poll_quarantine" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "window_from" TIMESTAMP WITH TIME ZONE, "window_to" TIMESTAMP WITH TIME ZONE, "cluster_key" bytea, "reason" character varying(500) NOT NULL, "responses" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_by" uuid, "released_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_poll_quarantine" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_poll_quarantine_poll" ON "poll_quarantine"  ("poll_id") `);
    await queryRunner.query(`ALTER TABLE "poll_answer_mix" ADD "cluster_key" bytea`);
    await queryRunner.query(`ALTER TABLE "poll_response" ADD "cluster_key" bytea`);
    await queryRunner.query(`ALTER TABLE "poll_response" ADD "quarantined" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE INDEX "ix_poll_response_quarantined" ON "poll_response"  ("poll_id") WHERE "quarantined"`);
    await queryRunner.query(
      `CREATE INDEX "ix_poll_response_cluster" ON "poll_response"  ("poll_id", "cluster_key") WHERE "cluster_key" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_poll_response_cluster"`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_response_quarantined"`);
    await queryRunner.query(`ALTER TABLE "poll_response" DROP COLUMN "quarantined"`);
    await queryRunner.query(`ALTER TABLE "poll_response" DROP COLUMN "cluster_key"`);
    await queryRunner.query(`ALTER TABLE "poll_answer_mix" DROP COLUMN "cluster_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_quarantine_poll"`);
    await queryRunner.query(`DROP TABLE "poll_quarantine"`);
    await queryRunner.query(`DROP TABLE "poll_arrival_cluster"`);
    await queryRunner.query(`DROP TABLE "poll_arrival_minute"`);
  }
}
