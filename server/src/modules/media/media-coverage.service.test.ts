import { CoverageTone } from './media.enums';
import { summarizeTone } from './media-coverage.service';

describe('coverage tone summary', () => {
  it('counts by outlet and by Persian month', () => {
    const summary = summarizeTone([
      { day: '2025-09-22', outletId: 'b', tone: CoverageTone.POSITIVE, count: 2 }, // 31 Shahrivar 1404
      { day: '2025-09-23', outletId: 'a', tone: CoverageTone.NEGATIVE, count: 1 }, // 1 Mehr 1404
      { day: '2025-10-22', outletId: 'a', tone: CoverageTone.NEUTRAL, count: 3 }, // 30 Mehr 1404
      { day: '2025-10-23', outletId: 'b', tone: CoverageTone.POSITIVE, count: 1 }, // 1 Aban 1404
    ]);
    expect(summary.total).toEqual({ positive: 3, neutral: 3, negative: 1, total: 7 });
    expect(summary.byOutlet).toEqual([
      { outletId: 'a', counts: { positive: 0, neutral: 3, negative: 1, total: 4 } },
      { outletId: 'b', counts: { positive: 3, neutral: 0, negative: 0, total: 3 } },
    ]);
    expect(summary.byMonth.map((m) => [m.month, m.labelEn, m.counts.total])).toEqual([
      ['1404-06', 'Shahrivar 1404', 2],
      ['1404-07', 'Mehr 1404', 4],
      ['1404-08', 'Aban 1404', 1],
    ]);
    expect(summary.byMonth[1]).toMatchObject({
      persianYear: 1404,
      persianMonth: 7,
      startsOn: '2025-09-23',
      endsOn: '2025-10-22',
      labelFa: 'مهر ۱۴۰۴',
    });
  });

  it('is empty without coverage', () => {
    expect(summarizeTone([])).toEqual({ total: { positive: 0, neutral: 0, negative: 0, total: 0 }, byOutlet: [], byMonth: [] });
  });
});
