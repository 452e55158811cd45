import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Poll, PollOption, PollQuestion } from '../polls/poll.entity';
import { Goal } from './goal.entity';
import { GoalIndicatorDirection, GoalIndicatorMetric } from './goal-indicator.enums';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/**
 * A measure of a goal read from a poll's results, with a target. The metric decides which question
 * kind it reads (checked by the service) and whether it names options and the target's range
 * (checked here too, so no row can hold a target its metric cannot reach).
 * It goes with its goal, poll, question or options: removing any of them removes the indicator (the
 * first option by its foreign key, the others by the poll service, since an array has no foreign key).
 * `option_id` stays the first of `option_ids`, for the clients that read one option.
 */
@ObjectType('GoalIndicator', {
  description: "A measure of a goal read from a poll's results, with a target. Text fields follow the request language.",
})
@Entity('goal_indicator')
@Index('ix_goal_indicator_goal', ['goalId', 'createdAt'])
@Check('ck_goal_indicator_option', `("metric" = 'OPTION_SHARE') = ("option_id" IS NOT NULL)`)
@Check('ck_goal_indicator_option_ids', `"option_id" IS NOT DISTINCT FROM "option_ids"[1] AND array_position("option_ids", NULL) IS NULL`)
@Check(
  'ck_goal_indicator_target',
  `CASE "metric" WHEN 'OPTION_SHARE' THEN "target" BETWEEN 0 AND 1 WHEN 'RATING_MEAN' THEN "target" BETWEEN 1 AND 5 ELSE "target" BETWEEN -100 AND 100 END`,
)
export class GoalIndicator {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The goal it measures.' })
  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @ManyToOne(() => Goal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'fk_goal_indicator_goal' })
  goal?: Goal;

  @Column({ name: 'label_fa', type: 'varchar', length: 200 })
  labelFa: string;

  @Column({ name: 'label_en', type: 'varchar', length: 200, nullable: true })
  labelEn: string | null;

  @Field(() => GoalIndicatorMetric, { description: "What it reads from the poll's results." })
  @Column({ type: 'enum', enum: GoalIndicatorMetric, enumName: 'goal_indicator_metric' })
  metric: GoalIndicatorMetric;

  @Index('ix_goal_indicator_poll')
  @Column({ name: 'poll_id', type: 'uuid' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_goal_indicator_poll' })
  poll?: Poll;

  @Field(() => ID, { description: 'The question of the poll it reads.' })
  @Index('ix_goal_indicator_question')
  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @ManyToOne(() => PollQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'fk_goal_indicator_question' })
  question?: PollQuestion;

  @Field(() => ID, {
    nullable: true,
    description: 'OPTION_SHARE: the first of `optionIds` (the only one, for an indicator that counts one option). Null for other metrics.',
  })
  @Index('ix_goal_indicator_option')
  @Column({ name: 'option_id', type: 'uuid', nullable: true })
  optionId: string | null;

  @ManyToOne(() => PollOption, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'option_id', foreignKeyConstraintName: 'fk_goal_indicator_option' })
  option?: PollOption;

  @Field(() => [ID], {
    description:
      'OPTION_SHARE: the options whose shares it adds up, in the order given; more than one only on a SINGLE_CHOICE question. Empty for other metrics.',
  })
  @Column({ name: 'option_ids', type: 'uuid', array: true, default: () => "'{}'" })
  optionIds: string[];

  @Field(() => Float, {
    description: "The value to reach, on the metric's scale: a share from 0 to 1, a mean rating from 1 to 5, or an NPS from −100 to 100.",
  })
  @Column({ type: 'double precision' })
  target: number;

  @Field(() => GoalIndicatorDirection, { description: 'Whether the value should be at least or at most the target.' })
  @Column({ type: 'enum', enum: GoalIndicatorDirection, enumName: 'goal_indicator_direction' })
  direction: GoalIndicatorDirection;

  @CreatedAtColumn('When the indicator was added.')
  createdAt: Date;

  @UpdatedAtColumn('When the indicator was last changed.')
  updatedAt: Date;
}
