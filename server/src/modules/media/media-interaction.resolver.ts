import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../common/errors';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Connection, PageArgs } from '../../common/pagination';
import { StaffUser } from '../staff/staff.entity';
import { isLocalDate } from './local-date';
import { MediaContact } from './media-contact.entity';
import { MediaInteraction } from './media-interaction.entity';
import {
  CompleteMediaFollowUpInput,
  CompleteMediaFollowUpPayload,
  LogMediaInteractionInput,
  LogMediaInteractionPayload,
  MediaInteractionFilter,
  UpdateMediaInteractionInput,
  UpdateMediaInteractionPayload,
} from './media-interaction.inputs';
import { MEDIA_STAFF } from './media.policy';

export const MediaInteractionConnection = Connection(MediaInteraction, 'MediaInteraction');

@Resolver(() => MediaInteraction)
export class MediaInteractionResolver {
  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaInteractionConnection, { description: "The spokesperson's log, newest first. Media officers and admins." })
  mediaInteractions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MediaInteractionFilter, { nullable: true, description: 'Narrows the list.' })
    filter: MediaInteractionFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.mediaInteractions.list({ first: page.first, after: page.after, filter });
  }

  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaInteractionConnection, {
    description: 'Open follow-ups (not yet done), the oldest due day first. Media officers and admins.',
  })
  mediaFollowUps(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('dueBefore', () => String, {
      nullable: true,
      description:
        'Only follow-ups due before this day (a LocalDate, YYYY-MM-DD, exclusive): pass tomorrow for everything due by today. All open ones when omitted.',
    })
    dueBefore: string | null,
    @Ctx() ctx: Context,
  ) {
    if (dueBefore != null && !isLocalDate(dueBefore)) throw badInput('dueBefore must be a calendar day written YYYY-MM-DD.', 'dueBefore');
    return ctx.services.mediaInteractions.openFollowUps({ first: page.first, after: page.after, dueBefore });
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => LogMediaInteractionPayload, {
    description: "Writes an entry in the spokesperson's log, optionally with a follow-up day. Media officers and admins.",
  })
  async logMediaInteraction(
    @Arg('input', () => LogMediaInteractionInput, { description: 'The entry.' }) input: LogMediaInteractionInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<LogMediaInteractionPayload> {
    return { interaction: await ctx.services.mediaInteractions.log(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => UpdateMediaInteractionPayload, { description: 'Corrects an entry of the log. Media officers and admins.' })
  async updateMediaInteraction(
    @Arg('input', () => UpdateMediaInteractionInput, { description: 'The entry and the changes.' }) input: UpdateMediaInteractionInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateMediaInteractionPayload> {
    return { interaction: await ctx.services.mediaInteractions.update(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => CompleteMediaFollowUpPayload, {
    description:
      "Marks an entry's follow-up done; it leaves `mediaFollowUps`. Done already: returned unchanged. An entry without a follow-up is BAD_USER_INPUT. Media officers and admins.",
  })
  async completeMediaFollowUp(
    @Arg('input', () => CompleteMediaFollowUpInput, { description: 'The entry.' }) input: CompleteMediaFollowUpInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CompleteMediaFollowUpPayload> {
    return { interaction: await ctx.services.mediaInteractions.completeFollowUp(actor, input.interactionId) };
  }

  @FieldResolver(() => MediaContact, { nullable: true, description: 'The contact.' })
  contact(@Root() entry: MediaInteraction, @Ctx() ctx: Context): Promise<MediaContact | null> {
    return ctx.loaders.mediaContactById.load(entry.contactId);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member who dealt with the contact.' })
  staff(@Root() entry: MediaInteraction, @Ctx() ctx: Context): Promise<StaffUser | null> {
    return ctx.loaders.staffUserById.load(entry.staffId);
  }

  @FieldResolver(() => Boolean, { description: "True while the follow-up is open and its day has passed (in the city's time zone)." })
  followUpOverdue(@Root() entry: MediaInteraction, @Ctx() ctx: Context): boolean {
    return ctx.services.mediaInteractions.isOverdue(entry);
  }
}
