import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { staffFormat } from '@/lib/staff/format';
import { staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { pollsText, type PollStatus } from '@/lib/staff/polls-text';
import { canUse } from '@/lib/staff/roles';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../../locale-param';
import { choiceFilter, FilterForm, FilterSelect } from '@/components/staff/filter-fields';
import type { StaffPollsQuery, StaffPollsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { staffPageMetadata } from '@/lib/staff/open-page';

const STATUSES: PollStatus[] = ['DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED'];

const POLLS_QUERY: Operation<StaffPollsQuery, StaffPollsQueryVariables> = /* GraphQL */ `
  query StaffPolls($statuses: [PollStatus!], $after: String, $locale: Locale!) {
    polls(first: 25, after: $after, filter: { statuses: $statuses }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title(locale: $locale)
          status
          wave
          opensAt
          closesAt
          closedAt
          questions {
            id
          }
        }
      }
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => pollsText[locale].listTitle, 'polls');

const statusBadge: Record<PollStatus, string> = {
  DRAFT: '',
  SCHEDULED: 'staff-badge--warn',
  OPEN: 'staff-badge--ok',
  CLOSED: 'staff-badge--info',
};

export default async function StaffPollsPage({ params, searchParams }: PageProps<'/[locale]/staff/polls'>) {
  const locale = await localeParam(params);
  const viewer = await requireSection('polls');
  const query = await searchParams;
  const t = pollsText[locale];
  const st = staffText[locale];
  const f = staffFormat(locale);
  const statusFilter = choiceFilter(query, 'status', STATUSES, t.status);
  const status = statusFilter.value;
  const after = param(query, 'after');
  const { polls } = await staffQuery(POLLS_QUERY, {
    statuses: status ? [status] : STATUSES,
    after: after ?? null,
    locale: graphqlLocale[locale],
  });
  const builder = canUse(viewer.role, 'pollBuilder');
  const insights = canUse(viewer.role, 'insights');
  const base = localePath(locale, '/staff/polls');

  return (
    <>
      <header className="staff-header">
        <div>
          <h1>{t.listTitle}</h1>
          <p>{t.listIntro}</p>
        </div>
        {builder && (
          <a className="staff-button" href={localePath(locale, '/staff/polls/new')}>
            {t.newPoll}
          </a>
        )}
      </header>
      <div className="staff-panel">
        <FilterForm action={base} locale={locale}>
          <FilterSelect id="status" label={t.statusFilter} locale={locale} {...statusFilter} />
        </FilterForm>
        <p className="result-count">{t.count(f.number(polls.totalCount))}</p>
        <StaffTable
          columns={[
            t.columns.title,
            t.columns.status,
            t.columns.schedule,
            { label: t.columns.questions, numeric: true },
            { label: st.common.actions, actions: true },
          ]}
        >
          {polls.edges.map(({ node: poll }) => (
            <tr key={poll.id}>
              <th scope="row">
                {poll.title}
                {poll.wave > 1 && <span className="staff-muted staff-small">{f.join(['', t.wave(f.number(poll.wave))])}</span>}
              </th>
              <td data-label={t.columns.status}>
                <span className={`staff-badge ${statusBadge[poll.status]}`}>{t.status[poll.status]}</span>
              </td>
              <td className="staff-small">
                {poll.opensAt || poll.closesAt ? (
                  <>
                    {poll.opensAt && <div>{t.opens(f.dateTime(poll.opensAt))}</div>}
                    {poll.closedAt ? (
                      <div>{t.closed(f.dateTime(poll.closedAt))}</div>
                    ) : (
                      poll.closesAt && <div>{t.closes(f.dateTime(poll.closesAt))}</div>
                    )}
                  </>
                ) : (
                  <span className="staff-muted">{t.noSchedule}</span>
                )}
              </td>
              <td className="staff-num" data-label={t.columns.questions}>
                {f.number(poll.questions.length)}
              </td>
              <td>
                <div className="staff-actions">
                  {insights && (
                    <a
                      className="staff-button staff-button--small"
                      href={localePath(locale, `/staff/polls/${poll.id}/insights`)}
                      aria-label={`${t.insights}: ${poll.title}`}
                    >
                      {t.insights}
                    </a>
                  )}
                  {builder && (
                    <a
                      className="staff-button staff-button--quiet staff-button--small"
                      href={localePath(locale, `/staff/polls/${poll.id}`)}
                      aria-label={`${t.edit}: ${poll.title}`}
                    >
                      {t.edit}
                    </a>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </StaffTable>
        <div className="staff-pager">
          {after && (
            <a className="staff-button staff-button--quiet staff-button--small" href={status ? `${base}?status=${status}` : base}>
              {st.common.first}
            </a>
          )}
          {polls.pageInfo.hasNextPage && polls.pageInfo.endCursor && (
            <a
              className="staff-button staff-button--quiet staff-button--small"
              href={`${base}?${new URLSearchParams({ ...(status ? { status } : {}), after: polls.pageInfo.endCursor }).toString()}`}
            >
              {st.common.next}
            </a>
          )}
        </div>
      </div>
    </>
  );
}
