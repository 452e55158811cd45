import { notFound } from 'next/navigation';
import { CsvExport } from '@/components/staff/csv-export';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery, uuidOr404 } from '@/lib/staff/api';
import { staffFormat } from '@/lib/staff/format';
import { staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { pollsText } from '@/lib/staff/polls-text';
import { signalsText } from '@/lib/staff/signals-text';
import { canUse } from '@/lib/staff/roles';
import { requireSection, signInPath } from '@/lib/staff/session';
import { localeParam } from '../../../../../locale-param';
import {
  INSIGHTS_CROSSTAB,
  INSIGHTS_FREE_TEXT,
  INSIGHTS_SUMMARY,
  INSIGHTS_TREND,
  INSIGHTS_WAVES,
  INSIGHTS_WEIGHTED,
  INSIGHTS_WORDS,
  insightsOf,
  type FreeTextData,
} from './insights.query';
import { breakdownsFor, crosstabQuestions } from './breakdowns';
import { CrosstabForm } from './crosstab-form';
import { AssuranceCounts } from './assurance-counts';
import {
  CrosstabView,
  FreeTextView,
  QuestionResultView,
  TrendView,
  WavesView,
  WEIGHTED_HIDDEN_BELOW,
  WEIGHTED_WARNED_BELOW,
  WeightedView,
} from './sections';
import { staffRecordMetadata } from '@/lib/staff/open-page';
import { POLL_TITLE } from '@/lib/staff/record-titles';
import { Field } from '@/components/staff/fields';
import { StaffSection } from '@/components/staff/section';

type Params = PageProps<'/[locale]/staff/polls/[id]/insights'>;

export const generateMetadata = staffRecordMetadata((locale) => staffText[locale].nav.insights, 'insights', POLL_TITLE);

export default async function InsightsPage({ params, searchParams }: Params) {
  const locale = await localeParam(params);
  const viewer = await requireSection('insights');
  const pollId = uuidOr404((await params).id);
  const query = await searchParams;
  const t = pollsText[locale].insightsPage;
  const st = staffText[locale];
  const f = staffFormat(locale);
  const gl = graphqlLocale[locale];

  const summary = await staffQuery(INSIGHTS_SUMMARY, { pollId, locale: gl });
  const { poll, pollInsights } = summary;
  if (!poll || !pollInsights) notFound();

  const questions = [...poll.questions].sort((a, b) => a.position - b.position);
  const scored = questions.filter((q) => q.kind !== 'FREE_TEXT');
  const texts = questions.filter((q) => q.kind === 'FREE_TEXT');
  const pick = <T extends { id: string }>(list: T[], id: string | undefined) => list.find((q) => q.id === id) ?? list[0];

  // Every question but free text breaks down by district (when the poll asks it); choice questions
  // also by another choice question. A poll without districts and without two choice questions has no crosstab.
  const crosstabChoices = crosstabQuestions(scored, questions, poll.asksDistrict);
  const crosstabQuestion = pick(crosstabChoices, param(query, 'q'));
  const byParam = param(query, 'by');
  const breakdowns = breakdownsFor(crosstabQuestion, questions);
  const byQuestion = breakdowns.find((q) => q.id === byParam) ?? (poll.asksDistrict ? undefined : breakdowns[0]);
  // A link asking for a question by itself (or RATING/NPS by a question) gets districts (or, without
  // them, the first question on offer), and is told so.
  const byRefused = byParam !== undefined && byParam !== 'district' && byQuestion?.id !== byParam;
  const trendQuestion = pick(scored, param(query, 'tq'));
  const textQuestion = pick(texts, param(query, 'text'));
  const after = param(query, 'after');

  const [crosstabData, trendData, weightedData, answersData, wordsData, wavesData] = await Promise.all([
    crosstabQuestion
      ? staffQuery(INSIGHTS_CROSSTAB, {
          pollId,
          questionId: crosstabQuestion.id,
          byQuestionId: byQuestion?.id ?? null,
          locale: gl,
        })
      : null,
    trendQuestion ? staffQuery(INSIGHTS_TREND, { pollId, questionId: trendQuestion.id }) : null,
    scored.length ? staffQuery(INSIGHTS_WEIGHTED, { pollId }) : null,
    textQuestion
      ? staffQuery(INSIGHTS_FREE_TEXT, {
          pollId,
          questionId: textQuestion.id,
          after: after ?? null,
          locale: gl,
        })
      : null,
    textQuestion ? staffQuery(INSIGHTS_WORDS, { pollId, questionId: textQuestion.id }) : null,
    staffQuery(INSIGHTS_WAVES, { pollId }),
  ]);
  const [crosstab, trend, weighted, answers, words, waves] = [
    insightsOf(crosstabData),
    insightsOf(trendData),
    insightsOf(weightedData),
    insightsOf(answersData),
    insightsOf(wordsData),
    insightsOf(wavesData),
  ];
  const freeText: FreeTextData | null = answers && words ? { pollInsights: { ...answers.pollInsights, ...words.pollInsights } } : null;

  const base = localePath(locale, `/staff/polls/${pollId}/insights`);
  const keep = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const current = { q: crosstabQuestion?.id, by: byQuestion?.id, tq: trendQuestion?.id, text: textQuestion?.id, ...changes };
    for (const [k, v] of Object.entries(current)) if (v) next.set(k, v);
    return `${base}?${next.toString()}`;
  };
  const resultsById = new Map(pollInsights.questions.map((r) => [r.question.id, r]));
  const exportHref = (file: string) => localePath(locale, `/staff/exports/polls/${pollId}/${file}`);
  const exportText = { ...t.export, signInHref: signInPath(locale, { expired: true, next: `/staff/polls/${pollId}/insights` }) };

  return (
    <>
      <header className="staff-header">
        <div>
          <p className="breadcrumb">
            <a href={localePath(locale, '/staff/polls')}>{pollsText[locale].listTitle}</a>
          </p>
          <h1>{t.title(poll.title)}</h1>
        </div>
        <a className="staff-button staff-button--quiet" href={localePath(locale, `/staff/polls/${pollId}/signals`)} data-signals-link>
          {signalsText[locale].link}
        </a>
        {canUse(viewer.role, 'pollBuilder') && (
          <a className="staff-button staff-button--quiet" href={localePath(locale, `/staff/polls/${pollId}`)}>
            {pollsText[locale].edit}
          </a>
        )}
      </header>

      <dl className="staff-counters">
        <div className="staff-counter">
          <dt>{t.responses}</dt>
          <dd data-response-count>{f.number(pollInsights.responseCount)}</dd>
        </div>
        <div className="staff-counter">
          <dt>{st.common.status}</dt>
          <dd style={{ fontSize: '1.25rem' }}>
            {f.join([pollsText[locale].status[poll.status], pollsText[locale].wave(f.number(poll.wave))])}
          </dd>
        </div>
      </dl>
      <p className="staff-muted staff-small">{t.disclosure(f.number(pollInsights.minCellSize), f.number(poll.minResponses))}</p>
      <AssuranceCounts pollId={pollId} locale={locale} />

      <nav aria-label={t.sections} className="staff-actions">
        <a href="#results">{t.resultsTitle}</a>
        {crosstab && <a href="#crosstab">{t.crosstabTitle}</a>}
        {trend && <a href="#trend">{t.trendTitle}</a>}
        {weighted && <a href="#weighted">{t.weightedTitle}</a>}
        {freeText && <a href="#free-text">{t.freeTextTitle}</a>}
        <a href="#waves">{t.wavesTitle}</a>
        <a href="#export">{t.exportTitle}</a>
      </nav>

      <StaffSection id="export" headingId="export-title" title={t.exportTitle}>
        <div className="staff-grid staff-grid--2">
          <CsvExport
            href={exportHref('responses')}
            filename={`poll-${pollId}-responses.csv`}
            label={t.exportResponses}
            expectedRows={pollInsights.responseCount}
            locale={locale}
            text={exportText}
          />
          <CsvExport
            href={exportHref('results')}
            filename={`poll-${pollId}-results.csv`}
            label={t.exportResults}
            expectedRows={null}
            locale={locale}
            text={exportText}
          />
        </div>
      </StaffSection>

      <section id="results" aria-labelledby="results-title" className="staff-form">
        <div>
          <h2 id="results-title">{t.resultsTitle}</h2>
          <p className="staff-muted staff-small">{t.resultsIntro}</p>
        </div>
        {scored.map((question) => (
          <QuestionResultView key={question.id} locale={locale} question={question} result={resultsById.get(question.id)} />
        ))}
      </section>

      {crosstab && crosstabQuestion && (
        <StaffSection id="crosstab" headingId="crosstab-title" title={t.crosstabTitle}>
          <p className="staff-muted staff-small">{t.crosstabIntro}</p>
          <CrosstabForm
            action={`${base}#crosstab`}
            questions={crosstabChoices}
            questionId={crosstabQuestion.id}
            byId={byQuestion?.id ?? null}
            asksDistrict={poll.asksDistrict}
            hidden={{ tq: trendQuestion?.id, text: textQuestion?.id }}
            text={{
              title: t.crosstabTitle,
              question: t.crosstabQuestion,
              by: t.crosstabBy,
              byDistrict: t.byDistrict,
              byQuestion: t.byQuestion('{q}'),
              show: t.show,
            }}
          />
          {byRefused && (
            <p className="staff-alert staff-alert--warn" role="status" data-crosstab-refused>
              {t.crossSelf}
            </p>
          )}
          <h3 data-crosstab-heading>
            {crosstabQuestion.prompt} — {byQuestion ? t.byQuestion(byQuestion.prompt) : t.byDistrict}
          </h3>
          <CrosstabView locale={locale} question={crosstabQuestion} data={crosstab} />
        </StaffSection>
      )}

      {trend && trendQuestion && (
        <StaffSection id="trend" headingId="trend-title" title={t.trendTitle}>
          <p className="staff-muted staff-small">{t.trendIntro}</p>
          <QuestionPicker
            action={`${base}#trend`}
            label={t.trendTitle}
            keep={{ q: crosstabQuestion?.id, by: byQuestion?.id, text: textQuestion?.id }}
            id="trend-q"
            name="tq"
            fieldLabel={t.crosstabQuestion}
            questions={scored}
            value={trendQuestion.id}
            submit={t.show}
          />
          <h3>{trendQuestion.prompt}</h3>
          <TrendView locale={locale} question={trendQuestion} data={trend} />
        </StaffSection>
      )}

      {weighted && (
        <StaffSection id="weighted" headingId="weighted-title" title={t.weightedTitle}>
          <p className="staff-muted staff-small">
            {t.weightedIntro(f.percent(WEIGHTED_HIDDEN_BELOW, 0), f.percent(WEIGHTED_WARNED_BELOW, 0))}
          </p>
          <WeightedView locale={locale} questions={questions} data={weighted} />
        </StaffSection>
      )}

      <StaffSection id="free-text" headingId="free-text-title" title={t.freeTextTitle}>
        {freeText && textQuestion ? (
          <>
            {texts.length > 1 && (
              <QuestionPicker
                action={`${base}#free-text`}
                label={t.freeTextTitle}
                keep={{ q: crosstabQuestion?.id, by: byQuestion?.id, tq: trendQuestion?.id }}
                id="text-q"
                name="text"
                fieldLabel={t.crosstabQuestion}
                questions={texts}
                value={textQuestion.id}
                submit={t.show}
              />
            )}
            <p>{textQuestion.prompt}</p>
            <FreeTextView
              locale={locale}
              question={textQuestion}
              data={freeText}
              moreHref={
                freeText.pollInsights.freeTextAnswers.pageInfo.hasNextPage
                  ? `${keep({ after: freeText.pollInsights.freeTextAnswers.pageInfo.endCursor ?? undefined })}#free-text`
                  : null
              }
              firstHref={after ? `${keep({})}#free-text` : null}
            />
          </>
        ) : (
          <p className="staff-muted">{t.noText}</p>
        )}
      </StaffSection>

      <StaffSection id="waves" headingId="waves-title" title={t.wavesTitle}>
        <p className="staff-muted staff-small">{t.wavesIntro}</p>
        <WavesView locale={locale} questions={questions} data={waves} />
      </StaffSection>
    </>
  );
}

/** A section's form that picks its question, keeping the other sections' choices in the address. */
function QuestionPicker({
  action,
  label,
  keep,
  id,
  name,
  fieldLabel,
  questions,
  value,
  submit,
}: {
  action: string;
  label: string;
  /** The other sections' parameters, sent again as they are; absent ones are left out. */
  keep: Record<string, string | undefined>;
  id: string;
  name: string;
  fieldLabel: string;
  questions: { id: string; prompt: string }[];
  value: string;
  submit: string;
}) {
  return (
    <form method="get" action={action} className="staff-fields" aria-label={label}>
      {Object.entries(keep).map(([key, kept]) => kept && <input key={key} type="hidden" name={key} value={kept} />)}
      <Field id={id} label={fieldLabel}>
        <select id={id} name={name} defaultValue={value}>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.prompt}
            </option>
          ))}
        </select>
      </Field>
      <div className="staff-field" style={{ justifyContent: 'end' }}>
        <button type="submit" className="staff-button">
          {submit}
        </button>
      </div>
    </form>
  );
}
