import { Arg, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { Poll } from '../polls/poll.entity';
import { canSeePoll } from '../polls/poll.policy';
import { effectiveStatus } from '../polls/poll-status';
import { GoalIndicator } from './goal-indicator.entity';
import { AddGoalIndicatorInput, RemoveGoalIndicatorInput, UpdateGoalIndicatorInput } from './goal-indicator.inputs';
import { canReadIndicatorValue, isOnTarget } from './goal-indicator.policy';
import { type IndicatorReading, readIndicator } from './goal-indicator.reading';
import { AddGoalIndicatorPayload, RemoveGoalIndicatorPayload, UpdateGoalIndicatorPayload } from './goal-indicator.types';
import { GOAL_EDITORS } from './goal.policy';

const localeArg = { nullable: true, description: 'Overrides the request language.' } as const;
const HIDDEN = "Null without answers, and when the caller may not read the poll's results (see `resultsVisible`).";

@Resolver(() => GoalIndicator)
export class GoalIndicatorResolver {
  @StaffOnly(...GOAL_EDITORS)
  @Mutation(() => AddGoalIndicatorPayload, {
    description:
      "Adds an indicator to a goal: a poll result (an option's share, a mean rating or an NPS) and a target. The poll, question, option and target are checked (BAD_USER_INPUT with `field`). Editors and admins.",
  })
  async addGoalIndicator(
    @Arg('input', () => AddGoalIndicatorInput, { description: 'The goal and the indicator.' }) input: AddGoalIndicatorInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<AddGoalIndicatorPayload> {
    return ctx.services.goalIndicators.add(actor, input);
  }

  @StaffOnly(...GOAL_EDITORS)
  @Mutation(() => UpdateGoalIndicatorPayload, {
    description: 'Changes an indicator; the result is checked like a new one. Editors and admins.',
  })
  async updateGoalIndicator(
    @Arg('input', () => UpdateGoalIndicatorInput, { description: 'The indicator and the changes.' }) input: UpdateGoalIndicatorInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateGoalIndicatorPayload> {
    return ctx.services.goalIndicators.update(actor, input);
  }

  @StaffOnly(...GOAL_EDITORS)
  @Mutation(() => RemoveGoalIndicatorPayload, { description: 'Removes an indicator from its goal. Editors and admins.' })
  async removeGoalIndicator(
    @Arg('input', () => RemoveGoalIndicatorInput, { description: 'The indicator to remove.' }) input: RemoveGoalIndicatorInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<RemoveGoalIndicatorPayload> {
    return ctx.services.goalIndicators.remove(actor, input.id);
  }

  @FieldResolver(() => String, { description: 'The label in the requested language.' })
  label(@Root() indicator: GoalIndicator, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: indicator.labelFa, en: indicator.labelEn }, locale ?? ctx.locale) ?? indicator.labelFa;
  }

  @FieldResolver(() => LocalizedText, { description: 'The label in both languages.' })
  labelTranslations(@Root() indicator: GoalIndicator): LocalizedText {
    return { fa: indicator.labelFa, en: indicator.labelEn };
  }

  @FieldResolver(() => Poll, {
    nullable: true,
    description: 'The poll it reads; null when the caller may not see the poll (a draft, to the public).',
  })
  async poll(@Root() indicator: GoalIndicator, @Ctx() ctx: Context): Promise<Poll | null> {
    const poll = await ctx.loaders.pollById.load(indicator.pollId);
    return poll && canSeePoll(ctx.viewer, effectiveStatus(poll)) ? poll : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the caller may read the value: always for staff; for everyone else only when the poll is published with PUBLIC results.',
  })
  async resultsVisible(@Root() indicator: GoalIndicator, @Ctx() ctx: Context): Promise<boolean> {
    return (await this.visiblePoll(indicator, ctx)) !== null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: `The value now, on the metric's scale (a share from 0 to 1, a mean rating from 1 to 5, an NPS from −100 to 100). ${HIDDEN}`,
  })
  async currentValue(@Root() indicator: GoalIndicator, @Ctx() ctx: Context): Promise<number | null> {
    return (await this.reading(indicator, ctx))?.value ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `Responses that answered the question: what the value is computed from (0 without answers). Null when the caller may not read the poll's results.`,
  })
  async responseCount(@Root() indicator: GoalIndicator, @Ctx() ctx: Context): Promise<number | null> {
    return (await this.reading(indicator, ctx))?.responseCount ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Disclosure control: true when the value is withheld (null) although the question has answers: fewer than the poll's `minResponses`, or a suppressed small count. Null when the caller may not read the poll's results.",
  })
  async withheld(@Root() indicator: GoalIndicator, @Ctx() ctx: Context): Promise<boolean | null> {
    return (await this.reading(indicator, ctx))?.withheld ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many more answers the question needs before the value is shown; 0 once it is. Null when the caller may not read the poll's results.",
  })
  async responsesNeeded(@Root() indicator: GoalIndicator, @Ctx() ctx: Context): Promise<number | null> {
    return (await this.reading(indicator, ctx))?.responsesNeeded ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `Whether the value meets the target in the indicator's direction. ${HIDDEN}`,
  })
  async onTarget(@Root() indicator: GoalIndicator, @Ctx() ctx: Context): Promise<boolean | null> {
    const reading = await this.reading(indicator, ctx);
    return reading ? isOnTarget(reading.value, indicator.target, indicator.direction) : null;
  }

  private async visiblePoll(indicator: GoalIndicator, ctx: Context): Promise<Poll | null> {
    const poll = await ctx.loaders.pollById.load(indicator.pollId);
    if (!poll) return null;
    return canReadIndicatorValue(ctx.viewer, { status: effectiveStatus(poll), resultsVisibility: poll.resultsVisibility }) ? poll : null;
  }

  /** Null when the caller may not read the poll's results. Both loaders are per request, so fields share one read. */
  private async reading(indicator: GoalIndicator, ctx: Context): Promise<IndicatorReading | null> {
    const poll = await this.visiblePoll(indicator, ctx);
    if (!poll) return null;
    const results = await ctx.loaders.indicatorPollResultsByPollId.load(poll.id);
    return results ? readIndicator(indicator, results) : null;
  }
}
