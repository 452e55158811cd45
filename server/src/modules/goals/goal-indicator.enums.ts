import { registerEnumType } from 'type-graphql';

export enum GoalIndicatorMetric {
  OPTION_SHARE = 'OPTION_SHARE',
  RATING_MEAN = 'RATING_MEAN',
  NPS_SCORE = 'NPS_SCORE',
}
registerEnumType(GoalIndicatorMetric, {
  name: 'GoalIndicatorMetric',
  description: "What an indicator reads from a poll's results.",
  valuesConfig: {
    OPTION_SHARE: {
      description:
        'The share of the responses that answered a SINGLE_CHOICE or MULTIPLE_CHOICE question that picked one option, as a fraction from 0 to 1 (0.65 means 65 %).',
    },
    RATING_MEAN: { description: 'The mean answer to a RATING question, from 1 to 5.' },
    NPS_SCORE: { description: 'The Net Promoter Score of an NPS question: % promoters − % detractors, from −100 to 100.' },
  },
});

export enum GoalIndicatorDirection {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
}
registerEnumType(GoalIndicatorDirection, {
  name: 'GoalIndicatorDirection',
  description: 'Which side of the target is good.',
  valuesConfig: {
    AT_LEAST: { description: 'On target when the value is at least the target.' },
    AT_MOST: { description: 'On target when the value is at most the target.' },
  },
});

/** The range a target (and the value) of each metric lies in. */
export const METRIC_RANGE: Record<GoalIndicatorMetric, { min: number; max: number }> = {
  [GoalIndicatorMetric.OPTION_SHARE]: { min: 0, max: 1 },
  [GoalIndicatorMetric.RATING_MEAN]: { min: 1, max: 5 },
  [GoalIndicatorMetric.NPS_SCORE]: { min: -100, max: 100 },
};
