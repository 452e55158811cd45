'use server';

import { redirect } from 'next/navigation';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffMutation } from '@/lib/staff/api';
import { cityInstant, parseDayField, parseTimeField } from '@/lib/staff/dates';
import { list, enumField, refusal, text, type FormState } from '@/lib/staff/forms';
import type {
  CoverageKind,
  CoverageTone,
  MediaInteractionKind,
  MediaInvitationReply,
  MediaOutletKind,
  StaffCompleteMediaFollowUpMutation,
  StaffCompleteMediaFollowUpMutationVariables,
  StaffCreateMediaContactMutation,
  StaffCreateMediaContactMutationVariables,
  StaffCreateMediaOutletMutation,
  StaffCreateMediaOutletMutationVariables,
  StaffCreatePressReleaseMutation,
  StaffCreatePressReleaseMutationVariables,
  StaffDeleteMediaContactMutation,
  StaffDeleteMediaContactMutationVariables,
  StaffDeletePressReleaseMutation,
  StaffDeletePressReleaseMutationVariables,
  StaffEmailPressReleaseMutation,
  StaffEmailPressReleaseMutationVariables,
  StaffInviteMediaContactsMutation,
  StaffInviteMediaContactsMutationVariables,
  StaffLogMediaInteractionMutation,
  StaffLogMediaInteractionMutationVariables,
  StaffPublishPressReleaseMutation,
  StaffPublishPressReleaseMutationVariables,
  StaffRecordMediaCoverageMutation,
  StaffRecordMediaCoverageMutationVariables,
  StaffRecordPressReleaseDistributionMutation,
  StaffRecordPressReleaseDistributionMutationVariables,
  StaffRemoveMediaInvitationMutation,
  StaffRemoveMediaInvitationMutationVariables,
  StaffUpdateMediaContactMutation,
  StaffUpdateMediaContactMutationVariables,
  StaffUpdateMediaInvitationMutation,
  StaffUpdateMediaInvitationMutationVariables,
  StaffUpdatePressReleaseMutation,
  StaffUpdatePressReleaseMutationVariables,
  StaffWithdrawPressReleaseMutation,
  StaffWithdrawPressReleaseMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const CREATE_CONTACT: Operation<StaffCreateMediaContactMutation, StaffCreateMediaContactMutationVariables> = /* GraphQL */ `
  mutation StaffCreateMediaContact($input: CreateMediaContactInput!) {
    createMediaContact(input: $input) {
      contact {
        id
      }
    }
  }
`;
const UPDATE_CONTACT: Operation<StaffUpdateMediaContactMutation, StaffUpdateMediaContactMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateMediaContact($input: UpdateMediaContactInput!) {
    updateMediaContact(input: $input) {
      contact {
        id
      }
    }
  }
`;
const DELETE_CONTACT: Operation<StaffDeleteMediaContactMutation, StaffDeleteMediaContactMutationVariables> = /* GraphQL */ `
  mutation StaffDeleteMediaContact($input: DeleteMediaContactInput!) {
    deleteMediaContact(input: $input) {
      deletedContactId
    }
  }
`;
const LOG_INTERACTION: Operation<StaffLogMediaInteractionMutation, StaffLogMediaInteractionMutationVariables> = /* GraphQL */ `
  mutation StaffLogMediaInteraction($input: LogMediaInteractionInput!) {
    logMediaInteraction(input: $input) {
      interaction {
        id
      }
    }
  }
`;
const COMPLETE_FOLLOW_UP: Operation<StaffCompleteMediaFollowUpMutation, StaffCompleteMediaFollowUpMutationVariables> = /* GraphQL */ `
  mutation StaffCompleteMediaFollowUp($input: CompleteMediaFollowUpInput!) {
    completeMediaFollowUp(input: $input) {
      interaction {
        id
        followUpDoneAt
      }
    }
  }
`;
const CREATE_OUTLET: Operation<StaffCreateMediaOutletMutation, StaffCreateMediaOutletMutationVariables> = /* GraphQL */ `
  mutation StaffCreateMediaOutlet($input: CreateMediaOutletInput!) {
    createMediaOutlet(input: $input) {
      outlet {
        id
      }
    }
  }
`;
const CREATE_RELEASE: Operation<StaffCreatePressReleaseMutation, StaffCreatePressReleaseMutationVariables> = /* GraphQL */ `
  mutation StaffCreatePressRelease($input: CreatePressReleaseInput!) {
    createPressRelease(input: $input) {
      pressRelease {
        id
      }
    }
  }
`;
const UPDATE_RELEASE: Operation<StaffUpdatePressReleaseMutation, StaffUpdatePressReleaseMutationVariables> = /* GraphQL */ `
  mutation StaffUpdatePressRelease($input: UpdatePressReleaseInput!) {
    updatePressRelease(input: $input) {
      pressRelease {
        id
      }
    }
  }
`;
const PUBLISH_RELEASE: Operation<StaffPublishPressReleaseMutation, StaffPublishPressReleaseMutationVariables> = /* GraphQL */ `
  mutation StaffPublishPressRelease($input: PublishPressReleaseInput!) {
    publishPressRelease(input: $input) {
      addedRecipientCount
      pressRelease {
        id
        status
      }
    }
  }
`;
const WITHDRAW_RELEASE: Operation<StaffWithdrawPressReleaseMutation, StaffWithdrawPressReleaseMutationVariables> = /* GraphQL */ `
  mutation StaffWithdrawPressRelease($input: WithdrawPressReleaseInput!) {
    withdrawPressRelease(input: $input) {
      pressRelease {
        id
        status
      }
    }
  }
`;
const DELETE_RELEASE: Operation<StaffDeletePressReleaseMutation, StaffDeletePressReleaseMutationVariables> = /* GraphQL */ `
  mutation StaffDeletePressRelease($input: DeletePressReleaseInput!) {
    deletePressRelease(input: $input) {
      deletedPressReleaseId
    }
  }
`;
const RECORD_DISTRIBUTION: Operation<StaffRecordPressReleaseDistributionMutation, StaffRecordPressReleaseDistributionMutationVariables> =
  /* GraphQL */ `
    mutation StaffRecordPressReleaseDistribution($input: RecordPressReleaseDistributionInput!) {
      recordPressReleaseDistribution(input: $input) {
        addedRecipientCount
      }
    }
  `;
const EMAIL_RELEASE: Operation<StaffEmailPressReleaseMutation, StaffEmailPressReleaseMutationVariables> = /* GraphQL */ `
  mutation StaffEmailPressRelease($input: EmailPressReleaseInput!) {
    emailPressRelease(input: $input) {
      queuedCount
    }
  }
`;
const RECORD_COVERAGE: Operation<StaffRecordMediaCoverageMutation, StaffRecordMediaCoverageMutationVariables> = /* GraphQL */ `
  mutation StaffRecordMediaCoverage($input: RecordMediaCoverageInput!) {
    recordMediaCoverage(input: $input) {
      coverage {
        id
      }
    }
  }
`;
const INVITE: Operation<StaffInviteMediaContactsMutation, StaffInviteMediaContactsMutationVariables> = /* GraphQL */ `
  mutation StaffInviteMediaContacts($input: InviteMediaContactsInput!) {
    inviteMediaContacts(input: $input) {
      addedCount
    }
  }
`;
const UPDATE_INVITATION: Operation<StaffUpdateMediaInvitationMutation, StaffUpdateMediaInvitationMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateMediaInvitation($input: UpdateMediaInvitationInput!) {
    updateMediaInvitation(input: $input) {
      invitation {
        id
      }
    }
  }
`;
const REMOVE_INVITATION: Operation<StaffRemoveMediaInvitationMutation, StaffRemoveMediaInvitationMutationVariables> = /* GraphQL */ `
  mutation StaffRemoveMediaInvitation($input: RemoveMediaInvitationInput!) {
    removeMediaInvitation(input: $input) {
      removedInvitationId
    }
  }
`;

async function go(path: string, params: Record<string, string> = {}, hash = ''): Promise<never> {
  const { locale } = await currentRoute();
  const query = new URLSearchParams(params).toString();
  redirect(`${localePath(locale, path)}${query ? `?${query}` : ''}${hash}`);
}

/** Plain forms (buttons) that fail come back with the error code in the address. */
async function run(document: string, input: Record<string, unknown>, path: string, done: string, hash = ''): Promise<never> {
  const result = await staffMutation(document, { input });
  if (!result.ok) return go(path, { error: result.error.extensions?.code ?? 'UNKNOWN' }, hash);
  return go(path, { done }, hash);
}

function contactFields(form: FormData) {
  const phones = (text(form, 'phones') ?? '')
    .split(/\r?\n|[,،]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const beats = (text(form, 'beats') ?? '')
    .split(/[,،]/)
    .map((b) => b.trim())
    .filter(Boolean);
  const outletId = text(form, 'outletId');
  return {
    name: text(form, 'name') ?? '',
    role: text(form, 'role'),
    outletId: outletId && isUuid(outletId) ? outletId : null,
    phones,
    email: text(form, 'email'),
    beats,
    language: text(form, 'language') ?? 'fa',
    notes: text(form, 'notes'),
  };
}

export async function createContact(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(CREATE_CONTACT, { input: contactFields(form) });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/media/contacts/${result.data.createMediaContact.contact.id}`, { done: 'saved' });
}

export async function updateContact(contactId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(UPDATE_CONTACT, { input: { id: contactId, ...contactFields(form) } });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/media/contacts/${contactId}`, { done: 'saved' });
}

export async function deleteContact(contactId: string): Promise<void> {
  const result = await staffMutation(DELETE_CONTACT, { input: { id: contactId } });
  if (!result.ok) return go(`/staff/media/contacts/${contactId}`, { error: result.error.extensions?.code ?? 'UNKNOWN' });
  return go('/staff/media');
}

export async function logInteraction(contactId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const rawDay = text(form, 'occurredDay');
  const day = rawDay ? parseDayField(rawDay, locale) : null;
  const followRaw = text(form, 'followUpOn');
  const followUpOn = followRaw ? parseDayField(followRaw, locale) : null;
  if ((rawDay && !day) || (followRaw && !followUpOn)) {
    return refusal(
      locale,
      { message: 'Not a date.', extensions: { code: 'BAD_USER_INPUT', field: rawDay && !day ? 'occurredAt' : 'followUpOn' } },
      previous,
    );
  }
  const time = parseTimeField(form.get('occurredTime')) ?? '12:00';
  const result = await staffMutation(LOG_INTERACTION, {
    input: {
      contactId,
      kind: enumField<MediaInteractionKind>(form, 'kind') ?? 'CALL',
      topic: text(form, 'topic') ?? '',
      notes: text(form, 'notes'),
      ...(day ? { occurredAt: cityInstant(day, time) } : {}),
      followUpOn,
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/media/contacts/${contactId}`, { done: 'logged' }, '#history');
}

export async function completeFollowUp(interactionId: string, back: string): Promise<void> {
  const path = back.startsWith('/staff/media') ? back : '/staff/media/follow-ups';
  return run(COMPLETE_FOLLOW_UP, { interactionId }, path, 'completed');
}

export async function createOutlet(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(CREATE_OUTLET, {
    input: {
      nameFa: text(form, 'nameFa') ?? '',
      nameEn: text(form, 'nameEn'),
      kind: enumField<MediaOutletKind>(form, 'kind') ?? 'WEBSITE',
      url: text(form, 'url'),
      notes: text(form, 'notes'),
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go('/staff/media/outlets', { done: 'added' });
}

function releaseFields(form: FormData) {
  const districtId = text(form, 'districtId');
  return {
    titleFa: text(form, 'titleFa') ?? '',
    titleEn: text(form, 'titleEn'),
    summaryFa: text(form, 'summaryFa'),
    summaryEn: text(form, 'summaryEn'),
    bodyFa: text(form, 'bodyFa') ?? '',
    bodyEn: text(form, 'bodyEn'),
    districtId: districtId && isUuid(districtId) ? districtId : null,
  };
}

export async function createRelease(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const slug = text(form, 'slug');
  const result = await staffMutation(CREATE_RELEASE, {
    input: { ...releaseFields(form), ...(slug ? { slug } : {}) },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/media/releases/${result.data.createPressRelease.pressRelease.id}`, { done: 'saved' });
}

export async function updateRelease(releaseId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const slug = text(form, 'slug');
  const slugWas = text(form, 'slugWas');
  const result = await staffMutation(UPDATE_RELEASE, {
    input: { id: releaseId, ...releaseFields(form), ...(slug && slug !== slugWas ? { slug } : {}) },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go(`/staff/media/releases/${releaseId}`, { done: 'saved' });
}

export async function publishRelease(releaseId: string, form: FormData): Promise<void> {
  const contactIds = list(form, 'contactIds').filter(isUuid);
  return run(PUBLISH_RELEASE, { id: releaseId, contactIds }, `/staff/media/releases/${releaseId}`, 'published');
}

export async function withdrawRelease(releaseId: string): Promise<void> {
  return run(WITHDRAW_RELEASE, { id: releaseId }, `/staff/media/releases/${releaseId}`, 'withdrawn');
}

export async function deleteRelease(releaseId: string): Promise<void> {
  const result = await staffMutation(DELETE_RELEASE, { input: { id: releaseId } });
  if (!result.ok) return go(`/staff/media/releases/${releaseId}`, { error: result.error.extensions?.code ?? 'UNKNOWN' });
  return go('/staff/media/releases');
}

export async function recordDistribution(releaseId: string, form: FormData): Promise<void> {
  const contactIds = list(form, 'contactIds').filter(isUuid);
  return run(RECORD_DISTRIBUTION, { releaseId, contactIds }, `/staff/media/releases/${releaseId}`, 'sent');
}

/** E-mails a published release to the chosen contacts, or to its distribution list when none is chosen. */
export async function emailRelease(releaseId: string, form: FormData): Promise<void> {
  const contactIds = list(form, 'contactIds').filter(isUuid);
  return run(
    EMAIL_RELEASE,
    { releaseId, contactIds: contactIds.length ? contactIds : null },
    `/staff/media/releases/${releaseId}`,
    'emailed',
    '#email-title',
  );
}

export async function recordCoverage(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const raw = text(form, 'publishedOn');
  const publishedOn = raw ? parseDayField(raw, locale) : null;
  if (!publishedOn)
    return refusal(locale, { message: 'Not a date.', extensions: { code: 'BAD_USER_INPUT', field: 'publishedOn' } }, previous);
  const releaseId = text(form, 'pressReleaseId');
  const result = await staffMutation(RECORD_COVERAGE, {
    input: {
      outletId: text(form, 'outletId') ?? '',
      title: text(form, 'title') ?? '',
      url: text(form, 'url'),
      publishedOn,
      kind: enumField<CoverageKind>(form, 'kind') ?? 'ARTICLE',
      tone: enumField<CoverageTone>(form, 'tone') ?? 'NEUTRAL',
      summary: text(form, 'summary'),
      pressReleaseId: releaseId && isUuid(releaseId) ? releaseId : null,
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  return go('/staff/media/coverage', { done: 'recorded' });
}

export async function inviteContacts(eventId: string, form: FormData): Promise<void> {
  const contactIds = list(form, 'contactIds').filter(isUuid);
  const result = await staffMutation(INVITE, {
    input: { eventId, contactIds, note: text(form, 'note') },
  });
  if (!result.ok) return go('/staff/media/invitations', { event: eventId, error: result.error.extensions?.code ?? 'UNKNOWN' });
  return go('/staff/media/invitations', { event: eventId, invited: String(result.data.inviteMediaContacts.addedCount) });
}

export async function updateInvitation(eventId: string, invitationId: string, form: FormData): Promise<void> {
  const attended = text(form, 'attended');
  const result = await staffMutation(UPDATE_INVITATION, {
    input: {
      id: invitationId,
      reply: enumField<MediaInvitationReply>(form, 'reply') ?? 'AWAITING',
      ...(attended ? { attended: attended === 'yes' } : {}),
    },
  });
  return go('/staff/media/invitations', {
    event: eventId,
    ...(result.ok ? { done: 'updated' } : { error: result.error.extensions?.code ?? 'UNKNOWN' }),
  });
}

export async function removeInvitation(eventId: string, invitationId: string): Promise<void> {
  const result = await staffMutation(REMOVE_INVITATION, { input: { id: invitationId } });
  return go('/staff/media/invitations', {
    event: eventId,
    ...(result.ok ? { done: 'updated' } : { error: result.error.extensions?.code ?? 'UNKNOWN' }),
  });
}
