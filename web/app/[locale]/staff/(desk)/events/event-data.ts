import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { staffQuery } from '@/lib/staff/api';
import type { EventChoices } from './event-fields';
import type { StaffEventChoicesQuery, StaffEventChoicesQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const CHOICES: Operation<StaffEventChoicesQuery, StaffEventChoicesQueryVariables> = /* GraphQL */ `
  query StaffEventChoices($locale: Locale!) {
    districts {
      id
      name(locale: $locale)
    }
    polls(first: 50, filter: { statuses: [DRAFT, SCHEDULED, OPEN, CLOSED] }) {
      edges {
        node {
          id
          title(locale: $locale)
        }
      }
    }
    goals(first: 50, filter: { statuses: [DRAFT, ACTIVE, COMPLETED, ARCHIVED] }) {
      edges {
        node {
          id
          title(locale: $locale)
        }
      }
    }
  }
`;

export async function loadEventChoices(locale: Locale): Promise<EventChoices> {
  const data = await staffQuery(CHOICES, { locale: graphqlLocale[locale] });
  return { districts: data.districts, polls: data.polls.edges.map((e) => e.node), goals: data.goals.edges.map((e) => e.node) };
}
