import { startTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: true });
  const q = (sql: string, params: unknown[] = []) => t.app.db.query(sql, params);
  const [staff] = await q(`SELECT id FROM staff_user LIMIT 1`);
  // Every visible item carries «زیباسازی» (Persian ی) or «زيباسازي» (Arabic ي) in some spelling; the hidden ones too.
  await q(`INSERT INTO goal (title_fa, title_en, description_fa, category, position, status) VALUES
    ('برنامه زیباسازی پارک‌ها', 'Park beautification programme', 'کاشت درخت در پارک‌ها', 'AWARENESS', 900, 'ACTIVE'),
    ('پیش‌نویس زیباسازی', NULL, NULL, 'AWARENESS', 901, 'DRAFT'),
    ('زیباسازی بایگانی‌شده', NULL, NULL, 'AWARENESS', 902, 'ARCHIVED')`);
  await q(
    `INSERT INTO press_release (slug, title_fa, title_en, summary_fa, body_fa, status, published_at, withdrawn_at, created_by) VALUES
    ('zibasazi-news', 'خبر زيباسازي ميدان', 'Square beautification news', 'خلاصه خبر', 'متن', 'PUBLISHED', now(), NULL, $1),
    ('zibasazi-draft', 'پیش‌نویس خبر زیباسازی', NULL, NULL, 'متن', 'DRAFT', NULL, NULL, $1),
    ('zibasazi-withdrawn', 'خبر پس‌گرفته زیباسازی', NULL, NULL, 'متن', 'WITHDRAWN', now(), now(), $1)`,
    [staff.id],
  );
  await q(`INSERT INTO event (kind, title_fa, venue_fa, starts_at, ends_at, status, published_at) VALUES
    ('MAYOR_APPEARANCE', 'بازدید شهردار', 'پارک زیبا‌سازی‌شده', now(), now() + interval '1 hour', 'PUBLISHED', now()),
    ('MAYOR_APPEARANCE', 'رویداد پیش‌نویس زیباسازی', NULL, now(), now() + interval '1 hour', 'DRAFT', NULL)`);
  await q(`INSERT INTO poll (title_fa, description_fa, series_id, state) VALUES
    ('نظرسنجی زیباسازی محله', 'نظر شما درباره زیباسازی', gen_random_uuid(), 'PUBLISHED'),
    ('نظرسنجی پیش‌نویس زیباسازی', NULL, gen_random_uuid(), 'DRAFT'),
    ('نظرسنجی قدیمی زیباسازی', NULL, gen_random_uuid(), 'CLOSED')`);
  // The old closed poll closed long ago: the public poll list no longer shows it.
  await q(`UPDATE poll SET closed_at = now() - interval '90 days' WHERE title_fa = 'نظرسنجی قدیمی زیباسازی'`);
});
afterAll(() => t.close());

const SEARCH = `query ($query: String!, $first: Int, $locale: Locale) {
  search(query: $query, first: $first, locale: $locale) {
    query totalCount
    goals { kind totalCount hits { kind id title snippet path } }
    news { kind totalCount hits { kind id title snippet path } }
    events { kind totalCount hits { kind id title snippet path } }
    polls { kind totalCount hits { kind id title snippet path } }
    occasions { kind totalCount hits { kind id title snippet path date } }
  }
}`;

type Group = {
  kind: string;
  totalCount: number;
  hits: Array<{ kind: string; id: string; title: string; snippet: string | null; path: string; date?: string | null }>;
};
type SearchData = {
  search: { query: string; totalCount: number; goals: Group; news: Group; events: Group; polls: Group; occasions: Group };
};

const titles = (g: Group) => g.hits.map((h) => h.title);

