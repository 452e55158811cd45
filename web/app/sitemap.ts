import { gql, type TypedDocumentNode } from '@apollo/client';
import type { MetadataRoute } from 'next';
import { navItems } from '@/components/site-header';
import { query } from '@/lib/apollo';
import { addDays, today } from '@/lib/calendar';
import { locales } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { siteOrigin } from '@/lib/site';
import type { SitemapQuery, SitemapQueryVariables } from '@/lib/api/graphql.generated';

// Read from the API on each request; `next build` must not call it.
export const dynamic = 'force-dynamic';

const SITEMAP_QUERY: TypedDocumentNode<SitemapQuery, SitemapQueryVariables> = gql`
  query Sitemap($from: String!, $to: String!) {
    polls(first: 50) {
      edges {
        node {
          id
          updatedAt
        }
      }
    }
    news(first: 50) {
      edges {
        node {
          slug
          updatedAt
        }
      }
    }
    events(from: $from, to: $to, first: 50) {
      edges {
        node {
          id
          updatedAt
        }
      }
    }
    districts {
      code
    }
  }
`;

/** Every public page in both languages, each naming its other-language twin. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin();
  const entry = (path: string, lastModified?: string): MetadataRoute.Sitemap =>
    locales.map((locale) => ({
      url: origin + localePath(locale, path),
      ...(lastModified && { lastModified }),
      alternates: { languages: Object.fromEntries(locales.map((l) => [l, origin + localePath(l, path)])) },
    }));

  const pages = navItems.flatMap((item) => entry(item.path));
  let items: MetadataRoute.Sitemap = [];
  try {
    const { data } = await query({ query: SITEMAP_QUERY, variables: { from: today(), to: addDays(today(), 90) } });
    items = [
      ...data.polls.edges.flatMap(({ node }) => entry(`/polls/${node.id}`, node.updatedAt)),
      ...data.news.edges.flatMap(({ node }) => entry(`/news/${node.slug}`, node.updatedAt)),
      ...data.events.edges.flatMap(({ node }) => entry(`/events/${encodeURIComponent(node.id)}`, node.updatedAt)),
      ...data.districts.flatMap(({ code }) => entry(`/districts/${code}`)),
    ];
  } catch (error) {
    // The static pages still make a useful sitemap when the API is down.
    console.error('sitemap: could not list polls, news, events and districts', error);
  }
  return [...pages, ...items];
}
