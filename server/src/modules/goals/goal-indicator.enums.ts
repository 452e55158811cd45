import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

export const GoalIndicatorMetric = graphqlEnum('GoalIndicatorMetric', "What an indicator reads from a poll's results.", {
  OPTION_SHARE:
    "The share of the responses that answered a SINGLE_CHOICE or MULTIPLE_CHOICE question that picked the indicator's option, as a fraction from 0 to 1 (0.65 means 65 %). On a SINGLE_CHOICE question it may count several options: their shares added up.",
  RATING_MEAN: 'The mean answer to a RATING question, from 1 to 5.',
  NPS_SCORE: 'The Net Promoter Score of an NPS question: % promoters − % detractors, from −100 to 100.',
});
export type GoalIndicatorMetric = EnumValue<typeof GoalIndicatorMetric>;

export const GoalIndicatorDirection = graphqlEnum('GoalIndicatorDirection', 'Which side of the target is good.', {
  AT_LEAST: 'On target when the value is at least the target.',
  AT_MOST: 'On target when the value is at most the target.',
});
export type GoalIndicatorDirection = EnumValue<typeof GoalIndicatorDirection>;

/** The range a target (and the value) of each metric lies in. */
export const METRIC_RANGE: Record<GoalIndicatorMetric, { min: number; max: number }> = {
  [GoalIndicatorMetric.OPTION_SHARE]: { min: 0, max: 1 },
  [GoalIndicatorMetric.RATING_MEAN]: { min: 1, max: 5 },
  [GoalIndicatorMetric.NPS_SCORE]: { min: -100, max: 100 },
};
