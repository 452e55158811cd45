import { chooseSlug, SLUG_PATTERN, slugFromId, slugFromTitle } from './slug';

const ID = '3f2a9c1e-7b44-4d0a-9e55-0c1d2e3f4a5b';

describe('press-release slugs', () => {
  it.each([
    ['Nature Bridge reopens on Friday', 'nature-bridge-reopens-on-friday'],
    ['  Café  & Métro: 2 new lines!  ', 'cafe-metro-2-new-lines'],
    ['District 8 — "historic centre" plan', 'district-8-historic-centre-plan'],
  ])('turns %j into %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it('gives nothing for a title without Latin letters or digits', () => {
    expect(slugFromTitle('افتتاح پل طبیعت')).toBe('');
    expect(slugFromTitle(null)).toBe('');
  });

  it('stops at a word boundary within 60 characters', () => {
    const slug = slugFromTitle('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugFromTitle('x'.repeat(100))).toHaveLength(60);
  });

  it("falls back to the id, and adds part of the id when the title's slug is taken", () => {
    expect(slugFromId(ID)).toBe('news-3f2a9c1e');
    expect(chooseSlug(ID, 'افتتاح', () => false)).toBe('news-3f2a9c1e');
    expect(chooseSlug(ID, 'Bridge opens', () => false)).toBe('bridge-opens');
    expect(chooseSlug(ID, 'Bridge opens', (s) => s === 'bridge-opens')).toBe('bridge-opens-3f2a9c');
  });
});
