// Kept outside migrations/: TypeORM takes every export of a file there for a migration class.
// The delete guard's body: as migration 1765100000000-LeanPollSubmissions first wrote it (no lock;
// also what 1765300000000-SubmissionDefinitionLock's down() restores), and as 1765300000000 rewrote
// it (lock: with the answer lock taken first), which 1765400000000-TrustworthyParticipation's down()
// restores.
// Never change it: each of those migrations must keep writing what it wrote.

export const REFUSE_DELETING_ANSWERED = (lock: boolean) => `
            CREATE OR REPLACE FUNCTION nabz_refuse_deleting_answered() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE answered boolean;
            BEGIN
${
  lock
    ? `              -- Wait for submissions being written to these polls; the checks below then see them.
              CASE TG_TABLE_NAME
                WHEN 'poll' THEN PERFORM nabz_lock_poll_answers((SELECT array_agg(g.id) FROM gone g), true);
                WHEN 'poll_question' THEN PERFORM nabz_lock_poll_answers((SELECT array_agg(g.poll_id) FROM gone g), true);
                ELSE PERFORM nabz_lock_poll_answers((SELECT array_agg(q.poll_id) FROM gone g JOIN poll_question q ON q.id = g.question_id), true);
              END CASE;
`
    : ''
}              CASE TG_TABLE_NAME
                WHEN 'poll' THEN answered := EXISTS (SELECT 1 FROM gone g JOIN poll_response r ON r.poll_id = g.id);
                WHEN 'poll_question' THEN answered := EXISTS (SELECT 1 FROM gone g JOIN poll_response r ON r.poll_id = g.poll_id);
                ELSE answered := EXISTS (SELECT 1 FROM gone g JOIN poll_question q ON q.id = g.question_id JOIN poll_response r ON r.poll_id = q.poll_id);
              END CASE;
              IF answered THEN
                RAISE EXCEPTION 'rows of % that belong to a poll with responses cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
              END IF;
              RETURN NULL;
            END $$`;
