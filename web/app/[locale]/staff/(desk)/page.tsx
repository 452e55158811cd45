import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffFormat } from '@/lib/staff/format';
import { staffText } from '@/lib/staff/i18n';
import { pulseText } from '@/lib/staff/pulse-text';
import { canUse, navSections, sectionPath } from '@/lib/staff/roles';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../locale-param';
import { loadPulse, type MediaPulse, type PollPulse, type VisitsPulse } from './pulse.query';
import { StaffTable } from '@/components/staff/list';
import { staffPageMetadata } from '@/lib/staff/open-page';

export const generateMetadata = staffPageMetadata((locale) => staffText[locale].nav.home, 'home');

/** One card of the pulse: a panel named by its heading, which leads to its section when it can. */
function PulseCard({ name, title, children }: { name: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="staff-panel" aria-labelledby={`pulse-${name}`} data-pulse={name}>
      <h2 id={`pulse-${name}`} className="staff-card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Visits({ visits, locale, linked }: { visits: VisitsPulse; locale: Locale; linked: boolean }) {
  const t = pulseText[locale];
  const f = staffFormat(locale);
  const title = linked ? <a href={localePath(locale, sectionPath.analytics)}>{t.visits}</a> : t.visits;
  return (
    <PulseCard name="visits" title={title}>
      <dl className="staff-counters">
        <div className="staff-counter">
          <dt>{t.visitsToday}</dt>
          <dd>
            {f.number(visits.today)}
            {visits.maxDaily > 0 && <small>{t.ofRecord(f.percent(visits.today / visits.maxDaily, 0))}</small>}
          </dd>
        </div>
        <div className="staff-counter">
          <dt>{t.visitsYesterday}</dt>
          <dd>{f.number(visits.yesterday)}</dd>
        </div>
        <div className="staff-counter">
          <dt>{t.record}</dt>
          <dd>
            {f.number(visits.maxDaily)}
            {visits.maxDailyDate && <small>{t.recordOn(f.day(visits.maxDailyDate))}</small>}
          </dd>
        </div>
      </dl>
    </PulseCard>
  );
}

/** The mean day before today, beside today so far (a day in progress is not judged against it). */
function dailyMean(poll: PollPulse, locale: Locale): string {
  const t = pulseText[locale];
  const f = staffFormat(locale);
  return poll.dailyMean === 0 ? t.firstDay : t.mean(f.number(Math.round(poll.dailyMean)));
}

function Spark({ days }: { days: PollPulse['days'] }) {
  const max = Math.max(1, ...days.map((d) => d.responses));
  return (
    <span className="staff-spark" aria-hidden="true">
      {days.map((d) => (
        <span key={d.day} style={{ blockSize: `${Math.max(4, (d.responses / max) * 100)}%` }} />
      ))}
    </span>
  );
}

function Polls({ polls, locale }: { polls: PollPulse[]; locale: Locale }) {
  const t = pulseText[locale];
  const f = staffFormat(locale);
  return (
    <PulseCard name="polls" title={<a href={localePath(locale, sectionPath.polls)}>{t.openPolls}</a>}>
      {polls.length === 0 ? (
        <p className="staff-muted">{t.noOpenPolls}</p>
      ) : (
        // A list (a card a poll on a phone, each figure labelled): as a table of figures it scrolled
        // sideways there, with the signals link out of sight.
        <StaffTable columns={[t.poll, t.today, t.yesterday, t.trend, t.total, t.signals]}>
          {polls.map((p) => {
            const signals = [
              p.recentBursts > 0 ? t.bursts(f.number(p.recentBursts)) : null,
              p.openClusters > 0 ? t.clusters(f.number(p.openClusters)) : null,
              p.quarantined > 0 ? t.quarantined(f.number(p.quarantined)) : null,
            ].filter((s): s is string => s !== null);
            return (
              <tr key={p.poll.id} data-poll={p.poll.id}>
                <th scope="row">
                  <a href={localePath(locale, `/staff/polls/${p.poll.id}/insights`)} dir="auto">
                    {p.poll.title}
                  </a>
                </th>
                <td data-today>{f.number(p.today)}</td>
                <td>{f.number(p.yesterday)}</td>
                <td>
                  <Spark days={p.days} /> <span className="staff-muted staff-small">{dailyMean(p, locale)}</span>
                </td>
                <td>{f.number(p.total)}</td>
                <td>
                  {signals.length ? (
                    <a className="staff-badge staff-badge--bad" href={localePath(locale, `/staff/polls/${p.poll.id}/signals`)}>
                      {f.join(signals)}
                    </a>
                  ) : (
                    // Older bursts and quarantines are on the poll's signals page.
                    <a className="staff-muted" href={localePath(locale, `/staff/polls/${p.poll.id}/signals`)}>
                      {t.noSignals}
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </StaffTable>
      )}
    </PulseCard>
  );
}

function Media({ media, locale }: { media: MediaPulse; locale: Locale }) {
  const t = pulseText[locale];
  const f = staffFormat(locale);
  return (
    <PulseCard name="media" title={<a href={localePath(locale, sectionPath.media)}>{t.media}</a>}>
      <dl className="staff-counters">
        <div className="staff-counter">
          <dt>
            <a href={`${localePath(locale, '/staff/media/follow-ups')}?due=today`}>{t.followUpsDue}</a>
          </dt>
          <dd data-follow-ups-due>{f.number(media.followUpsDue)}</dd>
        </div>
        <div className="staff-counter">
          <dt>
            <a href={localePath(locale, '/staff/media/releases')}>{t.draftReleases}</a>
          </dt>
          <dd>{f.number(media.draftReleases)}</dd>
        </div>
      </dl>
      <h3 className="staff-small" style={{ marginBlock: '1rem 0.5rem' }}>
        <a href={localePath(locale, '/staff/media/coverage')}>{t.coverageWeek}</a>
      </h3>
      <dl className="staff-counters" data-coverage-week>
        {(['positive', 'neutral', 'negative'] as const).map((tone) => (
          <div className="staff-counter" key={tone}>
            <dt>{t.tones[tone]}</dt>
            <dd>{f.number(media.coverage[tone])}</dd>
          </div>
        ))}
      </dl>
    </PulseCard>
  );
}

export default async function StaffHome({ params }: PageProps<'/[locale]/staff'>) {
  const locale = await localeParam(params);
  const t = staffText[locale];
  const viewer = await requireSection('home');
  const sections = navSections.filter((s) => s !== 'home' && canUse(viewer.role, s));
  const pulse = await loadPulse(viewer.role, locale);

  return (
    <>
      <header className="staff-header">
        <h1>{t.home.title(viewer.displayName)}</h1>
        <p className="staff-muted">{pulseText[locale].pulse}</p>
      </header>
      {pulse.polls && <Polls polls={pulse.polls} locale={locale} />}
      {pulse.media ? (
        <div className="staff-grid">
          <Visits visits={pulse.visits} locale={locale} linked={canUse(viewer.role, 'analytics')} />
          <Media media={pulse.media} locale={locale} />
        </div>
      ) : (
        <Visits visits={pulse.visits} locale={locale} linked={canUse(viewer.role, 'analytics')} />
      )}
      <h2 className="staff-card-title" style={{ marginBlockStart: '1.5rem' }}>
        {pulseText[locale].sections}
      </h2>
      <ul className="staff-grid" aria-label={t.navLabel}>
        {sections.map((section) => (
          <li key={section} className="staff-panel" style={{ listStyle: 'none' }}>
            <h3 className="staff-card-title">
              <a href={localePath(locale, sectionPath[section])}>{t.nav[section]}</a>
            </h3>
            <p className="staff-muted staff-small">{t.home.describe[section]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
