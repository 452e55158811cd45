import type { PollResultsFieldsFragment, ResponseAssurance } from '@/lib/api/graphql.generated';
import { formatDecimal, formatNumber, formatPercent, wholePercents } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { pollText } from '@/lib/i18n/poll-text';

// A poll's results as bar charts made of plain HTML and CSS: rendered on the server, readable
// without JavaScript and by screen readers (every figure is text; the bars are decoration), and
// laid out with logical properties so that bars grow from the right and scales run right to left
// in Persian. Also rendered by the live results client component, hence no server-only imports
// (its GraphQL fragment lives in poll-results.fragment.ts, away from the browser bundle).

type ValueCount = NonNullable<QuestionResultFields['rating']>['distribution'][number];

export type QuestionResultFields = PollResultsFields['questions'][number];

export type { ResponseAssurance };

/** What a results page selects (poll-results.fragment.ts). */
export type PollResultsFields = PollResultsFieldsFragment;

interface PollResultsChartProps {
  results: PollResultsFields;
  locale: Locale;
  headingLevel?: 'h2' | 'h3';
}

export function PollResultsChart({ results, locale, headingLevel = 'h3' }: PollResultsChartProps) {
  const t = pollText[locale].results;
  const n = (value: number) => formatNumber(value, locale);
  return (
    <div className="results">
      <p className="results__total">
        {results.verifiedCount > 0 ? t.verified(n(results.responseCount), n(results.verifiedCount)) : t.responses(n(results.responseCount))}
      </p>
      {results.assuranceCounts.some((c) => c.count > 0) && (
        <ul className="results__assurance" aria-label={t.assuranceTitle}>
          {results.assuranceCounts
            .filter((c) => c.count > 0)
            .map((c) => (
              <li key={c.assurance}>{t.assurance[c.assurance](n(c.count))}</li>
            ))}
        </ul>
      )}
      {results.waitingCount > 0 && (
        <div className="notice results__waiting" role="note">
          <p className="results__waiting-title">{t.waitingTitle(n(results.waitingCount))}</p>
          <p>{t.waitingBody}</p>
        </div>
      )}
      {results.questions.map((result, index) => (
        <QuestionResult
          key={result.question.id}
          result={result}
          locale={locale}
          Heading={headingLevel}
          number={index + 1}
          waiting={results.waitingCount > 0}
        />
      ))}
    </div>
  );
}

