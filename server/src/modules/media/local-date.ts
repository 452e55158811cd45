import { stringRule } from '../../common/validation';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** A LocalDate argument: a calendar day in the city's time zone, YYYY-MM-DD. */
export const IsLocalDate = stringRule('isLocalDate', (property) => `${property} must be a calendar day written YYYY-MM-DD`, isLocalDate);

/** Today in a time zone, as a LocalDate. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
