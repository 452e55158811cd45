import type { Locale } from './i18n/locales';

// Dates are shown in the city's time zone whatever the server's clock says.
const CITY_TIME_ZONE = 'Asia/Tehran';

// One calendar in both languages: the city's, the Solar Hijri. Persian with Persian digits;
// English with Latin digits and the month names transliterated (Farvardin … Esfand), the Gregorian
// date following in brackets where a whole day is named (docs/web.md, "Languages").
const intlLocale: Record<Locale, string> = {
  fa: 'fa-IR-u-ca-persian',
  en: 'en-GB',
};
const solarLocale: Record<Locale, string> = { fa: 'fa-IR-u-ca-persian', en: 'en-GB-u-ca-persian' };

const numberFormats = {
  fa: new Intl.NumberFormat(intlLocale.fa),
  en: new Intl.NumberFormat(intlLocale.en),
} satisfies Record<Locale, Intl.NumberFormat>;

const solarParts = {
  fa: new Intl.DateTimeFormat(solarLocale.fa, { day: 'numeric', month: 'long', year: 'numeric', timeZone: CITY_TIME_ZONE }),
  en: new Intl.DateTimeFormat(solarLocale.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: CITY_TIME_ZONE }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

const gregorianFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: CITY_TIME_ZONE });

const weekdayFormats = {
  fa: new Intl.DateTimeFormat(intlLocale.fa, { weekday: 'long', timeZone: CITY_TIME_ZONE }),
  en: new Intl.DateTimeFormat(intlLocale.en, { weekday: 'long', timeZone: CITY_TIME_ZONE }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

// en-CA formats as YYYY-MM-DD, the form a <time datetime> attribute wants.
const isoDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE });

/** Day, month name and year of the Solar Hijri calendar, composed from parts: ICU puts the Persian year first and adds an era ("AP") in English. */
function solar(date: Date, locale: Locale, withYear: boolean): string {
  const parts = solarParts[locale].formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const year = locale === 'fa' ? part('year') : part('year').replace(/\D/g, '');
  return withYear ? `${part('day')} ${part('month')} ${year}` : `${part('day')} ${part('month')}`;
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as Latin ones: "۱۴۰۵" → "1405". */
export function latinDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
}

/** Latin digits in the locale's own, for figures that are not numbers: "0912***4567" → "۰۹۱۲***۴۵۶۷" in Persian, as it is in English. */
export function localDigits(text: string, locale: Locale): string {
  return locale === 'fa' ? text.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]) : text;
}

/** 1234567 → "۱٬۲۳۴٬۵۶۷" in Persian, "1,234,567" in English. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}

/** "۵ آذر ۱۴۰۴" in Persian, "5 Azar 1404" in English. */
export function formatDate(date: Date | string, locale: Locale): string {
  return solar(new Date(date), locale, true);
}

/** Without the year, for spans within a season: "۵ آذر" / "5 Azar". */
export function formatDayMonth(date: Date | string, locale: Locale): string {
  return solar(new Date(date), locale, false);
}

/**
 * A whole day named: "چهارشنبه ۵ آذر ۱۴۰۴" / "Wednesday 5 Azar 1404 (26 November 2025)". Composed
 * from parts because ICU's Persian `dateStyle: "full"` puts the year first ("۱۴۰۴ آذر ۵, چهارشنبه").
 */
export function formatDayWithWeekday(date: Date, locale: Locale): string {
  const day = `${weekdayFormats[locale].format(date)} ${solar(date, locale, true)}`;
  return locale === 'en' ? `${day} (${gregorianFormat.format(date)})` : day;
}

/** The calendar day in the city's time zone as YYYY-MM-DD, for `<time dateTime>`. */
export function isoDay(date: Date | string): string {
  return isoDayFormat.format(new Date(date));
}

/** The current Solar Hijri year: "۱۴۰۴" / "1404". */
export function formatYear(date: Date, locale: Locale): string {
  const parts = solarParts[locale].formatToParts(date);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return locale === 'fa' ? year : year.replace(/\D/g, '');
}

const percentFormats = {
  fa: new Intl.NumberFormat(intlLocale.fa, { style: 'percent', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(intlLocale.en, { style: 'percent', maximumFractionDigits: 0 }),
} satisfies Record<Locale, Intl.NumberFormat>;

const decimalFormats = {
  fa: new Intl.NumberFormat(intlLocale.fa, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(intlLocale.en, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
} satisfies Record<Locale, Intl.NumberFormat>;

/** A share from 0 to 1 as a whole percentage: 0.5046 → "۵۰٪" / "50%". */
export function formatPercent(share: number, locale: Locale): string {
  return percentFormats[locale].format(share);
}

/**
 * Counts out of `whole` as whole percentages. When they are the whole's parts (they add up to it:
 * a single choice's options, a scale's values), the percentages add up to 100: each is rounded
 * down and the points left over go to the largest remainders (the largest remainder method), where
 * rounding each on its own can show 99 % or 101 %. Otherwise (a multiple choice, or with some
 * counts withheld) each is rounded on its own.
 */
export function wholePercents(counts: readonly number[], whole: number): number[] {
  if (whole <= 0) return counts.map(() => 0);
  if (counts.reduce((sum, count) => sum + count, 0) !== whole) return counts.map((count) => Math.round((count * 100) / whole));
  const floors = counts.map((count) => Math.floor((count * 100) / whole));
  let left = 100 - floors.reduce((sum, p) => sum + p, 0);
  const byRemainder = counts.map((_, i) => i).sort((a, b) => ((counts[b] * 100) % whole) - ((counts[a] * 100) % whole) || a - b);
  for (const i of byRemainder) {
    if (left-- <= 0) break;
    floors[i] += 1;
  }
  return floors;
}

/** One decimal place: 3.456 → "۳٫۵" / "3.5". */
export function formatDecimal(value: number, locale: Locale): string {
  return decimalFormats[locale].format(value);
}

const timeFormats = {
  fa: new Intl.DateTimeFormat(intlLocale.fa, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: CITY_TIME_ZONE }),
  en: new Intl.DateTimeFormat(intlLocale.en, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: CITY_TIME_ZONE }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

/** The time of day in the city: "۱۸:۳۰" / "18:30". */
export function formatTime(date: Date | string, locale: Locale): string {
  return timeFormats[locale].format(new Date(date));
}
