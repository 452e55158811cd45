'use server';

import { redirect } from 'next/navigation';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffMutation } from '@/lib/staff/api';
import { cityInstant, parseDayField, parseTimeField } from '@/lib/staff/dates';
import { checkbox, integer, enumField, refusal, text, type FormState } from '@/lib/staff/forms';
import { eventsText } from '@/lib/staff/events-text';
import type {
  EventKind,
  OccasionCalendar,
  StaffCancelEventMutation,
  StaffCancelEventMutationVariables,
  StaffCreateEventMutation,
  StaffCreateEventMutationVariables,
  StaffCreateOccasionMutation,
  StaffCreateOccasionMutationVariables,
  StaffDeleteEventMutation,
  StaffDeleteEventMutationVariables,
  StaffDeleteOccasionMutation,
  StaffDeleteOccasionMutationVariables,
  StaffPinCrisisNoticeMutation,
  StaffPinCrisisNoticeMutationVariables,
  StaffPublishEventMutation,
  StaffPublishEventMutationVariables,
  StaffRemoveOccasionOverrideMutation,
  StaffRemoveOccasionOverrideMutationVariables,
  StaffSetOccasionOverrideMutation,
  StaffSetOccasionOverrideMutationVariables,
  StaffUnpinCrisisNoticeMutation,
  StaffUnpinCrisisNoticeMutationVariables,
  StaffUpdateEventMutation,
  StaffUpdateEventMutationVariables,
  StaffUpdateOccasionMutation,
  StaffUpdateOccasionMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const CREATE_EVENT: Operation<StaffCreateEventMutation, StaffCreateEventMutationVariables> = /* GraphQL */ `
  mutation StaffCreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      event {
        id
      }
    }
  }
`;
const UPDATE_EVENT: Operation<StaffUpdateEventMutation, StaffUpdateEventMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      event {
        id
      }
    }
  }
`;
const PUBLISH_EVENT: Operation<StaffPublishEventMutation, StaffPublishEventMutationVariables> = /* GraphQL */ `
  mutation StaffPublishEvent($input: PublishEventInput!) {
    publishEvent(input: $input) {
      event {
        id
        status
      }
    }
  }
`;
const CANCEL_EVENT: Operation<StaffCancelEventMutation, StaffCancelEventMutationVariables> = /* GraphQL */ `
  mutation StaffCancelEvent($input: CancelEventInput!) {
    cancelEvent(input: $input) {
      event {
        id
        status
      }
    }
  }
`;
const DELETE_EVENT: Operation<StaffDeleteEventMutation, StaffDeleteEventMutationVariables> = /* GraphQL */ `
  mutation StaffDeleteEvent($input: DeleteEventInput!) {
    deleteEvent(input: $input) {
      deletedEventId
    }
  }
`;
const PIN: Operation<StaffPinCrisisNoticeMutation, StaffPinCrisisNoticeMutationVariables> = /* GraphQL */ `
  mutation StaffPinCrisisNotice($input: PinCrisisNoticeInput!) {
    pinCrisisNotice(input: $input) {
      event {
        id
        pinned
      }
    }
  }
`;
const UNPIN: Operation<StaffUnpinCrisisNoticeMutation, StaffUnpinCrisisNoticeMutationVariables> = /* GraphQL */ `
  mutation StaffUnpinCrisisNotice($input: UnpinCrisisNoticeInput!) {
    unpinCrisisNotice(input: $input) {
      event {
        id
        pinned
      }
    }
  }
`;
const CREATE_OCCASION: Operation<StaffCreateOccasionMutation, StaffCreateOccasionMutationVariables> = /* GraphQL */ `
  mutation StaffCreateOccasion($input: CreateOccasionInput!) {
    createOccasion(input: $input) {
      occasion {
        id
      }
    }
  }
`;
const UPDATE_OCCASION: Operation<StaffUpdateOccasionMutation, StaffUpdateOccasionMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateOccasion($input: UpdateOccasionInput!) {
    updateOccasion(input: $input) {
      occasion {
        id
      }
    }
  }
`;
const DELETE_OCCASION: Operation<StaffDeleteOccasionMutation, StaffDeleteOccasionMutationVariables> = /* GraphQL */ `
  mutation StaffDeleteOccasion($input: DeleteOccasionInput!) {
    deleteOccasion(input: $input) {
      deletedOccasionId
    }
  }
`;
const SET_OVERRIDE: Operation<StaffSetOccasionOverrideMutation, StaffSetOccasionOverrideMutationVariables> = /* GraphQL */ `
  mutation StaffSetOccasionOverride($input: SetOccasionOverrideInput!) {
    setOccasionOverride(input: $input) {
      override {
        year
        date
      }
    }
  }
`;
const REMOVE_OVERRIDE: Operation<StaffRemoveOccasionOverrideMutation, StaffRemoveOccasionOverrideMutationVariables> = /* GraphQL */ `
  mutation StaffRemoveOccasionOverride($input: RemoveOccasionOverrideInput!) {
    removeOccasionOverride(input: $input) {
      removed
    }
  }
`;

async function go(path: string, params: Record<string, string> = {}): Promise<never> {
  const { locale } = await currentRoute();
  const query = new URLSearchParams(params).toString();
  redirect(`${localePath(locale, path)}${query ? `?${query}` : ''}`);
}

