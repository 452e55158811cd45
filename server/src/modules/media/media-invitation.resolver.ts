import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Connection, PageArgs } from '../../common/pagination';
import { Event } from '../events/event.entity';
import { StaffUser } from '../staff/staff.entity';
import { MediaContact } from './media-contact.entity';
import { MediaInvitation } from './media-invitation.entity';
import {
  InviteMediaContactsInput,
  InviteMediaContactsPayload,
  MediaInvitationFilter,
  RemoveMediaInvitationInput,
  RemoveMediaInvitationPayload,
  UpdateMediaInvitationInput,
  UpdateMediaInvitationPayload,
} from './media-invitation.inputs';
import { MEDIA_STAFF } from './media.policy';

export const MediaInvitationConnection = Connection(MediaInvitation, 'MediaInvitation');

@Resolver(() => MediaInvitation)
export class MediaInvitationResolver {
  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaInvitationConnection, {
    description: 'Invitations of media contacts to events, in the order they were made. Media officers and admins.',
  })
  mediaInvitations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MediaInvitationFilter, { nullable: true, description: 'Narrows the list (usually to one event).' })
    filter: MediaInvitationFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.mediaInvitations.list({ first: page.first, after: page.after, filter });
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => InviteMediaContactsPayload, {
    description:
      'Invites media contacts to an event; inviting someone twice changes nothing. With sendEmail, also e-mails the invitations with RSVP links (SERVICE_UNAVAILABLE when this server runs no e-mail queue). Media officers and admins.',
  })
  async inviteMediaContacts(
    @Arg('input', () => InviteMediaContactsInput, { description: 'The event and the contacts.' }) input: InviteMediaContactsInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<InviteMediaContactsPayload> {
    if (input.sendEmail) ctx.services.mail.ensureAvailable();
    const { invitations, added } = await ctx.services.mediaInvitations.invite(actor, input);
    const mailed = input.sendEmail
      ? await ctx.services.mail.emailInvitations(
          actor,
          invitations.map((i) => i.id),
        )
      : { deliveries: [], withoutEmail: [] };
    return { invitations, addedCount: added, emailDeliveries: mailed.deliveries, contactsWithoutEmail: mailed.withoutEmail };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => UpdateMediaInvitationPayload, {
    description: "Records a contact's reply to an invitation, or whether they came. Media officers and admins.",
  })
  async updateMediaInvitation(
    @Arg('input', () => UpdateMediaInvitationInput, { description: 'The invitation and what to record.' })
    input: UpdateMediaInvitationInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateMediaInvitationPayload> {
    return { invitation: await ctx.services.mediaInvitations.update(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => RemoveMediaInvitationPayload, { description: 'Removes an invitation made by mistake. Media officers and admins.' })
  async removeMediaInvitation(
    @Arg('input', () => RemoveMediaInvitationInput, { description: 'The invitation.' }) input: RemoveMediaInvitationInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<RemoveMediaInvitationPayload> {
    return { removedInvitationId: await ctx.services.mediaInvitations.remove(actor, input.id) };
  }

  @FieldResolver(() => MediaContact, { nullable: true, description: 'The invited contact.' })
  contact(@Root() invitation: MediaInvitation, @Ctx() ctx: Context): Promise<MediaContact | null> {
    return ctx.loaders.mediaContactById.load(invitation.contactId);
  }

  @FieldResolver(() => Event, {
    nullable: true,
    description: 'The event they are invited to (drafts included: media staff see every event).',
  })
  event(@Root() invitation: MediaInvitation, @Ctx() ctx: Context): Promise<Event | null> {
    return ctx.loaders.eventById.load(invitation.eventId);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member who invited them.' })
  invitedBy(@Root() invitation: MediaInvitation, @Ctx() ctx: Context): Promise<StaffUser | null> {
    return ctx.loaders.staffUserById.load(invitation.invitedById);
  }
}
