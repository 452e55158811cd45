import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { AppError } from '../../../common/errors';
import { Public } from '../../../graphql/access';
import { type Context } from '../../../graphql/context';
import { type Poll } from '../poll.entity';
import { PollResults } from '../poll.types';
import { type LiveResultsEvent } from './poll-live.service';

/**
 * Checks access exactly as the `pollResults` query does, then follows the poll. Each update is
 * checked again when the poll's results visibility has changed since the last check (staff may
 * narrow it while a citizen is watching), and a refusal ends the subscription with its error.
 */
async function followResults(ctx: Context, pollId: string): Promise<AsyncIterableIterator<LiveResultsEvent>> {
  const { polls, pollSubmissions, pollLive } = ctx.services;
  const poll = polls.visibleOrNotFound(ctx.viewer, await ctx.loaders.pollById.load(pollId));
  const token = ctx.respondentCookie.token;
  await pollSubmissions.assertMayReadResults(ctx.viewer, poll, token);

  let checked: Pick<Poll, 'resultsVisibility' | 'state'> = poll;
  return pollLive.follow(poll.id, async (results) => {
    const current = results.poll;
    if (current.resultsVisibility === checked.resultsVisibility && current.state === checked.state) return null;
    try {
      polls.visibleOrNotFound(ctx.viewer, current);
      await pollSubmissions.assertMayReadResults(ctx.viewer, current, token);
      checked = current;
      return null;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
  });
}

@Resolver()
export class PollLiveResolver {
  @Public()
  @Subscription(() => PollResults, {
    description:
      'A poll\'s results as they change: the current results at once, then again as responses arrive, at most about four times a second (the last response is always included). Access as for `pollResults`: PUBLIC to anyone, AFTER_RESPONSE to staff and to a respondent who answered (connection parameter `respondentToken` or the respondent cookie), STAFF_ONLY to staff (connection parameter `authorization` or the session cookie). Otherwise the subscription ends at once with FORBIDDEN, or NOT_FOUND for a poll the caller may not see. Served over WebSocket (graphql-transport-ws) at /graphql.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { pollId: string }, Context>) => followResults(context, args.pollId),
  })
  pollResultsUpdated(
    @Root() event: LiveResultsEvent,
    @Arg('pollId', () => ID, { description: 'The poll to follow.' }) _pollId: string,
  ): PollResults {
    if ('revoked' in event) throw event.revoked;
    return event.results;
  }
}
