'use server';

import { redirect } from 'next/navigation';
import { graphqlRequest } from '@/lib/api/request';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import type { FormErrorCode } from '@/lib/i18n/poll-text';
import { localePath } from '@/lib/i18n/routing';
import {
  checkAnswers,
  DISTRICT_FIELD,
  questionField,
  readValues,
  type FieldError,
  type FormValues,
  type PollRules,
} from '@/lib/polls/answers';
import { isUuid, keepRespondentToken, rememberAnswered, visitorHeaders } from '@/lib/respondent';
import type { PollFormState } from './poll-form-state';
import { loadChallenge } from './poll.data';
import type {
  PollRulesQuery,
  PollRulesQueryVariables,
  SubmitPollResponseMutation,
  SubmitPollResponseMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const RULES_QUERY: Operation<PollRulesQuery, PollRulesQueryVariables> = /* GraphQL */ `
  query PollRules($id: ID!) {
    poll(id: $id) {
      id
      status
      assurance
      asksDistrict
      districts {
        id
      }
      questions {
        id
        kind
        required
        maxChoices
        maxLength
        options {
          id
        }
      }
    }
    districts {
      id
    }
  }
`;

const SUBMIT_MUTATION: Operation<SubmitPollResponseMutation, SubmitPollResponseMutationVariables> = /* GraphQL */ `
  mutation SubmitPollResponse($input: SubmitPollResponseInput!) {
    submitPollResponse(input: $input) {
      pollId
      respondentToken
    }
  }
`;

const REFUSALS: Record<string, FormErrorCode> = {
  ALREADY_RESPONDED: 'ALREADY_RESPONDED',
  POLL_CLOSED: 'POLL_CLOSED',
  POLL_NOT_OPEN: 'POLL_NOT_OPEN',
  NOT_FOUND: 'POLL_CLOSED',
  RATE_LIMITED: 'RATE_LIMITED',
  TOKEN_REQUIRED: 'TOKEN_INVALID',
  TOKEN_INVALID: 'TOKEN_INVALID',
};

const PAYLOAD = /^[A-Za-z0-9+/={}":,._ -]{1,4000}$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,1024}$/;

/**
 * Answers a poll: the form posts here with or without JavaScript. The answers are checked in
 * full (every fault named, per question), then sent to the API with the visitor's respondent
 * cookie; the token the API returns becomes the cookie. On success the visitor lands on the
 * results; otherwise the form shows again with their answers and the messages.
 */
export async function submitPollAnswer(previous: PollFormState, formData: FormData): Promise<PollFormState> {
  const attempt = previous.attempt + 1;
  const refuse = (formError: FormErrorCode | null, values: FormValues = {}, errors: Record<string, FieldError> = {}) => ({
    errors,
    formError,
    values,
    attempt,
  });

  const pollId = String(formData.get('pollId') ?? '');
  const rawLocale = String(formData.get('locale') ?? '');
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  if (!isUuid(pollId)) return refuse('UNAVAILABLE');

  const headers = await visitorHeaders();
  let rules: PollRules;
  let assurance: string;
  try {
    const { data, errors } = await graphqlRequest(RULES_QUERY, { id: pollId }, headers);
    if (!data?.poll) return refuse(errors?.[0]?.extensions?.code === 'NOT_FOUND' ? 'POLL_CLOSED' : 'UNAVAILABLE');
    if (data.poll.status === 'CLOSED') return refuse('POLL_CLOSED');
    if (data.poll.status !== 'OPEN') return refuse('POLL_NOT_OPEN');
    const eligible = data.poll.districts.length ? data.poll.districts : data.districts;
    assurance = data.poll.assurance;
    rules = {
      asksDistrict: data.poll.asksDistrict,
      districtIds: eligible.map((d) => d.id),
      questions: data.poll.questions,
    };
  } catch (error) {
    console.error('poll answer: could not read the poll', error);
    return refuse('UNAVAILABLE');
  }

  const values = readValues(formData, rules);
  const checked = checkAnswers(rules, values);
  if (Object.keys(checked.errors).length) return refuse(null, values, checked.errors);
  if (checked.empty) return refuse('EMPTY', values);

  // OPEN: the ALTCHA widget's payload, when JavaScript solved it (without, the answer goes in unchallenged).
  const challenge = String(formData.get('altcha') ?? '');
  // Verified polls: the token the browser unblinded. Without it there is nothing to send.
  const message = String(formData.get('pollTokenMessage') ?? '');
  const signature = String(formData.get('pollTokenSignature') ?? '');
  const pollToken = BASE64URL.test(message) && BASE64URL.test(signature) ? { message, signature } : null;
  if (assurance !== 'OPEN' && !pollToken) return refuse('TOKEN_INVALID', values);

  let token: string;
  try {
    const input = {
      pollId,
      answers: checked.answers,
      ...(checked.districtId && { districtId: checked.districtId }),
      ...(assurance === 'OPEN' && PAYLOAD.test(challenge) && { challenge }),
      ...(assurance !== 'OPEN' && { pollToken }),
    };
    const { data, errors } = await graphqlRequest(SUBMIT_MUTATION, { input }, headers);
    if (!data?.submitPollResponse) {
      const error = errors?.[0];
      const code = error?.extensions?.code ?? '';
      if (code === 'ALREADY_RESPONDED') await rememberAnswered(pollId);
      if (code in REFUSALS) return refuse(REFUSALS[code], values);
      if (
        code === 'CHALLENGE_FAILED' ||
        code === 'CHALLENGE_REUSED' ||
        (code === 'BAD_USER_INPUT' && error?.extensions?.field === 'input.challenge')
      ) {
        return { ...refuse('CHALLENGE_FAILED', values), challenge: await loadChallenge(headers) };
      }
      if (code === 'DISTRICT_NOT_ELIGIBLE') return refuse(null, values, { [DISTRICT_FIELD]: { code: 'DISTRICT_NOT_ELIGIBLE' } });
      // A fault the checks above missed: name the answer the API names, when it names one.
      const field = typeof error?.extensions?.field === 'string' ? error.extensions.field : '';
      const answer = /^input\.answers\[(\d+)\]/.exec(field);
      const questionId = answer ? checked.answers[Number(answer[1])]?.questionId : undefined;
      if (questionId) return refuse(null, values, { [questionField(questionId)]: { code: 'INVALID' } });
      if (field === 'input.districtId') return refuse(null, values, { [DISTRICT_FIELD]: { code: 'DISTRICT_REQUIRED' } });
      console.error('poll answer: the API refused', code, error?.message);
      return refuse('UNAVAILABLE', values);
    }
    token = data.submitPollResponse.respondentToken;
  } catch (error) {
    console.error('poll answer: could not reach the API', error);
    return refuse('UNAVAILABLE', values);
  }

  await keepRespondentToken(token);
  await rememberAnswered(pollId);
  // Outside the try: redirect() works by throwing.
  redirect(`${localePath(locale, `/polls/${pollId}/results`)}?answered=1`);
}
