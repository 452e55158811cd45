import { ApiScope } from '../../partners/api-key.enums';
import { type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../../common/errors';
import { QUERY_TOO_EXPENSIVE } from '../../../graphql/heavy-fields';
import { StaffOnly, StaffOrApiKey } from '../../../graphql/access';
import { type Context } from '../../../graphql/context';
import { PageArgs } from '../../../common/pagination';
import { District } from '../../districts/district.entity';
import { PollResults, QuestionResult } from '../poll.types';
import { POLL_ANALYSTS } from '../poll.policy';
import {
  Crosstab,
  FreeTextAnswer,
  FreeTextAnswerConnection,
  PollInsights,
  QuestionTrend,
  QuestionWaves,
  WeightedQuestionResult,
  WordFrequency,
} from './insights.types';
import { MAX_TOP_WORDS } from './insights.service';

const questionArg = { description: 'A question of this poll.' } as const;

/** The request's reads of the poll, shared by every field that asks (the loaders keep one per poll). */
const source = (ctx: Context, insights: PollInsights) => ctx.loaders.insightsSource.load(insights.definition);

@Resolver(() => PollInsights)
export class PollInsightsResolver {
  @StaffOrApiKey(ApiScope.ANALYTICS_READ, ...POLL_ANALYSTS)
  @Query(() => PollInsights, {
    nullable: true,
    description:
      'Opinion analysis of a poll: results with intervals, crosstabs, daily trends, results weighted by district population, free-text answers and waves. Analysts, editors and admins, and API keys with ANALYTICS_READ (free-text answers excepted). Null, with a NOT_FOUND error, when there is no such poll.',
  })
  pollInsights(@Arg('pollId', () => ID, { description: 'The poll.' }) pollId: string, @Ctx() ctx: Context): Promise<PollInsights> {
    return ctx.services.pollInsights.open(pollId);
  }

  @FieldResolver(() => Int, { description: 'All responses so far.' })
  async responseCount(@Root() insights: PollInsights, @Ctx() ctx: Context): Promise<number> {
    return (await source(ctx, insights)).responseCount();
  }

  @FieldResolver(() => [QuestionResult], {
    description: 'Each question in order: counts, shares with 95 % Wilson intervals, rating means and distributions, NPS.',
  })
  async questions(@Root() insights: PollInsights, @Ctx() ctx: Context): Promise<QuestionResult[]> {
    return (await source(ctx, insights)).results();
  }

  @FieldResolver(() => Crosstab, {
    description:
      "A question by district (rows: districts; choice questions by option, RATING and NPS by value with each row's mean or score) or, with `byQuestionId`, a choice question by the options picked in another choice question. Counted from tallies, never from responses. Disclosure control: rows under the poll's `minResponses` and counts under 5 are withheld, with complements (docs/api.md). BAD_USER_INPUT when a question is not of a kind that can be broken down that way, or is crossed with itself. An expensive field: one per request (QUERY_TOO_EXPENSIVE).",
  })
  async crosstab(
    @Root() insights: PollInsights,
    @Arg('questionId', () => ID, questionArg) questionId: string,
    @Arg('byQuestionId', () => ID, {
      nullable: true,
      description: 'Another choice question of this poll (not the question itself); by district when omitted.',
    })
    byQuestionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Crosstab> {
    return ctx.services.pollInsights.crosstab(await source(ctx, insights), questionId, byQuestionId ?? null);
  }

  @FieldResolver(() => QuestionTrend, { description: "A question day by day (days in the city's time zone)." })
  async trend(
    @Root() insights: PollInsights,
    @Arg('questionId', () => ID, questionArg) questionId: string,
    @Ctx() ctx: Context,
  ): Promise<QuestionTrend> {
    return ctx.services.pollInsights.trend(await source(ctx, insights), questionId);
  }

  @FieldResolver(() => [WeightedQuestionResult], {
    description:
      'Each question except free-text ones, weighted by district population beside the raw results. An expensive field: one per request (QUERY_TOO_EXPENSIVE).',
  })
  async weightedResults(@Root() insights: PollInsights, @Ctx() ctx: Context): Promise<WeightedQuestionResult[]> {
    return ctx.services.pollInsights.weighted(await source(ctx, insights));
  }

  // Citizens' own words may carry personal details: staff sessions only, never API keys.
  @StaffOnly(...POLL_ANALYSTS)
  @FieldResolver(() => FreeTextAnswerConnection, {
    description:
      "A FREE_TEXT question's answers, newest first. Personal opinion: staff sessions only (not API keys). An expensive field: one per request (QUERY_TOO_EXPENSIVE).",
  })
  async freeTextAnswers(
    @Root() insights: PollInsights,
    @Arg('questionId', () => ID, questionArg) questionId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.pollInsights.freeTextAnswers(await source(ctx, insights), questionId, page);
  }

  @FieldResolver(() => WordFrequency, {
    description:
      "The most frequent words of a FREE_TEXT question's answers, Persian-aware (half-spaces kept), without stop words, from precomputed word tallies. API keys see only words that at least 5 respondents used. An expensive field: one per request (QUERY_TOO_EXPENSIVE).",
  })
  async wordFrequency(
    @Root() insights: PollInsights,
    @Arg('questionId', () => ID, questionArg) questionId: string,
    @Arg('top', () => Int, { defaultValue: 30, description: `How many words: 1 to ${MAX_TOP_WORDS}.` }) top: number,
    @Ctx() ctx: Context,
  ): Promise<WordFrequency> {
    return ctx.services.pollInsights.wordFrequency(await source(ctx, insights), questionId, top, ctx.apiKey !== null);
  }

  @FieldResolver(() => [QuestionWaves], {
    description: 'Each question across every wave of the survey (polls sharing `seriesId`), with the change between the last two waves.',
  })
  async waves(@Root() insights: PollInsights, @Ctx() ctx: Context): Promise<QuestionWaves[]> {
    return ctx.services.pollInsights.waves(await source(ctx, insights));
  }
}

@Resolver(() => FreeTextAnswer)
export class FreeTextAnswerResolver {
  @FieldResolver(() => District, { nullable: true, description: 'The district the respondent gave; null when none.' })
  district(@Root() answer: FreeTextAnswer, @Ctx() ctx: Context): Promise<District | null> | null {
    return answer.districtId ? ctx.loaders.districtById.load(answer.districtId) : null;
  }
}

@Resolver(() => PollResults)
export class PollResultsByDistrictResolver {
  // Reached only through results the caller may read (pollResults, a submission's results, the live
  // subscription, each checking the poll's results visibility), so it needs no check of its own.
  @FieldResolver(() => Crosstab, {
    nullable: true,
    description:
      "A question by district, for whoever may read these results: the same table and the same disclosure control as the staff `pollInsights.crosstab` without `byQuestionId` (a district's row withheld under the poll's `minResponses`, counts under 5 withheld, with complements; docs/api.md). Null when the poll does not ask respondents' district (`asksDistrict`). BAD_USER_INPUT when the question is not of this poll or is FREE_TEXT. An expensive field: one per request, and not on the `pollResultsUpdated` subscription (QUERY_TOO_EXPENSIVE).",
  })
  async byDistrict(
    @Root() results: PollResults,
    @Arg('questionId', () => ID, { description: 'A question of this poll (any kind but FREE_TEXT).' }) questionId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Crosstab | null> {
    // A subscription is not counted by the one-expensive-field rule (an HTTP plugin) and would
    // recompute the table on every push: ask pollResults for it instead.
    if (info.operation.operation === 'subscription')
      throw new AppError(QUERY_TOO_EXPENSIVE, 'byDistrict is not served on a subscription: read it with pollResults.', {
        maxHeavyFields: 0,
      });
    const insights = ctx.services.pollInsights;
    const { definition } = await insights.open(results.poll.id);
    if (!definition.poll.asksDistrict) return null;
    // A fresh read, not the request's shared one: a live subscription keeps its context across pushes.
    return insights.crosstab(insights.source(definition), questionId, null);
  }
}
