import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Housekeeping takes the cluster key off small clusters each minute (AbuseSignals.eraseSmallClusters),
// and read every keyed response to find them, most of them of big clusters, which keep their key
// for good. After its first run it now looks only at keyed responses stored lately: this index
// finds them without reading the others. It holds no time finer than the stored hour.
export class ResponseClusterTime1766490000000 implements MigrationInterface {
  name = 'ResponseClusterTime1766490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_poll_response_cluster_time" ON "poll_response" ("submitted_at") WHERE "cluster_key" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_poll_response_cluster_time"`);
  }
}
