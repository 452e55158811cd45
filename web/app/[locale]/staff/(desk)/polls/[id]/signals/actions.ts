'use server';

import { redirect } from 'next/navigation';
import type { GraphqlError } from '@/lib/api/request';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { staffMutation } from '@/lib/staff/api';
import { cityInstant, parseDayField, parseTimeField } from '@/lib/staff/dates';
import { refusal, text, type FormState } from '@/lib/staff/forms';
import { signalsText } from '@/lib/staff/signals-text';
import type { Locale } from '@/lib/i18n/locales';
import type {
  StaffQuarantinePollAnswersMutation,
  StaffQuarantinePollAnswersMutationVariables,
  StaffReleasePollQuarantineMutation,
  StaffReleasePollQuarantineMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const QUARANTINE: Operation<StaffQuarantinePollAnswersMutation, StaffQuarantinePollAnswersMutationVariables> = /* GraphQL */ `
  mutation StaffQuarantinePollAnswers($input: QuarantinePollAnswersInput!) {
    quarantinePollAnswers(input: $input) {
      quarantine {
        id
        responses
      }
    }
  }
`;

const RELEASE: Operation<StaffReleasePollQuarantineMutation, StaffReleasePollQuarantineMutationVariables> = /* GraphQL */ `
  mutation StaffReleasePollQuarantine($input: ReleasePollQuarantineInput!) {
    releasePollQuarantine(input: $input) {
      quarantine {
        id
        releasedAt
      }
    }
  }
`;

/** The API's refusals that say more than "a value was not accepted", in the reader's language. */
function refused(locale: Locale, error: GraphqlError, previous: FormState): FormState {
  const t = signalsText[locale].errors;
  const field = error.extensions?.field;
  if (error.extensions?.code === 'BAD_USER_INPUT') {
    const message =
      field === 'input.id' ? t.alreadyReleased : field === 'input' ? t.eitherOr : field === 'input.clusterId' ? t.notACluster : null;
    if (message) return refusal(locale, message, previous);
  }
  return refusal(locale, error, previous);
}

function back(locale: Locale, pollId: string, params: Record<string, string>, hash: string): never {
  redirect(`${localePath(locale, `/staff/polls/${pollId}/signals`)}?${new URLSearchParams(params).toString()}${hash}`);
}

export async function quarantineCluster(pollId: string, clusterId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(QUARANTINE, {
    input: { pollId, clusterId, reason: text(form, 'reason') ?? '' },
  });
  if (!result.ok) return refused(locale, result.error, previous);
  back(locale, pollId, { done: 'quarantined', n: String(result.data.quarantinePollAnswers.quarantine.responses) }, '#quarantines');
}

/** A window typed as a Solar Hijri day and a time of day in the city, each end. */
export async function quarantineWindow(pollId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const t = signalsText[locale];
  const ends = (['from', 'to'] as const).map((end) => {
    const day = parseDayField(form.get(`${end}Day`), locale);
    const time = parseTimeField(form.get(`${end}Time`));
    return { end, instant: day && time ? cityInstant(day, time) : null };
  });
  const bad = ends.find((e) => !e.instant);
  if (bad) return { ...refusal(locale, t.errors.notADay, previous), error: { message: t.errors.notADay, field: bad.end } };
  const result = await staffMutation(QUARANTINE, {
    input: { pollId, from: ends[0].instant, to: ends[1].instant, reason: text(form, 'reason') ?? '' },
  });
  if (!result.ok) return refused(locale, result.error, previous);
  back(locale, pollId, { done: 'quarantined', n: String(result.data.quarantinePollAnswers.quarantine.responses) }, '#quarantines');
}

export async function releaseQuarantine(pollId: string, quarantineId: string, previous: FormState, _form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(RELEASE, { input: { id: quarantineId } });
  if (!result.ok) return refused(locale, result.error, previous);
  back(locale, pollId, { done: 'released' }, '#quarantines');
}
