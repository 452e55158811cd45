import { Column, Entity, PrimaryColumn } from 'typeorm';

/*
 * Two rollups of the poll tallies (poll-tally.entity.ts), folded from the same queue in the same
 * statement (PollTallyService), with the same sentinels instead of NULLs.
 */

/**
 * Answers per poll, question, district and choice, over all days: what results and district
 * crosstabs read, a few hundred rows per poll however long it runs (the day-keyed tally grows with
 * every day the poll is open).
 */
@Entity('poll_answer_district_tally')
export class PollAnswerDistrictTally {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_district_tally' })
  pollId: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_district_tally' })
  questionId: string;

  @PrimaryColumn({ name: 'district_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_district_tally' })
  districtId: string;

  @PrimaryColumn({ name: 'option_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_district_tally' })
  optionId: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_poll_answer_district_tally' })
  number: number;

  @Column({ type: 'bigint' })
  answers: string;
}

/**
 * Answers to one choice question counted against the options picked in another choice question of
 * the same response: what a question × question crosstab needs, without reading responses. Both
 * orders of a pair are stored, so a crosstab reads one key range. `option_id` = NO_OPTION counts
 * the responses that answered `question_id` and picked `by_option_id` (the crosstab row's base).
 */
@Entity('poll_answer_pair_tally')
export class PollAnswerPairTally {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_pair_tally' })
  pollId: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_pair_tally' })
  questionId: string;

  @PrimaryColumn({ name: 'by_question_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_pair_tally' })
  byQuestionId: string;

  @PrimaryColumn({ name: 'by_option_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_pair_tally' })
  byOptionId: string;

  @PrimaryColumn({ name: 'option_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer_pair_tally' })
  optionId: string;

  @Column({ type: 'bigint' })
  answers: string;
}

/**
 * Words of a FREE_TEXT question's answers, folded from the same queue (PollTallyService splits
 * each folded answer with `words()`), so that `wordFrequency` reads a few hundred rows instead of
 * every answer. Stop words are filtered when read, so a longer stop-word list needs no recount.
 */
@Entity('poll_word_tally')
export class PollWordTally {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_word_tally' })
  pollId: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_word_tally' })
  questionId: string;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_poll_word_tally' })
  word: string;

  /** Occurrences over all answers. */
  @Column({ type: 'bigint' })
  occurrences: string;

  /** Answers (so respondents: one answer each) that use the word at least once. */
  @Column({ type: 'bigint' })
  answers: string;
}
