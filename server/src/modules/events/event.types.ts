import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { Event } from './event.entity';
import { OccasionCalendar } from './event.enums';
import { Occasion, OccasionOverride } from './occasion.entity';

export const EventConnection = Connection(Event, 'Event');

/** A day of the Solar Hijri or lunar Hijri calendar. */
@ObjectType('HijriDate', { description: 'A day of the Solar Hijri or the lunar Hijri calendar.' })
export class HijriDate {
  @Field(() => OccasionCalendar, { description: 'Which calendar.' })
  calendar: OccasionCalendar;

  @Field(() => Int, { description: 'The year.' })
  year: number;

  @Field(() => Int, { description: 'The month, 1–12.' })
  month: number;

  @Field(() => Int, { description: 'The day of the month.' })
  day: number;
}

/** One year's day of an occasion, for editors checking the rule and its overrides. */
@ObjectType('OccasionDate', { description: 'The day an occasion falls on in one year of its calendar.' })
export class OccasionDate {
  @Field(() => Int, { description: "The year, in the occasion's calendar." })
  year: number;

  @Field({ description: "The day it falls on, as a LocalDate (YYYY-MM-DD): the override's when there is one." })
  date: string;

  @Field({ description: 'The day the rule gives, as a LocalDate (for lunar occasions a prediction).' })
  ruleDate: string;

  @Field({ description: "Whether an override moves it from the rule's day." })
  overridden: boolean;

  @Field(() => String, { nullable: true, description: "The override's note, if any." })
  note: string | null;
}

@ObjectType({ description: 'The created event.' })
export class CreateEventPayload {
  @Field(() => Event, { description: 'The event as stored (a DRAFT).' })
  event: Event;
}

@ObjectType({ description: 'The changed event.' })
export class UpdateEventPayload {
  @Field(() => Event, { description: 'The event as stored after the change.' })
  event: Event;
}

@ObjectType({ description: 'The published event.' })
export class PublishEventPayload {
  @Field(() => Event, { description: 'The event, now PUBLISHED.' })
  event: Event;
}

@ObjectType({ description: 'The cancelled event.' })
export class CancelEventPayload {
  @Field(() => Event, { description: 'The event, now CANCELLED (and no longer pinned).' })
  event: Event;
}

@ObjectType({ description: 'The result of deleting a draft.' })
export class DeleteEventPayload {
  @Field(() => ID, { description: 'The id of the deleted event.' })
  deletedEventId: string;
}

@ObjectType({ description: 'The pinned notice, and the one it replaced.' })
export class PinCrisisNoticePayload {
  @Field(() => Event, { description: 'The notice, now pinned.' })
  event: Event;

  @Field(() => Event, { nullable: true, description: 'The notice that was pinned before, now unpinned; null when there was none.' })
  unpinnedEvent: Event | null;
}

@ObjectType({ description: 'The unpinned notice.' })
export class UnpinCrisisNoticePayload {
  @Field(() => Event, { description: 'The notice, no longer pinned.' })
  event: Event;
}

@ObjectType({ description: 'The created occasion.' })
export class CreateOccasionPayload {
  @Field(() => Occasion, { description: 'The occasion as stored.' })
  occasion: Occasion;
}

@ObjectType({ description: 'The changed occasion.' })
export class UpdateOccasionPayload {
  @Field(() => Occasion, { description: 'The occasion as stored after the change.' })
  occasion: Occasion;
}

@ObjectType({ description: 'The result of deleting an occasion.' })
export class DeleteOccasionPayload {
  @Field(() => ID, { description: 'The id of the deleted occasion.' })
  deletedOccasionId: string;
}

@ObjectType({ description: 'The override as stored.' })
export class SetOccasionOverridePayload {
  @Field(() => Occasion, { description: 'The occasion.' })
  occasion: Occasion;

  @Field(() => OccasionOverride, { description: 'The override.' })
  override: OccasionOverride;
}

@ObjectType({ description: 'The occasion after removing an override.' })
export class RemoveOccasionOverridePayload {
  @Field(() => Occasion, { description: 'The occasion.' })
  occasion: Occasion;

  @Field({ description: 'Whether there was an override to remove.' })
  removed: boolean;
}
