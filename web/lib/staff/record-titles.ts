import type {
  StaffContactTitleQuery,
  StaffContactTitleQueryVariables,
  StaffDistrictTitleQuery,
  StaffDistrictTitleQueryVariables,
  StaffEventTitleQuery,
  StaffEventTitleQueryVariables,
  StaffGoalTitleQuery,
  StaffGoalTitleQueryVariables,
  StaffOccasionTitleQuery,
  StaffOccasionTitleQueryVariables,
  StaffPollTitleQuery,
  StaffPollTitleQueryVariables,
  StaffReleaseTitleQuery,
  StaffReleaseTitleQueryVariables,
} from '../api/graphql.generated';
import type { Operation } from '../api/request';
import type { GraphqlLocale } from '../api/schema';

// The names of the records staff pages are about, for their browser titles ("ویرایش نظرسنجی: …"):
// one small query each, so that a tab names the poll or event it shows, not only the kind of page.

export interface RecordTitle<T> {
  /** Asked with the record's id and the page's language (which a contact's name does not need). */
  document: Operation<T, { id: string; locale?: GraphqlLocale }>;
  name(data: T): string | null | undefined;
}

const POLL_TITLE_QUERY: Operation<StaffPollTitleQuery, StaffPollTitleQueryVariables> = /* GraphQL */ `
  query StaffPollTitle($id: ID!, $locale: Locale!) {
    poll(id: $id) {
      title(locale: $locale)
    }
  }
`;

export const POLL_TITLE: RecordTitle<StaffPollTitleQuery> = { document: POLL_TITLE_QUERY, name: (data) => data.poll?.title };

const EVENT_TITLE_QUERY: Operation<StaffEventTitleQuery, StaffEventTitleQueryVariables> = /* GraphQL */ `
  query StaffEventTitle($id: ID!, $locale: Locale!) {
    event(id: $id) {
      title(locale: $locale)
    }
  }
`;

export const EVENT_TITLE: RecordTitle<StaffEventTitleQuery> = { document: EVENT_TITLE_QUERY, name: (data) => data.event?.title };

const OCCASION_TITLE_QUERY: Operation<StaffOccasionTitleQuery, StaffOccasionTitleQueryVariables> = /* GraphQL */ `
  query StaffOccasionTitle($id: ID!, $locale: Locale!) {
    occasion(id: $id) {
      title(locale: $locale)
    }
  }
`;

export const OCCASION_TITLE: RecordTitle<StaffOccasionTitleQuery> = {
  document: OCCASION_TITLE_QUERY,
  name: (data) => data.occasion?.title,
};

const GOAL_TITLE_QUERY: Operation<StaffGoalTitleQuery, StaffGoalTitleQueryVariables> = /* GraphQL */ `
  query StaffGoalTitle($id: ID!, $locale: Locale!) {
    goal(id: $id) {
      title(locale: $locale)
    }
  }
`;

export const GOAL_TITLE: RecordTitle<StaffGoalTitleQuery> = { document: GOAL_TITLE_QUERY, name: (data) => data.goal?.title };

const RELEASE_TITLE_QUERY: Operation<StaffReleaseTitleQuery, StaffReleaseTitleQueryVariables> = /* GraphQL */ `
  query StaffReleaseTitle($id: ID!, $locale: Locale!) {
    pressRelease(id: $id) {
      title(locale: $locale)
    }
  }
`;

export const RELEASE_TITLE: RecordTitle<StaffReleaseTitleQuery> = {
  document: RELEASE_TITLE_QUERY,
  name: (data) => data.pressRelease?.title,
};

const DISTRICT_TITLE_QUERY: Operation<StaffDistrictTitleQuery, StaffDistrictTitleQueryVariables> = /* GraphQL */ `
  query StaffDistrictTitle($id: ID!, $locale: Locale!) {
    district(id: $id) {
      name(locale: $locale)
    }
  }
`;

export const DISTRICT_TITLE: RecordTitle<StaffDistrictTitleQuery> = { document: DISTRICT_TITLE_QUERY, name: (data) => data.district?.name };

const CONTACT_TITLE_QUERY: Operation<StaffContactTitleQuery, StaffContactTitleQueryVariables> = /* GraphQL */ `
  query StaffContactTitle($id: ID!) {
    mediaContact(id: $id) {
      name
    }
  }
`;

export const CONTACT_TITLE: RecordTitle<StaffContactTitleQuery> = {
  document: CONTACT_TITLE_QUERY,
  name: (data) => data.mediaContact?.name,
};
