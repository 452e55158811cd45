import {
  addDays,
  type CalendarDay,
  daysBetween,
  gregorianToLunarHijri,
  gregorianToSolarHijri,
  type LocalDate,
  lunarHijriMonthLength,
  lunarHijriToGregorian,
  solarHijriMonthLength,
  solarHijriToGregorian,
} from './calendar';
import { OccasionCalendar } from './event.enums';

/** What expansion needs of an occasion. */
export interface OccasionRule {
  id: string;
  calendar: OccasionCalendar;
  month: number;
  day: number;
}

/** One year's day of an occasion. */
export interface OccasionOccurrence {
  occasionId: string;
  /** The year in the occasion's own calendar. */
  year: number;
  /** The day it falls on: the override's when there is one, else the rule's. */
  date: LocalDate;
  /** The day the rule gives. */
  ruleDate: LocalDate;
  overridden: boolean;
  /** The occasion's date in its own calendar (for a lunar occasion, the lunar date to show beside it). */
  calendarDay: CalendarDay;
}

/** An override may move an occasion by this many days at most from the rule's day: more is a typo (usually the year). */
export const MAX_OVERRIDE_SHIFT_DAYS = 7;

/** Years the calendars are asked about; overrides are kept for these years only. */
export const MIN_OCCASION_YEAR = 1300;
export const MAX_OCCASION_YEAR = 1600;

/**
 * The rule's day in a year of its calendar. A day past the end of a shorter month falls on the
 * month's last day: in Iran an occasion of "30 Safar" is kept on the last day of Safar, which has
 * 29 days in some years (likewise 30 Esfand in a common year).
 */
export function ruleDate(rule: Pick<OccasionRule, 'calendar' | 'month' | 'day'>, year: number): LocalDate {
  if (rule.calendar === OccasionCalendar.SOLAR_HIJRI) {
    const day = Math.min(rule.day, solarHijriMonthLength(year, rule.month));
    return solarHijriToGregorian(year, rule.month, day)!;
  }
  const day = Math.min(rule.day, lunarHijriMonthLength(year, rule.month));
  return lunarHijriToGregorian(year, rule.month, day)!;
}

/** The year of the occasion's calendar that a Gregorian day falls in. */
export function calendarYearOf(calendar: OccasionCalendar, date: LocalDate): number {
  return calendar === OccasionCalendar.SOLAR_HIJRI ? gregorianToSolarHijri(date).year : gregorianToLunarHijri(date).year;
}

/** One year's occurrence, with its override (keyed by year) applied. */
export function occurrenceIn(rule: OccasionRule, year: number, overrides: ReadonlyMap<number, LocalDate>): OccasionOccurrence {
  const byRule = ruleDate(rule, year);
  const override = overrides.get(year);
  return {
    occasionId: rule.id,
    year,
    date: override ?? byRule,
    ruleDate: byRule,
    overridden: override !== undefined && override !== byRule,
    calendarDay: { year, month: rule.month, day: rule.day },
  };
}

/**
 * Every occurrence of an occasion on a day from `from` to `to` (both included), in date order.
 * Years are looked at with a margin, so an override that moves a day across the range's edge (or
 * across a year's end) is still found.
 */
export function expandOccasion(
  rule: OccasionRule,
  from: LocalDate,
  to: LocalDate,
  overrides: ReadonlyMap<number, LocalDate> = new Map(),
): OccasionOccurrence[] {
  const firstYear = Math.max(MIN_OCCASION_YEAR, calendarYearOf(rule.calendar, addDays(from, -MAX_OVERRIDE_SHIFT_DAYS - 1)));
  const lastYear = Math.min(MAX_OCCASION_YEAR, calendarYearOf(rule.calendar, addDays(to, MAX_OVERRIDE_SHIFT_DAYS + 1)));
  const found: OccasionOccurrence[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const occurrence = occurrenceIn(rule, year, overrides);
    if (occurrence.date >= from && occurrence.date <= to) found.push(occurrence);
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether an override day is close enough to the rule's day to be that year's occasion. */
export function isPlausibleOverride(rule: Pick<OccasionRule, 'calendar' | 'month' | 'day'>, year: number, date: LocalDate): boolean {
  return Math.abs(daysBetween(ruleDate(rule, year), date)) <= MAX_OVERRIDE_SHIFT_DAYS;
}
