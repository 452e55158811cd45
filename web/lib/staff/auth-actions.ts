'use server';

import { redirect } from 'next/navigation';
import { clientAddressHeaders } from '../api/client-address';
import { graphqlRequest } from '../api/request';
import { currentRoute } from '../i18n/request';
import { refusal, text, type FormState } from './forms';
import { staffText } from './i18n';
import { SIGN_IN_STEP_FIELDS } from './sign-in-step.fragment';
import { forgetStaffToken, keepStaffDeviceToken, keepStaffToken, signInPath, staffDeviceToken, staffToken, stepPath } from './session';
import type {
  StaffSetPasswordWithTokenMutation,
  StaffSetPasswordWithTokenMutationVariables,
  StaffSignInMutation,
  StaffSignInMutationVariables,
  StaffSignOutMutation,
  StaffSignOutMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const SIGN_IN: Operation<StaffSignInMutation, StaffSignInMutationVariables> = /* GraphQL */ `
  mutation StaffSignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...SignInStepFields
      deviceToken
    }
  }
  ${SIGN_IN_STEP_FIELDS}
`;

const SIGN_OUT: Operation<StaffSignOutMutation, StaffSignOutMutationVariables> = /* GraphQL */ `
  mutation StaffSignOut {
    signOut {
      signedOut
    }
  }
`;

/** Signs in through the API and keeps its token in the web's own httpOnly cookie. */
export async function signIn(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const t = staffText[locale].signIn;
  const email = text(form, 'email');
  const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
  if (!email || !password) return refusal(locale, t.missing, previous);

  let body;
  try {
    // The visitor's signed address: the API limits failed sign-ins per client, not per website.
    // The device token of an earlier sign-in here keeps this browser getting through with the right
    // password while others' failed attempts make them wait.
    const deviceToken = (await staffDeviceToken()) ?? null;
    body = await graphqlRequest(SIGN_IN, { input: { email, password, deviceToken } }, await clientAddressHeaders());
  } catch {
    return refusal(locale, t.unavailable, previous);
  }
  const code = body.errors?.[0]?.extensions?.code;
  if (code === 'RATE_LIMITED') return refusal(locale, t.locked, previous);
  if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') return refusal(locale, t.wrong, previous);
  if (!body.data?.signIn) return refusal(locale, t.unavailable, previous);

  await keepStaffToken(body.data.signIn.token, new Date(body.data.signIn.expiresAt));
  await keepStaffDeviceToken(body.data.signIn.deviceToken);
  // Signed in, or on to the step still ahead (a code, a new password, enrolling a second factor).
  redirect(stepPath(locale, body.data.signIn.state, text(form, 'next') ?? '/staff'));
}

/** Ends the session at the API too, so the token is useless even if it was copied. */
export async function signOut(): Promise<void> {
  const { locale } = await currentRoute();
  const token = await staffToken();
  if (token) {
    await graphqlRequest(SIGN_OUT, {}, { authorization: `Bearer ${token}` }).catch(() => undefined);
  }
  await forgetStaffToken();
  redirect(`${signInPath(locale)}?signedOut=1`);
}

const SET_PASSWORD: Operation<StaffSetPasswordWithTokenMutation, StaffSetPasswordWithTokenMutationVariables> = /* GraphQL */ `
  mutation StaffSetPasswordWithToken($input: SetPasswordWithTokenInput!) {
    setPasswordWithToken(input: $input) {
      email
    }
  }
`;

/** Spends a one-time link's token on a new password, then sends the person to sign in. */
export async function setPasswordWithToken(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const t = staffText[locale].setPassword;
  const token = text(form, 'token');
  const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
  if (!token) return refusal(locale, t.invalid, previous);
  if (!password) return refusal(locale, t.missing, previous);
  let body;
  try {
    body = await graphqlRequest(SET_PASSWORD, { input: { token, password } }, await clientAddressHeaders());
  } catch {
    return refusal(locale, staffText[locale].signIn.unavailable, previous);
  }
  const error = body.errors?.[0];
  if (error?.extensions?.reason === 'INVALID_TOKEN') return refusal(locale, t.invalid, previous);
  if (error?.extensions?.code === 'BAD_USER_INPUT') return refusal(locale, t.weak, previous);
  if (!body.data?.setPasswordWithToken) return refusal(locale, staffText[locale].signIn.unavailable, previous);
  redirect(`${signInPath(locale)}?passwordSet=1`);
}
