import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { addDays, cityDay } from '@/lib/staff/dates';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { completeFollowUp } from '../actions';
import { ActionNotice, MediaNav } from '../media-nav';
import type { StaffMediaFollowUpsQuery, StaffMediaFollowUpsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage, StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { ActionButton } from '@/components/staff/buttons';

const FOLLOW_UPS_QUERY: Operation<StaffMediaFollowUpsQuery, StaffMediaFollowUpsQueryVariables> = /* GraphQL */ `
  query StaffMediaFollowUps($dueBefore: String, $after: String) {
    mediaFollowUps(first: 50, after: $after, dueBefore: $dueBefore) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          topic
          kind
          followUpOn
          followUpOverdue
          contact {
            id
            name
            phones
          }
        }
      }
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => mediaText[locale].nav.followUps, 'media');

export default async function FollowUpsPage({ params, searchParams }: PageProps<'/[locale]/staff/media/follow-ups'>) {
  const { locale, query, st, f } = await openStaffPage('media', { params, searchParams });
  const t = mediaText[locale];
  const dueToday = param(query, 'due') === 'today';
  const after = param(query, 'after');
  const { mediaFollowUps } = await staffQuery(FOLLOW_UPS_QUERY, {
    dueBefore: dueToday ? addDays(cityDay(), 1) : null,
    after: after ?? null,
  });
  const base = localePath(locale, '/staff/media/follow-ups');
  return (
    <>
      <StaffHeader title={t.nav.followUps} intro={t.followUpsIntro} />
      <MediaNav locale={locale} current="followUps" />
      <ActionNotice locale={locale} query={query} messages={{ completed: t.completed }} />
      <div className="staff-panel">
        <nav className="staff-actions" aria-label={t.dueBy}>
          <a
            className={`staff-button staff-button--small ${dueToday ? 'staff-button--quiet' : ''}`}
            href={base}
            aria-current={dueToday ? undefined : 'page'}
          >
            {t.allOpen}
          </a>
          <a
            className={`staff-button staff-button--small ${dueToday ? '' : 'staff-button--quiet'}`}
            href={`${base}?due=today`}
            aria-current={dueToday ? 'page' : undefined}
          >
            {t.dueToday}
          </a>
        </nav>
        <p className="result-count" style={{ marginBlockStart: '0.75rem' }}>
          {st.common.total(f.number(mediaFollowUps.totalCount))}
        </p>
        {mediaFollowUps.edges.length === 0 ? (
          <p className="staff-muted">{t.noFollowUps}</p>
        ) : (
          <StaffTable data="follow-ups" columns={[t.due, t.topic, t.name, t.phones, { label: st.common.actions, actions: true }]}>
            {mediaFollowUps.edges.map(({ node: i }) => (
              <tr key={i.id}>
                <td>
                  {i.followUpOn && f.day(i.followUpOn)}{' '}
                  {i.followUpOverdue && <span className="staff-badge staff-badge--bad">{t.overdue}</span>}
                </td>
                <th scope="row">
                  {i.topic}
                  <div className="staff-muted staff-small">{t.kinds[i.kind]}</div>
                </th>
                <td>{i.contact ? <a href={localePath(locale, `/staff/media/contacts/${i.contact.id}`)}>{i.contact.name}</a> : '—'}</td>
                <td className="staff-small">
                  {i.contact?.phones.map((p) => (
                    <div key={p} dir="ltr" style={{ textAlign: 'end' }}>
                      {p}
                    </div>
                  ))}
                </td>
                <td>
                  <ActionButton
                    action={completeFollowUp.bind(null, i.id, '/staff/media/follow-ups')}
                    variant="quiet"
                    small
                    aria-label={`${t.complete}: ${i.topic}`}
                  >
                    {t.complete}
                  </ActionButton>
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
        <NextPage base={base} filters={{ due: dueToday ? 'today' : null }} pageInfo={mediaFollowUps.pageInfo} label={st.common.next} />
      </div>
    </>
  );
}
