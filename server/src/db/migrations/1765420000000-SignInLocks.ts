import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Sign-in limits per account and client (issue 14 item 3): ten wrong passwords from anywhere used to
// lock an account's owner out. Now each (account, client) pair has its own count of failures and
// its own growing wait; admins see and lift them.

export class SignInLocks1765420000000 implements MigrationInterface {
  name = 'SignInLocks1765420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_sign_in_lock" ("user_id" uuid NOT NULL, "client_key" character varying(64) NOT NULL, "failures" integer NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_staff_sign_in_lock" PRIMARY KEY ("user_id", "client_key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_sign_in_lock" ADD CONSTRAINT "fk_staff_sign_in_lock_user" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_sign_in_lock" DROP CONSTRAINT "fk_staff_sign_in_lock_user"`);
    await queryRunner.query(`DROP TABLE "staff_sign_in_lock"`);
  }
}
