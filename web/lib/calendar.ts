import type { Locale } from './i18n/locales';

// The Solar Hijri (Persian) calendar for the events page, from the Intl API's "persian" calendar:
// which Gregorian days make up a Solar Hijri month, and their names. Days are LocalDate strings
// (YYYY-MM-DD, Gregorian) as the API speaks them; each is handled at noon UTC, where no time zone
// shift can move it to another day.

const DAY_MS = 86_400_000;
const CITY_TIME_ZONE = 'Asia/Tehran';

const persianParts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

export interface SolarMonth {
  year: number;
  /** 1 (Farvardin) to 12 (Esfand). */
  month: number;
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return dayOf(new Date(noon(day).getTime() + days * DAY_MS));
}

/** The Solar Hijri year, month and day of a LocalDate. */
export function solarDate(day: string): SolarMonth & { day: number } {
  const parts = persianParts.formatToParts(noon(day));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Today in the city, as a LocalDate. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE }).format(new Date());
}

/** Every day of a Solar Hijri month, in order, as LocalDates (29 to 31 of them). */
export function monthDays({ year, month }: SolarMonth): string[] {
  // Farvardin 1 falls on 20 or 21 March; months 1–6 have 31 days, 7–11 have 30.
  const before = month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  let day = addDays(`${year + 621}-03-19`, before);
  for (let i = 0; i < 6; i++) {
    const d = solarDate(day);
    if (d.year === year && d.month === month && d.day === 1) break;
    day = addDays(day, 1);
  }
  const days: string[] = [];
  for (let d = day; solarDate(d).month === month; d = addDays(d, 1)) days.push(d);
  return days;
}

export function shiftMonth({ year, month }: SolarMonth, by: number): SolarMonth {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "1405-01" ⇄ { year: 1405, month: 1 }; anything else (or an absurd year) is null. */
export function parseMonth(value: string | undefined): SolarMonth | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1300 && year <= 1500 && month >= 1 && month <= 12 ? { year, month } : null;
}

export function formatMonthParam({ year, month }: SolarMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

const monthNames = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'UTC', month: 'long' }),
  en: new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', month: 'long' }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

const yearNumbers = {
  fa: new Intl.NumberFormat('fa-IR', { useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { useGrouping: false }),
} satisfies Record<Locale, Intl.NumberFormat>;

/** "فروردین ۱۴۰۵" / "Farvardin 1405" (ICU would put the Persian year first). */
export function formatSolarMonth(month: SolarMonth, locale: Locale): string {
  const first = monthDays(month)[0];
  return `${monthNames[locale].format(noon(first))} ${yearNumbers[locale].format(month.year)}`;
}

/** The day of the Solar Hijri month in the locale's digits: "۱" / "1". */
export function formatSolarDay(day: string, locale: Locale): string {
  return yearNumbers[locale].format(solarDate(day).day);
}

const weekdayNames = {
  fa: new Intl.DateTimeFormat('fa-IR', { timeZone: 'UTC', weekday: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

/** The week in Iran runs from Saturday to Friday: 0 for Saturday … 6 for Friday. */
export function weekdayIndex(day: string): number {
  return (noon(day).getUTCDay() + 1) % 7;
}

/** Saturday to Friday, in the locale. */
export function weekdays(locale: Locale): string[] {
  // 2026-03-21 was a Saturday.
  return Array.from({ length: 7 }, (_, i) => weekdayNames[locale].format(noon(addDays('2026-03-21', i))));
}

const gregorianShort = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** "21 Mar": the Gregorian day beside the Solar Hijri one on the English calendar. */
export function formatGregorianShort(day: string): string {
  return gregorianShort.format(noon(day));
}

const lunarFormats = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-islamic-umalqura', { timeZone: 'UTC', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-islamic-umalqura', { timeZone: 'UTC', dateStyle: 'long' }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

/**
 * The lunar Hijri date by the Umm al-Qura calendar, for when the API gives none. Iran's official
 * lunar calendar (what the API's `lunarHijriDate` follows) can differ from it by a day.
 */
export function formatLunarDate(day: string, locale: Locale): string {
  return lunarFormats[locale].format(noon(day));
}
