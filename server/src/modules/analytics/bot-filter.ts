import { isbot } from 'isbot';

/**
 * Bots by user agent, with the `isbot` library's maintained pattern list. Answers are cached: a
 * site sees far fewer distinct user agents than page views. The cache is bounded and emptied when
 * full (a flood of made-up user agents costs a regular-expression test each, nothing more).
 */
export class BotFilter {
  private readonly cache = new Map<string, boolean>();

  constructor(private readonly maxEntries = 10_000) {}

  /** True for a crawler, a monitor, an HTTP library, or a request without a user agent. */
  isBot(userAgent: string | undefined): boolean {
    if (!userAgent) return true;
    const known = this.cache.get(userAgent);
    if (known !== undefined) return known;
    const bot = isbot(userAgent);
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(userAgent, bot);
    return bot;
  }
}
