import { adminText } from '@/lib/staff/admin-text';
import { staffQuery } from '@/lib/staff/api';
import { ActionNotice } from '../../media/media-nav';
import { createKey, revokeKey } from '../actions';
import { AdminNav } from '../admin-nav';
import type { StaffApiKeysQuery, StaffApiKeysQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { FormPanel } from '@/components/staff/form-panel';
import { Field } from '@/components/staff/fields';
import { ActionButton } from '@/components/staff/buttons';

const KEYS_QUERY: Operation<StaffApiKeysQuery, StaffApiKeysQueryVariables> = /* GraphQL */ `
  query StaffApiKeys {
    apiKeys {
      id
      name
      prefix
      scopes
      requestsPerMinute
      requestCount
      lastUsedAt
      createdAt
      revokedAt
    }
  }
`;

const SCOPES = ['PUBLIC_READ', 'SUBMIT_RESPONSES', 'ANALYTICS_READ'];

export const generateMetadata = staffPageMetadata((locale) => adminText[locale].nav.apiKeys, 'admin');

export default async function ApiKeysPage({ params, searchParams }: PageProps<'/[locale]/staff/admin/api-keys'>) {
  const { locale, query, st, f } = await openStaffPage('admin', { params, searchParams });
  const t = adminText[locale];
  const { apiKeys } = await staffQuery(KEYS_QUERY);
  return (
    <>
      <StaffHeader title={t.nav.apiKeys} intro={t.apiKeysIntro} />
      <AdminNav locale={locale} current="apiKeys" />
      <ActionNotice locale={locale} query={query} messages={{ revoked: t.keyRevoked }} />
      <div className="staff-panel">
        {apiKeys.length === 0 ? (
          <p className="staff-muted" data-no-keys>
            {t.noKeys}
          </p>
        ) : (
          <StaffTable
            data="api-keys"
            columns={[
              t.name,
              t.prefix,
              t.scopes,
              { label: t.rate, numeric: true },
              { label: t.requests, numeric: true },
              t.lastUsed,
              { label: st.common.actions, actions: true },
            ]}
          >
            {apiKeys.map((k) => (
              <tr key={k.id}>
                <th scope="row">
                  <bdi>{k.name}</bdi>
                </th>
                <td>
                  <code dir="ltr">{k.prefix}</code>
                </td>
                <td className="staff-small">{k.scopes.map((s) => t.scopeNames[s] ?? s).join(locale === 'fa' ? '، ' : ', ')}</td>
                <td className="staff-num">{f.number(k.requestsPerMinute)}</td>
                <td className="staff-num">{f.number(k.requestCount)}</td>
                <td className="staff-small">{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t.never}</td>
                <td>
                  {k.revokedAt ? (
                    <span className="staff-badge staff-badge--bad">{t.revoked}</span>
                  ) : (
                    <ActionButton action={revokeKey.bind(null, k.id)} variant="danger" small aria-label={`${t.revoke}: ${k.name}`}>
                      {t.revoke}
                    </ActionButton>
                  )}
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
      </div>
      <FormPanel
        id="new-key-title"
        title={t.newKey}
        submit={t.createKey}
        action={createKey}
        locale={locale}
        fieldLabels={{ name: t.name, scopes: t.scopes, requestsPerMinute: t.rate }}
        resetOnSuccess
      >
        <div className="staff-fields">
          <Field id="key-name" label={t.name}>
            <input id="key-name" name="name" required maxLength={100} dir="auto" />
          </Field>
          <Field id="key-rate" label={t.rate}>
            <input id="key-rate" name="requestsPerMinute" type="number" min={1} max={100000} defaultValue={60} required />
          </Field>
        </div>
        <fieldset className="staff-fieldset">
          <legend>{t.scopes}</legend>
          <div className="staff-checks">
            {SCOPES.map((s) => (
              <label key={s} className="staff-check">
                <input type="checkbox" name="scopes" value={s} defaultChecked={s === 'PUBLIC_READ'} />
                {t.scopeNames[s]}
              </label>
            ))}
          </div>
        </fieldset>
      </FormPanel>
    </>
  );
}
