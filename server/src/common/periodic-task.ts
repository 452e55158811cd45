/**
 * Background work on a timer: `run` every `intervalMs`, one run at a time (a tick that finds the
 * previous run still going is skipped, so slow runs never pile up). The timer never keeps the
 * process alive, and a failed run goes to `onError` (a rejection left unhandled would end the
 * process the first time the database is unreachable). `stop()` ends the timer and waits for the
 * run in flight; `start()` again after it starts a new timer.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts the timer; a second call while it runs changes nothing. */
  start(intervalMs: number): void {
    this.timer ??= setInterval(() => {
      if (this.running) return;
      this.running = this.run()
        .catch(this.onError)
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
