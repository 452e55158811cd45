import { DistrictList } from "@/components/district-list";
import { GoalCard } from "@/components/goal-card";
import { query } from "@/lib/apollo";
import { formatNumber } from "@/lib/format";
import { getDictionary } from "@/lib/i18n/dictionaries";
import { graphqlLocale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/routing";
import { HOME_PAGE_QUERY } from "./home.query";
import { localeParam } from "./locale-param";

// Rendered per request from the API; `next build` must not call it.
export const dynamic = "force-dynamic";

const GOALS_IN_BRIEF = 6;

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = await localeParam(params);
  const t = getDictionary(locale);
  const { data } = await query({
    query: HOME_PAGE_QUERY,
    variables: { locale: graphqlLocale[locale], goalCount: GOALS_IN_BRIEF },
  });
  const goalsHref = localePath(locale, "/goals");

  return (
    <>
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

      <section className="section" aria-labelledby="goals-title">
        <div className="container">
          <header className="section__header">
            <h2 id="goals-title">{t.home.goalsTitle}</h2>
            <p>{t.home.goalsIntro}</p>
          </header>
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
        </div>
      </section>

      <section className="section section--tinted" aria-labelledby="districts-title">
        <div className="container">
          <header className="section__header">
            <h2 id="districts-title">{t.home.districtsTitle}</h2>
            <p>{t.home.districtsIntro}</p>
          </header>
          <DistrictList districts={data.districts} locale={locale} />
        </div>
      </section>
    </>
  );
}