function QuestionResult({
  result,
  locale,
  Heading,
  number,
  waiting,
}: {
  result: QuestionResultFields;
  locale: Locale;
  Heading: 'h2' | 'h3';
  number: number;
  /** Answers wait for their batch: none counted is then "not counted yet", not "no answers". */
  waiting: boolean;
}) {
  const t = pollText[locale].results;
  const n = (value: number) => formatNumber(value, locale);
  const { question } = result;
  const percents = wholePercents(
    result.options.map((o) => o.count),
    result.answeredCount,
  );
  return (
    <section className="result" aria-labelledby={`result-${question.id}`}>
      <Heading className="result__prompt" id={`result-${question.id}`}>
        <span className="result__number">{n(number)}.</span> {question.prompt}
      </Heading>
      {question.kind === 'FREE_TEXT' ? (
        <p className="result__note">{t.freeText}</p>
      ) : result.answeredCount === 0 ? (
        <p className="result__note">{waiting ? t.notCountedYet : t.noAnswers}</p>
      ) : result.withheld ? (
        <>
          <p className="result__answered">{t.answered(n(result.answeredCount))}</p>
          <p className="result__note" data-withheld>
            {t.withheld(n(result.responsesNeeded ?? 0))}
          </p>
        </>
      ) : (
        <>
          <p className="result__answered">{t.answered(n(result.answeredCount))}</p>
          {result.options.length > 0 && (
            <ul className="bars">
              {result.options.map(({ option, count, share, suppressed }, i) => (
                <li key={option.id} className="bar" data-suppressed={suppressed || undefined}>
                  <span className="bar__label">{option.label}</span>
                  <span className="bar__value">
                    {suppressed ? t.suppressed : t.optionCount(formatPercent(percents[i] / 100, locale), n(count))}
                  </span>
                  <span className="bar__track" aria-hidden="true">
                    <span className="bar__fill" style={{ inlineSize: `${share * 100}%` }} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          {result.rating && (
            <>
              {result.rating.mean !== null && <p className="result__headline">{t.ratingMean(formatDecimal(result.rating.mean, locale))}</p>}
              <Distribution values={result.rating.distribution} answered={result.answeredCount} locale={locale} label={t.ratingScale} />
            </>
          )}
          {result.nps && (
            <>
              {result.nps.score !== null && <p className="result__headline">{t.npsScore(n(Math.round(result.nps.score)))}</p>}
              {!result.nps.suppressed && <NpsGroups nps={result.nps} answered={result.answeredCount} locale={locale} />}
              <Distribution values={result.nps.distribution} answered={result.answeredCount} locale={locale} label={t.npsScale} />
            </>
          )}
          {hasSuppressed(result) && <p className="result__note">{t.suppressedNote}</p>}
        </>
      )}
    </section>
  );
}

function hasSuppressed(result: QuestionResultFields): boolean {
  return (
    result.options.some((o) => o.suppressed) ||
    !!result.rating?.distribution.some((v) => v.suppressed) ||
    !!result.nps?.distribution.some((v) => v.suppressed)
  );
}

/** Columns for each value of a scale, lowest first: from the right in Persian, the left in English. */
function Distribution({ values, answered, locale, label }: { values: ValueCount[]; answered: number; locale: Locale; label: string }) {
  const highest = Math.max(...values.map((v) => v.share), 0);
  const percents = wholePercents(
    values.map((v) => v.count),
    answered,
  );
  const n = (value: number) => formatNumber(value, locale);
  return (
    <figure className="histogram">
      <figcaption className="histogram__caption">{label}</figcaption>
      <ol className="histogram__columns">
        {values.map(({ value, count, share, suppressed }, i) => (
          <li key={value} className="histogram__column" data-suppressed={suppressed || undefined}>
            <span className="histogram__share">{suppressed ? '–' : formatPercent(percents[i] / 100, locale)}</span>
            <span className="histogram__track" aria-hidden="true">
              <span className="histogram__fill" style={{ blockSize: `${highest > 0 ? (share / highest) * 100 : 0}%` }} />
            </span>
            <span className="histogram__value">{n(value)}</span>
            <span className="visually-hidden">{suppressed ? `: ${pollText[locale].results.suppressed}` : `: ${n(count)}`}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

function NpsGroups({ nps, answered, locale }: { nps: NonNullable<QuestionResultFields['nps']>; answered: number; locale: Locale }) {
  const t = pollText[locale].results;
  const groups = [
    { key: 'detractors', label: t.detractors, count: nps.detractors },
    { key: 'passives', label: t.passives, count: nps.passives },
    { key: 'promoters', label: t.promoters, count: nps.promoters },
  ];
  const percents = wholePercents(
    groups.map((g) => g.count),
    answered,
  );
  return (
    <div className="nps">
      <span className="nps__bar" aria-hidden="true">
        {groups.map((group) => (
          <span
            key={group.key}
            className={`nps__part nps__part--${group.key}`}
            style={{ inlineSize: `${(group.count / answered) * 100}%` }}
          />
        ))}
      </span>
      <ul className="nps__legend">
        {groups.map((group, i) => (
          <li key={group.key}>
            <span className={`nps__swatch nps__part--${group.key}`} aria-hidden="true" />
            {group.label}:{' '}
            {pollText[locale].results.optionCount(formatPercent(percents[i] / 100, locale), formatNumber(group.count, locale))}
          </li>
        ))}
      </ul>
    </div>
  );
}
