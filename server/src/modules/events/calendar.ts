import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';

/**
 * Calendar arithmetic for the events calendar. Days are LocalDates: `YYYY-MM-DD` strings of the
 * Gregorian calendar, naming a day in the city's time zone (never an instant).
 *
 * - Solar Hijri (the Persian calendar, Iran's civil calendar): exact, through `jalaali-js`.
 * - Lunar Hijri as observed in Iran: predicted. Iran's months begin with the first sighting of the
 *   new crescent, announced after the fact, so no arithmetic calendar is always right; editors fix
 *   a year's official date with an override (occasion_override). The prediction is ICU's
 *   astronomical Islamic calendar (`Intl`, calendar `islamic`) moved one day later: that calendar
 *   starts a month at the astronomical new moon, and in Iran the crescent is usually first seen
 *   the evening after. Checked against the official calendars of 1402–1405 (calendar.test.ts): 27
 *   of 31 lunar holidays match; Umm al-Qura matches 15 and the tabular (civil) calendar 18.
 */

export type LocalDate = string;

/** A day of the Solar Hijri or lunar Hijri calendar; months are 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Years a LocalDate may have: wide enough for any calendar, narrow enough for the conversions. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** True for a real Gregorian day between MIN_YEAR and MAX_YEAR written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01. */
export function toEpochDay(date: LocalDate): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new Error(`not a LocalDate: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function fromEpochDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

// ---------------------------------------------------------------------------------------------
// Solar Hijri

export function solarHijriMonthLength(year: number, month: number): number {
  return jalaaliMonthLength(year, month);
}

/** The Gregorian day of a Solar Hijri date; null when that date does not exist (30 Esfand of a common year). */
export function solarHijriToGregorian(year: number, month: number, day: number): LocalDate | null {
  if (!isValidJalaaliDate(year, month, day)) return null;
  const g = toGregorian(year, month, day);
  return fromEpochDay(Date.UTC(g.gy, g.gm - 1, g.gd) / DAY_MS);
}

export function gregorianToSolarHijri(date: LocalDate): CalendarDay {
  const [y, m, d] = date.split('-').map(Number);
  const j = toJalaali(y, m, d);
  return { year: j.jy, month: j.jm, day: j.jd };
}

// ---------------------------------------------------------------------------------------------
// Lunar Hijri (as observed in Iran, predicted)

const ASTRONOMICAL = new Intl.DateTimeFormat('en-u-ca-islamic-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** Which ICU calendar the prediction reads (a runtime without the astronomical one would fall back silently: tests check). */
export const LUNAR_BASE_CALENDAR = ASTRONOMICAL.resolvedOptions().calendar;

/** Days the Iranian crescent usually lags ICU's astronomical month start. */
const CRESCENT_LAG_DAYS = 1;

function astronomical(epochDay: number): CalendarDay {
  const parts = ASTRONOMICAL.formatToParts(new Date(epochDay * DAY_MS));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function lunarOfEpochDay(epochDay: number): CalendarDay {
  return astronomical(epochDay - CRESCENT_LAG_DAYS);
}

// 1 Muharram 1447 was 2025-06-27 in Iran: an anchor for estimating other month starts.
const ANCHOR_EPOCH_DAY = Date.UTC(2025, 5, 27) / DAY_MS;
const ANCHOR_MONTH_INDEX = 1447 * 12;
const MEAN_SYNODIC_MONTH = 29.530589;

const monthStarts = new Map<number, number>();

/** Epoch day of the first day of a lunar month (predicted); cached, since it never changes. */
function lunarMonthStart(year: number, month: number): number {
  const index = year * 12 + (month - 1);
  const cached = monthStarts.get(index);
  if (cached !== undefined) return cached;
  const estimate = Math.round(ANCHOR_EPOCH_DAY + (index - ANCHOR_MONTH_INDEX) * MEAN_SYNODIC_MONTH);
  for (let offset = 0; offset <= 6; offset++) {
    for (const candidate of offset === 0 ? [estimate] : [estimate - offset, estimate + offset]) {
      const d = lunarOfEpochDay(candidate);
      if (d.year === year && d.month === month && d.day === 1) {
        if (monthStarts.size > 10_000) monthStarts.clear();
        monthStarts.set(index, candidate);
        return candidate;
      }
    }
  }
  throw new Error(`no start found for lunar month ${year}-${month}`);
}

export function lunarHijriMonthLength(year: number, month: number): number {
  const next = month === 12 ? lunarMonthStart(year + 1, 1) : lunarMonthStart(year, month + 1);
  return next - lunarMonthStart(year, month);
}

/** The Gregorian day of a lunar Hijri date (predicted); null when the month has fewer days. */
export function lunarHijriToGregorian(year: number, month: number, day: number): LocalDate | null {
  if (month < 1 || month > 12 || day < 1 || day > lunarHijriMonthLength(year, month)) return null;
  return fromEpochDay(lunarMonthStart(year, month) + day - 1);
}

export function gregorianToLunarHijri(date: LocalDate): CalendarDay {
  return lunarOfEpochDay(toEpochDay(date));
}

// ---------------------------------------------------------------------------------------------
// Time zones: LocalDates and instants

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

function wallClock(time: number, timeZone: string) {
  const parts = zoneFormat(timeZone).formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function offsetMs(time: number, timeZone: string): number {
  const w = wallClock(time, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(time / 1000) * 1000;
}

/** The instant a LocalDate begins in a time zone (twice corrected, so a DST change that day is right). */
export function startOfDay(date: LocalDate, timeZone: string): Date {
  const wall = toEpochDay(date) * DAY_MS;
  let time = wall - offsetMs(wall, timeZone);
  time = wall - offsetMs(time, timeZone);
  return new Date(time);
}

/** The LocalDate an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant.getTime(), timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
