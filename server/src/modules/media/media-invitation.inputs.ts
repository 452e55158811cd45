import { MailDelivery } from '../mail/mail-delivery.entity';
import { MediaContact } from './media-contact.entity';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IdInput, IdsInput, TextInput } from '../../common/validation';
import { MediaInvitation } from './media-invitation.entity';
import { MediaInvitationReply } from './media.enums';

export const INVITATION_BATCH_MAX = 500;
const NOTE_MAX = 1000;

@InputType({ description: 'Which invitations to list.' })
export class MediaInvitationFilter {
  @IdInput({ description: 'Only invitations to this event.', optional: true })
  eventId?: string | null;

  @IdInput({ description: 'Only invitations of this contact.', optional: true })
  contactId?: string | null;

  @Field(() => [MediaInvitationReply], { nullable: true, description: 'Only invitations with these replies.' })
  @IsOptional()
  @ArrayMaxSize(4)
  replies?: MediaInvitationReply[] | null;
}

@InputType({ description: 'Contacts to invite to an event.' })
export class InviteMediaContactsInput {
  @IdInput({ description: 'The event (a calendar event, not an occurrence of a recurring occasion).' })
  eventId: string;

  @IdsInput({
    description: `1 to ${INVITATION_BATCH_MAX} contacts. A contact already invited keeps their invitation as it is.`,
    max: INVITATION_BATCH_MAX,
    min: 1,
  })
  contactIds: string[];

  @TextInput({
    description: `A note on the new invitations, at most ${NOTE_MAX} characters of plain text.`,
    max: NOTE_MAX,
    optional: true,
    allowBlank: true,
  })
  note?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also e-mail each invitation (given ones included) with RSVP links that record the reply; contacts without an address are listed in contactsWithoutEmail. Default false.',
  })
  @IsOptional()
  sendEmail?: boolean | null;
}

@InputType({ description: 'A reply or attendance to record. Omitted fields keep their value.' })
export class UpdateMediaInvitationInput {
  @IdInput({ description: 'The invitation.' })
  id: string;

  @Field(() => MediaInvitationReply, { nullable: true, description: 'Their reply; AWAITING takes a reply back. Cannot be cleared.' })
  @IsOptional()
  reply?: MediaInvitationReply | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether they came; null for not known.' })
  @IsOptional()
  attended?: boolean | null;

  @TextInput({ description: 'A note, plain text; null clears it.', max: NOTE_MAX, optional: true, allowBlank: true })
  note?: string | null;
}

@InputType({ description: 'The invitation to remove (one made by mistake).' })
export class RemoveMediaInvitationInput {
  @IdInput({ description: 'The invitation.' })
  id: string;
}

@ObjectType({ description: 'The invitations of the contacts asked for.' })
export class InviteMediaContactsPayload {
  @Field(() => [MediaInvitation], {
    description: 'One invitation per contact given, in the order given: new ones, and those that already existed.',
  })
  invitations: MediaInvitation[];

  @Field(() => Int, { description: 'How many invitations are new.' })
  addedCount: number;

  @Field(() => [MailDelivery], {
    description: 'With sendEmail: the e-mails queued (or skipped: unsubscribed), one per contact with an address. Empty otherwise.',
  })
  emailDeliveries: MailDelivery[];

  @Field(() => [MediaContact], { description: 'With sendEmail: the contacts not e-mailed because they have no address.' })
  contactsWithoutEmail: MediaContact[];
}

@ObjectType({ description: 'The changed invitation.' })
export class UpdateMediaInvitationPayload {
  @Field(() => MediaInvitation, { description: 'The invitation as stored after the change.' })
  invitation: MediaInvitation;
}

@ObjectType({ description: 'The result of removing an invitation.' })
export class RemoveMediaInvitationPayload {
  @Field(() => ID, { description: 'The id of the invitation that was removed.' })
  removedInvitationId: string;
}
