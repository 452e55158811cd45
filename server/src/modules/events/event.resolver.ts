import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, Public, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { District } from '../districts/district.entity';
import { Goal } from '../goals/goal.entity';
import { Poll } from '../polls/poll.entity';
import { gregorianToSolarHijri, localDateOf } from './calendar';
import { Event } from './event.entity';
import { EventKind, OccasionCalendar } from './event.enums';
import {
  CancelEventInput,
  CreateEventInput,
  CreateOccasionInput,
  DeleteEventInput,
  DeleteOccasionInput,
  EventsArgs,
  PinCrisisNoticeInput,
  PublishEventInput,
  RemoveOccasionOverrideInput,
  SetOccasionOverrideInput,
  UnpinCrisisNoticeInput,
  UpdateEventInput,
  UpdateOccasionInput,
} from './event.inputs';
import { canSeeLinkedGoal, canSeeLinkedPoll, EVENT_EDITORS } from './event.policy';
import {
  CancelEventPayload,
  CreateEventPayload,
  CreateOccasionPayload,
  DeleteEventPayload,
  DeleteOccasionPayload,
  EventConnection,
  HijriDate,
  OccasionDate,
  PinCrisisNoticePayload,
  PublishEventPayload,
  RemoveOccasionOverridePayload,
  SetOccasionOverridePayload,
  UnpinCrisisNoticePayload,
  UpdateEventPayload,
  UpdateOccasionPayload,
} from './event.types';
import { formatDayMonth, formatHijri, monthName } from './month-names';
import { Occasion, OccasionOverride } from './occasion.entity';
import { parseOccurrenceId } from './occasion.service';

const localeArg = { nullable: true, description: 'Overrides the request language.' } as const;

