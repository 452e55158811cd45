import { gql, type TypedDocumentNode } from '@apollo/client';
import { IMAGE_FIELDS } from '@/lib/api/image.fragment';
import { notFound } from 'next/navigation';
import { query } from '@/lib/apollo';
import { graphqlErrorCode } from '@/lib/api/errors';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import type { EventPageQuery, EventPageQueryVariables } from '@/lib/api/graphql.generated';

export type EventPageFields = NonNullable<EventPageQuery['event']>;

const EVENT_PAGE_QUERY: TypedDocumentNode<EventPageQuery, EventPageQueryVariables> = gql`
  query EventPage($id: ID!, $locale: Locale!) {
    event(id: $id) {
      id
      image {
        ...ImageFields
      }
      kind
      title(locale: $locale)
      description(locale: $locale)
      date
      startsAt
      endsAt
      allDay
      status
      pinned
      updatedAt
      venue(locale: $locale)
      solarHijriDate {
        text(locale: $locale)
      }
      lunarHijriDate {
        text(locale: $locale)
      }
      occasion {
        id
        holiday
      }
      district {
        id
        code
        name(locale: $locale)
      }
      poll {
        id
        title(locale: $locale)
      }
      goal {
        id
        title(locale: $locale)
      }
    }
  }
  ${IMAGE_FIELDS}
`;

/** Event ids are UUIDs, or "occasion:<uuid>:<year>" for a year of an occasion. */
const EVENT_ID = /^(occasion:)?[0-9a-f-]{36}(:\d{1,4})?$/i;

export async function loadEvent(id: string, locale: Locale): Promise<EventPageFields> {
  if (!EVENT_ID.test(id)) notFound();
  try {
    const { data } = await query({ query: EVENT_PAGE_QUERY, variables: { id, locale: graphqlLocale[locale] } });
    if (!data.event) notFound();
    return data.event;
  } catch (error) {
    const code = graphqlErrorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') notFound();
    throw error;
  }
}
