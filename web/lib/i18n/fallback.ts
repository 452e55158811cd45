import type { Locale } from './locales';

// The API answers an English request with the Persian text where no English was written. Such text
// on an English page is marked as Persian, right to left (lang="fa" dir="rtl"), so that it is laid
// out, spoken and hyphenated as Persian. Its first strong letter decides, as dir="auto" would.

const FIRST_STRONG = /[A-Za-z\u00C0-\u024F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** True when the text's first strong letter is Arabic script (Persian). */
export function isPersianText(text: string | null | undefined): boolean {
  const first = text ? FIRST_STRONG.exec(text) : null;
  return first !== null && RIGHT_TO_LEFT.test(first[0]);
}

/** `lang`/`dir` to spread on the element that holds `text`: set only for Persian on an English page. */
export function fallbackProps(text: string | null | undefined, locale: Locale): { lang?: 'fa'; dir?: 'rtl' } {
  return locale === 'en' && isPersianText(text) ? { lang: 'fa', dir: 'rtl' } : {};
}
