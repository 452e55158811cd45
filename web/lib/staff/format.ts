import type { Locale } from "../i18n/locales";

// Figures and dates for staff pages: Persian digits and the Solar Hijri calendar in Persian.

const intl: Record<Locale, string> = { fa: "fa-IR-u-ca-persian", en: "en-GB" };
const CITY_TIME_ZONE = "Asia/Tehran";

export interface StaffFormat {
  number(value: number): string;
  decimal(value: number, digits?: number): string;
  percent(share: number, digits?: number): string;
  /** Percentage points of a difference of shares: 0.052 → "+۵٫۲". */
  points(difference: number): string;
  /** A LocalDate (YYYY-MM-DD): "۵ آذر ۱۴۰۴". */
  day(day: string): string;
  /** A LocalDate, short: "۵ آذر". */
  shortDay(day: string): string;
  /** An instant in the city: "۵ آذر ۱۴۰۴، ۱۸:۳۰". */
  dateTime(iso: string): string;
  bytes(value: number): string;
}

const cache = new Map<Locale, StaffFormat>();

export function staffFormat(locale: Locale): StaffFormat {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = intl[locale];
  const number = new Intl.NumberFormat(tag);
  const decimals = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const decimal = (digits: number) => {
    if (!decimals.has(digits)) decimals.set(digits, new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
    return decimals.get(digits)!;
  };
  const percent = (digits: number) => {
    if (!percents.has(digits)) percents.set(digits, new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }));
    return percents.get(digits)!;
  };
  const points = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const longDay = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" });
  const shortDay = new Intl.DateTimeFormat(tag, { month: "short", day: "numeric", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: CITY_TIME_ZONE });
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  const format: StaffFormat = {
    number: (v) => number.format(v),
    decimal: (v, digits = 1) => decimal(digits).format(v),
    percent: (v, digits = 1) => percent(digits).format(v),
    points: (d) => points.format(d * 100),
    day: (d) => longDay.format(noon(d)),
    shortDay: (d) => shortDay.format(noon(d)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    bytes: (v) => (v < 1024 * 1024 ? `${number.format(Math.ceil(v / 1024))} KB` : `${decimal(1).format(v / 1024 / 1024)} MB`),
  };
  cache.set(locale, format);
  return format;
}
