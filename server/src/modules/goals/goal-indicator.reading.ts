import { type PollResults } from '../polls/poll.types';
import { type GoalIndicator } from './goal-indicator.entity';
import { GoalIndicatorMetric } from './goal-indicator.enums';
import { METRIC_KINDS } from './goal-indicator.policy';

export interface IndicatorReading {
  /** The metric's value now; null while nobody has answered the question. */
  value: number | null;
  /** Responses that answered the question: what the value is computed from. */
  responseCount: number;
}

/**
 * Reads an indicator from its poll's results. A question that has since left the poll, or changed
 * to a kind the metric cannot read, reads as no value rather than a wrong one.
 */
export function readIndicator(indicator: Pick<GoalIndicator, 'metric' | 'questionId' | 'optionId'>, results: PollResults): IndicatorReading {
  const question = results.questions.find((q) => q.question.id === indicator.questionId);
  if (!question || !METRIC_KINDS[indicator.metric].includes(question.question.kind)) return { value: null, responseCount: 0 };
  const responseCount = question.answeredCount;
  switch (indicator.metric) {
    case GoalIndicatorMetric.OPTION_SHARE: {
      const option = question.options.find((o) => o.option.id === indicator.optionId);
      return { value: option && responseCount ? option.share : null, responseCount };
    }
    case GoalIndicatorMetric.RATING_MEAN:
      return { value: question.rating?.mean ?? null, responseCount };
    case GoalIndicatorMetric.NPS_SCORE:
      return { value: question.nps?.score ?? null, responseCount };
  }
}
