import { normalizeForSearch } from '../../../common/persian-text';

/**
 * Words that say nothing about an opinion. Written as people write them; they are normalised like
 * the text (Arabic ي/ك, ZWNJ removed: «می‌شود» is «میشود»), so every spelling matches.
 */
const PERSIAN_STOP_WORDS = `
از به با در برای که این آن را و یا تا هم هر چه چی اگر اما ولی نیز پس بر بی بین روی زیر سر درباره
مثل مانند همه همین همان آنها اینها ما من تو او شما ایشان آنان خود خودم خودش خودمان است هست نیست
بود نبود باشد نباشد شد شود نشود میشود نمیشود میشه نمیشه بشه بشود شده شدن بوده هستند هستیم هستم
نیستند کرد کند کنند کنید کنیم کنم کرده کردن میکنم میکنند میکند میکنیم نمیکنند داشت دارد دارند
داریم دارم ندارد ندارند باید نباید خیلی بسیار یک دو سه چند هیچ دیگر دیگه فقط نه بله آره چون زیرا
وقتی الان اکنون حالا هنوز ها های ای اند ایم ام اش ترین تر می نمی همچنین توسط طور چیز چیزی کسی
جا جای اینکه آنکه چرا کجا کی چطور چگونه کدام چقدر لطفا لطفاً واقعا خب یعنی ی
`;

const ENGLISH_STOP_WORDS = `
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our ours out over own please same she should so some such than
that the their theirs them then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${PERSIAN_STOP_WORDS} ${ENGLISH_STOP_WORDS}`.split(/\s+/).filter(Boolean).map(normalizeForSearch),
);

const NON_LETTERS = /[^\p{L}\p{M}]+/u;

/** The words of a text worth counting: normalised, split on anything that is not a letter, without stop words and 1-letter tokens. */
export function words(text: string): string[] {
  return normalizeForSearch(text)
    .split(NON_LETTERS)
    .filter((w) => [...w].length > 1 && !STOP_WORDS.has(w));
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
