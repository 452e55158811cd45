import { addDays, CityCalendar, daysInRange, isLocalDate } from './city-day';

describe('CityCalendar', () => {
  const tehran = new CityCalendar('Asia/Tehran');

  it('starts a Tehran day at 20:30 UTC the evening before (UTC+3:30, no DST since 2022)', () => {
    expect(tehran.dayOf(new Date('2026-01-10T20:29:59.999Z'))).toBe('2026-01-10');
    expect(tehran.dayOf(new Date('2026-01-10T20:30:00.000Z'))).toBe('2026-01-11');
    // Summer too: Iran no longer moves its clocks.
    expect(tehran.dayOf(new Date('2026-07-10T20:29:59Z'))).toBe('2026-07-10');
    expect(tehran.dayOf(new Date('2026-07-10T20:30:00Z'))).toBe('2026-07-11');
  });

  it('gives the right day when asked about the same minute and then another one', () => {
    const calendar = new CityCalendar('Asia/Tehran');
    expect(calendar.dayOf(Date.parse('2026-03-20T20:29:10Z'))).toBe('2026-03-20');
    expect(calendar.dayOf(Date.parse('2026-03-20T20:29:50Z'))).toBe('2026-03-20');
    expect(calendar.dayOf(Date.parse('2026-03-20T20:30:00Z'))).toBe('2026-03-21');
    expect(calendar.dayOf(Date.parse('2026-03-19T20:30:00Z'))).toBe('2026-03-20');
  });

  it('follows daylight saving time where the zone has it', () => {
    const berlin = new CityCalendar('Europe/Berlin');
    expect(berlin.dayOf(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(berlin.dayOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(berlin.dayOf(new Date('2026-01-01T22:59:59Z'))).toBe('2026-01-01');
    expect(berlin.dayOf(new Date('2026-01-01T23:00:00Z'))).toBe('2026-01-02');
  });
});

describe('local dates', () => {
  it('accepts real dates only', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalDate('2026-01-01T00:00:00Z')).toBe(false);
  });

  it('adds days across months and years and counts ranges inclusively', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysInRange('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysInRange('2026-01-01', '2026-12-31')).toBe(365);
  });
});
