'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminText } from '@/lib/staff/admin-text';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { staffMutation } from '@/lib/staff/api';
import { checkbox, integer, list, enumField, refusal, text, type FormState } from '@/lib/staff/forms';
import { staffFormat } from '@/lib/staff/format';
import type {
  Role,
  StaffCreateApiKeyMutation,
  StaffCreateApiKeyMutationVariables,
  StaffCreateStaffUserMutation,
  StaffCreateStaffUserMutationVariables,
  StaffLiftSignInLockMutation,
  StaffLiftSignInLockMutationVariables,
  StaffResetStaffPasswordMutation,
  StaffResetStaffPasswordMutationVariables,
  StaffRevokeApiKeyMutation,
  StaffRevokeApiKeyMutationVariables,
  StaffUpdateStaffUserMutation,
  StaffUpdateStaffUserMutationVariables,
  StaffResetStaffSecondFactorMutation,
  StaffResetStaffSecondFactorMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const CREATE_USER: Operation<StaffCreateStaffUserMutation, StaffCreateStaffUserMutationVariables> = /* GraphQL */ `
  mutation StaffCreateStaffUser($input: CreateStaffUserInput!) {
    createStaffUser(input: $input) {
      staffUser {
        id
      }
    }
  }
`;
const UPDATE_USER: Operation<StaffUpdateStaffUserMutation, StaffUpdateStaffUserMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateStaffUser($input: UpdateStaffUserInput!) {
    updateStaffUser(input: $input) {
      endedSessionCount
      staffUser {
        id
      }
    }
  }
`;
const RESET_PASSWORD: Operation<StaffResetStaffPasswordMutation, StaffResetStaffPasswordMutationVariables> = /* GraphQL */ `
  mutation StaffResetStaffPassword($input: ResetStaffPasswordInput!) {
    resetStaffPassword(input: $input) {
      endedSessionCount
    }
  }
`;
const LIFT_SIGN_IN_LOCK: Operation<StaffLiftSignInLockMutation, StaffLiftSignInLockMutationVariables> = /* GraphQL */ `
  mutation StaffLiftSignInLock($input: LiftSignInLockInput!) {
    liftSignInLock(input: $input) {
      liftedCount
    }
  }
`;
const RESET_SECOND_FACTOR: Operation<StaffResetStaffSecondFactorMutation, StaffResetStaffSecondFactorMutationVariables> = /* GraphQL */ `
  mutation StaffResetStaffSecondFactor($input: ResetStaffSecondFactorInput!) {
    resetStaffSecondFactor(input: $input) {
      hadSecondFactor
      endedSessionCount
    }
  }
`;
const CREATE_KEY: Operation<StaffCreateApiKeyMutation, StaffCreateApiKeyMutationVariables> = /* GraphQL */ `
  mutation StaffCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
      }
    }
  }
`;
const REVOKE_KEY: Operation<StaffRevokeApiKeyMutation, StaffRevokeApiKeyMutationVariables> = /* GraphQL */ `
  mutation StaffRevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        revokedAt
      }
    }
  }
`;

export async function createUser(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(CREATE_USER, {
    input: {
      email: text(form, 'email') ?? '',
      displayName: text(form, 'displayName'),
      role: enumField<Role>(form, 'role') ?? 'ANALYST',
      password: String(form.get('password') ?? ''),
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  redirect(`${localePath(locale, '/staff/admin')}?done=created`);
}

export async function updateUser(userId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(UPDATE_USER, {
    input: {
      id: userId,
      displayName: text(form, 'displayName') ?? undefined,
      role: enumField<Role>(form, 'role') ?? undefined,
      active: checkbox(form, 'active'),
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  refresh();
  return {
    success: { message: adminText[locale].userUpdated(staffFormat(locale).number(result.data.updateStaffUser.endedSessionCount)) },
    attempt: (previous.attempt ?? 0) + 1,
  };
}

export async function resetPassword(userId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(RESET_PASSWORD, {
    input: { id: userId, password: String(form.get('password') ?? '') },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  return {
    success: { message: adminText[locale].passwordReset(staffFormat(locale).number(result.data.resetStaffPassword.endedSessionCount)) },
    attempt: (previous.attempt ?? 0) + 1,
  };
}

/** Lets clients held back after failed sign-ins try the account again at once. */
export async function liftSignInLock(userId: string): Promise<void> {
  const { locale } = await currentRoute();
  const result = await staffMutation(LIFT_SIGN_IN_LOCK, { input: { id: userId } });
  redirect(`${localePath(locale, '/staff/admin')}?${result.ok ? 'done=lifted' : `error=${result.error.extensions?.code ?? 'UNKNOWN'}`}`);
}

/** A lost phone: removes another staff member's second factor (the API refuses one's own). */
export async function resetSecondFactor(userId: string): Promise<void> {
  const { locale } = await currentRoute();
  const result = await staffMutation(RESET_SECOND_FACTOR, { input: { id: userId } });
  redirect(
    `${localePath(locale, '/staff/admin')}?${result.ok ? 'done=twoFactorReset' : `error=${result.error.extensions?.reason ?? result.error.extensions?.code ?? 'UNKNOWN'}`}`,
  );
}

export async function createKey(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(CREATE_KEY, {
    input: { name: text(form, 'name') ?? '', scopes: list(form, 'scopes'), requestsPerMinute: integer(form, 'requestsPerMinute') ?? 60 },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  refresh();
  // The secret is shown once, here; it never goes into an address or a log.
  return {
    success: { message: adminText[locale].keyCreated, secret: result.data.createApiKey.secret },
    attempt: (previous.attempt ?? 0) + 1,
  };
}

export async function revokeKey(keyId: string): Promise<void> {
  const { locale } = await currentRoute();
  const result = await staffMutation(REVOKE_KEY, { input: { id: keyId } });
  redirect(
    `${localePath(locale, '/staff/admin/api-keys')}?${result.ok ? 'done=revoked' : `error=${result.error.extensions?.code ?? 'UNKNOWN'}`}`,
  );
}
