import type { Metadata } from 'next';
import { formatDate, formatDecimal, formatNumber, formatPercent, isoDay } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pageMetadata, summarize } from '@/lib/metadata';
import { openGraphImage } from '@/lib/images';
import { PageFigure } from '@/components/api-image';
import { localeParam } from '../../locale-param';
import { type GoalIndicatorFields, type IndicatorMetric, loadGoal } from './goal.query';

// Rendered per request from the API; `next build` must not call it.
export const dynamic = 'force-dynamic';

/** Each metric's scale, to place the value and the target on one bar. */
const SCALE: Record<IndicatorMetric, [number, number]> = {
  OPTION_SHARE: [0, 1],
  RATING_MEAN: [1, 5],
  NPS_SCORE: [-100, 100],
};

function formatValue(metric: IndicatorMetric, value: number, locale: Locale): string {
  const t = getDictionary(locale).goal;
  if (metric === 'OPTION_SHARE') return formatPercent(value, locale);
  if (metric === 'RATING_MEAN') return t.outOf5(formatDecimal(value, locale));
  const rounded = Math.round(value);
  // NPS reads with its sign: +12, −8 (isolated so the sign stays on the number's left in RTL).
  return `\u2066${rounded > 0 ? '+' : ''}${formatNumber(rounded, locale)}\u2069`;
}

const position = (metric: IndicatorMetric, value: number) => {
  const [min, max] = SCALE[metric];
  return `${Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100)).toFixed(1)}%`;
};

function PollDates({ poll, locale }: { poll: NonNullable<GoalIndicatorFields['poll']>; locale: Locale }) {
  const t = getDictionary(locale).goal;
  if (!poll.opensAt) return null;
  const from = <time dateTime={isoDay(poll.opensAt)}>{formatDate(poll.opensAt, locale)}</time>;
  // A poll closed by hand ended then, not at its planned closesAt.
  const until = poll.closedAt ?? poll.closesAt;
  if (!until) return <>{t.pollSince(formatDate(poll.opensAt, locale))}</>;
  return (
    <>
      {from} – <time dateTime={isoDay(until)}>{formatDate(until, locale)}</time>
    </>
  );
}

function Indicator({ indicator, locale }: { indicator: GoalIndicatorFields; locale: Locale }) {
  const t = getDictionary(locale).goal;
  const { metric, currentValue: value, target } = indicator;
  const targetText = (indicator.direction === 'AT_LEAST' ? t.atLeast : t.atMost)(formatValue(metric, target, locale));
  return (
    <li className="indicator" data-indicator={indicator.id}>
      <h3 className="indicator__label">{indicator.label}</h3>
      {value !== null ? (
        <>
          <p className="indicator__figures">
            <span className="indicator__now">
              {t.now}: <strong>{formatValue(metric, value, locale)}</strong>
            </span>
            <span>
              {t.target}: {targetText}
            </span>
            <span className={indicator.onTarget ? 'status status--active' : 'status status--draft'}>
              {indicator.onTarget ? t.onTarget : t.notYet}
            </span>
          </p>
          <span className="indicator__track" aria-hidden="true">
            <span className="indicator__fill" style={{ inlineSize: position(metric, value) }} />
            <span className="indicator__target" style={{ insetInlineStart: position(metric, target) }} />
          </span>
        </>
      ) : (
        <p className="indicator__figures">
          <span>
            {t.target}: {targetText}
          </span>
          <span>{indicator.withheld ? t.withheld : t.needsMore(formatNumber(indicator.responsesNeeded ?? 0, locale))}</span>
        </p>
      )}
      {indicator.poll && (
        <p className="indicator__source">
          {t.poll}: <a href={localePath(locale, `/polls/${indicator.poll.id}/results`)}>{indicator.poll.title}</a>
          {' • '}
          <PollDates poll={indicator.poll} locale={locale} />
          {indicator.responseCount !== null && indicator.responseCount > 0 && (
            <>
              {' • '}
              {t.answers(formatNumber(indicator.responseCount, locale))}
            </>
          )}
        </p>
      )}
    </li>
  );
}

export async function generateMetadata({ params }: PageProps<'/[locale]/goals/[id]'>): Promise<Metadata> {
  const locale = await localeParam(params);
  const goal = await loadGoal(decodeURIComponent((await params).id), locale);
  return pageMetadata(locale, {
    title: goal.title,
    description: summarize(goal.description),
    type: 'article',
    image: openGraphImage(goal.image),
  });
}

export default async function GoalPage({ params }: PageProps<'/[locale]/goals/[id]'>) {
  const locale = await localeParam(params);
  const dictionary = getDictionary(locale);
  const t = dictionary.goal;
  const goal = await loadGoal(decodeURIComponent((await params).id), locale);
  // Only indicators whose poll results are public: the others have no value to show anyone.
  const indicators = goal.indicators.filter((i) => i.resultsVisible);

  return (
    <article className="container page page--narrow">
      <p className="breadcrumb">
        <a href={localePath(locale, '/goals')}>{t.back}</a>
      </p>
      <header className="page__header">
        <p className="page__eyebrow">{dictionary.categories[goal.category]}</p>
        <h1>{goal.title}</h1>
      </header>
      <PageFigure image={goal.image} />
      {goal.description ? (
        <p className="prose">{goal.description}</p>
      ) : (
        indicators.length === 0 && <p className="page__intro">{t.noDetails}</p>
      )}
      <p className="goal-card__meta">
        <span className={`status status--${goal.status.toLowerCase()}`}>{dictionary.goalStatus[goal.status]}</span>
        <span>
          {dictionary.goals.updated}: <time dateTime={isoDay(goal.updatedAt)}>{formatDate(goal.updatedAt, locale)}</time>
        </span>
      </p>

      {indicators.length > 0 && (
        <section className="section" aria-labelledby="indicators">
          <h2 id="indicators">{t.indicators}</h2>
          <p className="page__intro">{t.indicatorsIntro}</p>
          <ul className="indicators">
            {indicators.map((indicator) => (
              <Indicator key={indicator.id} indicator={indicator} locale={locale} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
