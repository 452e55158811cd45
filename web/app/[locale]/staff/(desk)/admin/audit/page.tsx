import { localePath } from '@/lib/i18n/routing';
import { adminText } from '@/lib/staff/admin-text';
import { auditActionName, auditActions, auditEntities, auditEntityName } from '@/lib/staff/audit-text';
import { isUuid, staffQuery } from '@/lib/staff/api';
import { addDays, cityInstant, parseDayField } from '@/lib/staff/dates';
import { param } from '@/lib/staff/page';
import { AdminNav } from '../admin-nav';
import { FilterForm, DayRangeFields } from '@/components/staff/filter-fields';
import type { StaffAuditLogQuery, StaffAuditLogQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage, StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { Field } from '@/components/staff/fields';

const AUDIT_QUERY: Operation<StaffAuditLogQuery, StaffAuditLogQueryVariables> = /* GraphQL */ `
  query StaffAuditLog($filter: AuditLogFilter, $after: String) {
    auditLog(first: 30, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          entityType
          entityId
          requestId
          before
          after
          actor {
            id
            displayName
          }
        }
      }
    }
    staffUsers(first: 50) {
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => adminText[locale].nav.audit, 'admin');

export default async function AuditPage({ params, searchParams }: PageProps<'/[locale]/staff/admin/audit'>) {
  const { locale, query, st, f } = await openStaffPage('admin', { params, searchParams });
  const t = adminText[locale];
  const action = param(query, 'action')?.slice(0, 100) || undefined;
  const entityType = param(query, 'entityType')?.slice(0, 100) || undefined;
  const entityId = param(query, 'entityId')?.slice(0, 100) || undefined;
  const actorParam = param(query, 'actor');
  const actorId = actorParam && isUuid(actorParam) ? actorParam : undefined;
  const fromRaw = param(query, 'from');
  const toRaw = param(query, 'to');
  const fromDay = fromRaw ? parseDayField(fromRaw, locale) : null;
  const toDay = toRaw ? parseDayField(toRaw, locale) : null;
  const after = param(query, 'after');
  const { auditLog, staffUsers } = await staffQuery(AUDIT_QUERY, {
    filter: {
      action,
      entityType,
      entityId,
      actorId,
      from: fromDay ? cityInstant(fromDay, '00:00') : undefined,
      // "to" is a whole day: up to the start of the next one.
      to: toDay ? cityInstant(addDays(toDay, 1), '00:00') : undefined,
    },
    after: after ?? null,
  });
  const base = localePath(locale, '/staff/admin/audit');
  const filters = Object.fromEntries(
    Object.entries({ action, entityType, entityId, actor: actorId, from: fromRaw, to: toRaw }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    ),
  );

  return (
    <>
      <StaffHeader title={t.nav.audit} intro={t.auditIntro} />
      <AdminNav locale={locale} current="audit" />
      <div className="staff-panel">
        <FilterForm action={base} locale={locale}>
          <Field id="audit-actor" label={t.actor}>
            <select id="audit-actor" name="actor" defaultValue={actorId ?? ''}>
              <option value="">{t.anyone}</option>
              {staffUsers.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.displayName}
                </option>
              ))}
            </select>
          </Field>
          <Field id="audit-action" label={t.action}>
            {/* Choices named for people; the value is the API's operation name. */}
            <select id="audit-action" name="action" defaultValue={action ?? ''}>
              <option value="">{t.anyAction}</option>
              {action && !auditActionName(action, locale) && <option value={action}>{action}</option>}
              {auditActions(locale).map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="audit-entity" label={t.entity}>
            <select id="audit-entity" name="entityType" defaultValue={entityType ?? ''}>
              <option value="">{t.anyEntity}</option>
              {entityType && !auditEntityName(entityType, locale) && <option value={entityType}>{entityType}</option>}
              {auditEntities(locale).map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="audit-entity-id" label={t.entityId}>
            <input id="audit-entity-id" name="entityId" dir="ltr" defaultValue={entityId ?? ''} />
          </Field>
          <DayRangeFields idPrefix="audit" locale={locale} values={{ from: fromRaw, to: toRaw }} />
        </FilterForm>
        <p className="result-count">{st.common.total(f.number(auditLog.totalCount))}</p>
        {auditLog.edges.length === 0 ? (
          <p className="staff-muted">{t.noEntries}</p>
        ) : (
          <StaffTable
            className="staff-table staff-table--list"
            data="audit-log"
            columns={[t.at, t.actor, t.action, t.entity, { label: st.common.details, actions: true }]}
          >
            {auditLog.edges.map(({ node: e }) => (
              <tr key={e.id}>
                <td className="staff-small">{f.dateTime(e.at)}</td>
                <td>{e.actor?.displayName ?? '—'}</td>
                <th scope="row">{auditActionName(e.action, locale) ?? <code dir="ltr">{e.action}</code>}</th>
                <td className="staff-small">
                  {auditEntityName(e.entityType, locale) ?? <code dir="ltr">{e.entityType}</code>}
                  {e.entityId && (
                    <div>
                      <a href={`${base}?entityId=${encodeURIComponent(e.entityId)}`}>
                        <bdi dir="ltr">{e.entityId.slice(0, 8)}…</bdi>
                      </a>
                    </div>
                  )}
                </td>
                <td>
                  <details>
                    <summary>{st.common.details}</summary>
                    {e.requestId && (
                      <p className="staff-small" data-request-id>
                        {t.request}:{' '}
                        <code dir="ltr" className="staff-wrap-anywhere">
                          {e.requestId}
                        </code>
                      </p>
                    )}
                    <p className="staff-small">{t.before}</p>
                    <pre dir="ltr" className="staff-small" style={{ whiteSpace: 'pre-wrap', maxInlineSize: '40rem', overflowX: 'auto' }}>
                      {JSON.stringify(e.before, null, 2)}
                    </pre>
                    <p className="staff-small">{t.after}</p>
                    <pre dir="ltr" className="staff-small" style={{ whiteSpace: 'pre-wrap', maxInlineSize: '40rem', overflowX: 'auto' }}>
                      {JSON.stringify(e.after, null, 2)}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
        <NextPage base={base} filters={filters} pageInfo={auditLog.pageInfo} label={st.common.next} />
      </div>
    </>
  );
}
