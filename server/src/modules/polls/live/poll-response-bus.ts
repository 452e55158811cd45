import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { type Logger } from '../../../logger';

/**
 * Carries "this poll received a response" between server instances, so that live results on
 * one instance reflect responses accepted by another.
 */
export interface PollResponseBus {
  /** Tells the other instances that the poll received responses. */
  announce(pollId: string): void;
  /** Starts listening for the poll's announcements; resolves once they will be delivered. */
  watch(pollId: string): Promise<void>;
  unwatch(pollId: string): void;
  /** Sets the listener for announcements from other instances (never this one's own). */
  onAnnouncement(listener: (pollId: string) => void): void;
  close(): Promise<void>;
}

/**
 * Redis pub/sub, one channel per poll (`<prefix>poll-responses:<pollId>`), so an instance only
 * hears about the polls its clients follow. A message carries the sender's instance id, which
 * lets an instance ignore the echo of its own announcements. Pub/sub keeps nothing: an instance
 * that is disconnected misses announcements, and its subscribers get the next update instead.
 */
export class RedisPollResponseBus implements PollResponseBus {
  private readonly instanceId = randomUUID();
  private readonly subscriber: Redis;
  private listener: (pollId: string) => void = () => undefined;

  constructor(
    private readonly publisher: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    // A connection in subscriber mode can run no other command, so it is a connection of its own.
    this.subscriber = publisher.duplicate();
    this.subscriber.on('error', (err) => this.log.warn({ err }, 'live results: Redis subscriber connection failed'));
    this.subscriber.on('message', (channel: string, sender: string) => {
      if (sender === this.instanceId || !channel.startsWith(this.channelPrefix)) return;
      this.listener(channel.slice(this.channelPrefix.length));
    });
  }

  private get channelPrefix(): string {
    return `${this.prefix}poll-responses:`;
  }

  announce(pollId: string): void {
    this.publisher
      .publish(this.channelPrefix + pollId, this.instanceId)
      .catch((err) => this.log.warn({ err, pollId }, 'live results: publishing to Redis failed'));
  }

  async watch(pollId: string): Promise<void> {
    await this.subscriber.subscribe(this.channelPrefix + pollId);
  }

  unwatch(pollId: string): void {
    this.subscriber
      .unsubscribe(this.channelPrefix + pollId)
      .catch((err) => this.log.warn({ err, pollId }, 'live results: unsubscribing from Redis failed'));
  }

  onAnnouncement(listener: (pollId: string) => void): void {
    this.listener = listener;
  }

  async close(): Promise<void> {
    if (this.subscriber.status === 'ready') await this.subscriber.quit().catch(() => this.subscriber.disconnect());
    else this.subscriber.disconnect();
  }
}
