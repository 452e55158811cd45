import { persianDate, persianMonthOf } from './persian-month';

describe('Persian months', () => {
  it('reads the Solar Hijri date of a Gregorian day', () => {
    expect(persianDate('2025-03-21')).toEqual({ year: 1404, month: 1, day: 1 });
    expect(persianDate('2025-09-23')).toEqual({ year: 1404, month: 7, day: 1 });
    expect(persianDate('2026-03-20')).toEqual({ year: 1404, month: 12, day: 29 });
  });

  it('gives a month its Gregorian first and last day and its labels', () => {
    expect(persianMonthOf('2025-10-05')).toEqual({
      key: '1404-07',
      year: 1404,
      month: 7,
      startsOn: '2025-09-23',
      endsOn: '2025-10-22',
      labelFa: 'مهر ۱۴۰۴',
      labelEn: 'Mehr 1404',
    });
    // The first six months have 31 days.
    expect(persianMonthOf('2025-06-01')).toMatchObject({ key: '1404-03', startsOn: '2025-05-22', endsOn: '2025-06-21' });
    // Esfand of a common year has 29 days.
    expect(persianMonthOf('2026-03-01')).toMatchObject({
      key: '1404-12',
      startsOn: '2026-02-20',
      endsOn: '2026-03-20',
      labelEn: 'Esfand 1404',
    });
  });

  it('puts every day of a month in the same month', () => {
    const month = persianMonthOf('2025-12-01');
    for (let t = Date.parse(`${month.startsOn}T00:00:00Z`); t <= Date.parse(`${month.endsOn}T00:00:00Z`); t += 86_400_000) {
      expect(persianMonthOf(new Date(t).toISOString().slice(0, 10)).key).toBe(month.key);
    }
  });
});
