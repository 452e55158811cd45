import type { Locale } from "./i18n/locales";

// Dates are shown in the city's time zone whatever the server's clock says.
const CITY_TIME_ZONE = "Asia/Tehran";

// Persian uses the Solar Hijri calendar and Persian digits; English the Gregorian calendar.
const intlLocale: Record<Locale, string> = {
  fa: "fa-IR-u-ca-persian",
  en: "en-GB",
};

const numberFormats = {
  fa: new Intl.NumberFormat(intlLocale.fa),
  en: new Intl.NumberFormat(intlLocale.en),
} satisfies Record<Locale, Intl.NumberFormat>;

const dateFormats = {
  fa: new Intl.DateTimeFormat(intlLocale.fa, { dateStyle: "long", timeZone: CITY_TIME_ZONE }),
  en: new Intl.DateTimeFormat(intlLocale.en, { dateStyle: "long", timeZone: CITY_TIME_ZONE }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

const weekdayFormats = {
  fa: new Intl.DateTimeFormat(intlLocale.fa, { weekday: "long", timeZone: CITY_TIME_ZONE }),
  en: new Intl.DateTimeFormat(intlLocale.en, { weekday: "long", timeZone: CITY_TIME_ZONE }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

// en-CA formats as YYYY-MM-DD, the form a <time datetime> attribute wants.
const isoDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: CITY_TIME_ZONE });

/** 1234567 → "۱٬۲۳۴٬۵۶۷" in Persian, "1,234,567" in English. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}

/** "۵ آذر ۱۴۰۴" in Persian, "26 November 2025" in English. */
export function formatDate(date: Date | string, locale: Locale): string {
  return dateFormats[locale].format(new Date(date));
}

/**
 * "چهارشنبه ۵ آذر ۱۴۰۴" / "Wednesday, 26 November 2025". Composed from two formats because
 * ICU's Persian `dateStyle: "full"` puts the year first ("۱۴۰۴ آذر ۵, چهارشنبه").
 */
export function formatDayWithWeekday(date: Date, locale: Locale): string {
  const separator = locale === "fa" ? " " : ", ";
  return weekdayFormats[locale].format(date) + separator + dateFormats[locale].format(date);
}

/** The calendar day in the city's time zone as YYYY-MM-DD, for `<time dateTime>`. */
export function isoDay(date: Date | string): string {
  return isoDayFormat.format(new Date(date));
}

/** The current year in the locale's calendar: "۱۴۰۴" / "2025". */
export function formatYear(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { year: "numeric", timeZone: CITY_TIME_ZONE }).format(date);
}

const percentFormats = {
  fa: new Intl.NumberFormat(intlLocale.fa, { style: "percent", maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(intlLocale.en, { style: "percent", maximumFractionDigits: 0 }),
} satisfies Record<Locale, Intl.NumberFormat>;

const decimalFormats = {
  fa: new Intl.NumberFormat(intlLocale.fa, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(intlLocale.en, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
} satisfies Record<Locale, Intl.NumberFormat>;

/** A share from 0 to 1 as a whole percentage: 0.5046 → "۵۰٪" / "50%". */
export function formatPercent(share: number, locale: Locale): string {
  return percentFormats[locale].format(share);
}

/** One decimal place: 3.456 → "۳٫۵" / "3.5". */
export function formatDecimal(value: number, locale: Locale): string {
  return decimalFormats[locale].format(value);
}

const timeFormats = {
  fa: new Intl.DateTimeFormat(intlLocale.fa, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: CITY_TIME_ZONE }),
  en: new Intl.DateTimeFormat(intlLocale.en, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: CITY_TIME_ZONE }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

/** The time of day in the city: "۱۸:۳۰" / "18:30". */
export function formatTime(date: Date | string, locale: Locale): string {
  return timeFormats[locale].format(new Date(date));
}
