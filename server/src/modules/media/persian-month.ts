/**
 * Solar Hijri (Persian) months, the months the office reports in. Dates here are LocalDates
 * (YYYY-MM-DD), already in the city's time zone, so the conversion is pure calendar arithmetic:
 * ICU's Persian calendar (through Intl) gives the year, month and day of a Gregorian date, and a
 * month's first and last Gregorian days are found by stepping from a known day (at most 31 steps).
 */
const PERSIAN_PARTS = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const MONTHS_FA = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const MONTHS_EN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];
const DAY_MS = 86_400_000;

export interface PersianDate {
  year: number;
  month: number;
  day: number;
}

export interface PersianMonth {
  /** `1404-07`: sorts in calendar order. */
  key: string;
  year: number;
  month: number;
  /** The month's first and last days as Gregorian LocalDates. */
  startsOn: string;
  endsOn: string;
  labelFa: string;
  labelEn: string;
}

const toTime = (localDate: string) => Date.parse(`${localDate}T00:00:00Z`);
const toLocalDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export function persianDate(localDate: string): PersianDate {
  const parts = Object.fromEntries(PERSIAN_PARTS.formatToParts(new Date(toTime(localDate))).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

const toPersianDigits = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

const cache = new Map<string, PersianMonth>();

/** The Persian month a Gregorian LocalDate falls in. */
export function persianMonthOf(localDate: string): PersianMonth {
  const { year, month, day } = persianDate(localDate);
  const key = `${year}-${String(month).padStart(2, '0')}`;
  const known = cache.get(key);
  if (known) return known;
  const start = toTime(localDate) - (day - 1) * DAY_MS;
  let end = start + 28 * DAY_MS;
  while (persianDate(toLocalDate(end + DAY_MS)).month === month) end += DAY_MS;
  const result: PersianMonth = {
    key,
    year,
    month,
    startsOn: toLocalDate(start),
    endsOn: toLocalDate(end),
    labelFa: `${MONTHS_FA[month - 1]} ${toPersianDigits(String(year))}`,
    labelEn: `${MONTHS_EN[month - 1]} ${year}`,
  };
  cache.set(key, result);
  return result;
}
