import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, Public, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { Connection, PageArgs } from '../../common/pagination';
import { Goal } from './goal.entity';
import {
  CreateGoalInput,
  CreateGoalPayload,
  DeleteGoalInput,
  DeleteGoalPayload,
  GoalFilter,
  UpdateGoalInput,
  UpdateGoalPayload,
} from './goal.inputs';
import { GOAL_EDITORS } from './goal.policy';
import { GoalIndicator } from './goal-indicator.entity';

export const GoalConnection = Connection(Goal, 'Goal');

const localeArg = { nullable: true, description: 'Overrides the request language.' } as const;

@Resolver(() => Goal)
export class GoalResolver {
  @Public()
  @Query(() => GoalConnection, { description: "The PR office's goals and programs, in display order." })
  goals(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => GoalFilter, { nullable: true, description: 'Narrows the list.' }) filter: GoalFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.goals.list(ctx.viewer, { first: page.first, after: page.after, filter });
  }

  @Public()
  @Query(() => Goal, { nullable: true, description: 'One goal. Null, with a NOT_FOUND error, when there is none the caller may see.' })
  async goal(@Arg('id', () => ID, { description: "The goal's id." }) id: string, @Ctx() ctx: Context): Promise<Goal> {
    return ctx.services.goals.visibleOrNotFound(ctx.viewer, await ctx.loaders.goalById.load(id));
  }

  @StaffOnly(...GOAL_EDITORS)
  @Mutation(() => CreateGoalPayload, { description: 'Creates a goal. Editors and admins.' })
  async createGoal(
    @Arg('input', () => CreateGoalInput, { description: 'The goal to create.' }) input: CreateGoalInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateGoalPayload> {
    return { goal: await ctx.services.goals.create(actor, input) };
  }

  @StaffOnly(...GOAL_EDITORS)
  @Mutation(() => UpdateGoalPayload, { description: 'Changes a goal. Editors and admins.' })
  async updateGoal(
    @Arg('input', () => UpdateGoalInput, { description: 'The goal and the changes to make.' }) input: UpdateGoalInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateGoalPayload> {
    return { goal: await ctx.services.goals.update(actor, input) };
  }

  @StaffOnly(...GOAL_EDITORS)
  @Mutation(() => DeleteGoalPayload, { description: 'Deletes a goal for good; prefer status ARCHIVED to hide one. Editors and admins.' })
  async deleteGoal(
    @Arg('input', () => DeleteGoalInput, { description: 'The goal to delete.' }) input: DeleteGoalInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeleteGoalPayload> {
    return { deletedGoalId: await ctx.services.goals.delete(actor, input.id) };
  }

  @FieldResolver(() => String, { description: 'The title in the requested language.' })
  title(@Root() goal: Goal, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: goal.titleFa, en: goal.titleEn }, locale ?? ctx.locale) ?? goal.titleFa;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The description in the requested language, if there is one.' })
  description(@Root() goal: Goal, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string | null {
    return pick({ fa: goal.descriptionFa, en: goal.descriptionEn }, locale ?? ctx.locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'The title in both languages.' })
  titleTranslations(@Root() goal: Goal): LocalizedText {
    return { fa: goal.titleFa, en: goal.titleEn };
  }

  @FieldResolver(() => LocalizedText, { description: 'The description in both languages (fa is empty when there is none).' })
  descriptionTranslations(@Root() goal: Goal): LocalizedText {
    return { fa: goal.descriptionFa ?? '', en: goal.descriptionEn };
  }

  @FieldResolver(() => [GoalIndicator], {
    description: 'How the goal is measured: indicators read from poll results, each with a target; oldest first.',
  })
  indicators(@Root() goal: Goal, @Ctx() ctx: Context): Promise<GoalIndicator[]> {
    return ctx.loaders.goalIndicatorsByGoalId.load(goal.id);
  }
}
