import { KeyedThrottle } from './keyed-throttle';

// Fake timers: the test moves the clock (timers and Date.now) instead of waiting for it.
const sleep = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('KeyedThrottle', () => {
  let throttle: KeyedThrottle;
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    throttle.close();
    jest.useRealTimers();
  });

  /** Sets `throttle` to one whose runs only count themselves; returns the count. */
  const countingThrottle = (intervalMs: number) => {
    const runs = { count: 0 };
    throttle = new KeyedThrottle(
      intervalMs,
      async () => void runs.count++,
      () => undefined,
    );
    return runs;
  };

  it('runs the first trigger at once and folds a burst into one trailing run', async () => {
    const runs: number[] = [];
    const started = Date.now();
    throttle = new KeyedThrottle(
      50,
      async () => void runs.push(Date.now() - started),
      () => undefined,
    );
    for (let i = 0; i < 10; i++) throttle.trigger('poll');
    expect(runs).toHaveLength(1);
    await sleep(150);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBeGreaterThanOrEqual(45);
    await sleep(80);
    expect(runs).toHaveLength(2);
    expect(throttle.active).toBe(0);
  });

  it('does not run again after the interval when nothing was triggered meanwhile', async () => {
    const runs = countingThrottle(20);
    throttle.trigger('poll');
    await sleep(60);
    expect(runs.count).toBe(1);
  });

  it('throttles each key on its own', async () => {
    const runs: string[] = [];
    throttle = new KeyedThrottle(
      50,
      async (key) => void runs.push(key),
      () => undefined,
    );
    throttle.trigger('a');
    throttle.trigger('b');
    throttle.trigger('a');
    expect(runs).toEqual(['a', 'b']);
    await sleep(100);
    expect(runs).toEqual(['a', 'b', 'a']);
  });

  it('never overlaps runs of one key: a slow run delays the trailing one', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    throttle = new KeyedThrottle(
      10,
      async () => {
        runs++;
        overlapped ||= running > 0;
        running++;
        await sleep(60);
        running--;
      },
      () => undefined,
    );
    throttle.trigger('poll');
    await sleep(20);
    throttle.trigger('poll');
    await sleep(150);
    expect(runs).toBe(2);
    expect(overlapped).toBe(false);
  });

  it('reports a failed run and keeps throttling', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    throttle = new KeyedThrottle(
      20,
      async () => {
        runs++;
        throw new Error('database down');
      },
      (err) => errors.push(err),
    );
    throttle.trigger('poll');
    throttle.trigger('poll');
    await sleep(70);
    expect(runs).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('runs nothing more once closed', async () => {
    const runs = countingThrottle(20);
    throttle.trigger('poll');
    throttle.trigger('poll');
    throttle.close();
    throttle.trigger('poll');
    await sleep(60);
    expect(runs.count).toBe(1);
  });
});
