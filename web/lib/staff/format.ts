import type { Locale } from '../i18n/locales';

// Figures and dates for staff pages: Persian digits and the Solar Hijri calendar in Persian.

// One calendar in both languages (docs/web.md): English dates are Solar Hijri too, without ICU's era.
const intl: Record<Locale, string> = { fa: 'fa-IR-u-ca-persian', en: 'en-GB-u-ca-persian' };
const withoutEra = (text: string) => text.replace(/ AP\b/g, '');
const CITY_TIME_ZONE = 'Asia/Tehran';

export interface StaffFormat {
  number(value: number): string;
  decimal(value: number, digits?: number): string;
  percent(share: number, digits?: number): string;
  /** Percentage points of a difference of shares: 0.052 → "+۵٫۲". */
  points(difference: number): string;
  /** A difference with its sign: −2 → "−۲٫۰۰". */
  signed(value: number, digits: number): string;
  /** Parts of a phrase joined with the language's comma: "باز، موج ۲" / "Open, Wave 2". */
  join(parts: string[]): string;
  /** A LocalDate (YYYY-MM-DD): "۵ آذر ۱۴۰۴". */
  day(day: string): string;
  /** A LocalDate, short: "۵ آذر". */
  shortDay(day: string): string;
  /** An instant in the city: "۵ آذر ۱۴۰۴، ۱۸:۳۰". */
  dateTime(iso: string): string;
  /** From one instant to another: the end's time alone on the same day, its date too on a later one. */
  span(startIso: string, endIso: string): string;
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
    if (!decimals.has(digits))
      decimals.set(digits, new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
    return decimals.get(digits)!;
  };
  const percent = (digits: number) => {
    if (!percents.has(digits))
      percents.set(digits, new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }));
    return percents.get(digits)!;
  };
  const points = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const longDay = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: CITY_TIME_ZONE });
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  const time = new Intl.DateTimeFormat(tag, { timeStyle: 'short', hourCycle: 'h23', timeZone: CITY_TIME_ZONE });
  const cityDayOf = new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE });
  const format: StaffFormat = {
    number: (v) => number.format(v),
    decimal: (v, digits = 1) => decimal(digits).format(v),
    percent: (v, digits = 1) => percent(digits).format(v),
    points: (d) => points.format(d * 100),
    signed: (v, digits) =>
      new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(v),
    join: (parts) => parts.join(locale === 'fa' ? '، ' : ', '),
    day: (d) => withoutEra(longDay.format(noon(d))),
    shortDay: (d) => withoutEra(shortDay.format(noon(d))),
    dateTime: (iso) => withoutEra(dateTime.format(new Date(iso))),
    span: (startIso, endIso) => {
      const start = new Date(startIso);
      const end = new Date(endIso);
      const sameDay = cityDayOf.format(start) === cityDayOf.format(new Date(Math.max(end.getTime() - 1, start.getTime())));
      return withoutEra(`${dateTime.format(start)} – ${sameDay ? time.format(end) : dateTime.format(end)}`);
    },
    bytes: (v) => (v < 1024 * 1024 ? `${number.format(Math.ceil(v / 1024))} KB` : `${decimal(1).format(v / 1024 / 1024)} MB`),
  };
  cache.set(locale, format);
  return format;
}
