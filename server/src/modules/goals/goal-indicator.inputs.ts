import { IsOptional } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { IdInput, IdsInput, TextInput } from '../../common/validation';
import { LIMITS } from '../polls/poll.inputs';
import { GoalIndicatorDirection, GoalIndicatorMetric } from './goal-indicator.enums';

export const INDICATOR_LABEL_MAX = 200;
/** A goal is measured by a handful of indicators; more would be a dashboard, not a goal. */
export const MAX_INDICATORS_PER_GOAL = 10;

const OPTION_IDS_DESCRIPTION =
  'OPTION_SHARE: the options of that question whose shares the indicator adds up, at least one and none twice (more than one only on a SINGLE_CHOICE question: on a MULTIPLE_CHOICE one a respondent may pick several, so the shares overlap). `optionId` alone means `[optionId]`; given both, `optionId` must be the first of these.';

const TARGET_DESCRIPTION =
  "The value to reach, on the metric's scale: OPTION_SHARE a fraction from 0 to 1 (0.65 for 65 %), RATING_MEAN 1 to 5, NPS_SCORE −100 to 100.";

@InputType({ description: `A new indicator of a goal (at most ${MAX_INDICATORS_PER_GOAL} a goal).` })
export class AddGoalIndicatorInput {
  @IdInput({ description: 'The goal to measure.' })
  goalId: string;

  @TextInput({ description: `Persian label, at most ${INDICATOR_LABEL_MAX} characters.`, max: INDICATOR_LABEL_MAX })
  labelFa: string;

  @TextInput({ description: `English label, at most ${INDICATOR_LABEL_MAX} characters.`, max: INDICATOR_LABEL_MAX, optional: true })
  labelEn?: string | null;

  @Field(() => GoalIndicatorMetric, { description: "What to read from the poll's results; it must suit the question's kind." })
  metric: GoalIndicatorMetric;

  @IdInput({ description: 'The poll to read.' })
  pollId: string;

  @IdInput({
    description: 'A question of that poll: SINGLE_CHOICE or MULTIPLE_CHOICE for OPTION_SHARE, RATING for RATING_MEAN, NPS for NPS_SCORE.',
  })
  questionId: string;

  @IdInput({
    description: 'OPTION_SHARE only (and then this or optionIds is required): an option of that question, the one counted.',
    optional: true,
  })
  optionId?: string | null;

  @IdsInput({ description: OPTION_IDS_DESCRIPTION, max: LIMITS.options, optional: true })
  optionIds?: string[] | null;

  @Field(() => Float, { description: TARGET_DESCRIPTION })
  target: number;

  @Field(() => GoalIndicatorDirection, { description: 'Whether the value should be at least or at most the target.' })
  direction: GoalIndicatorDirection;
}

@InputType({
  description:
    'Changes to an indicator. Omitted fields keep their value; null clears labelEn (and optionId or optionIds, when the metric changes away from OPTION_SHARE). The result is checked as a whole, like a new indicator.',
})
export class UpdateGoalIndicatorInput {
  @IdInput({ description: 'The indicator to change.' })
  id: string;

  @TextInput({ description: 'Persian label; cannot be cleared.', max: INDICATOR_LABEL_MAX, optional: true })
  labelFa?: string | null;

  @TextInput({ description: 'English label.', max: INDICATOR_LABEL_MAX, optional: true })
  labelEn?: string | null;

  @Field(() => GoalIndicatorMetric, { nullable: true, description: 'What to read; cannot be cleared.' })
  @IsOptional()
  metric?: GoalIndicatorMetric | null;

  @IdInput({ description: 'The poll to read; cannot be cleared.', optional: true })
  pollId?: string | null;

  @IdInput({ description: 'A question of the poll; cannot be cleared.', optional: true })
  questionId?: string | null;

  @IdInput({ description: 'OPTION_SHARE: an option of the question, then the only one counted.', optional: true })
  optionId?: string | null;

  @IdsInput({ description: `${OPTION_IDS_DESCRIPTION} Replaces the options counted.`, max: LIMITS.options, optional: true })
  optionIds?: string[] | null;

  @Field(() => Float, { nullable: true, description: `${TARGET_DESCRIPTION} Cannot be cleared.` })
  @IsOptional()
  target?: number | null;

  @Field(() => GoalIndicatorDirection, { nullable: true, description: 'Which side of the target is good; cannot be cleared.' })
  @IsOptional()
  direction?: GoalIndicatorDirection | null;
}

@InputType({ description: 'The indicator to remove.' })
export class RemoveGoalIndicatorInput {
  @IdInput({ description: 'The indicator to remove.' })
  id: string;
}
