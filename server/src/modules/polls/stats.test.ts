import { mean, meanInterval, nps, wilson } from './stats';

describe('wilson', () => {
  // Reference values computed independently (R: binom::binom.wilson / prop.test(correct = FALSE)).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [5, 10, 0.2366, 0.7634],
    [0, 20, 0, 0.1611],
    [20, 20, 0.8389, 1],
    [1, 1, 0.2065, 1],
  ])('gives the 95%% interval of %i out of %i as [%f, %f]', (x, n, low, high) => {
    const ci = wilson(x, n)!;
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('has no interval without answers', () => {
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('mean and its interval', () => {
  it('computes the mean and a t-free 95 % interval of a rating distribution', () => {
    const d = new Map([
      [1, 2],
      [2, 3],
      [3, 5],
      [4, 6],
      [5, 4],
    ]); // n = 20, mean 3.35
    expect(mean(d)).toBeCloseTo(3.35, 10);
    // sd = 1.2680 (sample), se = 0.28354; 3.35 ± 1.96·se
    const ci = meanInterval(d)!;
    expect(ci.low).toBeCloseTo(2.7943, 3);
    expect(ci.high).toBeCloseTo(3.9057, 3);
  });
});

describe('nps', () => {
  it('is % promoters minus % detractors', () => {
    const d = new Map([
      [10, 30],
      [9, 20],
      [8, 15],
      [7, 10],
      [6, 10],
      [3, 10],
      [0, 5],
    ]); // 50 P, 25 passive, 25 D of 100
    expect(nps(d)).toEqual({ score: 25, promoters: 50, passives: 25, detractors: 25 });
    expect(nps(new Map()).score).toBeNull();
  });
});
