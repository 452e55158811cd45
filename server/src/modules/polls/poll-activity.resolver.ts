import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { StaffOnly } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { ACTIVITY_DAYS_DEFAULT, ACTIVITY_DAYS_MAX, PollActivity } from './poll-activity';
import { POLL_ANALYSTS } from './poll.policy';

@Resolver(() => PollActivity)
export class PollActivityResolver {
  @StaffOnly(...POLL_ANALYSTS)
  @Query(() => [PollActivity], {
    description: `Every open poll's day-to-day for the staff home: responses today, yesterday and by day, with its abuse signals in counts; newest poll first, at most 50. Analysts, editors and admins.`,
  })
  pollActivity(
    @Arg('days', () => Int, {
      defaultValue: ACTIVITY_DAYS_DEFAULT,
      description: `How many days of the series, today included (1 to ${ACTIVITY_DAYS_MAX}).`,
    })
    days: number,
    @Ctx() ctx: Context,
  ): Promise<PollActivity[]> {
    return ctx.services.pollActivity.openPolls(days);
  }
}
