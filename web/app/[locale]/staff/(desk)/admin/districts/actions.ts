'use server';

import { redirect } from 'next/navigation';
import { currentRoute } from '@/lib/i18n/request';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import type {
  StaffCreateDistrictMutation,
  StaffCreateDistrictMutationVariables,
  StaffRestoreDistrictMutation,
  StaffRestoreDistrictMutationVariables,
  StaffRetireDistrictMutation,
  StaffRetireDistrictMutationVariables,
  StaffUpdateDistrictMutation,
  StaffUpdateDistrictMutationVariables,
} from '@/lib/api/graphql.generated';
import type { GraphqlError, Operation } from '@/lib/api/request';
import { staffMutation } from '@/lib/staff/api';
import { districtsText } from '@/lib/staff/districts-text';
import { integer, refusal, text, type FormState } from '@/lib/staff/forms';

const CREATE_DISTRICT: Operation<StaffCreateDistrictMutation, StaffCreateDistrictMutationVariables> = /* GraphQL */ `
  mutation StaffCreateDistrict($input: CreateDistrictInput!) {
    createDistrict(input: $input) {
      district {
        id
      }
    }
  }
`;

const UPDATE_DISTRICT: Operation<StaffUpdateDistrictMutation, StaffUpdateDistrictMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateDistrict($input: UpdateDistrictInput!) {
    updateDistrict(input: $input) {
      district {
        id
      }
    }
  }
`;

const RETIRE_DISTRICT: Operation<StaffRetireDistrictMutation, StaffRetireDistrictMutationVariables> = /* GraphQL */ `
  mutation StaffRetireDistrict($input: RetireDistrictInput!) {
    retireDistrict(input: $input) {
      district {
        id
      }
    }
  }
`;

const RESTORE_DISTRICT: Operation<StaffRestoreDistrictMutation, StaffRestoreDistrictMutationVariables> = /* GraphQL */ `
  mutation StaffRestoreDistrict($input: RetireDistrictInput!) {
    restoreDistrict(input: $input) {
      district {
        id
      }
    }
  }
`;

/** The boundary as typed, or from the uploaded file when one was chosen; null when neither (the API checks it). */
async function boundary(form: FormData): Promise<string | null> {
  const file = form.get('boundaryFile');
  if (file instanceof File && file.size > 0) return (await file.text()).trim() || null;
  return text(form, 'boundary');
}

type Read = { ok: true; fields: StaffCreateDistrictMutationVariables['input'] } | { ok: false; field: string };

/** The form's fields; a number that is not a whole number, or a required one left empty, names its field. */
async function read(form: FormData): Promise<Read> {
  const numbers: Record<'code' | 'population' | 'populationYear', number | null> = { code: null, population: null, populationYear: null };
  for (const name of ['code', 'population', 'populationYear'] as const) {
    numbers[name] = integer(form, name);
    if (numbers[name] === null && (text(form, name) !== null || name !== 'populationYear')) return { ok: false, field: name };
  }
  return {
    ok: true,
    fields: {
      code: numbers.code!,
      population: numbers.population!,
      populationYear: numbers.populationYear,
      nameFa: text(form, 'nameFa') ?? '',
      nameEn: text(form, 'nameEn'),
      populationSource: text(form, 'populationSource'),
      boundary: await boundary(form),
    },
  };
}

/** A refusal, with the polygon, ring and point at fault in the person's language when the API named them. */
function districtRefusal(locale: Locale, error: GraphqlError, previous: FormState): FormState {
  const state = refusal(locale, error, previous);
  const x = error.extensions ?? {};
  const at = (k: string) => (typeof x[k] === 'number' ? (x[k] as number) : null);
  if (state.error && x.reason === 'BOUNDARY_INVALID' && typeof x.path === 'string') {
    state.error.message = `${state.error.message} (${districtsText[locale].where(at('polygon'), at('ring'), at('point'))})`;
  }
  return state;
}

const notANumber = (locale: Locale, field: string, previous: FormState) =>
  refusal(
    locale,
    { message: `${field} must be a whole number.`, extensions: { code: 'BAD_USER_INPUT', field: `input.${field}` } },
    previous,
  );

export async function createDistrict(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const input = await read(form);
  if (!input.ok) return notANumber(locale, input.field, previous);
  const result = await staffMutation(CREATE_DISTRICT, { input: input.fields });
  if (!result.ok) return districtRefusal(locale, result.error, previous);
  redirect(`${localePath(locale, `/staff/admin/districts/${result.data.createDistrict.district.id}`)}?done=created`);
}

export async function updateDistrict(districtId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const input = await read(form);
  if (!input.ok) return notANumber(locale, input.field, previous);
  const result = await staffMutation(UPDATE_DISTRICT, { input: { id: districtId, ...input.fields } });
  if (!result.ok) return districtRefusal(locale, result.error, previous);
  redirect(`${localePath(locale, `/staff/admin/districts/${districtId}`)}?done=saved`);
}

export async function setDistrictRetired(districtId: string, retired: boolean): Promise<void> {
  const { locale } = await currentRoute();
  const input = { input: { id: districtId } };
  const result = retired ? await staffMutation(RETIRE_DISTRICT, input) : await staffMutation(RESTORE_DISTRICT, input);
  const page = localePath(locale, `/staff/admin/districts/${districtId}`);
  if (!result.ok) redirect(`${page}?error=${result.error.extensions?.code ?? 'UNKNOWN'}`);
  redirect(`${page}?done=${retired ? 'retired' : 'restored'}`);
}
