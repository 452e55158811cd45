import { Locale, localeFromHeader, pick } from './locale';

describe('localeFromHeader', () => {
  it.each([
    [undefined, Locale.FA],
    ['', Locale.FA],
    ['fa-IR,fa;q=0.9', Locale.FA],
    ['en-US,en;q=0.9', Locale.EN],
    ['fa;q=0.5, en;q=0.8', Locale.EN],
    ['de-DE,de;q=0.9', Locale.FA],
    ['en;q=0.3, fa', Locale.FA],
  ])('reads %p as %s', (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});

describe('pick', () => {
  it('falls back to Persian when there is no English', () => {
    expect(pick({ fa: 'سلام', en: null }, Locale.EN)).toBe('سلام');
    expect(pick({ fa: 'سلام', en: 'Hello' }, Locale.EN)).toBe('Hello');
    expect(pick({ fa: 'سلام', en: 'Hello' }, Locale.FA)).toBe('سلام');
  });
});
