import stopwordsIso from 'stopwords-iso';
import { normalizeForSearch } from '../../../common/persian-text';

const ZWNJ = '\u200c';

/**
 * Normalises a text for counting words like `normalizeForSearch` (Arabic ي/ك as Persian ی/ک,
 * digits, diacritics, tatweel, lower case) but keeps the half-space (ZWNJ): «پیاده‌روها» is one
 * word and is shown as written, not as «پیادهروها».
 */
export function normalizeWords(text: string): string {
  return text
    .split(ZWNJ)
    .map(normalizeForSearch)
    .join(ZWNJ)
    .replace(/\u200c{2,}/g, ZWNJ);
}

/**
 * Persian stop words: the stopwords-iso list (from the stopwords-fa project, about 800 words, with
 * their half-spaces) plus spoken forms it lacks. Words that carry an opinion stay countable
 * although the list has them («خوب», «بد», «بیشتر»…): in a city's free-text answers they are the point.
 */
const PERSIAN_EXTRA = `
میشه نمیشه بشه دیگه آره الان خب لطفا لطفاً واقعا ی ها های ای اند ایم ام اش
`;
const OPINION_WORDS = new Set(['خوب', 'بد', 'کم', 'زیاد', 'بیشتر', 'کمتر', 'بهتر', 'بدتر', 'نه', 'بله'].map(normalizeWords));

const ENGLISH_STOP_WORDS = `
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our ours out over own please same she should so some such than
that the their theirs them then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours
`;

/** Stop words as `normalizeWords` leaves them, each also without its half-spaces (people often leave them out). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...(stopwordsIso as Record<string, string[]>).fa, ...`${PERSIAN_EXTRA} ${ENGLISH_STOP_WORDS}`.split(/\s+/)]
    .filter(Boolean)
    .map(normalizeWords)
    .filter((w) => !OPINION_WORDS.has(w))
    .flatMap((w) => [w, w.replaceAll(ZWNJ, '')]),
);

const NON_LETTERS = /[^\p{L}\p{M}\u200c]+/u;

/** A stop word, also as a verb's continuous or negative form («می‌شوند», «نمیشود» from «شوند», «شود»). */
function isStopWord(word: string): boolean {
  const bare = word.replaceAll(ZWNJ, '');
  if (STOP_WORDS.has(word) || STOP_WORDS.has(bare)) return true;
  const verb = /^(?:ن?می\u200c)(.+)$/u.exec(word)?.[1] ?? /^(?:ن?می)(.{3,})$/u.exec(bare)?.[1];
  return verb !== undefined && STOP_WORDS.has(verb);
}

/** Longer "words" are not words (a pasted link, a key mashed): not counted, and the tally's key stays short. */
export const MAX_WORD_LENGTH = 60;

/** Every word of a text: normalised (half-spaces kept), split on anything that is not a letter, without 1-letter tokens. Stop words included. */
export function tokens(text: string): string[] {
  return normalizeWords(text)
    .split(NON_LETTERS)
    .map((w) => w.replace(/^\u200c+|\u200c+$/g, ''))
    .filter((w) => [...w.replaceAll(ZWNJ, '')].length > 1 && w.length <= MAX_WORD_LENGTH);
}

/** The words of a text worth counting: its tokens without stop words. */
export function words(text: string): string[] {
  return tokens(text).filter((w) => !isStopWord(w));
}

/** Whether a counted word is worth showing (the tallies keep stop words, so the list can change without a recount). */
export const isContentWord = (word: string) => !isStopWord(word);

/** Per answer: each token once with its occurrences (what the word tally adds up). */
export function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of tokens(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

export interface WordCountData {
  word: string;
  count: number;
  answerCount: number;
}

/** Counts words over many answers: occurrences, and answers that use the word at least once. */
export class WordCounter {
  private readonly counts = new Map<string, { count: number; answerCount: number }>();
  answers = 0;

  add(text: string): void {
    this.answers++;
    const seen = new Set<string>();
    for (const word of words(text)) {
      let entry = this.counts.get(word);
      if (!entry) this.counts.set(word, (entry = { count: 0, answerCount: 0 }));
      entry.count++;
      if (!seen.has(word)) {
        seen.add(word);
        entry.answerCount++;
      }
    }
  }

  /** The `n` most frequent words, most frequent first; ties in code-point order of the word. */
  top(n: number): WordCountData[] {
    return [...this.counts]
      .map(([word, c]) => ({ word, ...c }))
      .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, n);
  }
}
