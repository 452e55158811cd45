import { Locale } from '../../common/locale';
import { OccasionCalendar } from './event.enums';

const SOLAR_FA = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const SOLAR_EN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];
const LUNAR_FA = [
  'محرم',
  'صفر',
  'ربیع‌الاول',
  'ربیع‌الثانی',
  'جمادی‌الاول',
  'جمادی‌الثانی',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذی‌القعده',
  'ذی‌الحجه',
];
const LUNAR_EN = [
  'Muharram',
  'Safar',
  'Rabi al-Awwal',
  'Rabi al-Thani',
  'Jumada al-Awwal',
  'Jumada al-Thani',
  'Rajab',
  "Sha'ban",
  'Ramadan',
  'Shawwal',
  "Dhu al-Qa'dah",
  'Dhu al-Hijjah',
];

/** The name of a month of the Solar Hijri or lunar Hijri calendar, as Iranian calendars write it. */
export function monthName(calendar: OccasionCalendar, month: number, locale: Locale): string {
  const names =
    calendar === OccasionCalendar.SOLAR_HIJRI ? (locale === Locale.EN ? SOLAR_EN : SOLAR_FA) : locale === Locale.EN ? LUNAR_EN : LUNAR_FA;
  return names[month - 1];
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

const digits = (text: string, locale: Locale) => (locale === Locale.EN ? text : text.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]));

/** "10 Muharram 1447" or "۱۰ محرم ۱۴۴۷". */
export function formatHijri(calendar: OccasionCalendar, date: { year: number; month: number; day: number }, locale: Locale): string {
  return digits(`${date.day} ${monthName(calendar, date.month, locale)} ${date.year}`, locale);
}

/** "10 Muharram" or "۱۰ محرم": a recurring day. */
export function formatDayMonth(calendar: OccasionCalendar, date: { month: number; day: number }, locale: Locale): string {
  return digits(`${date.day} ${monthName(calendar, date.month, locale)}`, locale);
}
