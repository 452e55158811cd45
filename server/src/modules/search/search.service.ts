import { type DataSource } from 'typeorm';
import { BadInputReason, badInput } from '../../common/errors';
import { Locale } from '../../common/locale';
import { escapeLike, normalizeForSearch } from '../../common/persian-text';
import { cleanTextArg } from '../../common/validation';
import { localDateOf } from '../events/calendar';
import { PUBLIC_EVENT_STATUSES, type OccasionCalendar } from '../events/event.enums';
import { occurrenceId, type OccasionService } from '../events/occasion.service';
import { PUBLIC_GOAL_STATUSES } from '../goals/goal.enums';
import { RECENTLY_CLOSED_DAYS, SQL_CLOSED_SINCE, SQL_STATUS } from '../polls/poll-status';
import { PollStatus } from '../polls/poll.enums';
import { SearchKind } from './search.types';

/** Longest query accepted, in characters, and most words in it. */
export const SEARCH_QUERY_MAX = 100;
export const SEARCH_WORDS_MAX = 8;
/**
 * Most parts searched for: the words split at half-spaces too, each one more condition on every
 * row. The word limit counts a word with half-spaces once, so without this one typed "word" of
 * letters joined by half-spaces was searched as dozens.
 */
export const SEARCH_PARTS_MAX = 2 * SEARCH_WORDS_MAX;
export const SEARCH_FIRST_MAX = 20;
const SNIPPET_LENGTH = 160;

/**
 * Counts stop here: "more than 100" says enough to a reader, and counting every match of a common
 * word would read and check them all (a search's cost must not grow with the site).
 */
export const SEARCH_COUNT_MAX = 100;

/**
 * A query word this long or longer is also found written in parts: «پیادهراه» finds «پیاده راه»
 * written with a space (with a half-space it was found already: normalising drops it). It is
 * matched against the text with its spaces taken out (ix_*_search_joined_trgm). A shorter word is
 * not: across the space between two words, «را» (the object marker) and «هم» make «راهم», and
 * «راه» would be found in them.
 */
export const JOINED_WORD_MIN = 5;

/** `text LIKE` the word at parameter `i`, through the text without spaces for a long word. */
function wordMatch(text: string, word: string, i: number): string {
  return `${word.length >= JOINED_WORD_MIN ? `replace(${text}, ' ', '')` : text} LIKE $${i + 1} ESCAPE '\\'`;
}

/** An occasion's searchable text: occasions are few (dozens), so it is computed, not stored or indexed. */
const OCCASION_TEXT = `nabz_normalize(coalesce(o.title_fa, '') || ' ' || coalesce(o.title_en, '') || ' ' || coalesce(o.description_fa, '') || ' ' || coalesce(o.description_en, ''))`;

interface KindQuery {
  kind: SearchKind;
  table: string;
  /** The normalised searchable text (an indexed column or expression). */
  text: string;
  /** Exactly the rows the kind's public list query shows. */
  visible: string;
  snippetFa: string;
  snippetEn: string;
  key: string;
  order: string;
}

const PUBLIC_POLLS = `(${SQL_STATUS[PollStatus.OPEN]} OR (${SQL_STATUS[PollStatus.CLOSED]} AND ${SQL_CLOSED_SINCE} > now() - interval '${RECENTLY_CLOSED_DAYS} days'))`;

const KINDS: KindQuery[] = [
  {
    kind: SearchKind.GOAL,
    table: 'goal p',
    text: 'p.search_text',
    visible: `p.status IN (${PUBLIC_GOAL_STATUSES.map((s) => `'${s}'`).join(', ')})`,
    snippetFa: 'p.description_fa',
    snippetEn: 'p.description_en',
    key: 'p.id::text',
    order: 'p.position ASC, p.id ASC',
  },
  {
    kind: SearchKind.NEWS,
    table: 'press_release p',
    text: 'p.search_text',
    visible: `p.status = 'PUBLISHED'`,
    snippetFa: 'p.summary_fa',
    snippetEn: 'p.summary_en',
    key: 'p.slug',
    order: 'p.published_at DESC, p.id DESC',
  },
  {
    kind: SearchKind.EVENT,
    table: 'event p',
    text: 'p.search_text',
    visible: `p.status IN (${PUBLIC_EVENT_STATUSES.map((s) => `'${s}'`).join(', ')})`,
    snippetFa: 'p.description_fa',
    snippetEn: 'p.description_en',
    key: 'p.id::text',
    order: 'p.starts_at DESC, p.id DESC',
  },
  {
    kind: SearchKind.POLL,
    table: 'poll p',
    text: 'p.search_text',
    visible: PUBLIC_POLLS,
    snippetFa: 'p.description_fa',
    snippetEn: 'p.description_en',
    key: 'p.id::text',
    order: 'p.created_at DESC, p.id DESC',
  },
];

export interface SearchHitRow {
  kind: SearchKind;
  id: string;
  key: string;
  title: string;
  snippet: string | null;
  /** An occasion's next day (LocalDate). */
  date?: string;
}

export interface SearchGroupResult {
  kind: SearchKind;
  totalCount: number;
  /** More match than totalCount says: counting stopped at SEARCH_COUNT_MAX. */
  totalCountCapped: boolean;
  hits: SearchHitRow[];
}

export interface SearchResult {
  query: string;
  totalCount: number;
  totalCountCapped: boolean;
  groups: Record<SearchKind, SearchGroupResult>;
}

