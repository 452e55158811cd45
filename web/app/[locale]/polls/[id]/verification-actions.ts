'use server';

import { graphqlRequest, type GraphqlError } from '@/lib/api/request';
import type { VerifyError } from '@/lib/i18n/poll-text';
import { isUuid, visitorHeaders } from '@/lib/respondent';
import type {
  IssuePollTokenInput,
  IssuePollTokenMutation,
  IssuePollTokenMutationVariables,
  RequestVerificationCodeMutation,
  RequestVerificationCodeMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

// The verification steps of VERIFIED_PHONE and RESIDENT_LIST polls, relayed to the API with the
// visitor's signed address (the API limits code requests and checks per address). The website
// sees the phone number or national code and the BLINDED message only: the blinding and the
// unblinding happen in the browser (poll-token.ts), so the token the answer is later sent with
// cannot be matched to this request, here or in the API.

const REQUEST_CODE_MUTATION: Operation<RequestVerificationCodeMutation, RequestVerificationCodeMutationVariables> = /* GraphQL */ `
  mutation RequestVerificationCode($input: RequestVerificationCodeInput!) {
    requestVerificationCode(input: $input) {
      pollId
      maskedPhone
      expiresAt
    }
  }
`;

const ISSUE_TOKEN_MUTATION: Operation<IssuePollTokenMutation, IssuePollTokenMutationVariables> = /* GraphQL */ `
  mutation IssuePollToken($input: IssuePollTokenInput!) {
    issuePollToken(input: $input) {
      pollId
      blindSignature
    }
  }
`;

export type CodeRequestResult = { ok: true; maskedPhone: string; expiresAt: string } | { ok: false; error: VerifyError };
export type TokenResult = { ok: true; blindSignature: string } | { ok: false; error: VerifyError };

const MAX_TEXT = 64;
const BASE64URL = /^[A-Za-z0-9_-]{1,1024}$/;

export async function requestCode(pollId: string, phone: string): Promise<CodeRequestResult> {
  if (!isUuid(pollId)) return { ok: false, error: { code: 'UNAVAILABLE' } };
  if (!phone.trim()) return { ok: false, error: { code: 'PHONE_REQUIRED' } };
  if (phone.length > MAX_TEXT) return { ok: false, error: { code: 'PHONE_INVALID' } };
  try {
    const { data, errors } = await graphqlRequest(REQUEST_CODE_MUTATION, { input: { pollId, phone } }, await visitorHeaders());
    if (data?.requestVerificationCode) return { ok: true, ...data.requestVerificationCode };
    return { ok: false, error: verifyError(errors?.[0], 'phone') };
  } catch (error) {
    console.error('verification: could not reach the API', error);
    return { ok: false, error: { code: 'UNAVAILABLE' } };
  }
}

export interface TokenProof {
  phone?: string;
  code?: string;
  residentId?: string;
}

export async function issueToken(pollId: string, blindedMessage: string, proof: TokenProof): Promise<TokenResult> {
  if (!isUuid(pollId) || !BASE64URL.test(blindedMessage)) return { ok: false, error: { code: 'UNAVAILABLE' } };
  const input: IssuePollTokenInput = { pollId, blindedMessage };
  if (proof.residentId !== undefined) {
    if (!proof.residentId.trim() || proof.residentId.length > MAX_TEXT) return { ok: false, error: { code: 'RESIDENT_ID_INVALID' } };
    input.residentId = proof.residentId;
  } else {
    if (!proof.phone?.trim() || proof.phone.length > MAX_TEXT) return { ok: false, error: { code: 'PHONE_INVALID' } };
    if (!proof.code?.trim() || proof.code.length > MAX_TEXT) return { ok: false, error: { code: 'CODE_REQUIRED' } };
    input.phone = proof.phone;
    input.code = proof.code;
  }
  try {
    const { data, errors } = await graphqlRequest(ISSUE_TOKEN_MUTATION, { input }, await visitorHeaders());
    if (data?.issuePollToken) return { ok: true, blindSignature: data.issuePollToken.blindSignature };
    return { ok: false, error: verifyError(errors?.[0], proof.residentId !== undefined ? 'residentId' : 'code') };
  } catch (error) {
    console.error('verification: could not reach the API', error);
    return { ok: false, error: { code: 'UNAVAILABLE' } };
  }
}

/** The API's refusal as the page says it; a field-less BAD_USER_INPUT is about what was typed. */
function verifyError(error: GraphqlError | undefined, typed: 'phone' | 'code' | 'residentId'): VerifyError {
  const code = error?.extensions?.code ?? '';
  const number = (key: string) => (typeof error?.extensions?.[key] === 'number' ? (error.extensions[key] as number) : undefined);
  switch (code) {
    case 'CODE_INVALID':
      return { code: 'CODE_INVALID', attemptsLeft: number('attemptsLeft') };
    case 'CODE_EXPIRED':
      return { code: 'CODE_EXPIRED' };
    case 'RATE_LIMITED':
      return { code: 'RATE_LIMITED', retryAfter: number('retryAfter') };
    case 'SERVICE_UNAVAILABLE':
      return { code: 'SMS_DOWN' };
    case 'NOT_ELIGIBLE':
      return { code: 'NOT_ELIGIBLE' };
    case 'TOKEN_ALREADY_ISSUED':
      return { code: 'TOKEN_ALREADY_ISSUED' };
    case 'POLL_CLOSED':
    case 'POLL_NOT_OPEN':
    case 'NOT_FOUND':
      return { code: 'POLL_CLOSED' };
    case 'BAD_USER_INPUT': {
      const field = String(error?.extensions?.field ?? `input.${typed}`);
      if (field === 'input.phone') return { code: 'PHONE_INVALID' };
      if (field === 'input.code') return { code: 'CODE_INVALID' };
      if (field === 'input.residentId') return { code: 'RESIDENT_ID_INVALID' };
      console.error('verification: the API refused', code, error?.message);
      return { code: 'UNAVAILABLE' };
    }
    default:
      console.error('verification: the API refused', code, error?.message);
      return { code: 'UNAVAILABLE' };
  }
}
