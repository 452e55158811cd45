/**
 * Days in the city's time zone (LocalDate strings, YYYY-MM-DD). Every time-zone offset in use is a
 * whole number of minutes, so the day cannot change within a UTC minute: the last minute's answer is
 * kept and `Intl` runs about once a minute, not once a page view.
 */
export class CityCalendar {
  private readonly format: Intl.DateTimeFormat;
  private cachedMinute = Number.NaN;
  private cachedDay = '';

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' });
  }

  /** The city's day at `at`. */
  dayOf(at: Date | number): string {
    const ms = typeof at === 'number' ? at : at.getTime();
    const minute = Math.floor(ms / 60_000);
    if (minute === this.cachedMinute) return this.cachedDay;
    const parts = Object.fromEntries(this.format.formatToParts(ms).map((p) => [p.type, p.value]));
    this.cachedMinute = minute;
    this.cachedDay = `${parts.year}-${parts.month}-${parts.day}`;
    return this.cachedDay;
  }
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The day `n` days after `day` (before, for a negative n). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted (1 when they are the same day). */
export function daysInRange(from: string, to: string): number {
  const ms = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000) + 1;
}
