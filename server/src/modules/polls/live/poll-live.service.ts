import { type AppError } from '../../../common/errors';
import { type Logger } from '../../../logger';
import { type PollEvents } from '../poll-events';
import { type PollResultsService } from '../poll-results.service';
import { type PollResults } from '../poll.types';
import { KeyedThrottle } from './keyed-throttle';
import { LatestValueChannel } from './latest-value-channel';
import { type PollResponseBus } from './poll-response-bus';

/** What a subscriber receives: the poll's results, or the reason it may no longer follow them (the last event). */
export type LiveResultsEvent = { results: PollResults } | { revoked: AppError };

/** Decides for one subscriber whether it may still read these results: null, or the error to end with. */
export type Admit = (results: PollResults) => Promise<AppError | null>;

export interface PollLiveOptions {
  /** At most one computation and push per poll per this many milliseconds (trailing edge included). */
  throttleMs: number;
  /** Hears about responses accepted by other instances; without it, only this instance's count. */
  bus?: PollResponseBus;
}

/** Results of one computation, stamped with the number of responses seen when it began. */
interface Computed {
  version: number;
  results: PollResults;
}

interface Follower {
  channel: LatestValueChannel<Computed>;
  /** The version last delivered: an older computation finishing late is not delivered. */
  version: number;
}

interface FollowedPoll {
  followers: Set<Follower>;
  /** Responses seen while followed. A computation that began after the last one is current. */
  version: number;
  /** Settles once announcements from other instances are heard. */
  watching: Promise<void>;
  latest?: { version: number; at: number; computed: Promise<Computed> };
}

/** A new subscriber reuses a computation this recent when no response has arrived since it began. */
const REUSE_MS = 1000;

/**
 * Live poll results. Follows only polls that someone subscribed to; when a followed poll receives
 * responses (here, or on another instance via the bus) it computes the results once, at most once
 * per `throttleMs`, and hands the same snapshot to every subscriber on this instance.
 */
export class PollLiveResults {
  private readonly followed = new Map<string, FollowedPoll>();
  private readonly pushes: KeyedThrottle;
  private readonly announcements: KeyedThrottle;
  private readonly stopListening: () => void;
  private closed = false;

  constructor(
    private readonly results: PollResultsService,
    events: PollEvents,
    private readonly log: Logger,
    private readonly options: PollLiveOptions,
  ) {
    const onError = (err: unknown, pollId: string) => this.log.error({ err, pollId }, 'live results: computing results failed');
    this.pushes = new KeyedThrottle(options.throttleMs, (pollId) => this.push(pollId), onError);
    // Announcing is throttled too: other instances need "something changed", not every response.
    this.announcements = new KeyedThrottle(
      options.throttleMs,
      async (pollId) => options.bus?.announce(pollId),
      (err, pollId) => this.log.warn({ err, pollId }, 'live results: announcing failed'),
    );
    this.stopListening = events.onResponse((pollId) => {
      if (options.bus) this.announcements.trigger(pollId);
      this.changed(pollId);
    });
    options.bus?.onAnnouncement((pollId) => this.changed(pollId));
  }

  /**
   * Follows a poll's results: the current results first, then each update. The caller checks
   * access first; `admit` re-checks it for each update, and ends the subscription when refused.
   */
  async follow(pollId: string, admit: Admit): Promise<AsyncIterableIterator<LiveResultsEvent>> {
    if (this.closed) throw new Error('live results are shut down');
    let poll = this.followed.get(pollId);
    if (!poll) {
      const watching = this.options.bus
        ?.watch(pollId)
        .catch((err) => this.log.warn({ err, pollId }, 'live results: cannot hear other instances; following this one only'));
      poll = { followers: new Set(), version: 0, watching: watching ?? Promise.resolve() };
      this.followed.set(pollId, poll);
    }
    const follower: Follower = { version: -1, channel: new LatestValueChannel(() => this.leave(pollId, follower)) };
    poll.followers.add(follower);
    try {
      // Listening before reading: a response committed after the read began is announced afterwards.
      await poll.watching;
      this.deliver(follower, await this.current(pollId, poll));
    } catch (err) {
      follower.channel.end();
      throw err;
    }
    return admitted(follower.channel, admit);
  }

  /** Polls followed on this instance and their subscribers (for logs and tests). */
  stats(): { polls: number; subscribers: number } {
    let subscribers = 0;
    for (const poll of this.followed.values()) subscribers += poll.followers.size;
    return { polls: this.followed.size, subscribers };
  }

  /** Ends every subscription and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopListening();
    this.pushes.close();
    this.announcements.close();
    for (const poll of [...this.followed.values()]) for (const follower of [...poll.followers]) follower.channel.end();
    this.followed.clear();
    await this.options.bus?.close();
  }

  private changed(pollId: string): void {
    const poll = this.followed.get(pollId);
    if (!poll) return;
    poll.version++;
    this.pushes.trigger(pollId);
  }

  private async push(pollId: string): Promise<void> {
    const poll = this.followed.get(pollId);
    if (!poll) return;
    const computed = await this.compute(pollId, poll);
    for (const follower of poll.followers) this.deliver(follower, computed);
  }

  private current(pollId: string, poll: FollowedPoll): Promise<Computed> {
    const latest = poll.latest;
    if (latest && latest.version === poll.version && Date.now() - latest.at < REUSE_MS) return latest.computed;
    return this.compute(pollId, poll);
  }

  private compute(pollId: string, poll: FollowedPoll): Promise<Computed> {
    const version = poll.version;
    const computed = this.results.results(pollId).then((results) => ({ version, results }));
    const latest = { version, at: Date.now(), computed };
    poll.latest = latest;
    computed.catch(() => {
      if (poll.latest === latest) poll.latest = undefined;
    });
    return computed;
  }

  private deliver(follower: Follower, computed: Computed): void {
    if (computed.version < follower.version) return;
    follower.version = computed.version;
    follower.channel.push(computed);
  }

  private leave(pollId: string, follower: Follower): void {
    const poll = this.followed.get(pollId);
    if (!poll?.followers.delete(follower) || poll.followers.size || this.closed) return;
    this.followed.delete(pollId);
    this.options.bus?.unwatch(pollId);
  }
}

/** One subscriber's view of the channel: each snapshot passes its access check, or ends it. */
function admitted(channel: LatestValueChannel<Computed>, admit: Admit): AsyncIterableIterator<LiveResultsEvent> {
  return {
    async next(): Promise<IteratorResult<LiveResultsEvent>> {
      const taken = await channel.next();
      if (taken.done) return { value: undefined, done: true };
      try {
        const refused = await admit(taken.value.results);
        if (!refused) return { value: { results: taken.value.results }, done: false };
        channel.end();
        return { value: { revoked: refused }, done: false };
      } catch (err) {
        channel.end();
        throw err;
      }
    },
    async return(): Promise<IteratorResult<LiveResultsEvent>> {
      await channel.return();
      return { value: undefined, done: true };
    },
    async throw(err?: unknown): Promise<IteratorResult<LiveResultsEvent>> {
      channel.end();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
