import { DayField } from '@/components/staff/day-field';
import { BarsChart } from '@/components/staff/charts/bars-chart';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffQuery } from '@/lib/staff/api';
import { parseDayField } from '@/lib/staff/dates';
import { mediaText } from '@/lib/staff/media-text';
import { param } from '@/lib/staff/page';
import { recordCoverage } from '../actions';
import { ActionNotice, MediaNav } from '../media-nav';
import { OUTLET_OPTIONS, outletName } from '../media.query';
import { choiceFilter, FilterForm, FilterSelect, DayRangeFields } from '@/components/staff/filter-fields';
import type { StaffMediaCoverageQuery, StaffMediaCoverageQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage, StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { FormPanel } from '@/components/staff/form-panel';
import { Choice, choicesOf, Field } from '@/components/staff/fields';
import { StaffSection } from '@/components/staff/section';

const COVERAGE_QUERY: Operation<StaffMediaCoverageQuery, StaffMediaCoverageQueryVariables> = /* GraphQL */ `
  query StaffMediaCoverage($filter: MediaCoverageFilter, $summary: MediaCoverageSummaryFilter, $after: String, $locale: Locale!) {
    mediaCoverage(first: 25, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          url
          publishedOn
          kind
          tone
          outlet {
            nameFa
            nameEn
          }
        }
      }
    }
    mediaCoverageToneSummary(filter: $summary) {
      total {
        positive
        neutral
        negative
        total
      }
      byOutlet {
        outletId
        outlet {
          nameFa
          nameEn
        }
        counts {
          positive
          neutral
          negative
          total
        }
      }
      byMonth {
        month
        label(locale: $locale)
        counts {
          positive
          neutral
          negative
          total
        }
      }
    }
    pressReleases(first: 50, filter: { statuses: [PUBLISHED, WITHDRAWN] }) {
      edges {
        node {
          id
          title(locale: $locale)
        }
      }
    }
  }
`;

const TONES = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const;
const KINDS = ['ARTICLE', 'BROADCAST', 'SOCIAL_POST'] as const;

export const generateMetadata = staffPageMetadata((locale) => mediaText[locale].nav.coverage, 'media');

export default async function CoveragePage({ params, searchParams }: PageProps<'/[locale]/staff/media/coverage'>) {
  const { locale, query, st, f } = await openStaffPage('media', { params, searchParams });
  const t = mediaText[locale];
  const outletParam = param(query, 'outlet');
  const outletId = outletParam && isUuid(outletParam) ? outletParam : undefined;
  const toneFilter = choiceFilter(query, 'tone', TONES, t.tones);
  const tone = toneFilter.value;
  const fromRaw = param(query, 'from');
  const toRaw = param(query, 'to');
  const from = fromRaw ? (parseDayField(fromRaw, locale) ?? undefined) : undefined;
  const to = toRaw ? (parseDayField(toRaw, locale) ?? undefined) : undefined;
  const after = param(query, 'after');
  const [data, outlets] = await Promise.all([
    staffQuery(COVERAGE_QUERY, {
      filter: { outletId, tones: tone ? [tone] : null, from, to },
      summary: { outletId, from, to },
      after: after ?? null,
      locale: graphqlLocale[locale],
    }),
    staffQuery(OUTLET_OPTIONS),
  ]);
  const { mediaCoverage, mediaCoverageToneSummary: summary } = data;
  const outletOptions = outlets.mediaOutlets.edges.map(({ node: o }) => ({ value: o.id, label: outletName(o, locale) }));
  const base = localePath(locale, '/staff/media/coverage');
  const toneBadge: Record<string, string> = { POSITIVE: 'staff-badge--ok', NEUTRAL: '', NEGATIVE: 'staff-badge--bad' };
  const filters = {
    ...(outletId ? { outlet: outletId } : {}),
    ...(tone ? { tone } : {}),
    ...(fromRaw ? { from: fromRaw } : {}),
    ...(toRaw ? { to: toRaw } : {}),
  };

  return (
    <>
      <StaffHeader title={t.nav.coverage} intro={t.coverageIntro} />
      <MediaNav locale={locale} current="coverage" />
      <ActionNotice locale={locale} query={query} messages={{ recorded: t.recorded }} />

      <div className="staff-panel">
        <FilterForm action={base} locale={locale}>
          <FilterSelect id="cov-outlet" name="outlet" label={t.outlet} locale={locale} value={outletId} options={outletOptions} />
          <FilterSelect id="cov-tone" label={t.tone} locale={locale} {...toneFilter} />
          <DayRangeFields idPrefix="cov" locale={locale} values={{ from: fromRaw, to: toRaw }} />
        </FilterForm>
      </div>

      <StaffSection headingId="tone-title" title={t.toneSummary}>
        <dl className="staff-counters" data-tone-total>
          {TONES.map((x) => (
            <div className="staff-counter" key={x}>
              <dt>{t.tones[x]}</dt>
              <dd>{f.number(summary.total[x.toLowerCase() as 'positive' | 'neutral' | 'negative'])}</dd>
            </div>
          ))}
          <div className="staff-counter">
            <dt>{t.total}</dt>
            <dd>{f.number(summary.total.total)}</dd>
          </div>
        </dl>
        {summary.byMonth.length > 0 && (
          <>
            <h3 style={{ marginBlockStart: '1rem' }}>{t.byMonth}</h3>
            <BarsChart
              locale={locale}
              orientation="vertical"
              categories={summary.byMonth.map((m) => m.label)}
              series={TONES.map((x) => ({ name: t.tones[x], values: summary.byMonth.map((m) => m.counts[x.toLowerCase() as 'positive']) }))}
              valueKind="count"
              colors={['#2f7d4a', '#8a9499', '#b5473a']}
              label={`${t.toneSummary} — ${t.byMonth}`}
              loadingText="…"
            />
          </>
        )}
        <StaffTable
          caption={t.byOutlet}
          columns={[t.outlet, ...TONES.map((x) => ({ label: t.tones[x], numeric: true })), { label: t.total, numeric: true }]}
        >
          {summary.byOutlet.map((row) => (
            <tr key={row.outletId}>
              <th scope="row">{outletName(row.outlet, locale)}</th>
              <td className="staff-num">{f.number(row.counts.positive)}</td>
              <td className="staff-num">{f.number(row.counts.neutral)}</td>
              <td className="staff-num">{f.number(row.counts.negative)}</td>
              <td className="staff-num">{f.number(row.counts.total)}</td>
            </tr>
          ))}
        </StaffTable>
      </StaffSection>

      <section className="staff-panel" aria-labelledby="log-title">
        <h2 id="log-title">
          {t.nav.coverage} ({f.number(mediaCoverage.totalCount)})
        </h2>
        <StaffTable columns={[t.publishedOn, st.common.title, t.outlet, t.coverageKind, t.tone]}>
          {mediaCoverage.edges.map(({ node: c }) => (
            <tr key={c.id}>
              <td>{f.day(c.publishedOn)}</td>
              <th scope="row">
                {c.url ? (
                  <a href={c.url} rel="noopener noreferrer">
                    {c.title}
                  </a>
                ) : (
                  c.title
                )}
              </th>
              <td>{outletName(c.outlet, locale)}</td>
              <td>{t.coverageKinds[c.kind]}</td>
              <td>
                <span className={`staff-badge ${toneBadge[c.tone]}`}>{t.tones[c.tone]}</span>
              </td>
            </tr>
          ))}
        </StaffTable>
        <NextPage base={base} filters={filters} pageInfo={mediaCoverage.pageInfo} label={st.common.next} />
      </section>

      <FormPanel
        id="record-title"
        title={t.record}
        submit={t.record}
        action={recordCoverage}
        locale={locale}
        fieldLabels={{ outletId: t.outlet, title: t.titleFa, url: t.url, publishedOn: t.publishedOn, summary: t.summary }}
      >
        <div className="staff-fields">
          <Choice id="rec-outlet" name="outletId" label={t.outlet} value="" options={outletOptions} required />
          <Field id="rec-title" label={t.titleFa} wide>
            <input id="rec-title" name="title" required maxLength={500} dir="auto" />
          </Field>
          <Field id="rec-url" label={t.url} optional={locale}>
            <input id="rec-url" name="url" type="url" dir="ltr" />
          </Field>
          <Field id="rec-day" label={t.publishedOn}>
            <DayField id="rec-day" name="publishedOn" required locale={locale} label={t.publishedOn} aria-describedby="cov-hint" />
          </Field>
          <Choice id="rec-kind" name="kind" label={t.coverageKind} value="ARTICLE" options={choicesOf(KINDS, t.coverageKinds)} />
          <Choice id="rec-tone" name="tone" label={t.tone} value="NEUTRAL" options={choicesOf(TONES, t.tones)} />
          <Choice
            id="rec-release"
            name="pressReleaseId"
            label={t.release}
            value=""
            empty={t.noneRelease}
            options={data.pressReleases.edges.map(({ node }) => ({ value: node.id, label: node.title }))}
          />
          <Field id="rec-summary" label={t.summary} optional={locale} wide>
            <textarea id="rec-summary" name="summary" maxLength={2000} />
          </Field>
        </div>
      </FormPanel>
    </>
  );
}
