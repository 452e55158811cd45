import { BarsChart } from '@/components/staff/charts/bars-chart';
import { LineChart } from '@/components/staff/charts/line-chart';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { addDays, cityDay, dayFieldValue, daysBetween, parseDayField } from '@/lib/staff/dates';
import { param } from '@/lib/staff/page';
import type { StaffSiteTrafficQuery, StaffSiteTrafficQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable, TableHead } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { DayRangeFields } from '@/components/staff/filter-fields';
import { StaffSection } from '@/components/staff/section';

const TRAFFIC_QUERY: Operation<StaffSiteTrafficQuery, StaffSiteTrafficQueryVariables> = /* GraphQL */ `
  query StaffSiteTraffic($from: String!, $to: String!) {
    siteStats {
      date
      today
      yesterday
      total
      maxDaily
      maxDailyDate
      pageViewsToday
    }
    siteTraffic(from: $from, to: $to) {
      from
      to
      visits
      pageViews
      activeVisitors
      days {
        date
        visitors
        pageViews
      }
      topPages(first: 10) {
        value
        title
        visits
        pageViews
      }
      topReferrers(first: 10) {
        value
        visits
        pageViews
      }
      devices {
        screen
        visits
        pageViews
      }
    }
  }
`;

interface Count {
  value: string | null;
  title?: string | null;
  visits: number;
  pageViews: number;
}

const text = {
  fa: {
    title: 'آمار بازدید سایت',
    intro: 'بی‌کوکی و بدون نگه‌داشتن نشانی IP؛ هر بازدیدکننده در هر روز یک بازدید است (روزها به وقت تهران).',
    today: 'بازدید امروز',
    yesterday: 'بازدید دیروز',
    total: 'همه بازدیدها',
    record: 'بیشترین بازدید در یک روز',
    recordOn: (d: string) => `در ${d}`,
    now: 'بازدیدکنندگان همین حالا',
    nowHint: 'در ۵ دقیقه گذشته',
    pageViewsToday: (n: string) => `${n} صفحه‌دید امروز`,
    range: 'بازه زمانی',
    from: 'از تاریخ',
    to: 'تا تاریخ',
    show: 'نمایش',
    presets: 'بازه‌های آماده',
    lastDays: (n: string) => `${n} روز گذشته`,
    invalid: {
      format: 'تاریخ‌ها را به شکل سال/ماه/روز خورشیدی بنویسید، مانند ۱۴۰۵/۰۹/۱۵. بازه پیش‌فرض نشان داده شد.',
      reversed: '«تا تاریخ» پیش از «از تاریخ» است. بازه پیش‌فرض نشان داده شد.',
      tooLong: (days: string) => `بازه حداکثر ۳۶۶ روز است و این بازه ${days} روز است. بازه پیش‌فرض نشان داده شد.`,
    },
    daily: 'روند روزانه',
    dailyChart: (from: string, to: string) => `بازدیدکنندگان و صفحه‌دیدها از ${from} تا ${to}`,
    visitors: 'بازدیدکنندگان',
    pageViews: 'صفحه‌دیدها',
    inRange: (v: string, p: string) => `در این بازه: ${v} بازدید، ${p} صفحه‌دید`,
    topPages: 'پربازدیدترین صفحه‌ها',
    page: 'صفحه',
    entries: 'ورودها',
    entriesNote:
      '«ورودها» بازدیدهایی است که از این صفحه آغاز شده‌اند (نخستین صفحه بازدیدکننده در آن روز)؛ «صفحه‌دیدها» همه بار‌هایی است که صفحه دیده شده است. صفحه‌ای که خوانندگان از صفحه‌های دیگر به آن می‌رسند ورود ندارد ولی صفحه‌دید دارد.',
    referrers: 'ارجاع‌دهنده‌ها',
    referrer: 'سایت ارجاع‌دهنده',
    direct: 'مستقیم (بدون ارجاع)',
    devices: 'دستگاه‌ها',
    device: 'نوع دستگاه',
    screens: { MOBILE: 'تلفن همراه', TABLET: 'تبلت', DESKTOP: 'رایانه', unknown: 'نامشخص' },
    visits: 'بازدید',
    day: 'روز',
    table: 'جدول',
    loading: 'نمودار در حال بارگذاری است…',
    none: 'در این بازه بازدیدی ثبت نشده است.',
  },
  en: {
    title: 'Site analytics',
    intro: 'No cookies and no IP addresses kept; one visitor on one day is one visit (days in Tehran time).',
    today: 'Visits today',
    yesterday: 'Visits yesterday',
    total: 'All visits',
    record: 'Most visits in a day',
    recordOn: (d: string) => `on ${d}`,
    now: 'Visitors right now',
    nowHint: 'in the last 5 minutes',
    pageViewsToday: (n: string) => `${n} page views today`,
    range: 'Date range',
    from: 'From',
    to: 'To',
    show: 'Show',
    presets: 'Quick ranges',
    lastDays: (n: string) => `Last ${n} days`,
    invalid: {
      format: 'Write the dates as year-month-day, like 2026-12-06 (or Solar Hijri, like 1405/09/15). The default range is shown.',
      reversed: '"To" is before "From". The default range is shown.',
      tooLong: (days: string) => `A range is at most 366 days; this one is ${days}. The default range is shown.`,
    },
    daily: 'Daily trend',
    dailyChart: (from: string, to: string) => `Visitors and page views from ${from} to ${to}`,
    visitors: 'Visitors',
    pageViews: 'Page views',
    inRange: (v: string, p: string) => `In this range: ${v} visits, ${p} page views`,
    topPages: 'Top pages',
    page: 'Page',
    entries: 'Entries',
    entriesNote:
      "Entries are visits that began on the page (the visitor's first page that day); page views count every time it was seen. A page readers reach from other pages has page views but no entries.",
    referrers: 'Referrers',
    referrer: 'Referring site',
    direct: 'Direct (no referrer)',
    devices: 'Devices',
    device: 'Device class',
    screens: { MOBILE: 'Phone', TABLET: 'Tablet', DESKTOP: 'Desktop', unknown: 'Unknown' },
    visits: 'Visits',
    day: 'Day',
    table: 'Table',
    loading: 'Loading the chart…',
    none: 'No visits in this range.',
  },
} satisfies Record<Locale, unknown>;

