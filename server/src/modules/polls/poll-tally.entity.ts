import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Precomputed results, so that reading a poll's results never recounts its responses.
 * New responses are queued in `poll_tally_queue` by the submission itself and folded into the
 * tallies by `PollTallyService` (a DELETE … RETURNING feeding an upsert, so nothing is counted twice
 * or lost, whatever the commit order). Readers add the still-queued responses to the tallies in the
 * same statement. Sentinels instead of NULLs keep the keys usable as primary keys:
 * NO_DISTRICT, NO_OPTION (a numeric answer) and NO_NUMBER (a choice answer).
 */
export const NO_DISTRICT = '00000000-0000-0000-0000-000000000000';
export const NO_OPTION = '00000000-0000-0000-0000-000000000000';
export const NO_NUMBER = -1;

@Entity('poll_tally_queue')
export class PollTallyQueue {
  /** First in the key: a results read takes its own poll's queued responses as one key range. */
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_tally_queue' })
  pollId: string;

  @PrimaryColumn({ name: 'response_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_tally_queue' })
  responseId: string;
}

/** Responses per poll, day (in the city's time zone) and district. */
@Entity('poll_response_tally')
export class PollResponseTally {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_response_tally' })
  pollId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_poll_response_tally' })
  day: string;

  @PrimaryColumn({ name: 'district_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_response_tally' })
  districtId: string;

  @Column({ type: 'bigint' })
  responses: string;
}

/** Answers per poll, question, day, district and choice (an option, or a rating/NPS number). */
@Entity('poll_answer_tally')
export class PollAnswerTally {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_tally' })
  pollId: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_tally' })
  questionId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_poll_answer_tally' })
  day: string;

  @PrimaryColumn({ name: 'district_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_tally' })
  districtId: string;

  @PrimaryColumn({ name: 'option_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_tally' })
  optionId: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_poll_answer_tally' })
  number: number;

  @Column({ type: 'bigint' })
  answers: string;
}
