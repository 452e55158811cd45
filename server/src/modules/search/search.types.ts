import { Field, ID, Int, ObjectType } from 'type-graphql';
import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

export const SearchKind = graphqlEnum('SearchKind', 'What a site-search hit is.', {
  GOAL: 'A public goal (`goal(id:)`).',
  NEWS: 'A published news item (`newsItem(slug:)`).',
  EVENT: 'A public event (`event(id:)`).',
  POLL: 'A public poll (`poll(id:)`).',
  OCCASION: 'A national or religious occasion, as its next day in the calendar (`event(id:)`).',
});
export type SearchKind = EnumValue<typeof SearchKind>;

@ObjectType({ description: 'One item found by the site search.' })
export class SearchHit {
  @Field(() => SearchKind, { description: 'What the item is.' })
  kind: SearchKind;

  @Field(() => ID, {
    description: "The item's id (for news, the NewsItem id; for an occasion, the id of its next day, which `event(id:)` takes).",
  })
  id: string;

  @Field({ description: "The item's title in the requested language (Persian when there is no English)." })
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'The start of its description or summary in the requested language, at most about 160 characters; null when it has none.',
  })
  snippet: string | null;

  @Field({
    description:
      "The public site's path to the item, without the language prefix: `/goals/{id}`, `/news/{slug}`, `/events/{id}` or `/polls/{id}` (an occasion's next day is `/events/{id}`).",
  })
  path: string;

  @Field(() => String, {
    nullable: true,
    description:
      'For an occasion, the day of its next occurrence, as a LocalDate (YYYY-MM-DD, Gregorian) in the city; null for the other kinds.',
  })
  date: string | null;
}

@ObjectType({ description: 'The hits of one kind.' })
export class SearchGroup {
  @Field(() => SearchKind, { description: 'The kind of every hit in the group.' })
  kind: SearchKind;

  @Field(() => Int, {
    description: 'How many items of this kind match, counted up to 100 (see `totalCountCapped`), of which `hits` holds the first.',
  })
  totalCount: number;

  @Field({ description: 'True when more items of this kind match than `totalCount` says: counting stops at 100 ("more than 100").' })
  totalCountCapped: boolean;

  @Field(() => [SearchHit], {
    description: 'The first matches: goals in display order, news and events newest first, polls newest first, occasions soonest first.',
  })
  hits: SearchHit[];
}

@ObjectType({ description: 'What the site search found, grouped by kind.' })
export class SearchResults {
  @Field({ description: 'The query as it was asked.' })
  query: string;

  @Field(() => Int, { description: 'How many items match, over all kinds (each kind counted up to 100).' })
  totalCount: number;

  @Field({ description: 'True when some kind has more matches than it counted: the total is then a lower bound.' })
  totalCountCapped: boolean;

  @Field(() => SearchGroup, { description: 'Matching public goals.' })
  goals: SearchGroup;

  @Field(() => SearchGroup, { description: 'Matching published news.' })
  news: SearchGroup;

  @Field(() => SearchGroup, { description: 'Matching public events.' })
  events: SearchGroup;

  @Field(() => SearchGroup, { description: 'Matching public polls (open, or closed in the last 30 days).' })
  polls: SearchGroup;

  @Field(() => SearchGroup, { description: 'Matching national and religious occasions, each as its next day in the calendar.' })
  occasions: SearchGroup;
}
