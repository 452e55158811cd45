import { type MigrationInterface, type QueryRunner } from 'typeorm';

// One-time links to set a password (issue 16 item 1): the first admin is created from the command
// line with no usable password and sets one through such a link. Only a SHA-256 of the token is kept.

export class PasswordSetupTokens1766000000000 implements MigrationInterface {
  name = 'PasswordSetupTokens1766000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_password_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" bytea NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_staff_password_token" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_password_token_hash" ON "staff_password_token" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_staff_password_token_user" ON "staff_password_token" ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "staff_password_token" ADD CONSTRAINT "fk_staff_password_token_user" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_password_token" DROP CONSTRAINT "fk_staff_password_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_password_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_password_token_hash"`);
    await queryRunner.query(`DROP TABLE "staff_password_token"`);
  }
}
