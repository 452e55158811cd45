import { AppError, ErrorCode } from '../../common/errors';
import { type EventStatus } from './event.enums';
import { type EnumValue, selfNamed } from '../../common/self-named';

/** Domain error codes of events (documented in docs/api.md and docs/events.md). */
export const EventErrorCode = selfNamed(
  /** Cancelling or pinning needs a PUBLISHED event. */
  'EVENT_NOT_PUBLISHED',
  /** Only drafts are deleted: an event the public has seen is cancelled instead. */
  'EVENT_NOT_DRAFT',
);
export type EventErrorCode = EnumValue<typeof EventErrorCode>;

export const eventNotPublished = (status: EventStatus, doing: string) =>
  new AppError(EventErrorCode.EVENT_NOT_PUBLISHED, `Only a published event can be ${doing}; this one is ${status}.`, { status });

export const eventNotDraft = (status: EventStatus) =>
  new AppError(EventErrorCode.EVENT_NOT_DRAFT, `Only a draft can be deleted; this event is ${status}: cancel it instead.`, { status });

export const occasionExists = () =>
  new AppError(ErrorCode.CONFLICT, 'An occasion with this Persian title already falls on this day of this calendar.', {
    field: 'input.titleFa',
  });
