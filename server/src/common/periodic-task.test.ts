import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs on its timer, skips the ticks while a run is in flight, and stop() waits for that run', async () => {
    let finish: () => void = () => undefined;
    const run = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const task = new PeriodicTask(run, () => undefined);
    task.start(100);
    task.start(100); // a second start adds no second timer
    jest.advanceTimersByTime(350);
    expect(run).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('hands a failed run to onError and runs again at the next tick', async () => {
    const errors: unknown[] = [];
    const run = jest.fn().mockRejectedValueOnce(new Error('database unreachable')).mockResolvedValue(undefined);
    const task = new PeriodicTask(run, (err) => errors.push(err));
    task.start(100);
    await jest.advanceTimersByTimeAsync(100);
    expect(errors).toEqual([new Error('database unreachable')]);
    await jest.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    await task.stop();
  });
});
