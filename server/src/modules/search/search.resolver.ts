import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { Locale } from '../../common/locale';
import { JOINED_WORD_MIN, SEARCH_FIRST_MAX, SEARCH_QUERY_MAX, SEARCH_WORDS_MAX, type SearchGroupResult } from './search.service';
import { Event } from '../events/event.entity';
import { SearchGroup, SearchHit, SearchKind, SearchResults } from './search.types';

const PATHS: Record<SearchKind, string> = {
  [SearchKind.GOAL]: '/goals/',
  [SearchKind.NEWS]: '/news/',
  [SearchKind.EVENT]: '/events/',
  [SearchKind.POLL]: '/polls/',
  [SearchKind.OCCASION]: '/events/',
};

function group(g: SearchGroupResult): SearchGroup {
  return {
    kind: g.kind,
    totalCount: g.totalCount,
    totalCountCapped: g.totalCountCapped,
    hits: g.hits.map((h) => ({
      kind: h.kind,
      id: h.id,
      title: h.title,
      snippet: h.snippet,
      path: `${PATHS[h.kind]}${encodeURIComponent(h.key)}`,
      date: h.date ?? null,
    })),
  };
}

@Resolver()
export class SearchResolver {
  @Public()
  @Query(() => SearchResults, {
    description:
      'Searches the public site: goals, published news, public events, polls and national and religious occasions, grouped by kind. ' +
      'Every word must appear in the title or text, in either language; Arabic ي/ك match Persian ی/ک, and ZWNJ, diacritics and Persian digits are read alike; ' +
      `a word of ${JOINED_WORD_MIN} or more letters is also found written in parts, with a space or a half-space («پیادهراه» finds «پیاده راه»). Finds only what the public lists show, ` +
      `whoever asks. An empty query is BAD_USER_INPUT with reason QUERY_EMPTY; one over ${SEARCH_QUERY_MAX} characters or ${SEARCH_WORDS_MAX} words, reason QUERY_TOO_LONG.`,
  })
  async search(
    @Arg('query', { description: `The words to find, at most ${SEARCH_QUERY_MAX} characters.` }) query: string,
    @Ctx() ctx: Context,
    @Arg('locale', () => Locale, { nullable: true, description: 'Overrides the request language for titles and snippets.' })
    locale?: Locale,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many hits of each kind, 1 to ${SEARCH_FIRST_MAX}.` }) first = 5,
  ): Promise<SearchResults> {
    const result = await ctx.services.search.search(query, locale ?? ctx.locale, first);
    return {
      query: result.query,
      totalCount: result.totalCount,
      totalCountCapped: result.totalCountCapped,
      goals: group(result.groups[SearchKind.GOAL]),
      news: group(result.groups[SearchKind.NEWS]),
      events: group(result.groups[SearchKind.EVENT]),
      polls: group(result.groups[SearchKind.POLL]),
      occasions: group(result.groups[SearchKind.OCCASION]),
    };
  }
}

@Resolver(() => SearchHit)
export class SearchHitResolver {
  @FieldResolver(() => Event, {
    nullable: true,
    description:
      "For an EVENT hit, the event itself: when it takes place and whether it was cancelled, which a list of hits should show (a past or cancelled event reads like an upcoming one without them). Null for other kinds. The hits' events are read together.",
  })
  event(@Root() hit: SearchHit, @Ctx() ctx: Context): Promise<Event | null> | null {
    return hit.kind === SearchKind.EVENT ? ctx.loaders.eventById.load(hit.id) : null;
  }
}
