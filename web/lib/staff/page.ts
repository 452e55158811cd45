import type { Metadata } from 'next';
import type { Locale } from '../i18n/locales';
import { staffText } from './i18n';

/**
 * Staff pages are never indexed; their title says which page of the desk this is, then whose desk:
 * «نظرسنجی‌ها — میز کارکنان نبض» ("Polls — Nabz staff desk"), where "| میز کار کارکنان" did not name the site.
 */
export function staffMetadata(locale: Locale, title: string): Metadata {
  return {
    title: { absolute: `${title} — ${staffText[locale].titleSuffix}` },
    robots: { index: false, follow: false },
  };
}

/** Search params as the page received them: the first value of each. */
export function param(params: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}
