import { gql } from '@apollo/client';
import { formatDate, formatNumber, isoDay } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import type { GoalCardFieldsFragment } from '@/lib/api/graphql.generated';

// Operations that show goal cards spread this fragment; they must declare `$locale: Locale!`.
export const GOAL_CARD_FIELDS = gql`
  fragment GoalCardFields on Goal {
    id
    title(locale: $locale)
    description(locale: $locale)
    category
    position
    status
    updatedAt
  }
`;

export type GoalCardFields = GoalCardFieldsFragment;

interface GoalCardProps {
  goal: GoalCardFields;
  locale: Locale;
  headingLevel: 'h2' | 'h3';
  /** Cards in a preview clamp their description to a few lines. */
  compact?: boolean;
}

export function GoalCard({ goal, locale, headingLevel: Heading, compact = false }: GoalCardProps) {
  const t = getDictionary(locale);
  return (
    <article className={compact ? 'goal-card goal-card--compact' : 'goal-card'}>
      <span className="goal-card__number">{formatNumber(goal.position, locale)}</span>
      <div className="goal-card__body">
        <p className="goal-card__category">{t.categories[goal.category]}</p>
        <Heading className="goal-card__title">
          <a href={localePath(locale, `/goals/${goal.id}`)}>{goal.title}</a>
        </Heading>
        {goal.description && <p className="goal-card__description">{goal.description}</p>}
        <p className="goal-card__meta">
          <span className={`status status--${goal.status.toLowerCase()}`}>{t.goalStatus[goal.status]}</span>
          <span>
            {t.goals.updated}: <time dateTime={isoDay(goal.updatedAt)}>{formatDate(goal.updatedAt, locale)}</time>
          </span>
        </p>
      </div>
    </article>
  );
}