describe('site search', () => {
  it('counts up to 100 and says when more match, still listing the first in list order', async () => {
    await t.app.db.query(`INSERT INTO goal (title_fa, category, position, status)
      SELECT 'هدف شمارش‌پذیر ' || g, 'AWARENESS', 2000 + g, 'ACTIVE' FROM generate_series(1, 101) g`);
    const many = await t.gql<{ search: { totalCount: number; totalCountCapped: boolean; goals: Group & { totalCountCapped: boolean } } }>(
      `query ($query: String!) { search(query: $query, first: 3) { totalCount totalCountCapped goals { totalCount totalCountCapped hits { title } } } }`,
      { query: 'شمارش‌پذیر' },
    );
    expect(many.body.errors).toBeUndefined();
    const s = many.body.data!.search;
    expect(s.goals).toMatchObject({ totalCount: 100, totalCountCapped: true });
    expect(s.goals.hits.map((h) => h.title)).toEqual(['هدف شمارش‌پذیر 1', 'هدف شمارش‌پذیر 2', 'هدف شمارش‌پذیر 3']);
    expect(s).toMatchObject({ totalCount: 100, totalCountCapped: true });
    // Exactly 100 is counted exactly.
    await t.app.db.query(`UPDATE goal SET status = 'DRAFT' WHERE title_fa = 'هدف شمارش‌پذیر 101'`);
    const exact = await t.gql<{ search: { goals: { totalCount: number; totalCountCapped: boolean } } }>(
      `query ($query: String!) { search(query: $query) { goals { totalCount totalCountCapped } } }`,
      { query: 'شمارش‌پذیر' },
    );
    expect(exact.body.data!.search.goals).toEqual({ totalCount: 100, totalCountCapped: false });
  });

  it('finds every public kind, grouped, and nothing hidden', async () => {
    const res = await t.gql<SearchData>(SEARCH, { query: 'زیباسازی' });
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data!.search;
    expect(titles(s.goals)).toEqual(['برنامه زیباسازی پارک‌ها']);
    expect(titles(s.news)).toEqual(['خبر زيباسازي ميدان']);
    expect(titles(s.events)).toEqual(['بازدید شهردار']);
    expect(titles(s.polls)).toEqual(['نظرسنجی زیباسازی محله']);
    expect([s.goals.kind, s.news.kind, s.events.kind, s.polls.kind]).toEqual(['GOAL', 'NEWS', 'EVENT', 'POLL']);
    expect([s.goals.totalCount, s.news.totalCount, s.events.totalCount, s.polls.totalCount]).toEqual([1, 1, 1, 1]);
    expect(s.totalCount).toBe(4);
    expect(s.news.hits[0].path).toBe('/news/zibasazi-news');
    expect(s.goals.hits[0].path).toBe(`/goals/${s.goals.hits[0].id}`);
    expect(s.polls.hits[0].snippet).toBe('نظر شما درباره زیباسازی');
    expect(JSON.stringify(s)).not.toMatch(/پیش‌نویس|پس‌گرفته|بایگانی|قدیمی/);
  });

  it("gives an event's hit its event (when it takes place, whether it was cancelled), and the other kinds' none", async () => {
    const res = await t.gql<{
      search: Record<
        'goals' | 'news' | 'events' | 'polls',
        { hits: Array<{ event: { startsAt: string; endsAt: string; status: string } | null }> }
      >;
    }>(
      `query ($query: String!) { search(query: $query) {
        goals { hits { event { startsAt } } } news { hits { event { startsAt } } } polls { hits { event { startsAt } } }
        events { hits { event { startsAt endsAt status } } } } }`,
      { query: 'زیباسازی' },
    );
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data!.search;
    const [event] = await t.app.db.query(`SELECT starts_at, ends_at FROM event WHERE title_fa = 'بازدید شهردار'`);
    expect(s.events.hits.map((h) => h.event)).toEqual([
      { startsAt: event.starts_at.toISOString(), endsAt: event.ends_at.toISOString(), status: 'PUBLISHED' },
    ]);
    expect([...s.goals.hits, ...s.news.hits, ...s.polls.hits].map((h) => h.event)).toEqual([null, null, null]);
  });

  it('hides drafts from signed-in staff too: it searches the public site', async () => {
    const token = await t.signIn('editor');
    const res = await t.gql<SearchData>(SEARCH, { query: 'زیباسازی' }, { token });
    expect(res.body.data!.search.totalCount).toBe(4);
  });

  it('reads Arabic ي/ك as Persian ی/ک, both ways, and ignores ZWNJ and diacritics', async () => {
    for (const query of ['زيباسازي', 'زیبا\u200cسازی', 'زِیباسازی', 'خبر زیباسازی میدان']) {
      const res = await t.gql<SearchData>(SEARCH, { query });
      expect(res.body.errors).toBeUndefined();
      const s = res.body.data!.search;
      expect(s.news.totalCount).toBe(1); // stored with Arabic ي, found with Persian ی and vice versa
      if (query !== 'خبر زیباسازی میدان') expect(s.goals.totalCount).toBe(1); // stored with Persian ی
    }
    // The event's venue is written with a ZWNJ inside the word: found without one.
    const venue = await t.gql<SearchData>(SEARCH, { query: 'زیباسازیشده' });
    expect(titles(venue.body.data!.search.events)).toEqual(['بازدید شهردار']);
    // Arabic ك finds Persian ک.
    const kaf = await t.gql<SearchData>(SEARCH, { query: 'پارك' });
    expect(titles(kaf.body.data!.search.goals)).toEqual(['برنامه زیباسازی پارک‌ها']);
  });

  it('finds a word written with a half-space or with a space, whichever the query uses', async () => {
    await t.app.db.query(`INSERT INTO goal (title_fa, category, position, status) VALUES
      ('مسیرهای پیاده‌روی محله', 'AWARENESS', 950, 'ACTIVE'), ('روز پیاده روی خانوادگی', 'AWARENESS', 951, 'ACTIVE')`);
    for (const query of ['پیاده\u200cروی', 'پیاده روی']) {
      const res = await t.gql<SearchData>(SEARCH, { query });
      expect(titles(res.body.data!.search.goals).sort()).toEqual(['روز پیاده روی خانوادگی', 'مسیرهای پیاده‌روی محله'].sort());
    }
    await t.app.db.query(`DELETE FROM goal WHERE position IN (950, 951)`);
  });

  it('finds a long word typed whole («پیادهراه») in text that writes it in parts, with a space or a half-space, and each way in the others', async () => {
    await t.app.db.query(`INSERT INTO goal (title_fa, category, position, status) VALUES
      ('ساخت پیاده راه بازار', 'AWARENESS', 960, 'ACTIVE'), ('پیاده‌راه خیابان مرکزی', 'AWARENESS', 961, 'ACTIVE'),
      ('پیادهراه میدان', 'AWARENESS', 962, 'ACTIVE')`);
    try {
      for (const query of ['پیادهراه', 'پیاده راه', 'پیاده\u200cراه', 'پيادهراه']) {
        const res = await t.gql<SearchData>(SEARCH, { query });
        expect(res.body.errors).toBeUndefined();
        expect(titles(res.body.data!.search.goals).sort()).toEqual(
          ['ساخت پیاده راه بازار', 'پیاده‌راه خیابان مرکزی', 'پیادهراه میدان'].sort(),
        );
      }
      // A short word is not looked for across two words: «را هم» does not hold «راه».
      await t.app.db.query(
        `INSERT INTO goal (title_fa, category, position, status) VALUES ('این برنامه را هم ببینید', 'AWARENESS', 963, 'ACTIVE')`,
      );
      const short = await t.gql<SearchData>(SEARCH, { query: 'راه' });
      expect(titles(short.body.data!.search.goals)).not.toContain('این برنامه را هم ببینید');
    } finally {
      await t.app.db.query(`DELETE FROM goal WHERE position BETWEEN 960 AND 963`);
    }
  });

  it('finds national and religious occasions, each as its next day in the calendar, soonest first', async () => {
    // A Solar Hijri day and a lunar one: whichever comes first from today is listed first.
    const [solar] = await t.app.db.query(
      `INSERT INTO occasion (kind, calendar, month, day, title_fa, title_en, description_fa) VALUES
       ('NATIONAL_OCCASION', 'SOLAR_HIJRI', 8, 14, 'روز ملی دوچرخه‌سواری', 'National cycling day', 'رکاب‌زنی همگانی در شهر') RETURNING id`,
    );
    const [lunar] = await t.app.db.query(
      `INSERT INTO occasion (kind, calendar, month, day, title_fa) VALUES ('RELIGIOUS_OCCASION', 'LUNAR_HIJRI', 3, 5, 'جشن دوچرخه‌سواری محله') RETURNING id`,
    );
    try {
      const res = await t.gql<SearchData>(SEARCH, { query: 'دوچرخهسواری' });
      expect(res.body.errors).toBeUndefined();
      const { occasions } = res.body.data!.search;
      expect(occasions).toMatchObject({ kind: 'OCCASION', totalCount: 2 });
      expect(res.body.data!.search.totalCount).toBe(2);
      const days = [];
      for (const hit of occasions.hits) {
        expect(hit).toMatchObject({ kind: 'OCCASION', id: expect.stringMatching(/^occasion:[0-9a-f-]{36}:\d{4}$/) });
        expect(hit.path).toBe(`/events/${encodeURIComponent(hit.id)}`);
        // The id is its day's in the calendar: the event page opens it.
        const day = await t.gql<{ event: { title: string; date: string } }>(`query ($id: ID!) { event(id: $id) { title date } }`, {
          id: hit.id,
        });
        expect(day.body.data!.event).toEqual({ title: hit.title, date: hit.date });
        days.push(day.body.data!.event.date);
      }
      expect(occasions.hits.map((h) => h.id.split(':')[1]).sort()).toEqual([solar.id, lunar.id].sort());
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
      expect(days.every((d) => d >= today)).toBe(true);
      expect([...days].sort()).toEqual(days);
      expect(occasions.hits.find((h) => h.title === 'روز ملی دوچرخه‌سواری')!.snippet).toBe('رکاب‌زنی همگانی در شهر');

      const en = await t.gql<SearchData>(SEARCH, { query: 'cycling', locale: 'EN' });
      expect(titles(en.body.data!.search.occasions)).toEqual(['National cycling day']);
    } finally {
      await t.app.db.query(`DELETE FROM occasion WHERE id IN ($1, $2)`, [solar.id, lunar.id]);
    }
  });

  it('finds English text and answers in English when asked', async () => {
    const res = await t.gql<SearchData>(SEARCH, { query: 'Beautification', locale: 'EN' });
    const s = res.body.data!.search;
    expect(titles(s.goals)).toEqual(['Park beautification programme']);
    expect(titles(s.news)).toEqual(['Square beautification news']);
    expect(s.events.totalCount + s.polls.totalCount).toBe(0);
  });

  it('requires every word and reads LIKE wildcards literally', async () => {
    const none = await t.gql<SearchData>(SEARCH, { query: 'زیباسازی ناموجودترین' });
    expect(none.body.data!.search.totalCount).toBe(0);
    // A LIKE wildcard is a literal character, not "anything".
    const wildcard = await t.gql<SearchData>(SEARCH, { query: '%' });
    expect(wildcard.body.data!.search.totalCount).toBe(0);
  });

  it.each([
    [{ query: '' }, 'query', 'QUERY_EMPTY'],
    [{ query: ' \u200c \u064e ' }, 'query', 'QUERY_EMPTY'],
    [{ query: 'ا'.repeat(101) }, 'query', 'QUERY_TOO_LONG'],
    [{ query: 'a b c d e f g h i' }, 'query', 'QUERY_TOO_LONG'],
    // One typed word, but searched as 17 parts: the half-spaces part it.
    [{ query: Array(17).fill('ب').join('\u200c') }, 'query', 'QUERY_TOO_LONG'],
    [{ query: 'park', first: 0 }, 'first', undefined],
    [{ query: 'park', first: 21 }, 'first', undefined],
    [{ query: 'a\u0000b' }, 'query', undefined],
    [{ query: 'park\u0007' }, 'query', undefined],
    [{ query: 'a\ud800b' }, 'query', undefined],
  ])('refuses %j with BAD_USER_INPUT on %s', async (vars, field, reason) => {
    const res = await t.gql<SearchData>(SEARCH, vars);
    expect(res.body.data ?? null).toBeNull();
    const error = res.body.errors![0];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    if (reason) expect(error.extensions!.reason).toBe(reason);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|SELECT/i);
  });

  it('takes 8 words with a half-space each: the limit on parts leaves room for them', async () => {
    const res = await t.gql<SearchData>(SEARCH, { query: Array(8).fill('پارک‌ها').join(' ') });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.search.query).toBe(Array(8).fill('پارک‌ها').join(' '));
  });

  it("refuses a NUL byte in the query as the caller's input, not as a server error", async () => {
    const res = await t.gql<SearchData>(SEARCH, { query: 'زیبا\u0000سازی' });
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'query contains control characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'query' },
    });
  });
});
