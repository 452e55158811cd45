import { goalCategories } from '@/lib/api/schema';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery } from '@/lib/staff/api';
import { goalsText } from '@/lib/staff/goals-text';
import { param } from '@/lib/staff/page';
import { createGoal } from './actions';
import { GOAL_STATUSES, goalForm } from './goal-fields';
import { choiceFilter, FilterForm, FilterSearch, FilterSelect } from '@/components/staff/filter-fields';
import type { StaffGoalsQuery, StaffGoalsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { NextPage, StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { openStaffPage, staffPageMetadata } from '@/lib/staff/open-page';
import { NewRecordPanel } from '@/components/staff/form-panel';

const GOALS_QUERY: Operation<StaffGoalsQuery, StaffGoalsQueryVariables> = /* GraphQL */ `
  query StaffGoals($filter: GoalFilter, $after: String, $locale: Locale!) {
    goals(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title(locale: $locale)
          category
          status
          position
          indicators {
            id
            onTarget
          }
        }
      }
    }
  }
`;

export const generateMetadata = staffPageMetadata((locale) => goalsText[locale].title, 'goals');

export default async function StaffGoalsPage({ params, searchParams }: PageProps<'/[locale]/staff/goals'>) {
  const { locale, query, st, f } = await openStaffPage('goals', { params, searchParams });
  const t = goalsText[locale];
  const d = getDictionary(locale);
  const search = param(query, 'search')?.slice(0, 200) || undefined;
  const categoryFilter = choiceFilter(query, 'category', goalCategories, d.categories);
  const category = categoryFilter.value;
  const statusFilter = choiceFilter(query, 'status', GOAL_STATUSES, d.goalStatus);
  const status = statusFilter.value;
  const after = param(query, 'after');
  const { goals } = await staffQuery(GOALS_QUERY, {
    filter: { search, category, statuses: status ? [status] : [...GOAL_STATUSES] },
    after: after ?? null,
    locale: graphqlLocale[locale],
  });
  const base = localePath(locale, '/staff/goals');

  return (
    <>
      <StaffHeader title={t.title} intro={t.intro} />
      {param(query, 'done') === 'deleted' && (
        <div className="staff-alert staff-alert--ok" role="status">
          <p>{t.deleted}</p>
        </div>
      )}
      <div className="staff-panel">
        <FilterForm action={base} locale={locale}>
          <FilterSearch id="goal-search" label={t.search} value={search} />
          <FilterSelect id="goal-category" label={t.category} locale={locale} {...categoryFilter} />
          <FilterSelect id="goal-status" label={t.status} locale={locale} {...statusFilter} />
        </FilterForm>
        <p className="result-count">{st.common.total(f.number(goals.totalCount))}</p>
        <StaffTable columns={[{ label: t.position, numeric: true }, st.common.title, t.category, t.status, t.indicatorsCount]}>
          {goals.edges.map(({ node: goal }) => {
            const onTarget = goal.indicators.filter((i) => i.onTarget === true).length;
            return (
              <tr key={goal.id}>
                <td className="staff-num">{f.number(goal.position)}</td>
                <th scope="row">
                  <a href={localePath(locale, `/staff/goals/${goal.id}`)}>{goal.title}</a>
                </th>
                <td>{d.categories[goal.category as keyof typeof d.categories]}</td>
                <td>{d.goalStatus[goal.status as keyof typeof d.goalStatus]}</td>
                <td>
                  {goal.indicators.length === 0 ? (
                    <span className="staff-muted">—</span>
                  ) : (
                    <span className={`staff-badge ${onTarget === goal.indicators.length ? 'staff-badge--ok' : 'staff-badge--warn'}`}>
                      {f.number(onTarget)} / {f.number(goal.indicators.length)} {t.onTarget}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </StaffTable>
        <NextPage base={base} filters={{ search, category, status }} pageInfo={goals.pageInfo} label={st.common.next} />
      </div>

      <NewRecordPanel form={goalForm} action={createGoal} locale={locale} />
    </>
  );
}
