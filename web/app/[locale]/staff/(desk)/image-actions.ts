'use server';

import { redirect } from 'next/navigation';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffMutation } from '@/lib/staff/api';
import { refusal, text, type FormState } from '@/lib/staff/forms';
import { uploadToApi } from '@/lib/staff/uploads';
import type {
  AttachImageInput,
  DetachImageInput,
  StaffAttachPressReleasePdfMutation,
  StaffAttachPressReleasePdfMutationVariables,
  StaffDetachPressReleasePdfMutation,
  StaffDetachPressReleasePdfMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

// Images (news items, events, goals) and a press release's PDF: the file goes to the API's
// POST /uploads, then a mutation attaches it with its alt text. Both refusals come back to the form.

export type ImageOwner = 'News' | 'Event' | 'Goal';

// Spelled out, so the trusted-documents manifest (npm run documents) finds each operation.
const ATTACH: Record<ImageOwner, Operation<unknown, { input: AttachImageInput }>> = {
  News: /* GraphQL */ `
    mutation StaffAttachNewsImage($input: AttachImageInput!) {
      attachNewsImage(input: $input) {
        image {
          id
        }
      }
    }
  `,
  Event: /* GraphQL */ `
    mutation StaffAttachEventImage($input: AttachImageInput!) {
      attachEventImage(input: $input) {
        image {
          id
        }
      }
    }
  `,
  Goal: /* GraphQL */ `
    mutation StaffAttachGoalImage($input: AttachImageInput!) {
      attachGoalImage(input: $input) {
        image {
          id
        }
      }
    }
  `,
};
const DETACH: Record<ImageOwner, Operation<unknown, { input: DetachImageInput }>> = {
  News: /* GraphQL */ `
    mutation StaffDetachNewsImage($input: DetachImageInput!) {
      detachNewsImage(input: $input) {
        detached
      }
    }
  `,
  Event: /* GraphQL */ `
    mutation StaffDetachEventImage($input: DetachImageInput!) {
      detachEventImage(input: $input) {
        detached
      }
    }
  `,
  Goal: /* GraphQL */ `
    mutation StaffDetachGoalImage($input: DetachImageInput!) {
      detachGoalImage(input: $input) {
        detached
      }
    }
  `,
};
const ATTACH_PDF: Operation<StaffAttachPressReleasePdfMutation, StaffAttachPressReleasePdfMutationVariables> = /* GraphQL */ `
  mutation StaffAttachPressReleasePdf($input: AttachPressReleasePdfInput!) {
    attachPressReleasePdf(input: $input) {
      document {
        id
      }
    }
  }
`;
const DETACH_PDF: Operation<StaffDetachPressReleasePdfMutation, StaffDetachPressReleasePdfMutationVariables> = /* GraphQL */ `
  mutation StaffDetachPressReleasePdf($input: DetachPressReleasePdfInput!) {
    detachPressReleasePdf(input: $input) {
      detached
    }
  }
`;

/** Staff pages that show an image form, by owner: where to come back to. */
const PAGES: Record<ImageOwner, string> = { News: '/staff/media/releases', Event: '/staff/events', Goal: '/staff/goals' };

async function back(owner: ImageOwner, id: string, done: string): Promise<never> {
  const { locale } = await currentRoute();
  redirect(`${localePath(locale, `${PAGES[owner]}/${id}`)}?done=${done}#image-title`);
}

function chosenFile(form: FormData): File | null {
  const file = form.get('file');
  return file instanceof File && file.size > 0 ? file : null;
}

export async function attachImage(owner: ImageOwner, id: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  if (!isUuid(id)) return refusal(locale, { message: 'Not found', extensions: { code: 'NOT_FOUND' } }, previous);
  const altFa = text(form, 'altFa');
  if (!altFa) return refusal(locale, { message: 'altFa', extensions: { code: 'BAD_USER_INPUT', field: 'altFa' } }, previous);
  const file = chosenFile(form);
  if (!file)
    return refusal(locale, { message: 'No file', extensions: { code: 'BAD_USER_INPUT', reason: 'FILE_MISSING', field: 'file' } }, previous);
  const uploaded = await uploadToApi(file);
  if (!uploaded.ok) return refusal(locale, uploaded.error, previous);
  const result = await staffMutation(ATTACH[owner], { input: { targetId: id, fileId: uploaded.id, altFa, altEn: text(form, 'altEn') } });
  if (!result.ok) return refusal(locale, result.error, previous);
  return back(owner, id, 'imageSaved');
}

export async function detachImage(owner: ImageOwner, id: string): Promise<void> {
  if (!isUuid(id)) return;
  await staffMutation(DETACH[owner], { input: { targetId: id } });
  return back(owner, id, 'imageRemoved');
}

export async function attachReleasePdf(id: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const file = chosenFile(form);
  if (!isUuid(id) || !file)
    return refusal(locale, { message: 'No file', extensions: { code: 'BAD_USER_INPUT', reason: 'FILE_MISSING', field: 'file' } }, previous);
  const uploaded = await uploadToApi(file);
  if (!uploaded.ok) return refusal(locale, uploaded.error, previous);
  const result = await staffMutation(ATTACH_PDF, { input: { pressReleaseId: id, fileId: uploaded.id } });
  if (!result.ok) return refusal(locale, result.error, previous);
  return back('News', id, 'pdfSaved');
}

export async function detachReleasePdf(id: string): Promise<void> {
  if (!isUuid(id)) return;
  await staffMutation(DETACH_PDF, { input: { pressReleaseId: id } });
  return back('News', id, 'pdfRemoved');
}