/** Cuts a text to a snippet on a word boundary, without breaking a half-space word. */
function snippet(text: string | null): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const cut = flat.slice(0, SNIPPET_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SNIPPET_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Public site search over goals, news, events, polls and occasions. Only what each kind's public
 * list shows is found, whoever asks: the site search never reveals drafts, even to staff.
 */
export class SearchService {
  constructor(
    private readonly db: DataSource,
    private readonly occasions: OccasionService,
  ) {}

  async search(query: string, locale: Locale, first: number): Promise<SearchResult> {
    cleanTextArg(query, 'query');
    if (query.length > SEARCH_QUERY_MAX)
      throw badInput(`The query may be at most ${SEARCH_QUERY_MAX} characters long.`, 'query', BadInputReason.QUERY_TOO_LONG);
    // A half-space in the query parts words as a space does: people write «پیاده‌روی» and «پیاده روی»
    // for one word, and the parts of either are found in text stored either way. (The word limit
    // counts the words as typed.)
    const words = normalizeForSearch(query.replace(/\u200c/g, ' '))
      .split(' ')
      .filter(Boolean);
    if (!words.length) throw badInput('Type something to search for.', 'query', BadInputReason.QUERY_EMPTY);
    if (normalizeForSearch(query).split(' ').length > SEARCH_WORDS_MAX)
      throw badInput(`The query may have at most ${SEARCH_WORDS_MAX} words.`, 'query', BadInputReason.QUERY_TOO_LONG);
    if (words.length > SEARCH_PARTS_MAX)
      throw badInput(
        `The query may have at most ${SEARCH_PARTS_MAX} words and parts of words between half-spaces.`,
        'query',
        BadInputReason.QUERY_TOO_LONG,
      );
    if (!Number.isInteger(first) || first < 1 || first > SEARCH_FIRST_MAX)
      throw badInput(`first must be between 1 and ${SEARCH_FIRST_MAX}.`, 'first');

    const params = words.map((w) => `%${escapeLike(w)}%`);
    const en = locale === Locale.EN;
    const groups = await Promise.all([
      ...KINDS.map(async (k): Promise<SearchGroupResult> => {
        const where = `${k.visible} AND ${words.map((w, i) => wordMatch(k.text, w, i)).join(' AND ')}`;
        const title = en ? 'coalesce(p.title_en, p.title_fa)' : 'p.title_fa';
        const text = en ? `coalesce(${k.snippetEn}, ${k.snippetFa})` : `coalesce(${k.snippetFa}, ${k.snippetEn})`;
        // The page of hits, and the number of matches counted up to SEARCH_COUNT_MAX (one more
        // tells that there are more): neither reads more matching rows than it needs.
        const [rows, [{ total }]] = (await Promise.all([
          this.db.query(
            `SELECT p.id, ${k.key} AS key, ${title} AS title, left(${text}, ${SNIPPET_LENGTH * 2}) AS snippet FROM ${k.table} WHERE ${where} ORDER BY ${k.order} LIMIT ${first}`,
            params,
          ),
          this.db.query(
            `SELECT count(*)::int AS total FROM (SELECT 1 FROM ${k.table} WHERE ${where} LIMIT ${SEARCH_COUNT_MAX + 1}) matches`,
            params,
          ),
        ])) as [Array<{ id: string; key: string; title: string; snippet: string | null }>, Array<{ total: number }>];
        return {
          kind: k.kind,
          totalCount: Math.min(total, SEARCH_COUNT_MAX),
          totalCountCapped: total > SEARCH_COUNT_MAX,
          hits: rows.map((r) => ({ kind: k.kind, id: r.id, key: r.key, title: r.title, snippet: snippet(r.snippet) })),
        };
      }),
      this.searchOccasions(words, params, en, first),
    ]);
    const byKind = Object.fromEntries(groups.map((g) => [g.kind, g])) as Record<SearchKind, SearchGroupResult>;
    return {
      query,
      totalCount: groups.reduce((n, g) => n + g.totalCount, 0),
      totalCountCapped: groups.some((g) => g.totalCountCapped),
      groups: byKind,
    };
  }

  /**
   * The occasions that match, each as its next day (the calendar's item for it, `event(id:)`),
   * soonest first. Every match is read: there are dozens of occasions, and the soonest can only be
   * told once each one's next day is known.
   */
  private async searchOccasions(words: string[], params: string[], en: boolean, first: number): Promise<SearchGroupResult> {
    const title = en ? 'coalesce(o.title_en, o.title_fa)' : 'o.title_fa';
    const text = en ? 'coalesce(o.description_en, o.description_fa)' : 'coalesce(o.description_fa, o.description_en)';
    const rows = (await this.db.query(
      `SELECT o.id, o.calendar, o.month, o.day, ${title} AS title, left(${text}, ${SNIPPET_LENGTH * 2}) AS snippet
       FROM occasion o WHERE ${words.map((w, i) => wordMatch(OCCASION_TEXT, w, i)).join(' AND ')}`,
      params,
    )) as Array<{ id: string; calendar: OccasionCalendar; month: number; day: number; title: string; snippet: string | null }>;
    const next = await this.occasions.nextOccurrences(rows, localDateOf(new Date(), this.occasions.timeZone));
    const hits = rows
      .map((r, i) => ({ r, next: next[i] }))
      .filter((x): x is { r: (typeof rows)[number]; next: NonNullable<(typeof next)[number]> } => x.next !== null)
      .sort((a, b) => (a.next.date < b.next.date ? -1 : a.next.date > b.next.date ? 1 : a.r.title.localeCompare(b.r.title, 'fa')))
      .slice(0, first)
      .map(({ r, next: { year, date } }): SearchHitRow => {
        const id = occurrenceId(r.id, year);
        return { kind: SearchKind.OCCASION, id, key: id, title: r.title, snippet: snippet(r.snippet), date };
      });
    return {
      kind: SearchKind.OCCASION,
      totalCount: Math.min(rows.length, SEARCH_COUNT_MAX),
      totalCountCapped: rows.length > SEARCH_COUNT_MAX,
      hits,
    };
  }
}
