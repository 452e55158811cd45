import { StaffTable, TableHead, type Column } from '@/components/staff/list';
import { BarsChart } from '@/components/staff/charts/bars-chart';
import { HeatmapChart } from '@/components/staff/charts/heatmap-chart';
import { LineChart } from '@/components/staff/charts/line-chart';
import { DistrictMap } from '@/components/district-map';
import { Tabs } from '@/components/staff/tabs';
import type { Locale } from '@/lib/i18n/locales';
import { staffFormat } from '@/lib/staff/format';
import { pollsText } from '@/lib/staff/polls-text';
import type {
  CrosstabData,
  FreeTextData,
  InsightsQuestion,
  Interval,
  QuestionResult,
  TrendData,
  WavesData,
  WeightedData,
} from './insights.query';

// The parts of the insights page. Each chart has its figures in a table beside or under it, so
// nothing is only in a picture.

type Props = { locale: Locale };

function IntervalText({
  interval,
  locale,
  digits = 1,
  percent = true,
}: {
  interval: Interval | null;
  locale: Locale;
  digits?: number;
  percent?: boolean;
}) {
  const f = staffFormat(locale);
  if (!interval) return <>—</>;
  const show = (v: number) => (percent ? f.percent(v, digits) : f.decimal(v, digits));
  return (
    <>
      {show(interval.low)} – {show(interval.high)}
    </>
  );
}

export function QuestionResultView({
  locale,
  question,
  result,
}: Props & { question: InsightsQuestion; result: QuestionResult | undefined }) {
  const t = pollsText[locale].insightsPage;
  const f = staffFormat(locale);
  const headingId = `q-${question.id}`;
  if (!result || result.answeredCount === 0) {
    return (
      <section className="staff-panel" aria-labelledby={headingId}>
        <h3 id={headingId}>{question.prompt}</h3>
        <p className="staff-muted">{t.noAnswers}</p>
      </section>
    );
  }
  const byId = new Map(result.options.map((o) => [o.option.id, o]));
  const withheldMark = <span className="staff-suppressed">{t.withheld}</span>;
  const head = (
    <div className="staff-panel__head">
      <h3 id={headingId}>{question.prompt}</h3>
      <span className="staff-muted staff-small">
        {f.join([pollsText[locale].kinds[question.kind], t.answered(f.number(result.answeredCount))])}
      </span>
    </div>
  );
  if (result.withheld) {
    return (
      <section className="staff-panel" aria-labelledby={headingId} data-question={question.id} data-withheld>
        {head}
        <p className="staff-muted">{t.withheldQuestion(f.number(result.responsesNeeded))}</p>
      </section>
    );
  }
  return (
    <section className="staff-panel" aria-labelledby={headingId} data-question={question.id}>
      {head}
      {(question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE') && (
        <div className="staff-grid staff-grid--2">
          <BarsChart
            locale={locale}
            categories={question.options.map((o) => o.label)}
            series={[
              {
                name: t.share,
                values: question.options.map((o) => byId.get(o.id)?.share ?? 0),
                lows: question.options.map((o) => byId.get(o.id)?.confidenceInterval?.low ?? null),
                highs: question.options.map((o) => byId.get(o.id)?.confidenceInterval?.high ?? null),
              },
            ]}
            valueKind="share"
            label={`${question.prompt} — ${t.resultsTitle}`}
            loadingText={t.loadingChart}
            intervalLabel={t.interval}
          />
          <StaffTable
            className="staff-table"
            columns={[t.option, { label: t.count, numeric: true }, { label: t.share, numeric: true }, { label: t.interval, numeric: true }]}
          >
            {question.options.map((option) => {
              const r = byId.get(option.id);
              return (
                <tr key={option.id}>
                  <th scope="row">{option.label}</th>
                  <td className="staff-num">{r?.suppressed ? withheldMark : f.number(r?.count ?? 0)}</td>
                  <td className="staff-num">{r?.suppressed ? withheldMark : f.percent(r?.share ?? 0)}</td>
                  <td className="staff-num">
                    <IntervalText interval={r?.confidenceInterval ?? null} locale={locale} />
                  </td>
                </tr>
              );
            })}
          </StaffTable>
        </div>
      )}
      {question.kind === 'RATING' && result.rating && (
        <>
          <p>
            {result.rating.mean != null &&
              t.meanLine(
                f.decimal(result.rating.mean, 2),
                result.rating.confidenceInterval ? f.decimal(result.rating.confidenceInterval.low, 2) : '—',
                result.rating.confidenceInterval ? f.decimal(result.rating.confidenceInterval.high, 2) : '—',
              )}
          </p>
          <Distribution locale={locale} label={question.prompt} distribution={result.rating.distribution} />
        </>
      )}
      {question.kind === 'NPS' && result.nps && (
        <>
          <p>
            {t.npsLine(
              result.nps.score == null ? '—' : f.decimal(result.nps.score, 1),
              result.nps.suppressed ? t.withheld : f.number(result.nps.promoters),
              result.nps.suppressed ? t.withheld : f.number(result.nps.passives),
              result.nps.suppressed ? t.withheld : f.number(result.nps.detractors),
            )}
          </p>
          <Distribution locale={locale} label={question.prompt} distribution={result.nps.distribution} />
        </>
      )}
    </section>
  );
}

