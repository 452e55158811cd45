import {
  addDays,
  gregorianToLunarHijri,
  gregorianToSolarHijri,
  isLocalDate,
  localDateOf,
  LUNAR_BASE_CALENDAR,
  lunarHijriMonthLength,
  lunarHijriToGregorian,
  solarHijriToGregorian,
  startOfDay,
} from './calendar';

describe('Solar Hijri conversion', () => {
  it.each([
    [1402, 1, 1, '2023-03-21'],
    [1403, 1, 1, '2024-03-20'],
    [1403, 12, 30, '2025-03-20'],
    [1404, 1, 1, '2025-03-21'],
    [1404, 11, 22, '2026-02-11'],
    [1405, 1, 1, '2026-03-21'],
  ])('%i-%i-%i is %s', (y, m, d, gregorian) => {
    expect(solarHijriToGregorian(y, m, d)).toBe(gregorian);
    expect(gregorianToSolarHijri(gregorian)).toEqual({ year: y, month: m, day: d });
  });

  it('has no 30 Esfand in a common year (1404) but has one in a leap year (1403)', () => {
    expect(solarHijriToGregorian(1404, 12, 30)).toBeNull();
    expect(solarHijriToGregorian(1403, 12, 30)).toBe('2025-03-20');
  });

  it('round-trips every day of three years', () => {
    for (let date = '2023-03-21'; date < '2026-03-21'; date = addDays(date, 1)) {
      const s = gregorianToSolarHijri(date);
      expect(solarHijriToGregorian(s.year, s.month, s.day)).toBe(date);
    }
  });
});

describe('lunar Hijri conversion (predicted Iranian dates)', () => {
  it("reads ICU's astronomical Islamic calendar (a runtime that drops it changes every prediction)", () => {
    expect(LUNAR_BASE_CALENDAR).toBe('islamic');
  });

  it('round-trips every day of three years, with months of 29 or 30 days', () => {
    for (let date = '2023-03-21'; date < '2026-03-21'; date = addDays(date, 1)) {
      const l = gregorianToLunarHijri(date);
      expect(lunarHijriToGregorian(l.year, l.month, l.day)).toBe(date);
      expect([29, 30]).toContain(lunarHijriMonthLength(l.year, l.month));
    }
  });

  it('refuses a day the month does not have', () => {
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarHijriMonthLength(1446, m) === 29)!;
    expect(lunarHijriToGregorian(1446, short, 30)).toBeNull();
    expect(lunarHijriToGregorian(1446, short, 29)).not.toBeNull();
    expect(lunarHijriToGregorian(1446, 13, 1)).toBeNull();
  });
});

describe('LocalDates and time zones', () => {
  it('validates LocalDates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-28')).toBe(false);
    expect(isLocalDate('1899-12-31')).toBe(false);
    expect(isLocalDate('2026-02-28T00:00:00Z')).toBe(false);
  });

  it('finds the start of a day in Tehran, now (+03:30) and when Iran still kept summer time (+04:30)', () => {
    expect(startOfDay('2026-03-21', 'Asia/Tehran').toISOString()).toBe('2026-03-20T20:30:00.000Z');
    expect(startOfDay('2021-07-01', 'Asia/Tehran').toISOString()).toBe('2021-06-30T19:30:00.000Z');
    expect(localDateOf(new Date('2026-03-20T20:30:00Z'), 'Asia/Tehran')).toBe('2026-03-21');
    expect(localDateOf(new Date('2026-03-20T20:29:59Z'), 'Asia/Tehran')).toBe('2026-03-20');
  });
});
