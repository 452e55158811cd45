import type { GraphqlLocale } from '../api/schema';

// Persian is the site's first language; English the second.
export const locales = ['fa', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fa';

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly (string | undefined)[]).includes(value);
}

export const direction: Record<Locale, 'rtl' | 'ltr'> = { fa: 'rtl', en: 'ltr' };

export const graphqlLocale: Record<Locale, GraphqlLocale> = { fa: 'FA', en: 'EN' };
