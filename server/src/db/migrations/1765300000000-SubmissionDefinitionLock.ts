import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { REFUSE_DELETING_ANSWERED } from '../migration-sql/refuse-deleting-answered';

// Answers are checked against their poll's questions and options in the submission statement itself
// (poll_answer has no foreign keys, see LeanPollSubmissions). That check read the statement's
// snapshot, so an editor's removal of an option, committed while a batch was being written, went
// unseen: the batch stored answers to an option that no longer existed, and the removal's own
// check ("the poll has no responses") could not see the batch's uncommitted ones. Found in review
// and shown with two sessions.
//
// Now the two meet on one advisory lock per poll. A submission batch takes it shared, then checks
// its questions and options under a fresh snapshot (nabz_submission_gone: a volatile function,
// whose statements each see what has committed by then). Removing questions or options takes it
// exclusively before checking for responses (the service, and the delete trigger for everyone
// else). Whichever comes second waits for the first to commit and then sees it: the submission
// finds the option gone (POLL_CHANGED, nothing stored), or the removal finds the responses
// (refused).

/** Advisory-lock class of "a poll's answers and the definition they refer to". */
const LOCK_CLASS = 28258;

export class SubmissionDefinitionLock1765300000000 implements MigrationInterface {
  name = 'SubmissionDefinitionLock1765300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Locks the polls in id order (no two lockers wait for each other in opposite orders).
    await queryRunner.query(`
            CREATE FUNCTION nabz_lock_poll_answers(poll_ids uuid[], exclusive boolean) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE p uuid;
            BEGIN
              FOR p IN SELECT DISTINCT x FROM unnest(poll_ids) x WHERE x IS NOT NULL ORDER BY 1 LOOP
                IF exclusive THEN PERFORM pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(p::text));
                ELSE PERFORM pg_advisory_xact_lock_shared(${LOCK_CLASS}, hashtext(p::text));
                END IF;
              END LOOP;
            END $$`);
    // The (question, option) pairs of a batch that are no longer their poll's, checked after the lock.
    await queryRunner.query(`
            CREATE FUNCTION nabz_submission_gone(poll_ids uuid[], question_ids uuid[], option_ids uuid[])
            RETURNS TABLE (question_id uuid, option_id uuid) LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
              PERFORM nabz_lock_poll_answers(poll_ids, false);
              RETURN QUERY
                SELECT r.question_id, r.option_id FROM unnest(poll_ids, question_ids, option_ids) AS r(poll_id, question_id, option_id)
                LEFT JOIN poll_question q ON q.id = r.question_id AND q.poll_id = r.poll_id
                LEFT JOIN poll_option o ON o.id = r.option_id AND o.question_id = r.question_id
                WHERE q.id IS NULL OR (r.option_id IS NOT NULL AND o.id IS NULL);
            END $$`);
    await queryRunner.query(REFUSE_DELETING_ANSWERED(true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(REFUSE_DELETING_ANSWERED(false));
    await queryRunner.query(`DROP FUNCTION nabz_submission_gone(uuid[], uuid[], uuid[])`);
    await queryRunner.query(`DROP FUNCTION nabz_lock_poll_answers(uuid[], boolean)`);
  }
}
