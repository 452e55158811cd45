'use server';

import { redirect } from 'next/navigation';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffMutation } from '@/lib/staff/api';
import { cityInstant, parseDayField, parseTimeField } from '@/lib/staff/dates';
import { checkbox, integer, refusal, text, type FormState } from '@/lib/staff/forms';
import { ASSURANCES } from '@/lib/staff/participation-text';
import { pollsText } from '@/lib/staff/polls-text';
import { isChoice, optionField, QUESTION_KINDS, questionField, VISIBILITIES, type QuestionKind } from './builder-model';
import type {
  StaffClosePollMutation,
  StaffClosePollMutationVariables,
  StaffCreatePollMutation,
  StaffCreatePollMutationVariables,
  StaffPublishPollMutation,
  StaffPublishPollMutationVariables,
  StaffStartPollWaveMutation,
  StaffStartPollWaveMutationVariables,
  StaffUpdatePollMutation,
  StaffUpdatePollMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const CREATE_POLL: Operation<StaffCreatePollMutation, StaffCreatePollMutationVariables> = /* GraphQL */ `
  mutation StaffCreatePoll($input: CreatePollInput!) {
    createPoll(input: $input) {
      poll {
        id
      }
    }
  }
`;

const UPDATE_POLL: Operation<StaffUpdatePollMutation, StaffUpdatePollMutationVariables> = /* GraphQL */ `
  mutation StaffUpdatePoll($input: UpdatePollInput!) {
    updatePoll(input: $input) {
      poll {
        id
      }
    }
  }
`;

const PUBLISH_POLL: Operation<StaffPublishPollMutation, StaffPublishPollMutationVariables> = /* GraphQL */ `
  mutation StaffPublishPoll($input: PublishPollInput!) {
    publishPoll(input: $input) {
      poll {
        id
        status
      }
    }
  }
`;

const CLOSE_POLL: Operation<StaffClosePollMutation, StaffClosePollMutationVariables> = /* GraphQL */ `
  mutation StaffClosePoll($input: ClosePollInput!) {
    closePoll(input: $input) {
      poll {
        id
        status
      }
    }
  }
`;

const START_WAVE: Operation<StaffStartPollWaveMutation, StaffStartPollWaveMutationVariables> = /* GraphQL */ `
  mutation StaffStartPollWave($input: StartPollWaveInput!) {
    startPollWave(input: $input) {
      poll {
        id
      }
    }
  }
`;

/** A schedule field pair → the UTC instant; undefined when empty; "invalid" when not a day. */
function instant(form: FormData, prefix: 'opens' | 'closes', locale: 'fa' | 'en'): string | null | 'invalid' {
  const rawDay = text(form, `${prefix}Day`);
  if (!rawDay) return null;
  const day = parseDayField(rawDay, locale);
  if (!day) return 'invalid';
  const time = parseTimeField(form.get(`${prefix}Time`)) ?? (prefix === 'opens' ? '00:00' : '23:59');
  return cityInstant(day, time);
}

function readQuestions(form: FormData) {
  const count = Math.min(integer(form, 'q.count') ?? 0, 50);
  const questions = [];
  for (let q = 0; q < count; q++) {
    const kindRaw = text(form, questionField(q, 'kind'));
    const kind = QUESTION_KINDS.find((k) => k === kindRaw) as QuestionKind | undefined;
    if (!kind) continue;
    const options = [];
    if (isChoice(kind)) {
      const optionCount = Math.min(integer(form, questionField(q, 'o.count')) ?? 0, 30);
      for (let o = 0; o < optionCount; o++) {
        const id = text(form, optionField(q, o, 'id'));
        const labelFa = text(form, optionField(q, o, 'labelFa'));
        const labelEn = text(form, optionField(q, o, 'labelEn'));
        // A new row left empty is no option.
        if (!id && !labelFa && !labelEn) continue;
        options.push({ ...(id ? { id } : {}), labelFa: labelFa ?? '', labelEn });
      }
    }
    const id = text(form, questionField(q, 'id'));
    questions.push({
      ...(id ? { id } : {}),
      kind,
      promptFa: text(form, questionField(q, 'promptFa')) ?? '',
      promptEn: text(form, questionField(q, 'promptEn')),
      required: checkbox(form, questionField(q, 'required')),
      maxChoices: kind === 'MULTIPLE_CHOICE' ? integer(form, questionField(q, 'maxChoices')) : null,
      maxLength: kind === 'FREE_TEXT' ? integer(form, questionField(q, 'maxLength')) : null,
      options,
    });
  }
  return questions;
}

/** Creates a draft (pollId null) or saves an existing poll, then shows it with "saved". */
export async function savePoll(pollId: string | null, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const t = pollsText[locale].builder;
  const opensAt = instant(form, 'opens', locale);
  const closesAt = instant(form, 'closes', locale);
  if (opensAt === 'invalid') return { ...refusal(locale, t.invalidDay, previous), error: { message: t.invalidDay, field: 'opensAt' } };
  if (closesAt === 'invalid') return { ...refusal(locale, t.invalidDay, previous), error: { message: t.invalidDay, field: 'closesAt' } };
  const questions = readQuestions(form);
  if (!questions.length) return refusal(locale, t.noQuestions, previous);

  const visibility = VISIBILITIES.find((v) => v === text(form, 'resultsVisibility')) ?? 'PUBLIC';
  const assurance = ASSURANCES.find((a) => a === text(form, 'assurance')) ?? 'OPEN';
  const listId = text(form, 'eligibilityListId');
  const fields = {
    titleFa: text(form, 'titleFa') ?? '',
    titleEn: text(form, 'titleEn'),
    descriptionFa: text(form, 'descriptionFa'),
    descriptionEn: text(form, 'descriptionEn'),
    resultsVisibility: visibility,
    asksDistrict: checkbox(form, 'asksDistrict'),
    districtIds: form.getAll('districtIds').filter((v): v is string => typeof v === 'string' && isUuid(v)),
    assurance,
    // Only a resident-list poll takes a list; the API refuses one elsewhere.
    ...(assurance === 'RESIDENT_LIST' && listId && isUuid(listId) ? { eligibilityListId: listId } : {}),
    questions,
  };

  let id = pollId;
  if (pollId) {
    // A closed poll cannot be rescheduled: send the schedule only when it changed.
    const was = { opensAt: text(form, 'opensAtWas'), closesAt: text(form, 'closesAtWas') };
    const schedule = {
      ...(opensAt !== was.opensAt ? { opensAt } : {}),
      ...(closesAt !== was.closesAt ? { closesAt } : {}),
    };
    const result = await staffMutation(UPDATE_POLL, { input: { id: pollId, ...fields, ...schedule } });
    if (!result.ok) return refusal(locale, result.error, previous);
  } else {
    const result = await staffMutation(CREATE_POLL, { input: { ...fields, opensAt, closesAt } });
    if (!result.ok) return refusal(locale, result.error, previous);
    id = result.data.createPoll.poll.id;
  }
  redirect(`${localePath(locale, `/staff/polls/${id}`)}?done=saved`);
}

async function lifecycle(
  document: Operation<unknown, { input: Record<string, unknown> }>,
  input: Record<string, unknown>,
  pollId: string,
  done: string,
  pickId?: (data: unknown) => string,
) {
  const { locale } = await currentRoute();
  if (!isUuid(pollId)) redirect(localePath(locale, '/staff/polls'));
  const result = await staffMutation(document, { input });
  const page = localePath(locale, `/staff/polls/${pollId}`);
  if (!result.ok) {
    const reason = result.error.extensions?.reason;
    const params = new URLSearchParams({
      error: result.error.extensions?.code ?? 'UNKNOWN',
      ...(typeof reason === 'string' ? { reason: reason.slice(0, 40) } : {}),
    });
    // The API's English message only for English pages (people read messages in their language).
    if (locale === 'en') params.set('detail', result.error.message.slice(0, 300));
    redirect(`${page}?${params.toString()}`);
  }
  const target = pickId ? localePath(locale, `/staff/polls/${pickId(result.data)}`) : page;
  redirect(`${target}?done=${done}`);
}

export async function publishPoll(pollId: string): Promise<void> {
  await lifecycle(PUBLISH_POLL, { id: pollId }, pollId, 'published');
}

export async function closePoll(pollId: string): Promise<void> {
  await lifecycle(CLOSE_POLL, { id: pollId }, pollId, 'closed');
}

export async function startPollWave(pollId: string): Promise<void> {
  await lifecycle(
    START_WAVE,
    { pollId },
    pollId,
    'wave',
    (data) => (data as { startPollWave: { poll: { id: string } } }).startPollWave.poll.id,
  );
}
