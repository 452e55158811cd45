import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { AppError, ErrorCode } from '../../../common/errors';
import { Public } from '../../../graphql/access';
import { type Context } from '../../../graphql/context';
import { type Poll } from '../poll.entity';
import { PollResults } from '../poll.types';
import { type LiveResultsEvent } from './poll-live.service';

/**
 * Checks access exactly as the `pollResults` query does, then follows the poll. Each update is
 * checked again when the poll's results visibility has changed since the last check (staff may
 * narrow it while a citizen is watching), and a refusal ends the subscription with its error.
 * A subscription opened with a staff session asks for that session before every update: once it
 * is signed out, expired or its account deactivated, the subscription ends with UNAUTHENTICATED.
 */
async function followResults(ctx: Context, pollId: string): Promise<AsyncIterableIterator<LiveResultsEvent>> {
  const { polls, pollResultsAccess, pollLive } = ctx.services;
  const poll = polls.visibleOrNotFound(ctx.viewer, await ctx.loaders.pollById.load(pollId));
  const token = ctx.respondentCookie.token;
  await pollResultsAccess.assertMayReadResults(ctx.viewer, poll, token);

  const session = ctx.viewer ? ctx.currentViewer : undefined;
  let checked: Pick<Poll, 'resultsVisibility' | 'state'> = poll;
  let viewer = ctx.viewer;
  return pollLive.follow(poll.id, async (results) => {
    const current = results.poll;
    const now = session ? await session() : viewer;
    if (session && !now)
      return new AppError(
        ErrorCode.UNAUTHENTICATED,
        'The session has ended (signed out, expired or the account deactivated). Sign in again to follow these results.',
      );
    if (current.resultsVisibility === checked.resultsVisibility && current.state === checked.state && now?.role === viewer?.role)
      return null;
    try {
      polls.visibleOrNotFound(now, current);
      await pollResultsAccess.assertMayReadResults(now, current, token);
      checked = current;
      viewer = now;
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
      "A poll's results as they change: the current results at once, then again as responses arrive, at most about four times a second (the last response is always included). Access as for `pollResults`: PUBLIC to anyone, AFTER_RESPONSE to staff and to a respondent who answered (connection parameter `respondentToken` or the respondent cookie), STAFF_ONLY to staff (connection parameter `authorization` or the session cookie). Otherwise the subscription ends at once with FORBIDDEN, or NOT_FOUND for a poll the caller may not see. Served over WebSocket (graphql-transport-ws) at /graphql.",
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
