import { isSmallCount, MIN_CELL } from './cells';

describe('small counts', () => {
  it('are set at 5', () => {
    expect(MIN_CELL).toBe(5);
  });

  it('are 1 to 4: a zero describes no one and is shown', () => {
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
  });
});
