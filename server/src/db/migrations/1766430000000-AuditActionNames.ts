import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Audit actions are the names of the mutations that did them (docs/api.md: "createGoal",
// "updateStaffUser"); API keys were logged as "apiKey.create" and "apiKey.revoke", so a partner's
// filter on "createApiKey" found nothing. The rows already written take the mutations' names too.

export class AuditActionNames1766430000000 implements MigrationInterface {
  name = 'AuditActionNames1766430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "audit_log" SET "action" = 'createApiKey' WHERE "action" = 'apiKey.create'`);
    await queryRunner.query(`UPDATE "audit_log" SET "action" = 'revokeApiKey' WHERE "action" = 'apiKey.revoke'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "audit_log" SET "action" = 'apiKey.create' WHERE "action" = 'createApiKey'`);
    await queryRunner.query(`UPDATE "audit_log" SET "action" = 'apiKey.revoke' WHERE "action" = 'revokeApiKey'`);
  }
}
