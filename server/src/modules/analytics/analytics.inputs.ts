import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ScreenClass } from './analytics.enums';
import { SiteStats } from './analytics.types';
import { LANGUAGE_MAX, PATH_MAX_SENT, REFERRER_MAX, TITLE_MAX } from './beacon';

/** The largest figure the counters hold (GraphQL Int). */
export const COUNTER_MAX = 2_000_000_000;

@InputType({ description: "A page view seen by a partner app, as the site's beacon reports one." })
export class TrackPageviewInput {
  @Field({
    description: `The page's path, starting with "/", at most ${PATH_MAX_SENT} characters. A query string or fragment is dropped, never stored.`,
  })
  @MaxLength(PATH_MAX_SENT)
  path: string;

  @Field(() => String, {
    nullable: true,
    description: `The referring page's URL (only its host is kept), at most ${REFERRER_MAX} characters.`,
  })
  @IsOptional()
  @MaxLength(REFERRER_MAX)
  referrer?: string | null;

  @Field(() => ScreenClass, { nullable: true, description: 'The width class of the screen.' })
  @IsOptional()
  screen?: ScreenClass | null;

  @Field(() => String, {
    nullable: true,
    description: `The reader's language tag, e.g. fa-IR (only the primary language is kept); the request's Accept-Language when omitted. At most ${LANGUAGE_MAX} characters.`,
  })
  @IsOptional()
  @MaxLength(LANGUAGE_MAX)
  language?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The page's title, at most ${TITLE_MAX} characters; staff see a path's latest title beside it. Send none for a page whose title shows what the reader typed (a search).`,
  })
  @IsOptional()
  @MaxLength(TITLE_MAX)
  title?: string | null;
}

@ObjectType({ description: 'The outcome of trackPageview.' })
export class TrackPageviewPayload {
  @Field({ description: "True when the page view was counted; false when it was ignored because the user agent is a bot's." })
  counted: boolean;
}

@InputType({
  description: "The counters of the customer's previous site, carried over so the figures continue instead of starting from zero.",
})
export class ImportSiteCountersInput {
  @Field(() => Int, {
    description: `All visits counted by the previous site (0 to ${COUNTER_MAX}). Replaces any figure imported before; visits counted here are added to it.`,
  })
  @Min(0)
  @Max(COUNTER_MAX)
  total: number;

  @Field(() => Int, { description: "The previous site's most visits in one day; at most `total`." })
  @Min(0)
  @Max(COUNTER_MAX)
  maxDaily: number;

  @Field(() => String, {
    nullable: true,
    description: 'The day of that record, as a LocalDate (YYYY-MM-DD), not after today; omit it when unknown.',
  })
  @IsOptional()
  @MaxLength(10)
  maxDailyDate?: string | null;
}

@ObjectType({ description: 'The outcome of importSiteCounters.' })
export class ImportSiteCountersPayload {
  @Field(() => SiteStats, { description: 'The counters with the imported figures.' })
  siteStats: SiteStats;
}
