import { type MigrationInterface, type QueryRunner } from 'typeorm';

// An answer waiting in the mix was written by the transaction that wrote its participation, so
// the two shared an xmin for as long as the answer waited (k of them always wait while a poll is
// open). The mover now rewrites a poll's waiting answers together, in random order, as soon as a
// new one has arrived: `reshuffled` marks the rows it wrote, so it knows when a submission has
// added one since.
export class AnswerMixReshuffle1766450000000 implements MigrationInterface {
  name = 'AnswerMixReshuffle1766450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_answer_mix" ADD "reshuffled" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_answer_mix" DROP COLUMN "reshuffled"`);
  }
}
