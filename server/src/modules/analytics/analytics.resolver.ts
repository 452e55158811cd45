import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../common/errors';
import { Public, StaffOnly, StaffOrApiKey } from '../../graphql/access';
import { ApiScope } from '../partners/api-key.enums';
import { type Context } from '../../graphql/context';
import { TrafficDimension } from './analytics.enums';
import { ImportSiteCountersInput, ImportSiteCountersPayload, TrackPageviewInput, TrackPageviewPayload } from './analytics.inputs';
import { COUNTER_IMPORTERS, TRAFFIC_MAX_DAYS, TRAFFIC_READERS } from './analytics.policy';
import { ScreenTraffic, SiteStats, SiteTraffic, SiteTrafficDay, TrafficCount } from './analytics.types';
import { checkPageView, PageViewError } from './beacon';

const MAX_FIRST = 50;
const firstArg = { defaultValue: 10, description: `How many, most first (1 to ${MAX_FIRST}).` } as const;

function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw badInput(`first must be between 1 and ${MAX_FIRST}.`, 'first');
  return first;
}

@Resolver()
export class SiteStatsResolver {
  @Public()
  @Query(() => SiteStats, {
    description:
      "The site's four counters (visits today, yesterday, in all, and the record day) and page views. From rollups: constant time.",
  })
  siteStats(@Ctx() ctx: Context): Promise<SiteStats> {
    return ctx.services.analytics.siteStats();
  }

  @Public({ apiScope: ApiScope.SUBMIT_RESPONSES })
  @Mutation(() => TrackPageviewPayload, {
    description:
      "Reports a page view seen by a partner app (the site itself uses the POST /collect beacon). The visitor is the caller's address and user agent, hashed under a salt of the day and never stored; bots are not counted. BAD_USER_INPUT names the field at fault.",
  })
  async trackPageview(
    @Arg('input', () => TrackPageviewInput, { description: 'The page view.' }) input: TrackPageviewInput,
    @Ctx() ctx: Context,
  ): Promise<TrackPageviewPayload> {
    let fields;
    try {
      fields = checkPageView(input, 'input.');
    } catch (err) {
      if (err instanceof PageViewError) throw badInput(err.message, err.field ?? 'input');
      throw err;
    }
    if (!ctx.client) return { counted: false };
    const outcome = await ctx.services.analytics.record(ctx.client, fields);
    return { counted: outcome === 'COUNTED' };
  }

  @StaffOnly(...COUNTER_IMPORTERS)
  @Mutation(() => ImportSiteCountersPayload, {
    description:
      "Carries over the previous site's counters (all visits and the record day) so the figures continue from them. Replaces an earlier import. Admins only.",
  })
  async importSiteCounters(
    @Arg('input', () => ImportSiteCountersInput, { description: "The previous site's figures." }) input: ImportSiteCountersInput,
    @Ctx() ctx: Context,
  ): Promise<ImportSiteCountersPayload> {
    return { siteStats: await ctx.services.analytics.importCounters(ctx.viewer, input, ctx.requestId) };
  }
}

@Resolver(() => SiteTraffic)
export class SiteTrafficResolver {
  @StaffOrApiKey(ApiScope.ANALYTICS_READ, ...TRAFFIC_READERS)
  @Query(() => SiteTraffic, {
    description: `The site's traffic over a range of days in the city's time zone (at most ${TRAFFIC_MAX_DAYS} days): the daily series, top pages and referrers, screens, languages, and who is on the site now. Any staff role, and API keys with ANALYTICS_READ.`,
  })
  siteTraffic(
    @Arg('from', { description: 'The first day, as a LocalDate (YYYY-MM-DD).' }) from: string,
    @Arg('to', { description: 'The last day, included, as a LocalDate (YYYY-MM-DD).' }) to: string,
    @Ctx() ctx: Context,
  ): SiteTraffic {
    return ctx.services.analytics.traffic(from, to);
  }

  @FieldResolver(() => [SiteTrafficDay], { description: 'Every day of the range, oldest first, days without traffic included.' })
  days(@Root() range: SiteTraffic, @Ctx() ctx: Context): Promise<SiteTrafficDay[]> {
    return ctx.services.analytics.days(range);
  }

  @FieldResolver(() => Int, {
    description: "Visits in the range: each day's unique visitors, added up (someone who came on two days counts twice).",
  })
  async visits(@Root() range: SiteTraffic, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.analytics.totals(range)).visits;
  }

  @FieldResolver(() => Int, { description: 'Page views in the range.' })
  async pageViews(@Root() range: SiteTraffic, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.analytics.totals(range)).pageViews;
  }

  @FieldResolver(() => [TrafficCount], { description: 'The most viewed pages (paths without query strings), by page views.' })
  topPages(@Root() range: SiteTraffic, @Arg('first', () => Int, firstArg) first: number, @Ctx() ctx: Context): Promise<TrafficCount[]> {
    return ctx.services.analytics.top(range, TrafficDimension.PAGE, checkFirst(first));
  }

  @FieldResolver(() => [TrafficCount], {
    description:
      "Where visits came from: referring sites by host name, by visits; null counts visits with no referrer. Links between the site's own pages are not referrers.",
  })
  topReferrers(@Root() range: SiteTraffic, @Arg('first', () => Int, firstArg) first: number, @Ctx() ctx: Context): Promise<TrafficCount[]> {
    return ctx.services.analytics.top(range, TrafficDimension.REFERRER, checkFirst(first));
  }

  @FieldResolver(() => [ScreenTraffic], { description: 'Device classes by screen width, by visits.' })
  devices(@Root() range: SiteTraffic, @Ctx() ctx: Context): Promise<ScreenTraffic[]> {
    return ctx.services.analytics.screens(range);
  }

  @FieldResolver(() => [TrafficCount], { description: "Readers' languages (primary subtag: fa, en, ...), by visits." })
  languages(@Root() range: SiteTraffic, @Arg('first', () => Int, firstArg) first: number, @Ctx() ctx: Context): Promise<TrafficCount[]> {
    return ctx.services.analytics.top(range, TrafficDimension.LANGUAGE, checkFirst(first));
  }

  @FieldResolver(() => Int, { description: 'Visitors with a page view in the last 5 minutes (whatever the range).' })
  activeVisitors(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.analytics.activeVisitors();
  }
}
