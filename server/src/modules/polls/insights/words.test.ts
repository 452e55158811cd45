import { normalizeForSearch } from '../../../common/persian-text';
import { STOP_WORDS, WordCounter, words } from './words';

describe('words', () => {
  it('normalises Persian spelling: Arabic ي/ك, half-spaces and diacritics do not split a word', () => {
    expect(words('پارك‌هاي بيشتر')).toEqual(['پارکهای', 'بیشتر']);
    expect(words('اتوبوسِ برقی')).toEqual(['اتوبوس', 'برقی']);
  });

  it('splits on anything that is not a letter: punctuation, Persian punctuation, digits', () => {
    expect(words('ترافیک،آلودگی؟ «پارکینگ» ۱۲۳ street-lights')).toEqual(['ترافیک', 'آلودگی', 'پارکینگ', 'street', 'lights']);
  });

  it('drops Persian and English stop words and one-letter tokens', () => {
    expect(words('من از این پارک و آن خیابان راضی هستم')).toEqual(['پارک', 'خیابان', 'راضی']);
    expect(words('The bus is a very good idea x')).toEqual(['bus', 'good', 'idea']);
  });

  it('drops a stop word however it is spelt (Arabic letters, half-space)', () => {
    expect(words('مي‌شود هيچ')).toEqual([]);
  });

  it('keeps its stop words normalised', () => {
    for (const w of STOP_WORDS) expect(normalizeForSearch(w)).toBe(w);
  });
});

describe('WordCounter', () => {
  it('counts occurrences and answers, most frequent first, ties alphabetical', () => {
    const counter = new WordCounter();
    counter.add('پارک پارک اتوبوس');
    counter.add('پارک');
    counter.add('اتوبوس مترو');
    counter.add('Bus bus');
    expect(counter.answers).toBe(4);
    expect(counter.top(3)).toEqual([
      { word: 'پارک', count: 3, answerCount: 2 },
      { word: 'bus', count: 2, answerCount: 1 },
      { word: 'اتوبوس', count: 2, answerCount: 2 },
    ]);
  });
});
