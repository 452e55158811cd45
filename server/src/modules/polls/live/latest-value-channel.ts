/**
 * An async iterator that holds only the newest value not yet taken. Live results are whole
 * snapshots, so a consumer that falls behind (a slow socket) skips to the newest one instead of
 * queueing every intermediate state in memory.
 *
 * Unlike an async generator, `return()` settles a pending `next()` at once, which is how a
 * subscription that waits for its next value is cancelled when the client goes away.
 */
export class LatestValueChannel<T> implements AsyncIterableIterator<T> {
  private held: { value: T } | null = null;
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private ended = false;

  /** `onEnd` runs once, however the channel ends (consumer's return(), or end()). */
  constructor(private readonly onEnd: () => void = () => undefined) {}

  get isEnded(): boolean {
    return this.ended;
  }

  /** Offers a value; it replaces one that was not taken yet. */
  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else {
      this.held = { value };
    }
  }

  /** Ends the channel: a pending or later `next()` reports done, after any value still held. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
    this.onEnd();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.held) {
      const { value } = this.held;
      this.held = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    if (this.waiting) return Promise.reject(new Error('LatestValueChannel: next() called again before the previous call settled'));
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.held = null;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.held = null;
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
