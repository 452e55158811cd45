import DataLoader from 'dataloader';
import { AppError, ErrorCode } from '../../common/errors';
import { type PollResults } from '../polls/poll.types';
import { type Services } from '../../services';
import { type GoalIndicator } from './goal-indicator.entity';

/**
 * Request-scoped loaders for `goals { indicators { currentValue } }`: one query for the indicators
 * of every goal on the page, and each poll's results read once however many indicators use it.
 */
export function createGoalIndicatorLoaders(services: Services) {
  return {
    goalIndicatorsByGoalId: new DataLoader<string, GoalIndicator[]>((ids) => services.goalIndicators.byGoalIds(ids)),
    indicatorPollResultsByPollId: new DataLoader<string, PollResults | null>((ids) =>
      Promise.all(
        ids.map((id) =>
          services.pollResults
            .results(id)
            .catch((err: unknown) => (err instanceof AppError && err.extensions.code === ErrorCode.NOT_FOUND ? null : (err as Error))),
        ),
      ),
    ),
  };
}
