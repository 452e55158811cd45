import type { Locale } from '@/lib/i18n/locales';
import { graphqlLocale } from '@/lib/i18n/locales';
import { StaffApiError, staffQuery } from '@/lib/staff/api';
import { cityDay, cityTime, dayFieldValue } from '@/lib/staff/dates';
import { staffFormat } from '@/lib/staff/format';
import { staffText } from '@/lib/staff/i18n';
import { pollsText } from '@/lib/staff/polls-text';
import type { BuilderPoll } from './builder-model';
import type { BuilderText } from './poll-builder';
import type {
  StaffDistrictsQuery,
  StaffDistrictsQueryVariables,
  StaffEligibilityListsQuery,
  StaffEligibilityListsQueryVariables,
  StaffPollForEditQuery,
  StaffPollForEditQueryVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { bilingualValues } from '@/lib/staff/forms';

export function builderText(locale: Locale, submit: string): BuilderText {
  const t = pollsText[locale].builder;
  const st = staffText[locale];
  const { editTitle: _edit, previewTitle: _preview, ...strings } = t;
  return {
    ...strings,
    submit,
    day: st.common.day,
    dayHint: st.common.dayHint,
    time: st.common.time,
    timeHint: st.common.timeHint,
    optional: st.common.optional,
    kinds: pollsText[locale].kinds,
    visibilities: pollsText[locale].visibility,
    fieldLabel: st.fieldLabel,
    apiSays: st.apiSays,
  };
}

export function numbers(locale: Locale, count = 60): string[] {
  const f = staffFormat(locale);
  return Array.from({ length: count }, (_, i) => f.number(i + 1));
}

const DISTRICTS: Operation<StaffDistrictsQuery, StaffDistrictsQueryVariables> = /* GraphQL */ `
  query StaffDistricts($locale: Locale!) {
    districts {
      id
      code
      name(locale: $locale)
    }
  }
`;

export async function loadDistricts(locale: Locale) {
  const { districts } = await staffQuery(DISTRICTS, {
    locale: graphqlLocale[locale],
  });
  return districts;
}

export const POLL_FOR_EDIT: Operation<StaffPollForEditQuery, StaffPollForEditQueryVariables> = /* GraphQL */ `
  query StaffPollForEdit($id: ID!) {
    poll(id: $id) {
      id
      status
      wave
      seriesId
      titleTranslations {
        fa
        en
      }
      description(locale: FA)
      descriptionEn: description(locale: EN)
      resultsVisibility
      asksDistrict
      assurance
      eligibilityList {
        id
      }
      opensAt
      closesAt
      districts {
        id
      }
      questions {
        id
        kind
        position
        required
        maxChoices
        maxLength
        promptTranslations {
          fa
          en
        }
        options {
          id
          position
          labelTranslations {
            fa
            en
          }
        }
      }
    }
    pollInsights(pollId: $id) {
      responseCount
    }
  }
`;

export type PollForEdit = StaffPollForEditQuery;

export function builderPoll(poll: NonNullable<PollForEdit['poll']>, locale: Locale): BuilderPoll {
  const opens = poll.opensAt ? new Date(poll.opensAt) : null;
  const closes = poll.closesAt ? new Date(poll.closesAt) : null;
  // A text without its English version answers in Persian: keep the English field empty then.
  const en = (fa: string, english: string | null) => (english && english !== fa ? english : '');
  return {
    id: poll.id,
    ...bilingualValues('title', poll.titleTranslations),
    descriptionFa: poll.description ?? '',
    descriptionEn: en(poll.description ?? '', poll.descriptionEn),
    resultsVisibility: poll.resultsVisibility,
    asksDistrict: poll.asksDistrict,
    districtIds: poll.districts.map((d) => d.id),
    assurance: poll.assurance,
    eligibilityListId: poll.eligibilityList?.id ?? '',
    opensDay: opens ? dayFieldValue(cityDay(opens), locale) : '',
    opensTime: opens ? cityTime(opens) : '',
    closesDay: closes ? dayFieldValue(cityDay(closes), locale) : '',
    closesTime: closes ? cityTime(closes) : '',
    questions: [...poll.questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => ({
        id: q.id,
        kind: q.kind,
        ...bilingualValues('prompt', q.promptTranslations),
        required: q.required,
        maxChoices: q.maxChoices == null ? '' : String(q.maxChoices),
        maxLength: q.maxLength == null ? '' : String(q.maxLength),
        options: [...q.options]
          .sort((a, b) => a.position - b.position)
          .map((o) => ({ id: o.id, labelFa: o.labelTranslations.fa, labelEn: o.labelTranslations.en ?? '' })),
      })),
  };
}

const ELIGIBILITY_LISTS: Operation<StaffEligibilityListsQuery, StaffEligibilityListsQueryVariables> = /* GraphQL */ `
  query StaffEligibilityLists {
    eligibilityLists {
      id
      name
      kind
      entryCount
      createdAt
      updatedAt
    }
  }
`;

export type EligibilityListRow = StaffEligibilityListsQuery['eligibilityLists'][number];

/** The eligibility lists staff may pick for a RESIDENT_LIST poll; empty when this role may not read them. */
export async function loadEligibilityLists(): Promise<EligibilityListRow[]> {
  try {
    const { eligibilityLists } = await staffQuery(ELIGIBILITY_LISTS, {});
    return eligibilityLists;
  } catch (error) {
    if (error instanceof StaffApiError) return [];
    throw error;
  }
}
