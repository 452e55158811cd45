import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EligibilityList } from './participation/participation.entity';
import { PollAssurance, PollState, QuestionKind, ResponseAssurance, ResultsVisibility } from './poll.enums';
import { BilingualTextColumns } from '../../common/bilingual-texts';
import { GeneratedTextColumn } from '../../db/generated-text-column';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** As in the search-text migration: changing it needs a new migration. */
export const POLL_SEARCH_EXPRESSION = `nabz_normalize(coalesce(title_fa, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(description_fa, '') || ' ' || coalesce(description_en, ''))`;

/** A poll or survey. A survey run again is a new poll with the same `seriesId` and the next `wave`. */
@ObjectType('Poll', { description: 'A poll or survey. Text fields follow the request language.' })
@Entity('poll')
// The site search's trigram indexes on search_text, and on it without spaces (migrations SiteSearch,
// SearchTextColumns, SearchJoinedWords): TypeORM cannot declare a GIN operator class, so it is told to
// leave the indexes alone.
@Index('ix_poll_search_trgm', { synchronize: false })
@Index('ix_poll_search_joined_trgm', { synchronize: false })
@Index('uq_poll_series_wave', ['seriesId', 'wave'], { unique: true })
@Index('ix_poll_created_id', ['createdAt', 'id'])
@Check('ck_poll_schedule', '"closes_at" IS NULL OR "opens_at" IS NULL OR "closes_at" > "opens_at"')
@Check('ck_poll_wave', '"wave" >= 1')
@Check('ck_poll_min_responses', '"min_responses" BETWEEN 5 AND 1000')
export class Poll extends BilingualTextColumns(300) {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: PollState, enumName: 'poll_state', default: PollState.DRAFT })
  state: PollState;

  @Field(() => Date, { nullable: true, description: 'When the poll opens; open on publishing when null.' })
  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the poll closes by itself; open until closed by hand when null.' })
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  /** When it was closed by hand (or reached closes_at while published): "recently closed" lists use it. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => ResultsVisibility, { description: 'Who may read the results.' })
  @Column({
    name: 'results_visibility',
    type: 'enum',
    enum: ResultsVisibility,
    enumName: 'poll_results_visibility',
    default: ResultsVisibility.PUBLIC,
  })
  resultsVisibility: ResultsVisibility;

  /** Whether respondents are asked which district they live in (the district dimension). */
  @Field({ description: 'Whether respondents say which district they live in (`districtId` in the response).' })
  @Column({ name: 'asks_district', type: 'boolean', default: false })
  asksDistrict: boolean;

  /** Districts the poll is limited to; empty means the whole city. */
  @Column({ name: 'district_ids', type: 'uuid', array: true, default: () => "'{}'" })
  districtIds: string[];

  @Field(() => ID, { description: 'Shared by every wave of the same survey.' })
  @Index('ix_poll_series')
  @Column({ name: 'series_id', type: 'uuid' })
  seriesId: string;

  @Field(() => Int, { description: 'Which run of the survey this is, from 1.' })
  @Column({ type: 'int', default: 1 })
  wave: number;

  @OneToMany(() => PollQuestion, (q) => q.poll)
  questions?: PollQuestion[];

  @Field(() => Int, {
    description:
      "Disclosure control: a question's results (and a district's row of a breakdown) are shown only once at least this many answered it; until then they are withheld and `responsesNeeded` says how many more are needed. 5 to 1000, 10 by default.",
  })
  @Column({ name: 'min_responses', type: 'smallint', default: 10 })
  minResponses: number;

  @Field(() => PollAssurance, { description: 'What a respondent must prove before answering; every response records what it proved.' })
  @Column({ type: 'enum', enum: PollAssurance, enumName: 'poll_assurance', default: PollAssurance.OPEN })
  assurance: PollAssurance;

  /** RESIDENT_LIST polls: the list whose identifiers may answer (one list may serve several polls). */
  @Column({ name: 'eligibility_list_id', type: 'uuid', nullable: true })
  eligibilityListId: string | null;

  @ManyToOne(() => EligibilityList, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eligibility_list_id', foreignKeyConstraintName: 'fk_poll_eligibility_list' })
  eligibilityList?: EligibilityList;

  /** The site search's normalised text (title and description, both languages). */
  @GeneratedTextColumn('search_text', POLL_SEARCH_EXPRESSION)
  searchText?: string;

  @CreatedAtColumn('When the poll was created.')
  createdAt: Date;

  @UpdatedAtColumn('When the poll was last changed.')
  updatedAt: Date;
}