@Resolver(() => Event)
export class EventResolver {
  @Public()
  @Query(() => EventConnection, {
    description:
      'The calendar from `from` to `to` (at most 400 days): events that overlap those days, and the national and religious occasions that fall on them (expanded from their rules, with the official day where an editor set one), in start order. The public sees PUBLISHED and CANCELLED events; staff also drafts.',
  })
  events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: Context) {
    return ctx.services.events.list(ctx.viewer, args, { first: args.first, after: args.after });
  }

  @Public()
  @Query(() => Event, {
    nullable: true,
    description:
      'One event, or one year of an occasion (by the id `events` gave it). Null, with a NOT_FOUND error, when there is none the caller may see.',
  })
  async event(@Arg('id', () => ID, { description: "The event's id." }) id: string, @Ctx() ctx: Context): Promise<Event> {
    const event = parseOccurrenceId(id) ? await ctx.services.occasions.occurrenceById(id) : await ctx.loaders.eventById.load(id);
    return ctx.services.events.visibleOrNotFound(ctx.viewer, event);
  }

  @Public()
  @Query(() => Event, {
    nullable: true,
    description:
      'The crisis notice the public site shows first, until it ends (`endsAt`); null when none is pinned. At most one is pinned at a time.',
  })
  pinnedNotice(@Ctx() ctx: Context): Promise<Event | null> {
    return ctx.services.events.pinnedNotice();
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => CreateEventPayload, { description: 'Creates an event as a DRAFT. Editors and admins.' })
  async createEvent(
    @Arg('input', () => CreateEventInput, { description: 'The event to create.' }) input: CreateEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateEventPayload> {
    return { event: await ctx.services.events.create(actor, input) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => UpdateEventPayload, { description: "Changes an event's content, time, place or links. Editors and admins." })
  async updateEvent(
    @Arg('input', () => UpdateEventInput, { description: 'The event and the changes to make.' }) input: UpdateEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateEventPayload> {
    return { event: await ctx.services.events.update(actor, input) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => PublishEventPayload, {
    description: 'Publishes a draft, or restores a cancelled event. Publishing a published event changes nothing. Editors and admins.',
  })
  async publishEvent(
    @Arg('input', () => PublishEventInput, { description: 'The event to publish.' }) input: PublishEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<PublishEventPayload> {
    return { event: await ctx.services.events.publish(actor, input.id) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => CancelEventPayload, {
    description:
      'Cancels a published event: it stays on the calendar, marked CANCELLED, and is unpinned. A draft is EVENT_NOT_PUBLISHED (delete it instead). Editors and admins.',
  })
  async cancelEvent(
    @Arg('input', () => CancelEventInput, { description: 'The event to cancel.' }) input: CancelEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CancelEventPayload> {
    return { event: await ctx.services.events.cancel(actor, input.id) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => DeleteEventPayload, {
    description: 'Deletes a draft for good. An event the public has seen is EVENT_NOT_DRAFT: cancel it instead. Editors and admins.',
  })
  async deleteEvent(
    @Arg('input', () => DeleteEventInput, { description: 'The draft to delete.' }) input: DeleteEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeleteEventPayload> {
    return { deletedEventId: await ctx.services.events.delete(actor, input.id) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => PinCrisisNoticePayload, {
    description:
      'Pins a published CRISIS_NOTICE that has not ended, so the public site shows it first (`pinnedNotice`); the notice pinned before, if any, is unpinned. Editors and admins.',
  })
  async pinCrisisNotice(
    @Arg('input', () => PinCrisisNoticeInput, { description: 'The notice to pin.' }) input: PinCrisisNoticeInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<PinCrisisNoticePayload> {
    const { event, unpinned } = await ctx.services.events.pin(actor, input.id);
    return { event, unpinnedEvent: unpinned };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => UnpinCrisisNoticePayload, {
    description: 'Unpins a notice; unpinning one that is not pinned changes nothing. Editors and admins.',
  })
  async unpinCrisisNotice(
    @Arg('input', () => UnpinCrisisNoticeInput, { description: 'The notice to unpin.' }) input: UnpinCrisisNoticeInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UnpinCrisisNoticePayload> {
    return { event: await ctx.services.events.unpin(actor, input.id) };
  }

  @FieldResolver(() => String, { description: 'The title in the requested language.' })
  title(@Root() event: Event, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: event.titleFa, en: event.titleEn }, locale ?? ctx.locale) ?? event.titleFa;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The description in the requested language, if there is one.' })
  description(@Root() event: Event, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string | null {
    return pick({ fa: event.descriptionFa, en: event.descriptionEn }, locale ?? ctx.locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'The title in both languages.' })
  titleTranslations(@Root() event: Event): LocalizedText {
    return { fa: event.titleFa, en: event.titleEn };
  }

  @FieldResolver(() => LocalizedText, { description: 'The description in both languages (fa is empty when there is none).' })
  descriptionTranslations(@Root() event: Event): LocalizedText {
    return { fa: event.descriptionFa ?? '', en: event.descriptionEn };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where it takes place, in the requested language; null when no venue is given.',
  })
  venue(@Root() event: Event, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string | null {
    return pick({ fa: event.venueFa, en: event.venueEn }, locale ?? ctx.locale);
  }

  @FieldResolver(() => LocalizedText, {
    nullable: true,
    description: 'The venue in both languages (fa is empty when only English is given); null when there is none.',
  })
  venueTranslations(@Root() event: Event): LocalizedText | null {
    return event.venueFa || event.venueEn ? { fa: event.venueFa ?? '', en: event.venueEn } : null;
  }

  @FieldResolver(() => Boolean, {
    description: "True for an occasion: it lasts the whole day (`date`), from `startsAt` to `endsAt` in the city's time zone.",
  })
  allDay(@Root() event: Event): boolean {
    return Boolean(event.occurrence);
  }

  @FieldResolver(() => String, { description: "The day it starts, as a LocalDate (YYYY-MM-DD) in the city's time zone." })
  date(@Root() event: Event, @Ctx() ctx: Context): string {
    return event.occurrence?.detail.date ?? localDateOf(event.startsAt, ctx.services.events.timeZone);
  }

  @FieldResolver(() => HijriDate, { description: 'The day it starts (`date`) in the Solar Hijri calendar.' })
  solarHijriDate(@Root() event: Event, @Ctx() ctx: Context): HijriDate {
    return { calendar: OccasionCalendar.SOLAR_HIJRI, ...gregorianToSolarHijri(this.date(event, ctx)) };
  }

  @FieldResolver(() => HijriDate, {
    nullable: true,
    description:
      "For an occasion of the lunar Hijri calendar: its lunar date (for example 10 Muharram 1447), as Iran's official calendar names the day. Null otherwise.",
  })
  lunarHijriDate(@Root() event: Event): HijriDate | null {
    const o = event.occurrence;
    return o && o.occasion.calendar === OccasionCalendar.LUNAR_HIJRI
      ? { calendar: OccasionCalendar.LUNAR_HIJRI, ...o.detail.calendarDay }
      : null;
  }

  @FieldResolver(() => District, { nullable: true, description: 'The district it takes place in; null when citywide.' })
  district(@Root() event: Event, @Ctx() ctx: Context): Promise<District | null> | null {
    return event.districtId ? ctx.loaders.districtById.load(event.districtId) : null;
  }

  @FieldResolver(() => Poll, {
    nullable: true,
    description: 'A linked poll; null when there is none or the caller may not see it (a draft poll).',
  })
  async poll(@Root() event: Event, @Ctx() ctx: Context): Promise<Poll | null> {
    const poll = event.pollId ? await ctx.loaders.pollById.load(event.pollId) : null;
    return poll && canSeeLinkedPoll(ctx.viewer, poll) ? poll : null;
  }

  @FieldResolver(() => Goal, {
    nullable: true,
    description: 'A linked goal of the PR office; null when there is none or the caller may not see it.',
  })
  async goal(@Root() event: Event, @Ctx() ctx: Context): Promise<Goal | null> {
    const goal = event.goalId ? await ctx.loaders.goalById.load(event.goalId) : null;
    return goal && canSeeLinkedGoal(ctx.viewer, goal) ? goal : null;
  }

  @FieldResolver(() => Occasion, {
    nullable: true,
    description: 'The recurring occasion this item is a year of; null for an ordinary event.',
  })
  occasion(@Root() event: Event): Occasion | null {
    return event.occurrence?.occasion ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'For an occasion: the year of its own calendar this item is (Solar Hijri or lunar Hijri). Null otherwise.',
  })
  occasionYear(@Root() event: Event): number | null {
    return event.occurrence?.detail.year ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "For an occasion: whether an editor set this year's official day instead of the rule's. Null otherwise.",
  })
  dateOverridden(@Root() event: Event): boolean | null {
    return event.occurrence ? event.occurrence.detail.overridden : null;
  }
}

@Resolver(() => HijriDate)
export class HijriDateResolver {
  @FieldResolver(() => String, {
    description: "The month's name in the requested language (Farvardin … Esfand, or Muharram … Dhu al-Hijjah).",
  })
  monthName(@Root() date: HijriDate, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return monthName(date.calendar, date.month, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, {
    description: 'The whole date as Iranian calendars write it, in the requested language: "۱۰ محرم ۱۴۴۷" or "10 Muharram 1447".',
  })
  text(@Root() date: HijriDate, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return formatHijri(date.calendar, date, locale ?? ctx.locale);
  }
}

@Resolver(() => Occasion)
export class OccasionResolver {
  @Public()
  @Query(() => [Occasion], {
    description: 'The recurring national and religious occasions, Solar Hijri ones first, each in calendar order.',
  })
  occasions(
    @Arg('kind', () => EventKind, { nullable: true, description: 'Only occasions of this kind.' }) kind: EventKind | null,
    @Arg('calendar', () => OccasionCalendar, { nullable: true, description: 'Only occasions of this calendar.' })
    calendar: OccasionCalendar | null,
    @Ctx() ctx: Context,
  ): Promise<Occasion[]> {
    return ctx.services.occasions.list({ kind, calendar });
  }

  @Public()
  @Query(() => Occasion, { nullable: true, description: 'One occasion. Null, with a NOT_FOUND error, when there is none with this id.' })
  occasion(@Arg('id', () => ID, { description: "The occasion's id." }) id: string, @Ctx() ctx: Context): Promise<Occasion> {
    return ctx.services.occasions.getOrNotFound(id);
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => CreateOccasionPayload, {
    description: 'Adds a recurring occasion. CONFLICT when one with the same Persian title is on the same day. Editors and admins.',
  })
  async createOccasion(
    @Arg('input', () => CreateOccasionInput, { description: 'The occasion to add.' }) input: CreateOccasionInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreateOccasionPayload> {
    return { occasion: await ctx.services.occasions.create(actor, input) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => UpdateOccasionPayload, {
    description: 'Changes an occasion; changing its day removes its overrides. Editors and admins.',
  })
  async updateOccasion(
    @Arg('input', () => UpdateOccasionInput, { description: 'The occasion and the changes to make.' }) input: UpdateOccasionInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdateOccasionPayload> {
    return { occasion: await ctx.services.occasions.update(actor, input) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => DeleteOccasionPayload, { description: 'Deletes an occasion and its overrides. Editors and admins.' })
  async deleteOccasion(
    @Arg('input', () => DeleteOccasionInput, { description: 'The occasion to delete.' }) input: DeleteOccasionInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DeleteOccasionPayload> {
    return { deletedOccasionId: await ctx.services.occasions.delete(actor, input.id) };
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => SetOccasionOverridePayload, {
    description:
      "Sets the official day of an occasion in one year (for example when the moon was sighted a day early), within a week of the rule's day. Editors and admins.",
  })
  async setOccasionOverride(
    @Arg('input', () => SetOccasionOverrideInput, { description: 'The occasion, the year and the day.' }) input: SetOccasionOverrideInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<SetOccasionOverridePayload> {
    return ctx.services.occasions.setOverride(actor, input);
  }

  @StaffOnly(...EVENT_EDITORS)
  @Mutation(() => RemoveOccasionOverridePayload, {
    description: "Removes a year's override: the occasion falls on the rule's day again. Editors and admins.",
  })
  async removeOccasionOverride(
    @Arg('input', () => RemoveOccasionOverrideInput, { description: 'The occasion and the year.' }) input: RemoveOccasionOverrideInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<RemoveOccasionOverridePayload> {
    return ctx.services.occasions.removeOverride(actor, input.occasionId, input.year);
  }

  @FieldResolver(() => String, { description: 'The title in the requested language.' })
  title(@Root() occasion: Occasion, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: occasion.titleFa, en: occasion.titleEn }, locale ?? ctx.locale) ?? occasion.titleFa;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The description in the requested language, if there is one.' })
  description(@Root() occasion: Occasion, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string | null {
    return pick({ fa: occasion.descriptionFa, en: occasion.descriptionEn }, locale ?? ctx.locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'The title in both languages.' })
  titleTranslations(@Root() occasion: Occasion): LocalizedText {
    return { fa: occasion.titleFa, en: occasion.titleEn };
  }

  @FieldResolver(() => LocalizedText, { description: 'The description in both languages (fa is empty when there is none).' })
  descriptionTranslations(@Root() occasion: Occasion): LocalizedText {
    return { fa: occasion.descriptionFa ?? '', en: occasion.descriptionEn };
  }

  @FieldResolver(() => String, {
    description: 'The rule as a calendar writes it, in the requested language: "1 Farvardin" or "10 Muharram".',
  })
  ruleText(@Root() occasion: Occasion, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return formatDayMonth(occasion.calendar, occasion, locale ?? ctx.locale);
  }

  @FieldResolver(() => [OccasionOverride], { description: 'The official days editors set for particular years, by year.' })
  overrides(@Root() occasion: Occasion, @Ctx() ctx: Context): Promise<OccasionOverride[]> {
    return ctx.loaders.occasionOverridesByOccasionId.load(occasion.id);
  }

  @FieldResolver(() => [OccasionDate], {
    description: 'The day it falls on in each year from `fromYear` to `toYear` of its own calendar (at most 30 years), overrides applied.',
  })
  async dates(
    @Root() occasion: Occasion,
    @Arg('fromYear', () => Int, {
      description: "The first year, in the occasion's calendar (for example 1404, or 1447 for a lunar occasion).",
    })
    fromYear: number,
    @Arg('toYear', () => Int, { description: 'The last year (included).' }) toYear: number,
    @Ctx() ctx: Context,
  ): Promise<OccasionDate[]> {
    return ctx.services.occasions.dates(occasion, await ctx.loaders.occasionOverridesByOccasionId.load(occasion.id), fromYear, toYear);
  }
}
