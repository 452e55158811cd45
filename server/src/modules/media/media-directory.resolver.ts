import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../common/errors';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Connection, PageArgs } from '../../common/pagination';
import { ExportMediaContactDataInput, ExportMediaContactDataPayload } from './contact-data';
import { MediaContact } from './media-contact.entity';
import {
  CreateMediaContactInput,
  CreateMediaContactPayload,
  CreateMediaOutletInput,
  CreateMediaOutletPayload,
  DeleteMediaContactInput,
  DeleteMediaContactPayload,
  DeleteMediaOutletInput,
  DeleteMediaOutletPayload,
  MediaContactFilter,
  MediaOutletFilter,
  UpdateMediaContactInput,
  UpdateMediaContactPayload,
  UpdateMediaOutletInput,
  UpdateMediaOutletPayload,
} from './media-directory.inputs';
import { MediaOutlet } from './media-outlet.entity';
import { MEDIA_STAFF } from './media.policy';
import { PressReleaseDistribution } from './press-release.entity';
import { RECEIVED_MAX } from './press-release.service';

export const MediaOutletConnection = Connection(MediaOutlet, 'MediaOutlet');
export const MediaContactConnection = Connection(MediaContact, 'MediaContact');

@Resolver(() => MediaOutlet)
export class MediaOutletResolver {
  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaOutletConnection, { description: 'Media outlets, by Persian name. Media officers and admins.' })
  mediaOutlets(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MediaOutletFilter, { nullable: true, description: 'Narrows the list.' }) filter: MediaOutletFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.mediaDirectory.listOutlets({ first: page.first, after: page.after, filter });
  }

  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaOutlet, { nullable: true, description: 'One media outlet; NOT_FOUND when there is none. Media officers and admins.' })
  async mediaOutlet(@Arg('id', () => ID, { description: "The outlet's id." }) id: string, @Ctx() ctx: Context): Promise<MediaOutlet> {
    const outlet = await ctx.loaders.mediaOutletById.load(id);
    if (!outlet) throw notFound('Media outlet');
    return outlet;
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => CreateMediaOutletPayload, {
    description:
      'Adds a media outlet. A Persian name already taken (ignoring ي/ی, ZWNJ and diacritics) is CONFLICT. Media officers and admins.',
  })
  async createMediaOutlet(
    @Arg('input', () => CreateMediaOutletInput, { description: 'The outlet.' }) input: CreateMediaOutletInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateMediaOutletPayload> {
    return { outlet: await ctx.services.mediaDirectory.createOutlet(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => UpdateMediaOutletPayload, { description: 'Changes a media outlet. Media officers and admins.' })
  async updateMediaOutlet(
    @Arg('input', () => UpdateMediaOutletInput, { description: 'The outlet and the changes.' }) input: UpdateMediaOutletInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateMediaOutletPayload> {
    return { outlet: await ctx.services.mediaDirectory.updateOutlet(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => DeleteMediaOutletPayload, {
    description: 'Deletes a media outlet nothing refers to any more (CONFLICT otherwise). Media officers and admins.',
  })
  async deleteMediaOutlet(
    @Arg('input', () => DeleteMediaOutletInput, { description: 'The outlet.' }) input: DeleteMediaOutletInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeleteMediaOutletPayload> {
    return { deletedOutletId: await ctx.services.mediaDirectory.deleteOutlet(actor, input.id) };
  }
}

@Resolver(() => MediaContact)
export class MediaContactResolver {
  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaContactConnection, {
    description: 'Media contacts (personal data), by name; searchable by name, role, beat and outlet. Media officers and admins.',
  })
  mediaContacts(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MediaContactFilter, { nullable: true, description: 'Narrows the list.' }) filter: MediaContactFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.mediaDirectory.listContacts({ first: page.first, after: page.after, filter });
  }

  @StaffOnly(...MEDIA_STAFF)
  @Query(() => MediaContact, { nullable: true, description: 'One media contact; NOT_FOUND when there is none. Media officers and admins.' })
  async mediaContact(@Arg('id', () => ID, { description: "The contact's id." }) id: string, @Ctx() ctx: Context): Promise<MediaContact> {
    const contact = await ctx.loaders.mediaContactById.load(id);
    if (!contact) throw notFound('Media contact');
    return contact;
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => CreateMediaContactPayload, {
    description: 'Adds a media contact. Bad phones or e-mail are BAD_USER_INPUT naming the field. Media officers and admins.',
  })
  async createMediaContact(
    @Arg('input', () => CreateMediaContactInput, { description: 'The contact.' }) input: CreateMediaContactInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateMediaContactPayload> {
    return { contact: await ctx.services.mediaDirectory.createContact(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => UpdateMediaContactPayload, { description: 'Changes a media contact. Media officers and admins.' })
  async updateMediaContact(
    @Arg('input', () => UpdateMediaContactInput, { description: 'The contact and the changes.' }) input: UpdateMediaContactInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateMediaContactPayload> {
    return { contact: await ctx.services.mediaDirectory.updateContact(actor, input) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => DeleteMediaContactPayload, {
    description:
      "Deletes a media contact for good (for example on request, as personal data): with their log entries, their places on distribution lists and their invitations, and with their data redacted from the audit log's snapshots (the rows stay, naming only ids). Media officers and admins.",
  })
  async deleteMediaContact(
    @Arg('input', () => DeleteMediaContactInput, { description: 'The contact.' }) input: DeleteMediaContactInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeleteMediaContactPayload> {
    return { deletedContactId: await ctx.services.mediaContactData.erase(actor, input.id) };
  }

  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => ExportMediaContactDataPayload, {
    description:
      'Everything held about a media contact, as data and as one JSON document, for their request to see it (audited). Media officers and admins.',
  })
  async exportMediaContactData(
    @Arg('input', () => ExportMediaContactDataInput, { description: 'The contact.' }) input: ExportMediaContactDataInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<ExportMediaContactDataPayload> {
    return ctx.services.mediaContactData.export(actor, input.id);
  }

  @FieldResolver(() => MediaOutlet, { nullable: true, description: 'The outlet they work for; null for freelancers.' })
  outlet(@Root() contact: MediaContact, @Ctx() ctx: Context): Promise<MediaOutlet | null> | null {
    return contact.outletId ? ctx.loaders.mediaOutletById.load(contact.outletId) : null;
  }

  @FieldResolver(() => [PressReleaseDistribution], {
    description: `The press releases sent to them (their places on distribution lists), newest sending first, at most ${RECEIVED_MAX}.`,
  })
  releasesReceived(@Root() contact: MediaContact, @Ctx() ctx: Context): Promise<PressReleaseDistribution[]> {
    return ctx.loaders.pressReleasesReceivedByContactId.load(contact.id);
  }
}
