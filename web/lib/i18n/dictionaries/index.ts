import type { Locale } from '../locales';
import { en } from './en';
import { fa, type Dictionary } from './fa';

const dictionaries: Record<Locale, Dictionary> = { fa, en };

export function getDictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}

export type { Dictionary };
