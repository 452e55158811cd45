'use server';

import QRCode from 'qrcode';
import { redirect } from 'next/navigation';
import { clientAddressHeaders } from '../api/client-address';
import { graphqlRequest, type GraphqlResponse } from '../api/request';
import { currentRoute } from '../i18n/request';
import { localePath } from '../i18n/routing';
import { staffMutation } from './api';
import { checkbox, refusal, text, type FormState } from './forms';
import { staffText } from './i18n';
import { securityText } from './security-text';
import { SIGN_IN_STEP_FIELDS } from './sign-in-step.fragment';
import { keepStaffToken, safeReturnPath, signInPath, staffDeviceToken, staffToken, stepPath } from './session';
import type {
  StaffChangePasswordMutation,
  StaffChangePasswordMutationVariables,
  StaffConfirmSecondFactorEnrolmentMutation,
  StaffConfirmSecondFactorEnrolmentMutationVariables,
  StaffDisableSecondFactorMutation,
  StaffDisableSecondFactorMutationVariables,
  StaffRegenerateRecoveryCodesMutation,
  StaffRegenerateRecoveryCodesMutationVariables,
  StaffStartSecondFactorEnrolmentMutation,
  StaffStartSecondFactorEnrolmentMutationVariables,
  StaffVerifySecondFactorMutation,
  StaffVerifySecondFactorMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

// The steps of signing in after the password, and the account's own security. A restricted session
// (half-way through signing in) is nobody to the API but these steps, so they go through
// graphqlRequest with the session's token rather than staffRequest (which takes any refusal of the
// session for an ended one). Each step done gives a new token, kept in place of the old one.

const VERIFY: Operation<StaffVerifySecondFactorMutation, StaffVerifySecondFactorMutationVariables> = /* GraphQL */ `
  mutation StaffVerifySecondFactor($input: VerifySecondFactorInput!) {
    verifySecondFactor(input: $input) {
      ...SignInStepFields
    }
  }
  ${SIGN_IN_STEP_FIELDS}
`;

const CHANGE_PASSWORD: Operation<StaffChangePasswordMutation, StaffChangePasswordMutationVariables> = /* GraphQL */ `
  mutation StaffChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ...SignInStepFields
    }
  }
  ${SIGN_IN_STEP_FIELDS}
`;

const START_ENROLMENT: Operation<StaffStartSecondFactorEnrolmentMutation, StaffStartSecondFactorEnrolmentMutationVariables> =
  /* GraphQL */ `
    mutation StaffStartSecondFactorEnrolment {
      startSecondFactorEnrolment {
        secret
        otpauthUri
        accountName
      }
    }
  `;

const CONFIRM_ENROLMENT: Operation<StaffConfirmSecondFactorEnrolmentMutation, StaffConfirmSecondFactorEnrolmentMutationVariables> =
  /* GraphQL */ `
    mutation StaffConfirmSecondFactorEnrolment($input: ConfirmSecondFactorEnrolmentInput!) {
      confirmSecondFactorEnrolment(input: $input) {
        recoveryCodes
        signIn {
          ...SignInStepFields
        }
      }
    }
    ${SIGN_IN_STEP_FIELDS}
  `;

const DISABLE: Operation<StaffDisableSecondFactorMutation, StaffDisableSecondFactorMutationVariables> = /* GraphQL */ `
  mutation StaffDisableSecondFactor($input: SecondFactorCodeInput!) {
    disableSecondFactor(input: $input) {
      staffUser {
        id
      }
    }
  }
`;

const REGENERATE: Operation<StaffRegenerateRecoveryCodesMutation, StaffRegenerateRecoveryCodesMutationVariables> = /* GraphQL */ `
  mutation StaffRegenerateRecoveryCodes($input: SecondFactorCodeInput!) {
    regenerateRecoveryCodes(input: $input) {
      recoveryCodes
    }
  }
`;

/** A request with this browser's session, whatever its step; no session at all goes to the sign-in page. */
async function withSession<T, V>(document: Operation<T, V>, variables: V): Promise<GraphqlResponse<T>> {
  const { locale } = await currentRoute();
  const token = await staffToken();
  if (!token) redirect(signInPath(locale));
  let body: GraphqlResponse<T>;
  try {
    body = await graphqlRequest(document, variables, { authorization: `Bearer ${token}`, ...(await clientAddressHeaders()) });
  } catch {
    return { errors: [{ message: 'unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
  }
  const error = body.errors?.[0];
  // The restricted session ran out (15 minutes) or was replaced: sign in again.
  if (error?.extensions?.code === 'UNAUTHENTICATED' && error.extensions.reason !== 'SIGN_IN_INCOMPLETE') {
    redirect(signInPath(locale, { expired: true }));
  }
  return body;
}

/** The second-factor step: an app code or a recovery code. */
export async function verifySecondFactor(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const t = securityText[locale].code;
  const code = text(form, 'code');
  if (!code) return refusal(locale, t.missing, previous);
  const deviceToken = (await staffDeviceToken()) ?? null;
  const body = await withSession(VERIFY, { input: { code, deviceToken } });
  const error = body.errors?.[0];
  if (error?.extensions?.reason === 'INVALID_CODE') return refusal(locale, t.wrong, previous);
  if (error?.extensions?.code === 'RATE_LIMITED') return refusal(locale, staffText[locale].signIn.locked, previous);
  if (error || !body.data) return refusal(locale, error ?? staffText[locale].signIn.unavailable, previous);
  const session = body.data.verifySecondFactor;
  await keepStaffToken(session.token, new Date(session.expiresAt));
  redirect(stepPath(locale, session.state, text(form, 'next') ?? '/staff'));
}

/** A new password: the forced step after an admin chose one, or from the account page. */
export async function changePassword(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const t = securityText[locale].changePassword;
  const raw = (name: string) => (typeof form.get(name) === 'string' ? String(form.get(name)) : '');
  const newPassword = raw('newPassword');
  if (!newPassword) return refusal(locale, t.missing, previous);
  if (newPassword !== raw('confirmPassword')) return refusal(locale, t.mismatch, previous);
  const currentPassword = raw('currentPassword') || null;
  const body = await withSession(CHANGE_PASSWORD, { input: { currentPassword, newPassword } });
  const error = body.errors?.[0];
  if (error || !body.data) return refusal(locale, error ?? staffText[locale].signIn.unavailable, previous);
  const session = body.data.changePassword;
  await keepStaffToken(session.token, new Date(session.expiresAt));
  if (text(form, 'from') === 'account') redirect(`${localePath(locale, '/staff/account')}?done=password`);
  redirect(stepPath(locale, session.state, text(form, 'next') ?? '/staff'));
}

/** The enrolment page's steps: begin (secret and QR code), confirm with a code, then the recovery codes once. */
export interface EnrolState {
  step: 'start' | 'confirm' | 'codes';
  error?: string;
  attempt?: number;
  secret?: string;
  accountName?: string;
  qr?: string;
  codes?: string[];
}

export async function enrolSecondFactor(previous: EnrolState, form: FormData): Promise<EnrolState> {
  const { locale } = await currentRoute();
  const attempt = (previous.attempt ?? 0) + 1;
  const fail = (error: Parameters<typeof refusal>[1]): EnrolState => ({
    ...previous,
    error: refusal(locale, error).error?.message,
    attempt,
  });
  if (text(form, 'intent') === 'confirm') {
    const code = text(form, 'code');
    if (!code) return fail(securityText[locale].code.missing);
    const body = await withSession(CONFIRM_ENROLMENT, { input: { code } });
    const error = body.errors?.[0];
    if (error?.extensions?.reason === 'INVALID_CODE') return fail(securityText[locale].code.wrong);
    if (error?.extensions?.code === 'RATE_LIMITED') return fail(staffText[locale].signIn.locked);
    if (error || !body.data) return fail(error ?? staffText[locale].signIn.unavailable);
    const { recoveryCodes, signIn } = body.data.confirmSecondFactorEnrolment;
    if (signIn) await keepStaffToken(signIn.token, new Date(signIn.expiresAt));
    // The secret is not carried further than it must be.
    return { step: 'codes', codes: recoveryCodes, attempt };
  }
  const body = await withSession(START_ENROLMENT, {});
  const error = body.errors?.[0];
  if (error || !body.data) return fail(error ?? staffText[locale].signIn.unavailable);
  const { secret, otpauthUri, accountName } = body.data.startSecondFactorEnrolment;
  // Drawn here as SVG (the page allows data: images); the secret never leaves for another service.
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return { step: 'confirm', secret, accountName, qr, attempt };
}

/** After the recovery codes: "I saved them", then on to where the person was going. */
export async function finishEnrolment(form: FormData): Promise<void> {
  const { locale } = await currentRoute();
  if (!checkbox(form, 'saved')) return;
  const next = safeReturnPath(text(form, 'next'));
  redirect(localePath(locale, next));
}

/** Turns the signed-in person's second factor off (not for those who must use one). */
export async function disableSecondFactor(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const code = text(form, 'code');
  if (!code) return refusal(locale, securityText[locale].code.missing, previous);
  const result = await staffMutation(DISABLE, { input: { code } });
  if (!result.ok) return refusal(locale, result.error, previous);
  redirect(`${localePath(locale, '/staff/account')}?done=disabled`);
}

/** New recovery codes, shown once in the answer. */
export async function regenerateRecoveryCodes(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const code = text(form, 'code');
  if (!code) return refusal(locale, securityText[locale].code.missing, previous);
  const result = await staffMutation(REGENERATE, { input: { code } });
  if (!result.ok) return refusal(locale, result.error, previous);
  return {
    success: { message: securityText[locale].account.regenerated, codes: result.data.regenerateRecoveryCodes.recoveryCodes },
    attempt: (previous.attempt ?? 0) + 1,
  };
}
