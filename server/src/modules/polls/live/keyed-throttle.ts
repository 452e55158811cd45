/**
 * Runs `run(key)` at most once per `intervalMs` for each key, on both edges: the first trigger runs
 * at once, and triggers that arrive while a run or its interval is under way are folded into one
 * more run when the interval ends, so the last trigger is always followed by a run. A run that
 * takes longer than the interval delays the next one: runs for one key never overlap.
 */
export class KeyedThrottle {
  private readonly windows = new Map<string, { again: boolean; timer: NodeJS.Timeout }>();
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: string) => Promise<void>,
    private readonly onError: (err: unknown, key: string) => void,
  ) {}

  trigger(key: string): void {
    if (this.closed) return;
    const window = this.windows.get(key);
    if (window) window.again = true;
    else this.open(key);
  }

  /** Keys with a run or an interval under way. */
  get active(): number {
    return this.windows.size;
  }

  close(): void {
    this.closed = true;
    for (const window of this.windows.values()) clearTimeout(window.timer);
    this.windows.clear();
  }

  private open(key: string): void {
    const running = this.run(key).catch((err) => this.onError(err, key));
    const window = {
      again: false,
      timer: setTimeout(() => {
        void running.finally(() => {
          if (this.windows.get(key) !== window) return; // closed meanwhile
          this.windows.delete(key);
          if (window.again) this.open(key);
        });
      }, this.intervalMs),
    };
    this.windows.set(key, window);
  }
}