function Distribution({
  locale,
  label,
  distribution,
}: Props & { label: string; distribution: { value: number; count: number; share: number; suppressed?: boolean }[] }) {
  const t = pollsText[locale].insightsPage;
  const f = staffFormat(locale);
  return (
    <div className="staff-grid staff-grid--2">
      <BarsChart
        locale={locale}
        orientation="vertical"
        categories={distribution.map((d) => f.number(d.value))}
        series={[{ name: t.count, values: distribution.map((d) => d.count) }]}
        valueKind="count"
        label={label}
        loadingText={t.loadingChart}
        className="staff-chart staff-chart--short"
      />
      <StaffTable className="staff-table" columns={[t.value, { label: t.count, numeric: true }, { label: t.share, numeric: true }]}>
        {distribution.map((d) => (
          <tr key={d.value}>
            <th scope="row">{f.number(d.value)}</th>
            <td className="staff-num">{d.suppressed ? <span className="staff-suppressed">{t.withheld}</span> : f.number(d.count)}</td>
            <td className="staff-num">{d.suppressed ? <span className="staff-suppressed">{t.withheld}</span> : f.percent(d.share)}</td>
          </tr>
        ))}
      </StaffTable>
    </div>
  );
}

export function CrosstabView({ locale, question, data }: Props & { question: InsightsQuestion; data: CrosstabData }) {
  const t = pollsText[locale].insightsPage;
  const f = staffFormat(locale);
  const rows = data.pollInsights.crosstab.rows;
  const rowName = (row: (typeof rows)[number]) => row.district?.name ?? row.byOption?.label ?? t.noDistrict;
  // Choice questions: a column per option; RATING and NPS (by district): a column per value, and the row's mean or score.
  const choice = question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE';
  const columns: { key: string; label: string }[] = choice
    ? question.options.map((o) => ({ key: o.id, label: o.label }))
    : (rows[0]?.values ?? []).map((v) => ({ key: String(v.value), label: f.number(v.value) }));
  const cellsOf = (row: (typeof rows)[number]) =>
    new Map<string, { count: number | null; share: number | null; suppressed: boolean }>(
      choice ? row.cells.map((c) => [c.option.id, c]) : row.values.map((v) => [String(v.value), v]),
    );
  const summary = question.kind === 'RATING' ? t.rowMean : question.kind === 'NPS' ? t.rowNps : null;
  const withheldMark = <span className="staff-suppressed">{t.withheld}</span>;
  const table = (
    <div className="staff-table-wrap" tabIndex={0}>
      <table className="staff-table" data-crosstab>
        <caption className="visually-hidden">{question.prompt}</caption>
        <TableHead
          columns={[
            t.row,
            { label: t.rowAnswered, numeric: true },
            ...(summary ? [{ label: summary, numeric: true }] : []),
            ...columns.map((c) => ({ label: c.label, numeric: true })),
          ]}
        />
        <tbody>
          {rows.map((row, i) => {
            const cells = cellsOf(row);
            const rowSummary = question.kind === 'RATING' ? row.mean : row.npsScore;
            return (
              <tr key={row.district?.id ?? row.byOption?.id ?? `none-${i}`}>
                <th scope="row">{rowName(row)}</th>
                <td className="staff-num">{row.answeredCount == null ? withheldMark : f.number(row.answeredCount)}</td>
                {summary && (
                  <td className="staff-num">
                    {rowSummary == null ? (row.suppressed ? withheldMark : '—') : f.decimal(rowSummary, question.kind === 'RATING' ? 2 : 1)}
                  </td>
                )}
                {columns.map((c) => {
                  const cell = cells.get(c.key);
                  return (
                    <td className="staff-num" key={c.key}>
                      {!cell || cell.share == null ? (
                        cell?.suppressed ? (
                          withheldMark
                        ) : (
                          <span className="staff-suppressed">—</span>
                        )
                      ) : (
                        <>
                          {f.percent(cell.share)}
                          <span className="staff-muted staff-small"> ({f.number(cell.count ?? 0)})</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  const heatmap = (
    <HeatmapChart
      locale={locale}
      columns={columns.map((c) => c.label)}
      rows={rows.map(rowName)}
      shares={rows.map((row) => {
        const cells = cellsOf(row);
        return columns.map((c) => cells.get(c.key)?.share ?? null);
      })}
      withheld={rows.map((row) => {
        // As the table marks them: no share, and suppressed.
        const cells = cellsOf(row);
        return columns.map((c) => {
          const cell = cells.get(c.key);
          return cell != null && cell.share == null && cell.suppressed;
        });
      })}
      label={`${t.heatmap}: ${question.prompt}`}
      loadingText={t.loadingChart}
      withheldLabel={t.withheld}
      withheldLegend={t.withheldLegend}
    />
  );
  // By district, with outlines: a choropleth of the first option's share (or the mean, or the score).
  const mapped = rows.filter((row) => row.district?.boundary);
  const firstOption = choice ? question.options[0] : undefined;
  const figureOf = (row: (typeof rows)[number]): number | null => {
    if (row.suppressed) return null;
    if (question.kind === 'RATING') return row.mean ?? null;
    if (question.kind === 'NPS') return row.npsScore ?? null;
    const cell = row.cells.find((c) => c.option.id === firstOption?.id);
    return cell && !cell.suppressed ? (cell.share ?? null) : null;
  };
  const map = mapped.length ? (
    <DistrictMap
      locale={locale}
      title={question.kind === 'RATING' ? t.rowMean : question.kind === 'NPS' ? t.rowNps : t.mapShare(firstOption?.label ?? '')}
      districtLabel={t.row}
      withheldLabel={t.withheld}
      mapLabel={`${t.map}: ${question.prompt}`}
      format={(v) => (choice ? f.percent(v) : f.decimal(v, question.kind === 'RATING' ? 2 : 1))}
      districts={mapped.map((row) => ({
        code: row.district!.code,
        name: row.district!.name,
        mapLabel: f.number(row.district!.code),
        boundary: row.district!.boundary ?? null,
        value: figureOf(row),
      }))}
    />
  ) : null;
  return (
    <Tabs
      label={t.crosstabViews}
      tabs={[
        { key: 'table', label: t.table, panel: table },
        { key: 'heatmap', label: t.heatmap, panel: heatmap },
        ...(map ? [{ key: 'map', label: t.map, panel: map }] : []),
      ]}
    />
  );
}

export function TrendView({ locale, question, data }: Props & { question: InsightsQuestion; data: TrendData }) {
  const t = pollsText[locale].insightsPage;
  const f = staffFormat(locale);
  const days = data.pollInsights.trend.days;
  if (days.length === 0) return <p className="staff-muted">{t.noAnswers}</p>;
  const labels = days.map((d) => f.shortDay(d.day));
  const choice = question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE';
  const series = choice
    ? question.options.map((o) => ({ name: o.label, values: days.map((d) => d.options.find((c) => c.option.id === o.id)?.share ?? null) }))
    : [{ name: question.kind === 'NPS' ? t.score : t.mean, values: days.map((d) => (question.kind === 'NPS' ? d.npsScore : d.mean)) }];
  const show = (v: number | null) => (v == null ? t.withheld : choice ? f.percent(v) : f.decimal(v, question.kind === 'NPS' ? 0 : 2));
  return (
    <>
      <LineChart
        locale={locale}
        labels={labels}
        series={series}
        valueKind={choice ? 'share' : 'number'}
        min={question.kind === 'RATING' ? 1 : question.kind === 'NPS' ? -100 : 0}
        max={question.kind === 'RATING' ? 5 : question.kind === 'NPS' ? 100 : undefined}
        label={`${t.trendTitle}: ${question.prompt}`}
        loadingText={t.loadingChart}
      />
      <details>
        <summary>{t.table}</summary>
        <div className="staff-table-wrap" tabIndex={0}>
          <table className="staff-table">
            <TableHead
              columns={[t.day, { label: t.rowAnswered, numeric: true }, ...series.map((s) => ({ label: s.name, numeric: true }))]}
            />
            <tbody>
              {days.map((d, i) => (
                <tr key={d.day}>
                  <th scope="row">{f.day(d.day)}</th>
                  <td className="staff-num">{d.answeredCount == null ? t.withheld : f.number(d.answeredCount)}</td>
                  {series.map((s) => (
                    <td className="staff-num" key={s.name}>
                      {show(s.values[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

/**
 * A weighted figure is made only from the districts kept (those with a district and none of their
 * figures withheld): it stands for the city only when they hold most of its people and most of the
 * answers. Under the first share of either it is not shown (a weighted NPS from a sixth of the
 * population read as the city's, even of the opposite sign to the raw one); under the second it is
 * shown with a warning.
 */
export const WEIGHTED_HIDDEN_BELOW = 0.3;
export const WEIGHTED_WARNED_BELOW = 0.7;

type WeightedResult = WeightedData['pollInsights']['weightedResults'][number];

function weightedCoverage(r: WeightedResult): { answers: number; level: 'low' | 'partial' | 'full' } {
  const answers = r.answeredCount ? r.weightedBase / r.answeredCount : 0;
  const least = Math.min(answers, r.populationCoverage);
  return { answers, level: least < WEIGHTED_HIDDEN_BELOW ? 'low' : least < WEIGHTED_WARNED_BELOW ? 'partial' : 'full' };
}

export function WeightedView({ locale, questions, data }: Props & { questions: InsightsQuestion[]; data: WeightedData }) {
  const t = pollsText[locale].insightsPage;
  const f = staffFormat(locale);
  const results = data.pollInsights.weightedResults;
  if (results.every((r) => r.weightedBase === 0)) return <p className="staff-muted">{t.weightedNone}</p>;
  return (
    <div className="staff-form">
      {results.map((r) => {
        const question = questions.find((q) => q.id === r.question.id);
        if (!question) return null;
        const byId = new Map(r.options.map((o) => [o.option.id, o]));
        const choice = question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE';
        const coverage = weightedCoverage(r);
        // Below the threshold only the raw figures are shown, with the reason.
        const shown = coverage.level !== 'low';
        const [population, answers] = [f.percent(r.populationCoverage, 0), f.percent(coverage.answers, 0)];
        const rawSeries = {
          name: t.raw,
          values: question.options.map((o) => byId.get(o.id)?.rawShare ?? null),
          lows: question.options.map((o) => byId.get(o.id)?.rawConfidenceInterval?.low ?? null),
          highs: question.options.map((o) => byId.get(o.id)?.rawConfidenceInterval?.high ?? null),
        };
        const weightedSeries = {
          name: t.weighted,
          values: question.options.map((o) => byId.get(o.id)?.weightedShare ?? null),
          lows: question.options.map((o) => byId.get(o.id)?.weightedConfidenceInterval?.low ?? null),
          highs: question.options.map((o) => byId.get(o.id)?.weightedConfidenceInterval?.high ?? null),
        };
        return (
          <section key={question.id} aria-label={question.prompt} data-weighted={question.id} data-coverage={coverage.level}>
            <h3>{question.prompt}</h3>
            <p className="staff-meta">
              <span>{r.effectiveSampleSize == null || !shown ? '' : t.effectiveSample(f.decimal(r.effectiveSampleSize, 0))}</span>
              <span>{t.coverage(population)}</span>
              <span>{t.answerCoverage(answers, f.number(r.weightedBase), f.number(r.answeredCount))}</span>
              <span>
                {t.excluded(f.number(r.withoutDistrictCount), f.number(r.smallDistrictCount), f.number(r.partlyWithheldDistrictCount))}
              </span>
            </p>
            {coverage.level !== 'full' && (
              <div className="staff-alert staff-alert--warn" role="note" data-coverage-warning>
                <p>{(coverage.level === 'low' ? t.lowCoverage : t.partialCoverage)(population, answers)}</p>
              </div>
            )}
            {choice && (
              <div className="staff-form">
                <BarsChart
                  locale={locale}
                  categories={question.options.map((o) => o.label)}
                  series={shown ? [rawSeries, weightedSeries] : [rawSeries]}
                  valueKind="share"
                  label={`${t.weightedTitle}: ${question.prompt}`}
                  loadingText={t.loadingChart}
                  intervalLabel={t.interval}
                  className="staff-chart staff-chart--tall"
                />
                <StaffTable
                  className="staff-table"
                  columns={rawAndWeightedColumns(t.option, t.raw, shown && [t.weighted, `${t.weighted} — ${t.interval}`])}
                >
                  {question.options.map((o) => {
                    const w = byId.get(o.id);
                    return (
                      <tr key={o.id}>
                        <th scope="row">{o.label}</th>
                        <td className="staff-num">{w ? f.percent(w.rawShare) : '—'}</td>
                        {shown && (
                          <>
                            <td className="staff-num">{w?.weightedShare == null ? '—' : f.percent(w.weightedShare)}</td>
                            <td className="staff-num">
                              <IntervalText interval={w?.weightedConfidenceInterval ?? null} locale={locale} />
                            </td>
                          </>
                        )}
                      </tr>
                    );
                  })}
                </StaffTable>
              </div>
            )}
            {r.rating && (
              <StaffTable className="staff-table" columns={rawAndWeightedColumns(t.mean, t.raw, shown && [t.weighted, t.interval])}>
                <tr>
                  <th scope="row">{t.mean}</th>
                  <td className="staff-num">{r.rating.rawMean == null ? '—' : f.decimal(r.rating.rawMean, 2)}</td>
                  {shown && <td className="staff-num">{r.rating.weightedMean == null ? '—' : f.decimal(r.rating.weightedMean, 2)}</td>}
                  {shown && (
                    <td className="staff-num">
                      <IntervalText interval={r.rating.weightedConfidenceInterval} locale={locale} percent={false} digits={2} />
                    </td>
                  )}
                </tr>
              </StaffTable>
            )}
            {r.nps && (
              <StaffTable className="staff-table" columns={rawAndWeightedColumns(t.score, t.raw, shown && [t.weighted])}>
                <tr>
                  <th scope="row">NPS</th>
                  <td className="staff-num">{r.nps.rawScore == null ? '—' : f.decimal(r.nps.rawScore, 1)}</td>
                  {shown && <td className="staff-num">{r.nps.weightedScore == null ? '—' : f.decimal(r.nps.weightedScore, 1)}</td>}
                </tr>
              </StaffTable>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Whether a change between waves is significant: its 95 % interval leaves out zero. */
function SignificanceBadge({ interval, locale }: { interval: { low: number; high: number } | null | undefined; locale: Locale }) {
  const t = pollsText[locale].insightsPage;
  const significant = interval ? interval.low > 0 || interval.high < 0 : false;
  return <span className={`staff-badge ${significant ? 'staff-badge--info' : ''}`}>{significant ? t.significant : t.notSignificant}</span>;
}

/** A weighted table's columns: its rows' head, the raw figure, then the weighted ones when they are shown (false: not). */
function rawAndWeightedColumns(rowHead: string, raw: string, weighted: string[] | false): Column[] {
  return [rowHead, { label: raw, numeric: true }, ...(weighted || []).map((label) => ({ label, numeric: true }))];
}

export function FreeTextView({
  locale,
  question,
  data,
  moreHref,
  firstHref,
}: Props & { question: InsightsQuestion; data: FreeTextData; moreHref: string | null; firstHref: string | null }) {
  const t = pollsText[locale].insightsPage;
  const f = staffFormat(locale);
  const { wordFrequency, freeTextAnswers } = data.pollInsights;
  const words = wordFrequency.words;
  return (
    <div className="staff-grid staff-grid--2">
      <section aria-labelledby="words-title">
        <h3 id="words-title">{t.wordsTitle}</h3>
        {words.length === 0 ? (
          <p className="staff-muted">{t.noAnswers}</p>
        ) : (
          <>
            <BarsChart
              locale={locale}
              categories={words.slice(0, 12).map((w) => w.word)}
              series={[{ name: t.occurrences, values: words.slice(0, 12).map((w) => w.count) }]}
              valueKind="count"
              label={t.wordsChart(question.prompt)}
              loadingText={t.loadingChart}
              className="staff-chart staff-chart--tall"
            />
            <details>
              <summary>{t.table}</summary>
              <StaffTable
                className="staff-table"
                columns={[t.word, { label: t.occurrences, numeric: true }, { label: t.answersUsing, numeric: true }]}
              >
                {words.map((w) => (
                  <tr key={w.word}>
                    <th scope="row">{w.word}</th>
                    <td className="staff-num">{f.number(w.count)}</td>
                    <td className="staff-num">{f.number(w.answerCount)}</td>
                  </tr>
                ))}
              </StaffTable>
            </details>
          </>
        )}
      </section>
      <section aria-labelledby="answers-title">
        <h3 id="answers-title">{t.answersTitle(f.number(freeTextAnswers.totalCount))}</h3>
        <ul className="staff-list" data-free-text>
          {freeTextAnswers.edges.map(({ node }) => (
            <li key={node.id}>
              <p style={{ margin: 0 }}>{node.text}</p>
              <p className="staff-meta">
                <span>{f.day(node.day)}</span>
                {node.district && <span>{node.district.name}</span>}
              </p>
            </li>
          ))}
        </ul>
        <div className="staff-pager">
          {firstHref && (
            <a className="staff-button staff-button--quiet staff-button--small" href={firstHref}>
              {t.firstAnswers}
            </a>
          )}
          {moreHref && (
            <a className="staff-button staff-button--quiet staff-button--small" href={moreHref}>
              {t.moreAnswers}
            </a>
          )}
        </div>
      </section>
    </div>
  );
}

export function WavesView({ locale, questions, data }: Props & { questions: InsightsQuestion[]; data: WavesData }) {
  const t = pollsText[locale].insightsPage;
  const f = staffFormat(locale);
  const all = data.pollInsights.waves;
  if (all.every((q) => q.waves.length < 2)) return <p className="staff-muted">{t.oneWave}</p>;
  return (
    <div className="staff-form">
      {all.map((qw) => {
        const question = questions.find((q) => q.id === qw.question.id);
        if (!question || question.kind === 'FREE_TEXT') return null;
        const choice = question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE';
        const change = qw.change;
        return (
          <section key={question.id} aria-label={question.prompt}>
            <h3>{question.prompt}</h3>
            {choice && (
              <BarsChart
                locale={locale}
                categories={question.options.map((o) => o.label)}
                series={qw.waves.map((w) => {
                  // A wave without answers has no shares (not shares of 0).
                  const answered = (w.result?.answeredCount ?? 0) > 0;
                  return {
                    name: answered
                      ? pollsText[locale].wave(f.number(w.poll.wave))
                      : `${pollsText[locale].wave(f.number(w.poll.wave))} (${t.noAnswers})`,
                    values: question.options.map((_, i) => (answered ? (w.result?.options[i]?.share ?? null) : null)),
                  };
                })}
                valueKind="share"
                label={`${t.wavesTitle}: ${question.prompt}`}
                loadingText={t.loadingChart}
              />
            )}
            {change && (
              <StaffTable
                className="staff-table"
                caption={t.changeBetween(f.number(change.from.wave), f.number(change.to.wave))}
                columns={[
                  choice ? t.option : t.value,
                  { label: pollsText[locale].wave(f.number(change.from.wave)), numeric: true },
                  { label: pollsText[locale].wave(f.number(change.to.wave)), numeric: true },
                  { label: t.change, numeric: true },
                  { label: t.interval, numeric: true },
                  t.significant,
                ]}
              >
                {change.options.map((o, i) => {
                  const ci = o.change.confidenceInterval;
                  return (
                    <tr key={o.option.id}>
                      <th scope="row">{question.options[i]?.label ?? ''}</th>
                      <td className="staff-num">{f.percent(o.fromShare)}</td>
                      <td className="staff-num">{f.percent(o.toShare)}</td>
                      <td className="staff-num">{t.points(f.points(o.change.difference))}</td>
                      <td className="staff-num">{ci ? `${f.points(ci.low)} … ${f.points(ci.high)}` : '—'}</td>
                      <td>
                        <SignificanceBadge interval={ci} locale={locale} />
                      </td>
                    </tr>
                  );
                })}
                {(() => {
                  // The mean (RATING) or the score (NPS) of each of the two waves compared, beside their change.
                  const measure = change.mean ? 'mean' : change.npsScore ? 'nps' : null;
                  if (!measure) return null;
                  const difference = (measure === 'mean' ? change.mean : change.npsScore)!;
                  const value = (wave: number) => {
                    const result = qw.waves.find((w) => w.poll.wave === wave)?.result;
                    const v = measure === 'mean' ? result?.rating?.mean : result?.nps?.score;
                    return v == null ? t.noAnswers : measure === 'mean' ? f.decimal(v, 2) : f.decimal(v, 0);
                  };
                  const ci = difference.confidenceInterval;
                  return (
                    <tr>
                      <th scope="row">{measure === 'mean' ? t.mean : 'NPS'}</th>
                      <td className="staff-num">{value(change.from.wave)}</td>
                      <td className="staff-num">{value(change.to.wave)}</td>
                      <td className="staff-num">
                        {measure === 'mean' ? f.signed(difference.difference, 2) : f.signed(difference.difference, 0)}
                      </td>
                      <td className="staff-num">
                        <IntervalText interval={ci} locale={locale} percent={false} digits={measure === 'mean' ? 2 : 0} />
                      </td>
                      <td>
                        <SignificanceBadge interval={ci} locale={locale} />
                      </td>
                    </tr>
                  );
                })()}
              </StaffTable>
            )}
          </section>
        );
      })}
    </div>
  );
}
