import { baseCount, MIN_CELL, shareCell } from './cells';

describe('small-cell suppression', () => {
  it('is set at 5', () => {
    expect(MIN_CELL).toBe(5);
  });

  it('withholds a count of 4 with its share and interval, and flags it', () => {
    expect(shareCell(4, 100)).toEqual({ count: null, share: null, confidenceInterval: null, suppressed: true });
  });

  it('shows a count of 5 with its row share and Wilson interval', () => {
    const cell = shareCell(5, 10);
    expect(cell).toMatchObject({ count: 5, share: 0.5, suppressed: false });
    // R: binom::binom.wilson(5, 10) → 0.2366, 0.7634
    expect(cell.confidenceInterval!.low).toBeCloseTo(0.2366, 4);
    expect(cell.confidenceInterval!.high).toBeCloseTo(0.7634, 4);
  });

  it('withholds a zero count too: "fewer than 5" includes none', () => {
    expect(shareCell(0, 50).suppressed).toBe(true);
  });

  it('withholds a row base under 5', () => {
    expect([baseCount(4), baseCount(5)]).toEqual([null, 5]);
  });
});
