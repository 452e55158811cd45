import type { Locale } from '@/lib/i18n/locales';
import { staffQuery } from '@/lib/staff/api';
import { staffFormat } from '@/lib/staff/format';
import { participationText } from '@/lib/staff/participation-text';
import type { StaffPollAssuranceCountsQuery, StaffPollAssuranceCountsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffSection } from '@/components/staff/section';
import { POLL_ASSURANCE_FIELDS } from '@/components/poll-results.fragment';

// The poll's answers by what they proved (issue 13 items 1 and 5): challenged, unchallenged and
// verified answers, and how many still wait in the answer mix. Its own query and component, so the
// insights page only places it.

const ASSURANCE_COUNTS: Operation<StaffPollAssuranceCountsQuery, StaffPollAssuranceCountsQueryVariables> = /* GraphQL */ `
  query StaffPollAssuranceCounts($pollId: ID!) {
    pollResults(pollId: $pollId) {
      ...PollAssuranceFields
    }
  }
  ${POLL_ASSURANCE_FIELDS}
`;

const ORDER = ['CHALLENGED', 'UNCHALLENGED', 'PHONE', 'RESIDENT'] as const;

export async function AssuranceCounts({ pollId, locale }: { pollId: string; locale: Locale }) {
  const t = participationText[locale];
  const f = staffFormat(locale);
  const { pollResults } = await staffQuery(ASSURANCE_COUNTS, { pollId });
  if (!pollResults) return null;
  const count = (kind: (typeof ORDER)[number]) => pollResults.assuranceCounts.find((c) => c.assurance === kind)?.count ?? 0;
  return (
    <StaffSection id="assurance" headingId="assurance-title" title={t.countsTitle}>
      <dl className="staff-counters" data-assurance-counts>
        {ORDER.map((kind) => (
          <div className="staff-counter" key={kind} data-assurance={kind}>
            <dt>{t.counts[kind]}</dt>
            <dd>{f.number(count(kind))}</dd>
          </div>
        ))}
        <div className="staff-counter" data-assurance="verified">
          <dt>{t.counts.verified}</dt>
          <dd>{f.number(pollResults.verifiedCount)}</dd>
        </div>
        <div className="staff-counter" data-assurance="waiting">
          <dt>{t.counts.waiting}</dt>
          <dd>{f.number(pollResults.waitingCount)}</dd>
        </div>
      </dl>
    </StaffSection>
  );
}
