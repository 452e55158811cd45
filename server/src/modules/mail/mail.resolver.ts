import { IsOptional } from 'class-validator';
import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { CurrentActor, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { MediaContact } from '../media/media-contact.entity';
import { MEDIA_STAFF } from '../media/media.policy';
import { PressRelease } from '../media/press-release.entity';
import { MailDelivery, MailDeliveryStatus } from './mail-delivery.entity';
import { DELIVERIES_MAX } from './mail.service';
import { IdInput, IdsInput } from '../../common/validation';

@InputType({ description: 'A published press release to e-mail, to whom, and when.' })
export class EmailPressReleaseInput {
  @IdInput({ description: 'A PUBLISHED release (CONFLICT otherwise; NOT_FOUND when there is none).' })
  releaseId: string;

  @IdsInput({
    description:
      "The contacts, at most 2000; the release's distribution list when omitted. Contacts without an e-mail address are reported, not queued; BAD_USER_INPUT when none has one.",
    max: 2000,
    optional: true,
  })
  contactIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When to send: now when omitted or past; at most a year ahead.' })
  @IsOptional()
  sendAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'An embargo the e-mail states ("not for publication before …", in Persian, city time). It does not delay sending: use sendAt for that.',
  })
  @IsOptional()
  embargoUntil?: Date | null;
}

@ObjectType({ description: 'What emailPressRelease queued.' })
export class EmailPressReleasePayload {
  @Field(() => PressRelease, { description: 'The release.' })
  pressRelease: PressRelease;

  @Field(() => [MailDelivery], { description: 'One per contact with an address, in the order given: QUEUED, or SKIPPED_UNSUBSCRIBED.' })
  deliveries: MailDelivery[];

  @Field(() => Int, { description: 'How many e-mails were queued.' })
  queuedCount: number;

  @Field(() => [MediaContact], { description: 'Contacts not e-mailed because they have no address.' })
  contactsWithoutEmail: MediaContact[];
}

@Resolver()
export class MailResolver {
  @StaffOnly(...MEDIA_STAFF)
  @Mutation(() => EmailPressReleasePayload, {
    description:
      "E-mails a published press release (Persian HTML and plain text, with its page's link and an unsubscribe link) to contacts, one queued job per recipient, tried again with growing waits when the mail server fails. Media officers and admins. SERVICE_UNAVAILABLE when this server runs no e-mail queue.",
  })
  async emailPressRelease(
    @Arg('input', () => EmailPressReleaseInput, { description: 'The release, the contacts and the times.' }) input: EmailPressReleaseInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<EmailPressReleasePayload> {
    const { release, deliveries, withoutEmail } = await ctx.services.mail.emailPressRelease(actor, input);
    return {
      pressRelease: release,
      deliveries,
      queuedCount: deliveries.filter((d) => d.status === MailDeliveryStatus.QUEUED).length,
      contactsWithoutEmail: withoutEmail,
    };
  }
}

@Resolver(() => PressRelease)
export class PressReleaseMailResolver {
  @FieldResolver(() => [MailDelivery], {
    description: `The e-mails of this release to contacts and how each went, newest queued first, at most ${DELIVERIES_MAX}.`,
  })
  emailDeliveries(@Root() release: PressRelease, @Ctx() ctx: Context): Promise<MailDelivery[]> {
    return ctx.services.mail.deliveriesForRelease(release.id);
  }
}

@Resolver(() => MediaContact)
export class MediaContactMailResolver {
  @FieldResolver(() => [MailDelivery], {
    description: `The e-mails sent (or queued, or skipped) to them: releases and invitations, newest first, at most ${DELIVERIES_MAX}.`,
  })
  emailDeliveries(@Root() contact: MediaContact, @Ctx() ctx: Context): Promise<MailDelivery[]> {
    return ctx.services.mail.deliveriesForContact(contact.id);
  }
}

@Resolver(() => MailDelivery)
export class MailDeliveryResolver {
  @FieldResolver(() => PressRelease, { nullable: true, description: 'The release it carried (PRESS_RELEASE).' })
  async pressRelease(@Root() d: MailDelivery, @Ctx() ctx: Context): Promise<PressRelease | null> {
    return d.releaseId ? ((await ctx.services.pressReleases.findByIds([d.releaseId]))[0] ?? null) : null;
  }
}

export const MAIL_RESOLVERS = [MailResolver, PressReleaseMailResolver, MediaContactMailResolver, MailDeliveryResolver] as const;
