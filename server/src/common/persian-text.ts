/**
 * Persian-aware text normalisation for search. Real Persian text mixes Arabic ي/ك with Persian
 * ی/ک, uses ZWNJ (half-space) inconsistently and may carry diacritics; a search must see through
 * all of it. The same rules exist in SQL as `nabz_normalize()` (defined in the foundation migration), so
 * the stored search column and the searched term are normalised identically; the unit tests check
 * both agree.
 */
const LETTER_MAP: Record<string, string> = {
  ي: 'ی', // Arabic yeh
  ى: 'ی', // Arabic alef maksura
  ك: 'ک', // Arabic kaf
  ة: 'ه', // teh marbuta
  ۀ: 'ه', // heh with yeh above
  أ: 'ا',
  إ: 'ا',
  ٱ: 'ا',
};
// Persian (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII digits.
for (let d = 0; d <= 9; d++) {
  LETTER_MAP[String.fromCharCode(0x06f0 + d)] = String(d);
  LETTER_MAP[String.fromCharCode(0x0660 + d)] = String(d);
}

// ZWNJ, ZWJ, tatweel, Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef), bidi marks.
const IGNORED = /\u200c|\u200d|\u200e|\u200f|\u0640|\u0670|[\u064b-\u065f]/g;
const MAPPED = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(IGNORED, '')
    .replace(MAPPED, (ch) => LETTER_MAP[ch])
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so a user's % or _ is matched literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
