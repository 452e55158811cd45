import { type PollResults } from '../polls/poll.types';
import { type GoalIndicator } from './goal-indicator.entity';
import { GoalIndicatorMetric } from './goal-indicator.enums';
import { METRIC_KINDS } from './goal-indicator.policy';
import { QuestionKind } from '../polls/poll.enums';

export interface IndicatorReading {
  /** The metric's value now; null while nobody has answered the question. */
  value: number | null;
  /** Responses that answered the question: what the value is computed from. */
  responseCount: number;
  /** Disclosure control: the value is withheld (null) because the question has too few answers or the figure is suppressed. */
  withheld: boolean;
  /** Answers still needed before the question's results (and so the value) are shown; 0 once they are. */
  responsesNeeded: number;
}

/**
 * Reads an indicator from its poll's results. A question that has since left the poll, or changed
 * to a kind the metric cannot read, reads as no value rather than a wrong one; so do options no
 * longer in the question, and several options of a question no longer SINGLE_CHOICE (their shares
 * overlap).
 */
export function readIndicator(
  indicator: Pick<GoalIndicator, 'metric' | 'questionId' | 'optionIds'>,
  results: PollResults,
): IndicatorReading {
  const question = results.questions.find((q) => q.question.id === indicator.questionId);
  if (!question || !METRIC_KINDS[indicator.metric].includes(question.question.kind))
    return { value: null, responseCount: 0, withheld: false, responsesNeeded: 0 };
  const responseCount = question.answeredCount;
  // The results are already disclosure-controlled (poll-disclosure.ts): a withheld figure is null or flagged.
  const read = (value: number | null, suppressed: boolean) => {
    const withheld = question.withheld || suppressed;
    return {
      value: withheld ? null : value,
      responseCount,
      withheld: withheld && responseCount > 0,
      responsesNeeded: question.responsesNeeded,
    };
  };
  switch (indicator.metric) {
    case GoalIndicatorMetric.OPTION_SHARE: {
      const options = indicator.optionIds.map((id) => question.options.find((o) => o.option.id === id));
      const summable = indicator.optionIds.length === 1 || question.question.kind === QuestionKind.SINGLE_CHOICE;
      if (!options.length || !summable || options.some((o) => !o)) return read(null, false);
      const counted = options as NonNullable<(typeof options)[number]>[];
      // One suppressed option withholds the sum: the sum less the options shown would reveal it.
      const suppressed = counted.some((o) => o.suppressed);
      // The counts' sum over the answered, as one share is computed: adding shares would add their float errors.
      const count = counted.reduce((sum, o) => sum + o.count, 0);
      return read(responseCount ? count / responseCount : null, suppressed);
    }
    case GoalIndicatorMetric.RATING_MEAN:
      return read(question.rating?.mean ?? null, question.rating?.suppressed ?? false);
    case GoalIndicatorMetric.NPS_SCORE:
      return read(question.nps?.score ?? null, question.nps?.score === null && (question.nps?.suppressed ?? false));
  }
}
