import type { FieldError, FormValues } from '@/lib/polls/answers';
import type { FormErrorCode } from '@/lib/i18n/poll-text';

/** What the server action hands back to the form when an answer is not recorded. */
export interface PollFormState {
  /** By field name: questionField(id) or DISTRICT_FIELD. */
  errors: Record<string, FieldError>;
  /** A refusal of the whole answer (closed poll, already answered, …). */
  formError: FormErrorCode | null;
  /** What the visitor sent, to fill the form in again. */
  values: FormValues;
  /** Counts the submissions, so the form knows a new answer arrived. */
  attempt: number;
  /** A fresh proof-of-work challenge, when the API refused the one sent (stale or spent). */
  challenge?: string | null;
}

export const initialPollFormState: PollFormState = { errors: {}, formError: null, values: {}, attempt: 0 };
