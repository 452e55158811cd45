import type { Metadata } from 'next';
import { GoalCard } from '@/components/goal-card';
import { formatNumber } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/metadata';
import { localeParam } from '../locale-param';
import { GoalSearchForm } from './goal-search-form';
import { loadAllGoals } from './goals.query';
import { parseGoalSearch, toGoalFilter } from './search-params';
import { PageHeader } from '@/components/page-header';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/goals'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  return pageMetadata(locale, { title: t.nav.goals, description: t.goals.intro });
}

export default async function GoalsPage({ params, searchParams }: PageProps<'/[locale]/goals'>) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const search = parseGoalSearch(await searchParams);
  const goals = await loadAllGoals(graphqlLocale[locale], toGoalFilter(search));
  const searching = search.q !== '' || search.category !== null;

  return (
    <div className="container page">
      <PageHeader title={t.goals.title} intro={t.goals.intro} />

      <GoalSearchForm locale={locale} search={search} />

      <p className="result-count" id="goal-count">
        {t.goals.count(formatNumber(goals.length, locale))}
      </p>

      {goals.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t.goals.noMatch}</p>
          <p>{t.goals.noMatchHint}</p>
        </div>
      ) : (
        <ol className="goal-list" aria-describedby="goal-count">
          {goals.map((goal) => (
            <li key={goal.id} value={goal.position}>
              <GoalCard goal={goal} locale={locale} headingLevel="h2" />
            </li>
          ))}
        </ol>
      )}

      {searching && (
        <p className="section__more">
          <a href={localePath(locale, '/goals')}>{t.goals.clear}</a>
        </p>
      )}
    </div>
  );
}
