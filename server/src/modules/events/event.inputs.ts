import { ArrayMaxSize, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BilingualTextChanges, NewBilingualTexts } from '../../common/bilingual-texts';
import { IdInput, stringRule, TextInput } from '../../common/validation';
import { PageArgs } from '../../common/pagination';
import { isLocalDate, MAX_YEAR, MIN_YEAR } from './calendar';
import { EventKind, EventStatus, OccasionCalendar } from './event.enums';
import { MAX_OCCASION_YEAR, MIN_OCCASION_YEAR } from './occasion-expansion';

const TITLE_MAX = 300;
const DESCRIPTION_MAX = 10_000;
const VENUE_MAX = 300;
const NOTE_MAX = 500;
/** The longest range `events` expands at once. */
export const MAX_RANGE_DAYS = 400;

/** A LocalDate argument: a Gregorian day, YYYY-MM-DD. */
export const IsLocalDate = stringRule(
  'isLocalDate',
  (property) => `${property} must be a day written YYYY-MM-DD, from ${MIN_YEAR} to ${MAX_YEAR}`,
  isLocalDate,
);

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field({
    description: `The first day, as a LocalDate (YYYY-MM-DD) in the city's time zone. At most ${MAX_RANGE_DAYS} days from \`from\` to \`to\`.`,
  })
  @IsLocalDate()
  from: string;

  @Field({ description: "The last day (included), as a LocalDate (YYYY-MM-DD) in the city's time zone." })
  @IsLocalDate()
  to: string;

  @IdInput({ description: 'Only events in this district, plus citywide ones unless `includeCitywide` is false.', optional: true })
  district?: string | null;

  @Field({
    defaultValue: true,
    description:
      'With `district`: also list citywide events (those without a district, and the national and religious occasions). Ignored without `district`.',
  })
  includeCitywide: boolean = true;

  @Field(() => [EventKind], { nullable: true, description: 'Only events of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(EventKind).length)
  kinds?: EventKind[] | null;

  @Field(() => [EventStatus], {
    nullable: true,
    description:
      'Only events in these statuses. Without a staff session only PUBLISHED and CANCELLED events are ever returned; staff may ask for DRAFT.',
  })
  @IsOptional()
  @ArrayMaxSize(Object.keys(EventStatus).length)
  statuses?: EventStatus[] | null;
}

@InputType({ description: 'A new event. It starts as a DRAFT: publish it with `publishEvent`.' })
export class CreateEventInput extends NewBilingualTexts({ title: TITLE_MAX, description: DESCRIPTION_MAX }) {
  @Field(() => EventKind, { description: 'What sort of event it is.' })
  kind: EventKind;

  @Field({ description: 'When it starts.' })
  startsAt: Date;

  @Field({ description: 'When it ends; not before `startsAt`.' })
  endsAt: Date;

  @TextInput({ description: `Where, in Persian, at most ${VENUE_MAX} characters.`, max: VENUE_MAX, optional: true })
  venueFa?: string | null;

  @TextInput({ description: `Where, in English, at most ${VENUE_MAX} characters.`, max: VENUE_MAX, optional: true })
  venueEn?: string | null;

  @IdInput({ description: 'The district it takes place in; citywide when null.', optional: true })
  districtId?: string | null;

  @IdInput({ description: 'A poll to link, for example one asking about the event.', optional: true })
  pollId?: string | null;

  @IdInput({ description: 'A goal of the PR office the event serves.', optional: true })
  goalId?: string | null;
}

@InputType({
  description:
    'Changes to an event. Omitted fields keep their value; null clears an optional field. Use publishEvent, cancelEvent and pinCrisisNotice for the status.',
})
export class UpdateEventInput extends BilingualTextChanges('event', { title: TITLE_MAX, description: DESCRIPTION_MAX }) {
  @Field(() => EventKind, {
    nullable: true,
    description: 'What sort of event it is; cannot be cleared. A pinned notice stays a CRISIS_NOTICE until unpinned.',
  })
  @IsOptional()
  kind?: EventKind | null;

  @Field(() => Date, { nullable: true, description: 'When it starts; cannot be cleared.' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ends; cannot be cleared, not before `startsAt`.' })
  @IsOptional()
  endsAt?: Date | null;

  @TextInput({ description: 'Where, in Persian.', max: VENUE_MAX, optional: true })
  venueFa?: string | null;

  @TextInput({ description: 'Where, in English.', max: VENUE_MAX, optional: true })
  venueEn?: string | null;

  @IdInput({ description: 'The district; null makes it citywide.', optional: true })
  districtId?: string | null;

  @IdInput({ description: 'The linked poll; null unlinks it.', optional: true })
  pollId?: string | null;

  @IdInput({ description: 'The linked goal; null unlinks it.', optional: true })
  goalId?: string | null;
}

@InputType({ description: 'An event, by id.' })
export class EventIdInput {
  @IdInput({ description: 'The event.' })
  id: string;
}

@InputType({ description: 'The event to publish.' })
export class PublishEventInput extends EventIdInput {}

@InputType({ description: 'The event to cancel.' })
export class CancelEventInput extends EventIdInput {}

@InputType({ description: 'The draft to delete.' })
export class DeleteEventInput extends EventIdInput {}

@InputType({ description: 'The crisis notice to pin.' })
export class PinCrisisNoticeInput extends EventIdInput {}

@InputType({ description: 'The crisis notice to unpin.' })
export class UnpinCrisisNoticeInput extends EventIdInput {}

@InputType({ description: 'A new recurring occasion.' })
export class CreateOccasionInput extends NewBilingualTexts({ title: TITLE_MAX, description: DESCRIPTION_MAX }) {
  @Field(() => EventKind, { description: 'NATIONAL_OCCASION or RELIGIOUS_OCCASION.' })
  kind: EventKind;

  @Field(() => OccasionCalendar, { description: 'The calendar its date is fixed in.' })
  calendar: OccasionCalendar;

  @Field(() => Int, { description: 'The month, 1–12.' })
  @Min(1)
  @Max(12)
  month: number;

  @Field(() => Int, {
    description: "The day: up to 31 in Solar Hijri months 1–6, up to 30 otherwise. A day a year lacks falls on the month's last day.",
  })
  @Min(1)
  @Max(31)
  day: number;

  @Field({ defaultValue: false, description: 'Whether it is an official public holiday.' })
  holiday: boolean = false;
}

@InputType({
  description:
    "Changes to an occasion. Omitted fields keep their value; null clears an optional field. Changing the calendar, month or day removes the occasion's overrides (they named days of the old rule).",
})
export class UpdateOccasionInput extends BilingualTextChanges('occasion', { title: TITLE_MAX, description: DESCRIPTION_MAX }) {
  @Field(() => EventKind, { nullable: true, description: 'NATIONAL_OCCASION or RELIGIOUS_OCCASION; cannot be cleared.' })
  @IsOptional()
  kind?: EventKind | null;

  @Field(() => OccasionCalendar, { nullable: true, description: 'The calendar; cannot be cleared.' })
  @IsOptional()
  calendar?: OccasionCalendar | null;

  @Field(() => Int, { nullable: true, description: 'The month, 1–12; cannot be cleared.' })
  @IsOptional()
  @Min(1)
  @Max(12)
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'The day; cannot be cleared.' })
  @IsOptional()
  @Min(1)
  @Max(31)
  day?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is an official public holiday; cannot be cleared.' })
  @IsOptional()
  holiday?: boolean | null;
}

@InputType({ description: 'The occasion to delete, with its overrides.' })
export class DeleteOccasionInput {
  @IdInput({ description: 'The occasion.' })
  id: string;
}

@InputType({ description: "The official day of an occasion in one year. Replaces the year's override if there is one." })
export class SetOccasionOverrideInput {
  @IdInput({ description: 'The occasion.' })
  occasionId: string;

  @Field(() => Int, {
    description: `The year in the occasion's own calendar (for example 1447 for 10 Muharram 1447), ${MIN_OCCASION_YEAR}–${MAX_OCCASION_YEAR}.`,
  })
  @Min(MIN_OCCASION_YEAR)
  @Max(MAX_OCCASION_YEAR)
  year: number;

  @Field({ description: 'The official day, as a LocalDate (YYYY-MM-DD); within a week of the day the rule gives.' })
  @IsLocalDate()
  date: string;

  @TextInput({
    description: `Why, for the editors (for example the announcement it follows), at most ${NOTE_MAX} characters.`,
    max: NOTE_MAX,
    optional: true,
    allowBlank: true,
  })
  note?: string | null;
}

@InputType({ description: "The override to remove: the occasion falls on the rule's day again that year." })
export class RemoveOccasionOverrideInput {
  @IdInput({ description: 'The occasion.' })
  occasionId: string;

  @Field(() => Int, { description: "The year in the occasion's own calendar." })
  @Min(MIN_OCCASION_YEAR)
  @Max(MAX_OCCASION_YEAR)
  year: number;
}
