import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Stored data depends on RESPONDENT_SECRET (answers waiting sealed in the mix, the per-poll
// signing keys, eligibility lists, identity hashes) and on SECOND_FACTOR_KEY (staff second
// factors). A server started with another value could not open or match any of it, and nothing
// said so. The server now keeps a fingerprint of each (an HMAC under the secret itself, which
// tells nothing of it) and refuses to start when the configured secret is not the recorded one.
export class SecretFingerprints1766480000000 implements MigrationInterface {
  name = 'SecretFingerprints1766480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "secret_fingerprint" ("name" text PRIMARY KEY, "fingerprint" bytea NOT NULL, "recorded_at" timestamptz NOT NULL DEFAULT now())`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "secret_fingerprint"`);
  }
}
