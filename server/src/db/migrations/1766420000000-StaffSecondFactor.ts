import { type MigrationInterface, type QueryRunner } from 'typeorm';

// First admin and staff security (issue 16 item 1): a password an administrator chose must be
// replaced at the next sign-in; second factors (TOTP, secret encrypted) with single-use recovery
// codes (only their hashes); sessions that are restricted to the sign-in step still ahead.

export class StaffSecondFactor1766420000000 implements MigrationInterface {
  name = 'StaffSecondFactor1766420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_second_factor" ("user_id" uuid NOT NULL, "secret_encrypted" bytea NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_time_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_staff_second_factor" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" bytea NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_staff_recovery_code" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_recovery_code" ON "staff_recovery_code" ("user_id", "code_hash") `);
    await queryRunner.query(`ALTER TABLE "staff_user" ADD "password_change_required" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "staff_session" ADD "stage" character varying(32)`);
    await queryRunner.query(
      `ALTER TABLE "staff_second_factor" ADD CONSTRAINT "fk_staff_second_factor_user" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_recovery_code" ADD CONSTRAINT "fk_staff_recovery_code_user" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_recovery_code" DROP CONSTRAINT "fk_staff_recovery_code_user"`);
    await queryRunner.query(`ALTER TABLE "staff_second_factor" DROP CONSTRAINT "fk_staff_second_factor_user"`);
    // A restricted session must not become a full one when the column goes.
    await queryRunner.query(`DELETE FROM "staff_session" WHERE "stage" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "staff_session" DROP COLUMN "stage"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "password_change_required"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_recovery_code"`);
    await queryRunner.query(`DROP TABLE "staff_recovery_code"`);
    await queryRunner.query(`DROP TABLE "staff_second_factor"`);
  }
}
