import { type Viewer } from '../staff/staff.policy';
import { PollStatus, QuestionKind, ResultsVisibility } from '../polls/poll.enums';
import { GoalIndicatorDirection, GoalIndicatorMetric, METRIC_RANGE } from './goal-indicator.enums';

/** Which question kinds each metric can read. */
export const METRIC_KINDS: Record<GoalIndicatorMetric, QuestionKind[]> = {
  [GoalIndicatorMetric.OPTION_SHARE]: [QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE],
  [GoalIndicatorMetric.RATING_MEAN]: [QuestionKind.RATING],
  [GoalIndicatorMetric.NPS_SCORE]: [QuestionKind.NPS],
};

/**
 * An indicator's value is a poll result. Staff read it always; anyone else only when the poll is
 * published and its results are PUBLIC. AFTER_RESPONSE results stay hidden here even from someone
 * who answered: a goal page is not the place a respondent proves it (use `pollResults` for that).
 */
export function canReadIndicatorValue(viewer: Viewer | null, poll: { status: PollStatus; resultsVisibility: ResultsVisibility }): boolean {
  if (viewer) return true;
  return poll.status !== PollStatus.DRAFT && poll.resultsVisibility === ResultsVisibility.PUBLIC;
}

export function targetInRange(metric: GoalIndicatorMetric, target: number): boolean {
  const { min, max } = METRIC_RANGE[metric];
  return Number.isFinite(target) && target >= min && target <= max;
}

/** Float results (NPS is a percentage of a ratio) may miss a target by a rounding error: 0.7 × 100 = 70.00000000000001. */
const EPSILON = 1e-9;

/** Whether a value meets its target; null without a value. */
export function isOnTarget(value: number | null, target: number, direction: GoalIndicatorDirection): boolean | null {
  if (value === null) return null;
  return direction === GoalIndicatorDirection.AT_LEAST ? value >= target - EPSILON : value <= target + EPSILON;
}
