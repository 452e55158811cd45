import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Staff administration: the audit log is read newest first, whole or narrowed by actor, action,
// object kind or object id. Each of those gets an index in (at, id) order, which the keyset
// cursor follows, replacing the single-column indexes that left every page to a sort.

export class StaffAdministration1765000000000 implements MigrationInterface {
  name = 'StaffAdministration1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_actor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_entity"`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_entity_id_at" ON "audit_log" ("entity_id", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_entity_type_at" ON "audit_log" ("entity_type", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_action_at" ON "audit_log" ("action", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor_at" ON "audit_log" ("actor_id", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at_id" ON "audit_log" ("at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_actor_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_action_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_entity_type_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_entity_id_at"`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at") `);
  }
}
