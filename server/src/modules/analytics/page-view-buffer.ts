import { type DataSource } from 'typeorm';
import { type Logger } from '../../logger';
import { type PageView, writePageViews } from './page-view-writer';

export interface BufferSettings {
  /** Buffered page views are written at least this often. */
  flushMs: number;
  /** …and as soon as this many are waiting. */
  flushRows: number;
  /** Most page views one write carries. */
  batchRows: number;
  /** Page views held while the database cannot be reached; past this, beacons are refused. */
  maxBuffered: number;
}

export const DEFAULT_BUFFER: Omit<BufferSettings, 'flushMs'> = { flushRows: 5_000, batchRows: 10_000, maxBuffered: 200_000 };

/**
 * Page views wait here, in memory, and are written in batches (one transaction each, see
 * page-view-writer.ts) every `flushMs` or every `flushRows`. A failed write puts its batch back
 * and is tried again at the next interval. `stop()` writes everything before it resolves: a
 * graceful shutdown loses nothing; a crash loses what was still waiting (about `flushMs` of traffic).
 */
export class PageViewBuffer {
  private views: PageView[] = [];
  private timer?: NodeJS.Timeout;
  private tail: Promise<unknown> = Promise.resolve();
  private busy = false;
  private retryAt = 0;

  constructor(
    private readonly db: DataSource,
    private readonly log: Logger,
    private readonly settings: BufferSettings,
    /** Called after each batch is committed. */
    private readonly onWritten: () => void = () => undefined,
  ) {}

  /** Page views waiting to be written. */
  get size(): number {
    return this.views.length;
  }

  /** False when the buffer is full (the database has been unreachable for a while). */
  push(view: PageView): boolean {
    if (this.views.length >= this.settings.maxBuffered) return false;
    this.views.push(view);
    if (this.views.length >= this.settings.flushRows && !this.busy && Date.now() >= this.retryAt) this.background();
    return true;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.views.length && !this.busy) this.background();
    }, this.settings.flushMs);
    this.timer.unref();
  }

  /** Stops the timer and writes everything still waiting (retrying a few times if the database hiccups). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.flush();
        return;
      } catch (err) {
        if (attempt >= 5) {
          this.log.error({ err, lost: this.views.length }, 'analytics: page views could not be written at shutdown');
          throw err;
        }
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }

  /** Writes every page view pushed so far; resolves to how many were written. */
  flush(): Promise<number> {
    const run = this.tail.then(() => this.drain());
    this.tail = run.catch(() => undefined);
    return run;
  }

  private background(): void {
    this.flush().catch((err) => {
      this.retryAt = Date.now() + this.settings.flushMs;
      this.log.error({ err, waiting: this.views.length }, 'analytics: writing page views failed; will retry');
    });
  }

  /**
   * Writes the page views waiting when it starts (those arriving meanwhile wait for the next
   * flush: writing them at once would turn a busy buffer into a stream of small transactions).
   */
  private async drain(): Promise<number> {
    this.busy = true;
    let written = 0;
    let due = this.views.length;
    try {
      while (due > 0) {
        const batch = this.views.splice(0, Math.min(due, this.settings.batchRows));
        due -= batch.length;
        try {
          await writePageViews(this.db, batch);
        } catch (err) {
          // Nothing of the batch was committed: put it back, in order, ahead of newer views.
          this.views = batch.concat(this.views);
          throw err;
        }
        written += batch.length;
        this.onWritten();
      }
      return written;
    } finally {
      this.busy = false;
    }
  }
}
