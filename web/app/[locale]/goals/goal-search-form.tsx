import { goalCategories } from '@/lib/api/schema';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { SEARCH_MAX_LENGTH, type GoalSearch } from './search-params';

interface GoalSearchFormProps {
  locale: Locale;
  search: GoalSearch;
}

// A plain GET form: searching and filtering work without JavaScript and give shareable URLs.
export function GoalSearchForm({ locale, search }: GoalSearchFormProps) {
  const t = getDictionary(locale);
  return (
    <form className="goal-search" role="search" method="get" action={localePath(locale, '/goals')}>
      <div className="field field--grow">
        <label htmlFor="goal-search-q">{t.goals.searchLabel}</label>
        <input id="goal-search-q" name="q" type="search" defaultValue={search.q} maxLength={SEARCH_MAX_LENGTH} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="goal-search-category">{t.goals.categoryLabel}</label>
        <select id="goal-search-category" name="category" defaultValue={search.category ?? ''}>
          <option value="">{t.goals.allCategories}</option>
          {goalCategories.map((category) => (
            <option key={category} value={category}>
              {t.categories[category]}
            </option>
          ))}
        </select>
      </div>
      <button className="button" type="submit">
        {t.goals.submit}
      </button>
    </form>
  );
}
