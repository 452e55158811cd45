import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The tally queue keyed by poll. Every results read adds its poll's still-queued responses to the
// tallies; with the queue keyed by response alone, each read looked up every queued response of
// every poll to find its own: while one poll took a second's worth of submissions (~5,000 queued),
// every other poll's district results cost about ten times their usual time (measured in a scratch
// test: p50 12 ms against 1.1 ms). Keyed (poll_id, response_id), a read takes one key range of its
// own poll and the others' queue is not touched.
//
// A queued response whose row is gone (deleted before its fold) never counted; it is dropped here.

export class TallyQueueByPoll1765200000000 implements MigrationInterface {
  name = 'TallyQueueByPoll1765200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_tally_queue" ADD "poll_id" uuid`);
    await queryRunner.query(`UPDATE "poll_tally_queue" q SET "poll_id" = r.poll_id FROM "poll_response" r WHERE r.id = q.response_id`);
    await queryRunner.query(`DELETE FROM "poll_tally_queue" WHERE "poll_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "poll_tally_queue" ALTER COLUMN "poll_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "poll_tally_queue" DROP CONSTRAINT "pk_poll_tally_queue"`);
    await queryRunner.query(`ALTER TABLE "poll_tally_queue" ADD CONSTRAINT "pk_poll_tally_queue" PRIMARY KEY ("poll_id", "response_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_tally_queue" DROP CONSTRAINT "pk_poll_tally_queue"`);
    await queryRunner.query(`ALTER TABLE "poll_tally_queue" ADD CONSTRAINT "pk_poll_tally_queue" PRIMARY KEY ("response_id")`);
    await queryRunner.query(`ALTER TABLE "poll_tally_queue" DROP COLUMN "poll_id"`);
  }
}
