import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';
import { latinDigits, localDigits } from '../format';
import type { Locale } from '../i18n/locales';

// Days and times as staff type them: Solar Hijri days ("۱۴۰۴/۰۹/۰۵", Persian or Latin digits) in
// both languages, as the site's one calendar (an ISO day is accepted too). Both become the API's
// Gregorian LocalDate (YYYY-MM-DD) or, with a time of day in the city, a UTC instant.

const CITY_TIME_ZONE = 'Asia/Tehran';
// Iran has kept UTC+3:30 all year since 2022, so a city time converts with a fixed offset.
const CITY_OFFSET = '+03:30';

const dayParts = new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The city's calendar day of an instant, YYYY-MM-DD. */
export function cityDay(date: Date = new Date()): string {
  return dayParts.format(date);
}

/** The city's time of day of an instant, HH:MM. */
export function cityTime(date: Date): string {
  return timeParts.format(date);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-11-26" → "1404/09/05". */
export function solarDay(day: string): string {
  const [gy, gm, gd] = day.split('-').map(Number);
  const { jy, jm, jd } = toJalaali(gy, gm, gd);
  return `${jy}/${pad(jm)}/${pad(jd)}`;
}

/** "۱۴۰۴/۹/۵" (or 1404-09-05) → "2025-11-26"; null when it is not a Solar Hijri day. */
export function parseSolarDay(raw: string): string | null {
  const match = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(latinDigits(raw));
  if (!match) return null;
  const [jy, jm, jd] = match.slice(1).map(Number);
  if (!isValidJalaaliDate(jy, jm, jd)) return null;
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return `${gy}-${pad(gm)}-${pad(gd)}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What a day field shows for a Gregorian day: Solar Hijri in both languages (Persian digits in Persian). */
export function dayFieldValue(day: string | null | undefined, locale: Locale): string {
  if (!day) return '';
  return localDigits(solarDay(day), locale);
}

/** A day field's value as a Gregorian day; null when empty or not a day. */
export function parseDayField(raw: FormDataEntryValue | null, locale: Locale): string | null {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return null;
  if (locale === 'fa' || !ISO_DAY.test(text)) return parseSolarDay(text) ?? (ISO_DAY.test(text) && isRealDay(text) ? text : null);
  return isRealDay(text) ? text : null;
}

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** A day and a time of day in the city → the UTC instant (ISO 8601). */
export function cityInstant(day: string, time: string): string {
  const hhmm = /^\d{2}:\d{2}$/.test(time) ? time : '00:00';
  return new Date(`${day}T${hhmm}:00${CITY_OFFSET}`).toISOString();
}

export function parseTimeField(raw: FormDataEntryValue | null): string | null {
  const text = typeof raw === 'string' ? latinDigits(raw.trim()) : '';
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h < 24 && m < 60 ? `${pad(h)}:${pad(m)}` : null;
}
