import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { staffQuery } from '@/lib/staff/api';
import type { EventChoices } from './event-fields';

const CHOICES = /* GraphQL */ `
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
  const data = await staffQuery<{
    districts: { id: string; name: string }[];
    polls: { edges: { node: { id: string; title: string } }[] };
    goals: { edges: { node: { id: string; title: string } }[] };
  }>(CHOICES, { locale: graphqlLocale[locale] });
  return { districts: data.districts, polls: data.polls.edges.map((e) => e.node), goals: data.goals.edges.map((e) => e.node) };
}