async function run(document: string, input: Record<string, unknown>, path: string, done: string): Promise<never> {
  const result = await staffMutation(document, { input });
  return go(path, result.ok ? { done } : { error: result.error.extensions?.code ?? 'UNKNOWN' });
}

function optionalId(form: FormData, name: string): string | null {
  const value = text(form, name);
  return value && isUuid(value) ? value : null;
}

/** The event's fields; null when a date or time cannot be read. */
function eventFields(form: FormData, locale: 'fa' | 'en') {
  const startDay = parseDayField(form.get('startDay'), locale);
  const endDay = parseDayField(form.get('endDay'), locale) ?? startDay;
  const startTime = parseTimeField(form.get('startTime'));
  const endTime = parseTimeField(form.get('endTime'));
  if (!startDay || !endDay || !startTime || !endTime) return null;
  return {
    kind: enumField<EventKind>(form, 'kind') ?? 'OTHER',
    titleFa: text(form, 'titleFa') ?? '',
    titleEn: text(form, 'titleEn'),
    descriptionFa: text(form, 'descriptionFa'),
    descriptionEn: text(form, 'descriptionEn'),
    venueFa: text(form, 'venueFa'),
    venueEn: text(form, 'venueEn'),
    startsAt: cityInstant(startDay, startTime),
    endsAt: cityInstant(endDay, endTime),
    districtId: optionalId(form, 'districtId'),
    pollId: optionalId(form, 'pollId'),
    goalId: optionalId(form, 'goalId'),
  };
}

export async function createEvent(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const fields = eventFields(form, locale);
  if (!fields) return refusal(locale, eventsText[locale].invalidDate, previous);
  const result = await staffMutation(CREATE_EVENT, { input: fields });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/events/${result.data.createEvent.event.id}`, { done: 'saved' });
}

export async function updateEvent(eventId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const fields = eventFields(form, locale);
  if (!fields) return refusal(locale, eventsText[locale].invalidDate, previous);
  const result = await staffMutation(UPDATE_EVENT, { input: { id: eventId, ...fields } });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/events/${eventId}`, { done: 'saved' });
}

export async function publishEvent(eventId: string): Promise<void> {
  return run(PUBLISH_EVENT, { id: eventId }, `/staff/events/${eventId}`, 'published');
}
export async function cancelEvent(eventId: string): Promise<void> {
  return run(CANCEL_EVENT, { id: eventId }, `/staff/events/${eventId}`, 'cancelled');
}
export async function pinEvent(eventId: string): Promise<void> {
  return run(PIN, { id: eventId }, `/staff/events/${eventId}`, 'pinned');
}
export async function unpinEvent(eventId: string): Promise<void> {
  return run(UNPIN, { id: eventId }, `/staff/events/${eventId}`, 'unpinned');
}
export async function deleteEvent(eventId: string): Promise<void> {
  const result = await staffMutation(DELETE_EVENT, { input: { id: eventId } });
  if (!result.ok) return go(`/staff/events/${eventId}`, { error: result.error.extensions?.code ?? 'UNKNOWN' });
  return go('/staff/events', { done: 'deleted' });
}

function occasionFields(form: FormData) {
  return {
    kind: enumField<EventKind>(form, 'kind') ?? 'NATIONAL_OCCASION',
    titleFa: text(form, 'titleFa') ?? '',
    titleEn: text(form, 'titleEn'),
    descriptionFa: text(form, 'descriptionFa'),
    descriptionEn: text(form, 'descriptionEn'),
    calendar: enumField<OccasionCalendar>(form, 'calendar') ?? 'SOLAR_HIJRI',
    month: integer(form, 'month') ?? 1,
    day: integer(form, 'day') ?? 1,
    holiday: checkbox(form, 'holiday'),
  };
}

export async function createOccasion(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(CREATE_OCCASION, { input: occasionFields(form) });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/events/occasions/${result.data.createOccasion.occasion.id}`, { done: 'saved' });
}

export async function updateOccasion(occasionId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(UPDATE_OCCASION, { input: { id: occasionId, ...occasionFields(form) } });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/events/occasions/${occasionId}`, { done: 'saved' });
}

export async function deleteOccasion(occasionId: string): Promise<void> {
  const result = await staffMutation(DELETE_OCCASION, { input: { id: occasionId } });
  if (!result.ok) return go(`/staff/events/occasions/${occasionId}`, { error: result.error.extensions?.code ?? 'UNKNOWN' });
  return go('/staff/events/occasions', { done: 'deleted' });
}

export async function setOverride(occasionId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const date = parseDayField(form.get('date'), locale);
  if (!date) return refusal(locale, eventsText[locale].invalidDate, previous);
  const result = await staffMutation(SET_OVERRIDE, {
    input: { occasionId, year: integer(form, 'year') ?? 0, date, note: text(form, 'note') },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/events/occasions/${occasionId}`, { done: 'overrideSet' });
}

export async function removeOverride(occasionId: string, year: number): Promise<void> {
  return run(REMOVE_OVERRIDE, { occasionId, year }, `/staff/events/occasions/${occasionId}`, 'overrideRemoved');
}
