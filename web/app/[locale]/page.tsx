import type { ReactNode } from 'react';
import { DistrictList } from '@/components/district-list';
import { eventHref, EventItem } from '@/components/event-item';
import { NewsCard } from '@/components/news-card';
import { GoalCard } from '@/components/goal-card';
import { PollDates } from '@/components/poll-card';
import { query } from '@/lib/apollo';
import { addDays, today } from '@/lib/calendar';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { HOME_PAGE_QUERY } from './home.query';
import { localeParam } from './locale-param';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

const GOALS_IN_BRIEF = 6;
const UPCOMING_EVENTS = 5;
const UPCOMING_DAYS = 45;
const LATEST_NEWS = 3;

/** A home section's heading and its line of introduction. */
function SectionHeader({ id, title, intro }: { id: string; title: string; intro?: string }) {
  return (
    <header className="section__header">
      <h2 id={id}>{title}</h2>
      {intro && <p>{intro}</p>}
    </header>
  );
}

/** A home section across the page, on a tinted background or not. */
function HomeSection({
  id,
  title,
  intro,
  tinted,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  tinted?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={tinted ? 'section section--tinted' : 'section'} aria-labelledby={id}>
      <div className="container">
        <SectionHeader id={id} title={title} intro={intro} />
        {children}
      </div>
    </section>
  );
}

/** The link under a home section to the whole of it. */
function MoreLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="section__more">
      <a href={href}>{children}</a>
    </p>
  );
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { data } = await query({
    query: HOME_PAGE_QUERY,
    variables: {
      locale: graphqlLocale[locale],
      goalCount: GOALS_IN_BRIEF,
      eventCount: UPCOMING_EVENTS,
      newsCount: LATEST_NEWS,
      from: today(),
      to: addDays(today(), UPCOMING_DAYS),
    },
  });
  const notice = data.pinnedNotice;
  const goalsHref = localePath(locale, '/goals');
  const openPoll = data.polls.edges[0]?.node;

  return (
    <>
      {notice && (
        <aside className="crisis-notice" aria-labelledby="crisis-notice-title">
          <div className="container crisis-notice__inner">
            <p className="crisis-notice__label">{t.notice.label}</p>
            <h2 id="crisis-notice-title" className="crisis-notice__title">
              {notice.title}
            </h2>
            {notice.description && <p className="crisis-notice__body">{notice.description}</p>}
            <a href={eventHref(locale, notice.id)}>{t.notice.more}</a>
          </div>
        </aside>
      )}

      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__inner">
          <p className="hero__eyebrow">{t.home.heroEyebrow}</p>
          <h1 id="hero-title" className="hero__title">
            {t.home.heroTitle}
          </h1>
          <p className="hero__body">{t.home.heroBody}</p>
          <a className="button button--light" href={goalsHref}>
            {t.home.heroAction}
          </a>
        </div>
      </section>

      {openPoll && (
        <section className="section section--poll" aria-labelledby="poll-title">
          <div className="container">
            <div className="featured-poll">
              <p className="featured-poll__eyebrow">{t.home.pollTitle}</p>
              <h2 id="poll-title" className="featured-poll__title">
                {openPoll.title}
              </h2>
              {openPoll.description && <p>{openPoll.description}</p>}
              <div className="poll-meta">
                <span>{t.polls.questionCount(formatNumber(openPoll.questions.length, locale))}</span>
                <PollDates poll={openPoll} locale={locale} />
              </div>
              <p className="featured-poll__actions">
                <a className="button" href={localePath(locale, `/polls/${openPoll.id}`)}>
                  {t.polls.answerPoll}
                </a>
                <a href={localePath(locale, '/polls')}>{t.polls.allPolls}</a>
              </p>
            </div>
          </div>
        </section>
      )}

      <div className="section">
        <div className="container home-columns">
          <section aria-labelledby="events-title">
            <SectionHeader id="events-title" title={t.home.eventsTitle} intro={t.home.eventsIntro} />
            {data.events.edges.length === 0 ? (
              <p className="empty-state">{t.calendar.noEvents}</p>
            ) : (
              <ul className="stack-list">
                {data.events.edges.map(({ node }) => (
                  <li key={node.id}>
                    <EventItem event={node} locale={locale} headingLevel="h3" showDate />
                  </li>
                ))}
              </ul>
            )}
            <MoreLink href={localePath(locale, '/calendar')}>{t.home.allEvents}</MoreLink>
          </section>
          <section aria-labelledby="news-title">
            <SectionHeader id="news-title" title={t.home.newsTitle} />
            <ul className="stack-list">
              {data.news.edges.map(({ node }) => (
                <li key={node.id}>
                  <NewsCard item={node} locale={locale} headingLevel="h3" />
                </li>
              ))}
            </ul>
            <MoreLink href={localePath(locale, '/news')}>{t.home.allNews}</MoreLink>
          </section>
        </div>
      </div>

      <HomeSection id="goals-title" title={t.home.goalsTitle} intro={t.home.goalsIntro} tinted>
        <ol className="goal-grid">
          {data.goals.edges.map(({ node }) => (
            <li key={node.id} value={node.position}>
              <GoalCard goal={node} locale={locale} headingLevel="h3" compact />
            </li>
          ))}
        </ol>
        <p className="section__more">
          <a className="button" href={goalsHref}>
            {t.home.allGoals(formatNumber(data.goals.totalCount, locale))}
          </a>
        </p>
      </HomeSection>

      <HomeSection id="districts-title" title={t.home.districtsTitle} intro={t.home.districtsIntro}>
        <DistrictList districts={data.districts} locale={locale} />
      </HomeSection>
    </>
  );
}
