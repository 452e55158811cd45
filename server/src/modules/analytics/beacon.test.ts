import { ScreenClass } from './analytics.enums';
import { checkPageView, languageFromHeader, PageViewError, parseBeacon } from './beacon';
import { BotFilter } from './bot-filter';
import { visitorKey } from './salts';

function refusal(run: () => unknown): { field: string | null; message: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof PageViewError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('parseBeacon', () => {
  it("keeps the path without query string or fragment, the referrer's host, the screen class and the primary language", () => {
    const fields = parseBeacon(
      JSON.stringify({
        path: '/news/12?email=a@b.example#top',
        referrer: 'https://www.Google.com/search?q=my+name',
        screen: 'mobile',
        language: 'fa-IR',
        title: 'a@b.example | Nabz',
      }),
    );
    // The title of a page with a query string is dropped with the query: it may repeat it.
    expect(fields).toEqual({ path: '/news/12', referrerHost: 'google.com', screen: ScreenClass.MOBILE, language: 'fa', title: null });
  });

  it("keeps the page's title with its spaces tidied, and refuses one that is not text", () => {
    expect(parseBeacon(JSON.stringify({ path: '/news', title: '  اخبار \n  | نبض ' })).title).toBe('اخبار | نبض');
    expect(refusal(() => parseBeacon(JSON.stringify({ path: '/news', title: ['x'] }))).field).toBe('title');
    expect(refusal(() => parseBeacon(JSON.stringify({ path: '/news', title: 'x'.repeat(301) }))).field).toBe('title');
  });

  it('decodes percent-encoded Persian paths', () => {
    expect(parseBeacon(JSON.stringify({ path: '/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1' })).path).toBe('/اخبار');
  });

  it('takes an empty referrer, screen and language as none', () => {
    expect(parseBeacon('{"path":"/","referrer":"","screen":null}')).toEqual({
      path: '/',
      referrerHost: null,
      screen: null,
      language: null,
      title: null,
    });
  });

  it.each([
    ['', null],
    ['not json', null],
    ['[1,2]', null],
    ['"just a string"', null],
    ['{}', 'path'],
    ['{"path":42}', 'path'],
    ['{"path":"goals"}', 'path'],
    ['{"path":"//evil.example/x"}', 'path'],
    [JSON.stringify({ path: `/${'a'.repeat(600)}` }), 'path'],
    [JSON.stringify({ path: '/a\u0000b' }), 'path'],
    [JSON.stringify({ path: '/a%0Ab' }), 'path'],
    ['{"path":"/","referrer":"not a url"}', 'referrer'],
    ['{"path":"/","referrer":5}', 'referrer'],
    ['{"path":"/","screen":"watch"}', 'screen'],
    ['{"path":"/","language":"not a language"}', 'language'],
    ['{"path":"/","userId":"42"}', 'userId'],
  ])('refuses %s, naming the field %s', (body, field) => {
    expect(refusal(() => parseBeacon(body)).field).toBe(field);
  });

  it('prefixes field names for GraphQL inputs', () => {
    expect(refusal(() => checkPageView({ path: 'x' }, 'input.')).field).toBe('input.path');
  });
});

describe('languageFromHeader', () => {
  it('takes the first language of Accept-Language', () => {
    expect(languageFromHeader('fa-IR,fa;q=0.9,en;q=0.8')).toBe('fa');
    expect(languageFromHeader('*')).toBeNull();
    expect(languageFromHeader(undefined)).toBeNull();
  });
});

describe('BotFilter', () => {
  const bots = new BotFilter(2);

  it('recognises crawlers and requests without a user agent, and lets browsers through', () => {
    expect(bots.isBot('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBe(true);
    expect(bots.isBot('curl/8.5.0')).toBe(true);
    expect(bots.isBot(undefined)).toBe(true);
    expect(bots.isBot('')).toBe(true);
    expect(bots.isBot('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36')).toBe(
      false,
    );
    // Answered again (from the cache, which was emptied when it filled up) the same way.
    expect(bots.isBot('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBe(true);
  });
});

describe('visitorKey', () => {
  const salt = Buffer.alloc(32, 7);

  it('is 128 bits of hex that contain neither the address nor the user agent', () => {
    const key = visitorKey(salt, 'city.example', '203.0.113.9', 'Mozilla/5.0');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).toBe(visitorKey(salt, 'city.example', '203.0.113.9', 'Mozilla/5.0'));
  });

  it('differs with another salt, address, user agent or site', () => {
    const key = visitorKey(salt, 'city.example', '203.0.113.9', 'Mozilla/5.0');
    expect(visitorKey(Buffer.alloc(32, 8), 'city.example', '203.0.113.9', 'Mozilla/5.0')).not.toBe(key);
    expect(visitorKey(salt, 'city.example', '203.0.113.10', 'Mozilla/5.0')).not.toBe(key);
    expect(visitorKey(salt, 'city.example', '203.0.113.9', 'Mozilla/5.1')).not.toBe(key);
    expect(visitorKey(salt, 'other.example', '203.0.113.9', 'Mozilla/5.0')).not.toBe(key);
  });
});
