import { gql, type TypedDocumentNode } from '@apollo/client';
import { DISTRICT_FIGURE_FIELDS } from '@/lib/api/district.fragment';
import { IMAGE_FIELDS } from '@/lib/api/image.fragment';
import { notFound } from 'next/navigation';
import { EVENT_LIST_FIELDS } from '@/components/event-item';
import { POLL_CARD_FIELDS } from '@/components/poll-card';
import { query } from '@/lib/apollo';
import { addDays, today } from '@/lib/calendar';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import type {
  DistrictPageActivityQuery,
  DistrictPageActivityQueryVariables,
  DistrictPageQuery,
  DistrictPageQueryVariables,
} from '@/lib/api/graphql.generated';

/** Every district in use (the map draws them all, this one outlined), with this one's image. */
const DISTRICT_PAGE_QUERY: TypedDocumentNode<DistrictPageQuery, DistrictPageQueryVariables> = gql`
  query DistrictPage($locale: Locale!) {
    districts {
      ...DistrictFigureFields
      image {
        ...ImageFields
      }
    }
  }
  ${IMAGE_FIELDS}
  ${DISTRICT_FIGURE_FIELDS}
`;

/** The district's own events (the next five, then the last month's) and the open polls limited to it. */
const DISTRICT_ACTIVITY_QUERY: TypedDocumentNode<DistrictPageActivityQuery, DistrictPageActivityQueryVariables> = gql`
  query DistrictPageActivity($district: ID!, $today: String!, $until: String!, $since: String!, $yesterday: String!, $locale: Locale!) {
    upcoming: events(district: $district, includeCitywide: false, from: $today, to: $until, first: 5) {
      edges {
        node {
          ...EventListFields
        }
      }
    }
    recent: events(district: $district, includeCitywide: false, from: $since, to: $yesterday, first: 10) {
      edges {
        node {
          ...EventListFields
        }
      }
    }
    polls(first: 5, filter: { districtId: $district, statuses: [OPEN] }) {
      edges {
        node {
          ...PollCardFields
        }
      }
    }
  }
  ${EVENT_LIST_FIELDS}
  ${POLL_CARD_FIELDS}
`;

/** "12" → 12; anything else (leading zeros, signs, Persian digits, huge numbers) is no district's page. */
function parseCode(code: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(code) ? Number(code) : null;
}

/** The districts in use and the one with this code; the 404 page when there is none (retired ones included). */
export async function loadDistrict(codeParam: string, locale: Locale) {
  const code = parseCode(codeParam);
  if (code === null) notFound();
  const { data } = await query({ query: DISTRICT_PAGE_QUERY, variables: { locale: graphqlLocale[locale] } });
  const district = data.districts.find((d) => d.code === code);
  if (!district) notFound();
  return { district, districts: data.districts };
}

export async function loadDistrictActivity(districtId: string, locale: Locale) {
  const day = today();
  const { data } = await query({
    query: DISTRICT_ACTIVITY_QUERY,
    variables: {
      district: districtId,
      today: day,
      until: addDays(day, 365),
      since: addDays(day, -30),
      yesterday: addDays(day, -1),
      locale: graphqlLocale[locale],
    },
  });
  const upcoming = data.upcoming.edges.map((e) => e.node);
  // An event still going on today is upcoming, not past.
  const listed = new Set(upcoming.map((e) => e.id));
  return {
    upcoming,
    // Newest first, the five latest.
    recent: data.recent.edges
      .map((e) => e.node)
      .filter((e) => !listed.has(e.id))
      .reverse()
      .slice(0, 5),
    polls: data.polls.edges.map((e) => e.node),
  };
}
