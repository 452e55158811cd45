import { formatDate, formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import type { SiteStatsQuery } from '@/lib/api/graphql.generated';

/** The four counters of the customer's old site: today, yesterday, all visits, the record day. */
export type SiteStatsFields = SiteStatsQuery['siteStats'];

export function SiteStats({ stats, locale }: { stats: SiteStatsFields; locale: Locale }) {
  const t = getDictionary(locale).footer;
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section className="site-stats" aria-labelledby="site-stats-title">
      <h2 id="site-stats-title" className="site-stats__title">
        {t.stats}
      </h2>
      <dl className="site-stats__list">
        <div>
          <dt>{t.statsToday}</dt>
          <dd>{n(stats.today)}</dd>
        </div>
        <div>
          <dt>{t.statsYesterday}</dt>
          <dd>{n(stats.yesterday)}</dd>
        </div>
        <div>
          <dt>{t.statsTotal}</dt>
          <dd>{n(stats.total)}</dd>
        </div>
        <div>
          <dt>{t.statsRecord}</dt>
          <dd>
            {n(stats.maxDaily)}
            {stats.maxDailyDate && (
              <span className="site-stats__date">
                {' '}
                {t.statsRecordOn} <time dateTime={stats.maxDailyDate}>{formatDate(`${stats.maxDailyDate}T12:00:00Z`, locale)}</time>
              </span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
