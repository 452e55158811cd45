import { notFound } from 'next/navigation';
import type { PollResultsFields } from '@/components/poll-results';
import { query } from '@/lib/apollo';
import { graphqlErrorCode } from '@/lib/api/errors';
import { graphqlRequest } from '@/lib/api/request';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { isUuid, visitorHeaders } from '@/lib/respondent';
import { POLL_PAGE_QUERY, POLL_RESULTS_QUERY, POLL_SUMMARY_QUERY } from './poll.query';
import type { AltchaChallengeQuery, AltchaChallengeQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

/** NOT_FOUND (or an id that is not one) becomes the 404 page; anything else the error page. */
async function orNotFound<T>(id: string, load: () => Promise<T>): Promise<T> {
  if (!isUuid(id)) notFound();
  try {
    return await load();
  } catch (error) {
    const code = graphqlErrorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') notFound();
    throw error;
  }
}

export async function loadPoll(id: string, locale: Locale) {
  return orNotFound(id, async () => {
    const { data } = await query({ query: POLL_PAGE_QUERY, variables: { id, locale: graphqlLocale[locale] } });
    if (!data.poll) notFound();
    return { ...data, poll: data.poll };
  });
}

export async function loadPollSummary(id: string, locale: Locale) {
  return orNotFound(id, async () => {
    const { data } = await query({ query: POLL_SUMMARY_QUERY, variables: { id, locale: graphqlLocale[locale] } });
    if (!data.poll) notFound();
    return data.poll;
  });
}

/** The results, or null when the poll's visibility does not let this visitor read them. */
export async function loadResults(pollId: string, locale: Locale): Promise<PollResultsFields | null> {
  try {
    const { data } = await query({
      query: POLL_RESULTS_QUERY,
      variables: { pollId, locale: graphqlLocale[locale] },
      // AFTER_RESPONSE results are readable by whoever answered: the API knows them by this cookie.
      context: { headers: await visitorHeaders() },
      fetchPolicy: 'no-cache',
    });
    return data.pollResults;
  } catch (error) {
    if (graphqlErrorCode(error) === 'FORBIDDEN') return null;
    throw error;
  }
}

const CHALLENGE_QUERY: Operation<AltchaChallengeQuery, AltchaChallengeQueryVariables> = /* GraphQL */ `
  query AltchaChallenge {
    altchaChallenge {
      json
      expiresAt
    }
  }
`;

/**
 * A fresh proof-of-work challenge (JSON), or null when the API gives none. By graphqlRequest, never
 * kept by Next's data cache: one challenge buys one answer, so no two visitors may share one.
 */
export async function loadChallenge(headers: Record<string, string> = {}): Promise<string | null> {
  try {
    const { data } = await graphqlRequest(CHALLENGE_QUERY, {}, headers);
    return data?.altchaChallenge.json ?? null;
  } catch (error) {
    console.error('poll answer: no proof-of-work challenge', error);
    return null;
  }
}
