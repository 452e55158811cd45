import { gql, type TypedDocumentNode } from '@apollo/client';
import { DistrictMap } from '@/components/district-map';
import type { PollResultsFields } from '@/components/poll-results';
import { query } from '@/lib/apollo';
import type { PollResultsByDistrictQuery, PollResultsByDistrictQueryVariables } from '@/lib/api/graphql.generated';
import { formatDecimal, formatNumber, formatPercent } from '@/lib/format';
import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { pollText } from '@/lib/i18n/poll-text';

// Results by district on the public results page: the API's `byDistrict` (the staff crosstab by
// district, with its disclosure control) drawn as a choropleth beside the same figures as a table.
// Only asked for when the poll's results are public and it asks the district.

const BY_DISTRICT_QUERY: TypedDocumentNode<PollResultsByDistrictQuery, PollResultsByDistrictQueryVariables> = gql`
  query PollResultsByDistrict($pollId: ID!, $questionId: ID!, $locale: Locale!) {
    pollResults(pollId: $pollId) {
      byDistrict(questionId: $questionId) {
        rows {
          district {
            id
            code
            name(locale: $locale)
            boundary
          }
          answeredCount
          suppressed
          mean
          npsScore
          cells {
            option {
              id
            }
            share
            suppressed
          }
        }
      }
    }
  }
`;

type Question = PollResultsFields['questions'][number];
type Row = NonNullable<NonNullable<PollResultsByDistrictQuery['pollResults']>['byDistrict']>['rows'][number];

/** The questions that can be shown by district: every kind but free text. */
export function districtQuestions(results: PollResultsFields): Question[] {
  return results.questions.filter((q) => q.question.kind !== 'FREE_TEXT');
}

/** The option most chose overall (among those shown), whose share the map gives per district. */
function leadingOption(result: Question) {
  const shown = result.options.filter((o) => !o.suppressed);
  return shown.length ? shown.reduce((best, o) => (o.count > best.count ? o : best)) : null;
}

export async function ResultsByDistrict({
  pollId,
  results,
  chosen,
  locale,
}: {
  pollId: string;
  results: PollResultsFields;
  chosen: string | undefined;
  locale: Locale;
}) {
  const t = pollText[locale].byDistrict;
  const questions = districtQuestions(results);
  if (!questions.length) return null;
  const result = questions.find((q) => q.question.id === chosen) ?? questions[0];
  const kind = result.question.kind;
  const choice = kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';
  const leading = choice ? leadingOption(result) : null;

  let body;
  if (result.withheld || (choice && !leading)) {
    body = <p className="empty-state">{t.noFigures}</p>;
  } else {
    let rows: Row[] | null = null;
    try {
      const { data } = await query({
        query: BY_DISTRICT_QUERY,
        variables: { pollId, questionId: result.question.id, locale: graphqlLocale[locale] },
      });
      rows = data.pollResults?.byDistrict?.rows ?? null;
    } catch (error) {
      // The rest of the results page stands without the map.
      console.error('poll results: no results by district', error);
    }
    if (!rows) {
      body = <p className="empty-state">{t.unavailable}</p>;
    } else {
      const figureOf = (row: Row): number | null => {
        if (row.suppressed) return null;
        if (kind === 'RATING') return row.mean ?? null;
        if (kind === 'NPS') return row.npsScore ?? null;
        const cell = row.cells.find((c) => c.option.id === leading!.option.id);
        return cell && !cell.suppressed ? (cell.share ?? null) : null;
      };
      const mapped = rows.filter((row) => row.district);
      const format = (v: number) =>
        choice ? formatPercent(v, locale) : kind === 'RATING' ? formatDecimal(v, locale) : formatNumber(Math.round(v), locale);
      body = (
        <DistrictMap
          locale={locale}
          title={kind === 'RATING' ? t.mean : kind === 'NPS' ? t.nps : t.share(leading!.option.label)}
          districtLabel={t.district}
          withheldLabel={t.withheld}
          mapLabel={t.mapLabel(result.question.prompt)}
          format={format}
          districts={mapped.map((row) => ({
            code: row.district!.code,
            name: `${formatNumber(row.district!.code, locale)}. ${row.district!.name}`,
            mapLabel: formatNumber(row.district!.code, locale),
            boundary: row.district!.boundary ?? null,
            value: figureOf(row),
            href: localePath(locale, `/districts/${row.district!.code}`),
          }))}
          extra={{
            header: t.answers,
            cells: mapped.map((row) =>
              row.suppressed || row.answeredCount == null ? t.withheld : formatNumber(row.answeredCount, locale),
            ),
          }}
        />
      );
    }
  }

  return (
    <section className="section results-by-district" aria-labelledby="results-by-district-title" id="by-district">
      <h2 id="results-by-district-title">{t.title}</h2>
      <p>{t.intro}</p>
      {questions.length > 1 && (
        // A plain GET form: choosing works without JavaScript and gives a shareable URL.
        <form method="get" action="#by-district" className="goal-search goal-search--compact">
          <div className="field field--grow">
            <label htmlFor="by-district-question">{t.question}</label>
            <select id="by-district-question" name="question" defaultValue={result.question.id}>
              {questions.map((q) => (
                <option key={q.question.id} value={q.question.id}>
                  {q.question.prompt}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t.show}
          </button>
        </form>
      )}
      <h3>{result.question.prompt}</h3>
      {body}
    </section>
  );
}
