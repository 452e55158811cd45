import { MAX_ATTEMPTS, retryDelayMs } from './webhook-retry';

describe('retry schedule', () => {
  it('waits 30 s, 2 min, 10 min, 1 h, 6 h, 12 h, 12 h between the 8 attempts, then gives up', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1, 30_000, 0));
    expect(delays).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000, 43_200_000, null]);
  });

  it('scales with the base (tests use milliseconds) and adds at most 10 % jitter', () => {
    expect(retryDelayMs(1, 10, 0)).toBe(10);
    expect(retryDelayMs(2, 10, 0.999)).toBeLessThanOrEqual(44);
    expect(retryDelayMs(2, 10, 0.999)).toBeGreaterThanOrEqual(40);
  });
});
