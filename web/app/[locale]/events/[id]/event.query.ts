import { gql, type TypedDocumentNode } from '@apollo/client';
import { notFound } from 'next/navigation';
import type { EventListFields } from '@/components/event-item';
import { query } from '@/lib/apollo';
import { graphqlErrorCode } from '@/lib/api/errors';
import type { GraphqlLocale } from '@/lib/api/schema';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import type { ImageFields } from '@/lib/images';

export interface EventPageFields extends EventListFields {
  description: string | null;
  updatedAt: string;
  solarHijriDate: { text: string };
  poll: { id: string; title: string } | null;
  goal: { id: string; title: string } | null;
  image: ImageFields | null;
}

const EVENT_PAGE_QUERY: TypedDocumentNode<{ event: EventPageFields }, { id: string; locale: GraphqlLocale }> = gql`
  query EventPage($id: ID!, $locale: Locale!) {
    event(id: $id) {
      id
      image {
        url
        width
        height
        alt(locale: $locale)
        sources {
          url
          width
          height
        }
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
`;

/** Event ids are UUIDs, or "occasion:<uuid>:<year>" for a year of an occasion. */
const EVENT_ID = /^(occasion:)?[0-9a-f-]{36}(:\d{1,4})?$/i;

export async function loadEvent(id: string, locale: Locale): Promise<EventPageFields> {
  if (!EVENT_ID.test(id)) notFound();
  try {
    const { data } = await query({ query: EVENT_PAGE_QUERY, variables: { id, locale: graphqlLocale[locale] } });
    return data.event;
  } catch (error) {
    const code = graphqlErrorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') notFound();
    throw error;
  }
}