@ObjectType('PollQuestion', { description: 'A question of a poll. Text fields follow the request language.' })
@Entity('poll_question')
@Index('uq_poll_question_position', ['pollId', 'position'], { unique: true })
@Check('ck_poll_question_max_choices', '"max_choices" IS NULL OR "max_choices" >= 1')
@Check('ck_poll_question_max_length', '"max_length" IS NULL OR "max_length" BETWEEN 1 AND 5000')
export class PollQuestion {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'poll_id', type: 'uuid' })
  pollId: string;

  @ManyToOne(() => Poll, (p) => p.questions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_question_poll' })
  poll?: Poll;

  @Field(() => Int, { description: 'Order within the poll, from 1.' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => QuestionKind, { description: 'How the question is answered.' })
  @Column({ type: 'enum', enum: QuestionKind, enumName: 'poll_question_kind' })
  kind: QuestionKind;

  @Column({ name: 'prompt_fa', type: 'varchar', length: 500 })
  promptFa: string;

  @Column({ name: 'prompt_en', type: 'varchar', length: 500, nullable: true })
  promptEn: string | null;

  @Field({ description: 'Whether a response must answer it.' })
  @Column({ type: 'boolean', default: true })
  required: boolean;

  @Field(() => Int, { nullable: true, description: 'MULTIPLE_CHOICE: the most options one may pick (all when null).' })
  @Column({ name: 'max_choices', type: 'int', nullable: true })
  maxChoices: number | null;

  @Field(() => Int, { nullable: true, description: 'FREE_TEXT: the longest answer, in characters.' })
  @Column({ name: 'max_length', type: 'int', nullable: true })
  maxLength: number | null;
}

@ObjectType('PollOption', { description: 'An answer option of a choice question. Text fields follow the request language.' })
@Entity('poll_option')
@Index('uq_poll_option_position', ['questionId', 'position'], { unique: true })
export class PollOption {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @ManyToOne(() => PollQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'fk_poll_option_question' })
  question?: PollQuestion;

  @Field(() => Int, { description: 'Order within the question, from 1.' })
  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'label_fa', type: 'varchar', length: 300 })
  labelFa: string;

  @Column({ name: 'label_en', type: 'varchar', length: 300, nullable: true })
  labelEn: string | null;
}

/**
 * Who took part: a keyed hash of the respondent token, per poll. Deliberately no timestamp and no
 * reference to the response, so what someone answered cannot be joined back to them.
 */
@Entity('poll_participation')
@Index('ix_poll_participation_unsettled', ['pollId'], { where: '"mix_state" <> 0' })
export class PollParticipation {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_participation' })
  pollId: string;

  @PrimaryColumn({ name: 'respondent_key', type: 'bytea', primaryKeyConstraintName: 'pk_poll_participation' })
  respondentKey: Buffer;

  /** Where the row is in its poll's pool (MixState): its arrival order is rewritten away by the mover. */
  @Column({ name: 'mix_state', type: 'smallint', default: 1 })
  mixState: number;

  // No foreign key (migration 1765100000000): written only joined to the open poll; a poll with responses cannot be deleted.
  @ManyToOne(() => Poll, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'poll_id' })
  poll?: Poll;
}

/** What was answered, without who: a random id, the district, and the hour it arrived. */
@Entity('poll_response')
@Index('ix_poll_response_poll_time', ['pollId', 'submittedAt'])
@Index('ix_poll_response_cluster', ['pollId', 'clusterKey'], { where: '"cluster_key" IS NOT NULL' })
// The keyed responses stored lately, whose clusters eraseSmallClusters looks at after its first run.
@Index('ix_poll_response_cluster_time', ['submittedAt'], { where: '"cluster_key" IS NOT NULL' })
@Index('ix_poll_response_quarantined', ['pollId'], { where: '"quarantined"' })
export class PollResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'poll_id', type: 'uuid' })
  pollId: string;

  // No foreign key (migration 1765100000000): written only joined to the open poll; a poll with responses cannot be deleted.
  @ManyToOne(() => Poll, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'poll_id' })
  poll?: Poll;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  /**
   * The hour the response left the answer mix (the same for its whole shuffled batch): enough for
   * daily trends, and no finer than the batch, so it cannot order the batch's answers.
   */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** What the response proved (a challenge solved, a phone verified, an eligibility list). */
  @Column({ type: 'enum', enum: ResponseAssurance, enumName: 'response_assurance', default: ResponseAssurance.UNCHALLENGED })
  assurance: ResponseAssurance;

  /**
   * The abuse-signal cluster it came from (a keyed hash of network prefix and browser family under
   * the day's salt); taken off again (null) when the cluster stays under 5 answers of the poll in
   * its window (AbuseSignals.eraseSmallClusters).
   */
  @Column({ name: 'cluster_key', type: 'bytea', nullable: true })
  clusterKey: Buffer | null;

  /** Held out of every result by a staff quarantine (reversible); still stored. */
  @Column({ type: 'boolean', default: false })
  quarantined: boolean;
}

@Entity('poll_answer')
// Lean rows for the hot write path: no per-row foreign keys (the submission statement checks and
// joins them; statement-level triggers handle deletes) — see migration 1765100000000-LeanPollSubmissions.
@Index('ix_poll_answer_text', ['questionId'], { where: '"text" IS NOT NULL' })
@Check('ck_poll_answer_one_value', '(("option_id" IS NOT NULL)::int + ("number" IS NOT NULL)::int + ("text" IS NOT NULL)::int) = 1')
export class PollAnswer {
  @PrimaryColumn({ name: 'response_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_answer' })
  responseId: string;

  /** Numbers the rows of one response, 1, 2, … (a multiple choice is one row per option picked); never an order across responses. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_poll_answer' })
  seq: number;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @Column({ name: 'option_id', type: 'uuid', nullable: true })
  optionId: string | null;

  @Column({ type: 'smallint', nullable: true })
  number: number | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;
}