export const generateMetadata = staffPageMetadata((locale) => text[locale].title, 'analytics');

export default async function AnalyticsPage({ params, searchParams }: PageProps<'/[locale]/staff/analytics'>) {
  const { locale, query, f } = await openStaffPage('analytics', { params, searchParams });
  const t = text[locale];

  // The range comes as the person typed it: Solar Hijri days in Persian, ISO days in English.
  const today = cityDay();
  const defaultFrom = addDays(today, -29);
  const rawFrom = param(query, 'from');
  const rawTo = param(query, 'to');
  const askedFrom = rawFrom ? parseDayField(rawFrom, locale) : defaultFrom;
  const askedTo = rawTo ? parseDayField(rawTo, locale) : today;
  // What is wrong with the range asked for, if anything: the dates as written, their order, its length.
  const span = askedFrom && askedTo ? daysBetween(askedFrom, askedTo) : null;
  const problem =
    span === null ? t.invalid.format : span < 0 ? t.invalid.reversed : span > 365 ? t.invalid.tooLong(f.number(span + 1)) : null;
  const invalid = problem !== null;
  const from = invalid ? defaultFrom : askedFrom!;
  const to = invalid ? today : askedTo!;
  const { siteStats, siteTraffic } = await staffQuery(TRAFFIC_QUERY, { from, to });
  const base = localePath(locale, '/staff/analytics');
  const preset = (days: number) =>
    `${base}?${new URLSearchParams({ from: dayFieldValue(addDays(today, -(days - 1)), locale), to: dayFieldValue(today, locale) }).toString()}`;
  const countTable = (
    caption: string,
    column: string,
    rows: Count[],
    name: (value: string | null) => string,
    id: string,
    visitsColumn = t.visits,
    note?: string,
  ) => (
    <section className="staff-panel" aria-labelledby={id}>
      <h2 id={id}>{caption}</h2>
      {rows.length === 0 ? (
        <p className="staff-muted">{t.none}</p>
      ) : (
        <StaffTable
          className="staff-table"
          columns={[column, { label: visitsColumn, numeric: true }, { label: t.pageViews, numeric: true }]}
        >
          {rows.map((row) => (
            <tr key={row.value ?? 'none'}>
              <th scope="row">
                {/* A path or host is Latin text read left to right, isolated from the page's direction. */}
                {row.value ? (
                  <span className="staff-path" dir="ltr">
                    {name(row.value)}
                  </span>
                ) : (
                  name(row.value)
                )}
                {row.title && (
                  <span className="staff-path__title staff-small staff-muted" dir="auto">
                    {row.title}
                  </span>
                )}
              </th>
              <td className="staff-num">{f.number(row.visits)}</td>
              <td className="staff-num">{f.number(row.pageViews)}</td>
            </tr>
          ))}
        </StaffTable>
      )}
      {note && rows.length > 0 && <p className="staff-small staff-muted">{note}</p>}
    </section>
  );

  return (
    <>
      <StaffHeader title={t.title} intro={t.intro} />

      <dl className="staff-counters" data-site-counters>
        <div className="staff-counter">
          <dt>{t.today}</dt>
          <dd>
            {f.number(siteStats.today)}
            <small>{t.pageViewsToday(f.number(siteStats.pageViewsToday))}</small>
          </dd>
        </div>
        <div className="staff-counter">
          <dt>{t.yesterday}</dt>
          <dd>{f.number(siteStats.yesterday)}</dd>
        </div>
        <div className="staff-counter">
          <dt>{t.total}</dt>
          <dd>{f.number(siteStats.total)}</dd>
        </div>
        <div className="staff-counter">
          <dt>{t.record}</dt>
          <dd>
            {f.number(siteStats.maxDaily)}
            {siteStats.maxDailyDate && <small>{t.recordOn(f.day(siteStats.maxDailyDate))}</small>}
          </dd>
        </div>
        <div className="staff-counter">
          <dt>{t.now}</dt>
          <dd data-active-visitors>
            {f.number(siteTraffic.activeVisitors)}
            <small>{t.nowHint}</small>
          </dd>
        </div>
      </dl>

      <StaffSection headingId="range-title" title={t.range}>
        {invalid && (rawFrom || rawTo) && (
          <div className="staff-alert staff-alert--warn" role="status">
            <p>{problem}</p>
          </div>
        )}
        <form method="get" action={base} className="staff-fields" aria-label={t.range}>
          <DayRangeFields
            idPrefix="range"
            locale={locale}
            labels={{ from: t.from, to: t.to }}
            // A refused range stays as typed, to be corrected rather than typed again.
            values={
              invalid ? { from: rawFrom ?? '', to: rawTo ?? '' } : { from: dayFieldValue(from, locale), to: dayFieldValue(to, locale) }
            }
          />
          <div className="staff-field" style={{ justifyContent: 'end' }}>
            <button type="submit" className="staff-button">
              {t.show}
            </button>
          </div>
        </form>
        <nav aria-label={t.presets} className="staff-actions">
          {[7, 30, 90, 365].map((days) => (
            <a key={days} className="staff-button staff-button--quiet staff-button--small" href={preset(days)}>
              {t.lastDays(f.number(days))}
            </a>
          ))}
        </nav>
      </StaffSection>

      <section className="staff-panel" aria-labelledby="daily-title">
        <div className="staff-panel__head">
          <h2 id="daily-title">{t.daily}</h2>
          <span className="staff-muted staff-small" data-range-summary>
            {f.day(siteTraffic.from)} – {f.day(siteTraffic.to)}: {t.inRange(f.number(siteTraffic.visits), f.number(siteTraffic.pageViews))}
          </span>
        </div>
        <LineChart
          locale={locale}
          labels={siteTraffic.days.map((d) => f.shortDay(d.date))}
          series={[
            { name: t.visitors, values: siteTraffic.days.map((d) => d.visitors) },
            { name: t.pageViews, values: siteTraffic.days.map((d) => d.pageViews) },
          ]}
          valueKind="count"
          area
          label={t.dailyChart(f.day(siteTraffic.from), f.day(siteTraffic.to))}
          loadingText={t.loading}
        />
        <details>
          <summary>{t.table}</summary>
          <StaffTable
            className="staff-table"
            columns={[t.day, { label: t.visitors, numeric: true }, { label: t.pageViews, numeric: true }]}
          >
            {siteTraffic.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{f.day(d.date)}</th>
                <td className="staff-num">{f.number(d.visitors)}</td>
                <td className="staff-num">{f.number(d.pageViews)}</td>
              </tr>
            ))}
          </StaffTable>
        </details>
      </section>

      <div className="staff-grid staff-grid--2">
        {countTable(t.topPages, t.page, siteTraffic.topPages, (v) => v ?? '—', 'pages-title', t.entries, t.entriesNote)}
        {countTable(t.referrers, t.referrer, siteTraffic.topReferrers, (v) => v ?? t.direct, 'referrers-title')}
      </div>
      <StaffSection headingId="devices-title" title={t.devices}>
        {siteTraffic.devices.length === 0 ? (
          <p className="staff-muted">{t.none}</p>
        ) : (
          <div className="staff-grid staff-grid--2">
            <BarsChart
              locale={locale}
              categories={siteTraffic.devices.map((d) => t.screens[d.screen ?? 'unknown'])}
              series={[{ name: t.visits, values: siteTraffic.devices.map((d) => d.visits) }]}
              valueKind="count"
              label={t.devices}
              loadingText={t.loading}
              className="staff-chart staff-chart--short"
            />
            <table className="staff-table">
              <TableHead columns={[t.device, { label: t.visits, numeric: true }, { label: t.pageViews, numeric: true }]} />
              <tbody>
                {siteTraffic.devices.map((d) => (
                  <tr key={d.screen ?? 'unknown'}>
                    <th scope="row">{t.screens[d.screen ?? 'unknown']}</th>
                    <td className="staff-num">{f.number(d.visits)}</td>
                    <td className="staff-num">{f.number(d.pageViews)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </StaffSection>
    </>
  );
}
