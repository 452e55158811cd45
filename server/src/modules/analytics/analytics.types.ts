import { Field, Int, ObjectType } from 'type-graphql';
import { ScreenClass } from './analytics.enums';

@ObjectType({
  description:
    "The site's visit counters. A visit is a unique visitor on one day (days in the city's time zone); visitors are counted without cookies and without storing addresses. Page views are every page shown. Figures lag the site by at most about a second (page views are written in batches).",
})
export class SiteStats {
  @Field({ description: "The city's current day, as a LocalDate (YYYY-MM-DD): the day `today` counts." })
  date: string;

  @Field({ description: 'The IANA time zone days are counted in, e.g. Asia/Tehran.' })
  timeZone: string;

  @Field(() => Int, { description: 'Visits today: unique visitors since midnight in the city.' })
  today: number;

  @Field(() => Int, { description: 'Visits yesterday.' })
  yesterday: number;

  @Field(() => Int, { description: 'All visits: the figure carried over from the previous site plus every day counted since.' })
  total: number;

  @Field(() => Int, { description: "The most visits in one day: the previous site's record, or a higher day counted since." })
  maxDaily: number;

  @Field(() => String, {
    nullable: true,
    description: 'The day of the record, as a LocalDate; null when the record was carried over from the previous site without its date.',
  })
  maxDailyDate: string | null;

  @Field(() => Int, { description: 'Page views today.' })
  pageViewsToday: number;

  @Field(() => Int, { description: 'Page views yesterday.' })
  pageViewsYesterday: number;

  @Field(() => Int, { description: 'Page views counted since this site started counting (the previous site counted visits only).' })
  pageViewsTotal: number;
}

@ObjectType({ description: "One day of site traffic (a day in the city's time zone)." })
export class SiteTrafficDay {
  @Field({ description: 'The day, as a LocalDate (YYYY-MM-DD).' })
  date: string;

  @Field(() => Int, { description: 'Visits: unique visitors that day.' })
  visitors: number;

  @Field(() => Int, { description: 'Page views that day.' })
  pageViews: number;
}

@ObjectType({ description: 'Traffic with one value of a dimension (a page, a referring site, a language).' })
export class TrafficCount {
  @Field(() => String, {
    nullable: true,
    description:
      "The page's path, the referring site's host name (without www.) or the primary language subtag (fa, en). Null: no referrer (a typed address, a bookmark, an app) or an unknown language.",
  })
  value: string | null;

  @Field(() => Int, { description: 'Page views with this value in the range.' })
  pageViews: number;

  @Field(() => Int, { description: 'Visits whose first page view of the day had this value (for pages: visits that landed on it).' })
  visits: number;

  @Field(() => String, {
    nullable: true,
    description: "Pages only: the page's latest title, as the site reported it; null when none was reported (and for other dimensions).",
  })
  title?: string | null;
}

@ObjectType({ description: 'Traffic from one class of screen width.' })
export class ScreenTraffic {
  @Field(() => ScreenClass, { nullable: true, description: 'The screen class; null when the page view did not say.' })
  screen: ScreenClass | null;

  @Field(() => Int, { description: 'Page views from this class of screen in the range.' })
  pageViews: number;

  @Field(() => Int, { description: 'Visits whose first page view of the day came from this class of screen.' })
  visits: number;
}

@ObjectType({
  description:
    "The site's traffic over a range of days (in the city's time zone), from the daily rollups: it does not change when old raw page views are deleted.",
})
export class SiteTraffic {
  @Field({ description: 'The first day of the range, as a LocalDate.' })
  from: string;

  @Field({ description: 'The last day of the range, as a LocalDate (included).' })
  to: string;
}
