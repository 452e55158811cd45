import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/validation';
import { IsLocalDate } from './local-date';
import { MediaInteraction } from './media-interaction.entity';
import { MediaInteractionKind } from './media.enums';

const TOPIC_MAX = 300;
const NOTES_MAX = 10_000;

@InputType({ description: 'Which log entries to list.' })
export class MediaInteractionFilter {
  @IdInput({ description: 'Only entries with this contact.', optional: true })
  contactId?: string | null;

  @IdInput({ description: 'Only entries handled by this staff member.', optional: true })
  staffId?: string | null;

  @Field(() => [MediaInteractionKind], { nullable: true, description: 'Only entries of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(5)
  kinds?: MediaInteractionKind[] | null;

  @Field(() => Date, { nullable: true, description: 'Only entries that happened at or after this instant.' })
  @IsOptional()
  occurredFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only entries that happened before this instant.' })
  @IsOptional()
  occurredBefore?: Date | null;
}

@InputType({ description: "A new entry of the spokesperson's log." })
export class LogMediaInteractionInput {
  @IdInput({ description: 'The contact.' })
  contactId: string;

  @Field(() => MediaInteractionKind, { description: 'What happened.' })
  kind: MediaInteractionKind;

  @Field(() => Date, { nullable: true, description: 'When it happened; now when omitted.' })
  @IsOptional()
  occurredAt?: Date | null;

  @TextInput({ description: `What it was about, at most ${TOPIC_MAX} characters.`, max: TOPIC_MAX })
  topic: string;

  @TextInput({ description: `Details, at most ${NOTES_MAX} characters of plain text.`, max: NOTES_MAX, optional: true, allowBlank: true })
  notes?: string | null;

  @IdInput({ description: 'The staff member who dealt with the contact; the caller when omitted.', optional: true })
  staffId?: string | null;

  @Field(() => String, { nullable: true, description: 'The day to follow up by, a LocalDate (YYYY-MM-DD); none when omitted.' })
  @IsOptional()
  @IsLocalDate()
  followUpOn?: string | null;
}

@InputType({ description: 'Changes to a log entry. Omitted fields keep their value; null clears an optional field.' })
export class UpdateMediaInteractionInput {
  @IdInput({ description: 'The entry to change.' })
  id: string;

  @Field(() => MediaInteractionKind, { nullable: true, description: 'What happened; cannot be cleared.' })
  @IsOptional()
  kind?: MediaInteractionKind | null;

  @Field(() => Date, { nullable: true, description: 'When it happened; cannot be cleared.' })
  @IsOptional()
  occurredAt?: Date | null;

  @TextInput({ description: 'What it was about; cannot be cleared.', max: TOPIC_MAX, optional: true })
  topic?: string | null;

  @TextInput({ description: 'Details, plain text.', max: NOTES_MAX, optional: true, allowBlank: true })
  notes?: string | null;

  @IdInput({ description: 'The staff member who dealt with the contact; cannot be cleared.', optional: true })
  staffId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The day to follow up by (YYYY-MM-DD); null removes the follow-up. Changing the day of a completed follow-up reopens it.',
  })
  @IsOptional()
  @IsLocalDate()
  followUpOn?: string | null;
}

@InputType({ description: 'The follow-up to mark done.' })
export class CompleteMediaFollowUpInput {
  @IdInput({ description: 'The log entry whose follow-up is done.' })
  interactionId: string;
}

@ObjectType({ description: 'The new log entry.' })
export class LogMediaInteractionPayload {
  @Field(() => MediaInteraction, { description: 'The entry as stored.' })
  interaction: MediaInteraction;
}

@ObjectType({ description: 'The changed log entry.' })
export class UpdateMediaInteractionPayload {
  @Field(() => MediaInteraction, { description: 'The entry as stored after the change.' })
  interaction: MediaInteraction;
}

@ObjectType({ description: 'The log entry with its follow-up done.' })
export class CompleteMediaFollowUpPayload {
  @Field(() => MediaInteraction, { description: 'The entry, with `followUpDoneAt` set.' })
  interaction: MediaInteraction;
}
