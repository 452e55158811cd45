import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/staff/action-form';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffQuery } from '@/lib/staff/api';
import { ImagePicker } from '@/components/staff/image-picker';
import { goalsText } from '@/lib/staff/goals-text';
import { formLabels } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { pollsText } from '@/lib/staff/polls-text';
import { addIndicator, deleteGoal, removeIndicator, updateGoal, updateIndicator } from '../actions';
import { GoalFields, goalFieldLabels } from '../goal-fields';
import { FilterSubmit } from '@/components/staff/filter-fields';
import type {
  StaffGoalQuery,
  StaffGoalQueryVariables,
  StaffIndicatorSourcesQuery,
  StaffIndicatorSourcesQueryVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffHeader } from '@/components/staff/header';
import { openRecordPage, staffRecordMetadata } from '@/lib/staff/open-page';
import { GOAL_TITLE } from '@/lib/staff/record-titles';
import { FormPanel } from '@/components/staff/form-panel';
import { Field } from '@/components/staff/fields';
import { bilingualValues } from '@/lib/staff/forms';
import { StaffSection } from '@/components/staff/section';
import { ActionButton, SubmitRow } from '@/components/staff/buttons';

const GOAL_QUERY: Operation<StaffGoalQuery, StaffGoalQueryVariables> = /* GraphQL */ `
  query StaffGoal($id: ID!, $locale: Locale!) {
    goal(id: $id) {
      id
      image {
        url
        altTranslations {
          fa
          en
        }
      }
      titleTranslations {
        fa
        en
      }
      descriptionTranslations {
        fa
        en
      }
      category
      status
      position
      indicators {
        id
        label(locale: $locale)
        labelTranslations {
          fa
          en
        }
        metric
        questionId
        optionIds
        target
        direction
        currentValue
        responseCount
        onTarget
        poll {
          id
          title(locale: $locale)
          questions {
            id
            kind
            prompt(locale: $locale)
            options {
              id
              label(locale: $locale)
            }
          }
        }
      }
    }
    polls(first: 50, filter: { statuses: [DRAFT, SCHEDULED, OPEN, CLOSED] }) {
      edges {
        node {
          id
          title(locale: $locale)
          status
        }
      }
    }
  }
`;

const POLL_RESULTS_SOURCES: Operation<StaffIndicatorSourcesQuery, StaffIndicatorSourcesQueryVariables> = /* GraphQL */ `
  query StaffIndicatorSources($id: ID!, $locale: Locale!) {
    poll(id: $id) {
      id
      title(locale: $locale)
      questions {
        id
        kind
        position
        prompt(locale: $locale)
        options {
          id
          label(locale: $locale)
        }
      }
    }
  }
`;

interface Indicator {
  id: string;
  label: string;
  labelTranslations: { fa: string; en: string | null };
  metric: 'OPTION_SHARE' | 'RATING_MEAN' | 'NPS_SCORE';
  target: number;
  direction: 'AT_LEAST' | 'AT_MOST';
  currentValue: number | null;
  responseCount: number | null;
  onTarget: boolean | null;
  poll: { id: string; title: string } | null;
}

type Params = PageProps<'/[locale]/staff/goals/[id]'>;

interface ChoiceQuestion {
  id: string;
  kind: string;
  options: Array<{ id: string; label: string }>;
}

const isChoice = (kind: string) => kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';

/**
 * The options an OPTION_SHARE indicator counts, named after their question so that the action
 * reads only the chosen question's. A single-choice question's shares add up, so it takes several
 * (checkboxes); a multiple-choice respondent may be in several options, so it takes one (radios).
 */
function OptionChoices({
  question,
  legend,
  checked = [],
  oneOption,
}: {
  question: ChoiceQuestion;
  legend: string;
  checked?: readonly string[];
  oneOption: string;
}) {
  const several = question.kind === 'SINGLE_CHOICE';
  return (
    <fieldset className="staff-fieldset" data-options-of={question.id}>
      <legend>{legend}</legend>
      {!several && <p className="staff-field__hint">{oneOption}</p>}
      <div className="staff-checks">
        {question.options.map((o) => (
          <label key={o.id} className="staff-check">
            <input
              type={several ? 'checkbox' : 'radio'}
              name={`option-${question.id}`}
              value={o.id}
              defaultChecked={checked.includes(o.id)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const generateMetadata = staffRecordMetadata((locale) => goalsText[locale].edit, 'goals', GOAL_TITLE);

export default async function StaffGoalPage({ params, searchParams }: Params) {
  const { locale, id, query, st, f } = await openRecordPage('goals', { params, searchParams });
  const t = goalsText[locale];
  const gl = graphqlLocale[locale];
  const pollParam = param(query, 'poll');
  const [{ goal, polls }, sources] = await Promise.all([
    staffQuery(GOAL_QUERY, { id, locale: gl }),
    pollParam && isUuid(pollParam) ? staffQuery(POLL_RESULTS_SOURCES, { id: pollParam, locale: gl }) : null,
  ]);
  if (!goal) notFound();
  const done = param(query, 'done');
  const doneText: Record<string, string> = { created: t.created, saved: t.saved, added: t.added, removed: t.removed };
  const error = param(query, 'error');
  const labels = formLabels(locale);
  const page = localePath(locale, `/staff/goals/${id}`);

  const showValue = (indicator: Indicator, value: number) =>
    indicator.metric === 'OPTION_SHARE' ? f.percent(value) : f.decimal(value, indicator.metric === 'NPS_SCORE' ? 0 : 2);
  const questionOf = (indicator: (typeof goal.indicators)[number]) =>
    indicator.poll?.questions.find((q) => q.id === indicator.questionId && isChoice(q.kind));
  const countedLabels = (indicator: (typeof goal.indicators)[number]) =>
    indicator.optionIds.map((oid) => questionOf(indicator)?.options.find((o) => o.id === oid)?.label ?? '').filter(Boolean);
  const targetField = (indicator: Indicator) =>
    indicator.metric === 'OPTION_SHARE' ? String(Math.round(indicator.target * 1000) / 10) : String(indicator.target);

  return (
    <>
      <StaffHeader
        title={t.editTitle((locale === 'en' && goal.titleTranslations.en) || goal.titleTranslations.fa)}
        crumb={{ href: localePath(locale, '/staff/goals'), label: t.title }}
      />
      {done && doneText[done] && (
        <div className="staff-alert staff-alert--ok" role="status">
          <p>{doneText[done]}</p>
        </div>
      )}
      {error && (
        <div className="staff-alert staff-alert--error" role="alert">
          <p>{st.errors[error] ?? st.errors.UNKNOWN}</p>
        </div>
      )}

      <FormPanel
        id="goal-title"
        title={t.edit}
        submit={t.save}
        action={updateGoal.bind(null, id)}
        locale={locale}
        fieldLabels={goalFieldLabels(locale)}
      >
        <GoalFields
          locale={locale}
          idPrefix="goal"
          values={{
            ...bilingualValues('title', goal.titleTranslations),
            ...bilingualValues('description', goal.descriptionTranslations),
            category: goal.category,
            status: goal.status,
            position: goal.position,
          }}
        />
      </FormPanel>

      <ImagePicker locale={locale} owner="Goal" id={id} image={goal.image} done={done} />

      <StaffSection id="indicators" headingId="indicators-title" title={t.indicators}>
        <p className="staff-muted staff-small">{t.indicatorsIntro}</p>
        {goal.indicators.length === 0 && <p>{t.noIndicators}</p>}
        <ul className="staff-list">
          {goal.indicators.map((indicator) => (
            <li key={indicator.id} data-indicator={indicator.id}>
              <div className="staff-panel__head">
                <h3>{indicator.label}</h3>
                {indicator.onTarget == null ? (
                  <span className="staff-badge">{t.noValue}</span>
                ) : (
                  <span
                    className={`staff-badge ${indicator.onTarget ? 'staff-badge--ok' : 'staff-badge--bad'}`}
                    data-on-target={indicator.onTarget}
                  >
                    {indicator.onTarget ? t.onTarget : t.offTarget}
                  </span>
                )}
              </div>
              <dl className="staff-meta">
                <div>
                  <dt className="visually-hidden">{t.poll}</dt>
                  <dd style={{ margin: 0 }}>{indicator.poll?.title ?? t.notReadable}</dd>
                </div>
                <div>
                  <dt style={{ display: 'inline' }}>{t.metric}: </dt>
                  <dd style={{ display: 'inline', margin: 0 }}>{t.metrics[indicator.metric]}</dd>
                </div>
                {indicator.metric === 'OPTION_SHARE' && (
                  <div>
                    <dt style={{ display: 'inline' }}>{t.options}: </dt>
                    <dd style={{ display: 'inline', margin: 0 }} data-options>
                      {countedLabels(indicator).join(' + ') || '—'}
                    </dd>
                  </div>
                )}
                <div>
                  <dt style={{ display: 'inline' }}>{t.current}: </dt>
                  <dd style={{ display: 'inline', margin: 0 }} data-current-value>
                    {indicator.currentValue == null ? '—' : showValue(indicator, indicator.currentValue)}
                  </dd>
                </div>
                <div>
                  <dt style={{ display: 'inline' }}>{t.target}: </dt>
                  <dd style={{ display: 'inline', margin: 0 }}>
                    {t.directions[indicator.direction]} {showValue(indicator, indicator.target)}
                  </dd>
                </div>
                <div>
                  <dt style={{ display: 'inline' }}>{t.responses}: </dt>
                  <dd style={{ display: 'inline', margin: 0 }}>
                    {indicator.responseCount == null ? '—' : f.number(indicator.responseCount)}
                  </dd>
                </div>
              </dl>
              <details>
                <summary>{t.edit}</summary>
                <ActionForm
                  action={updateIndicator.bind(null, id, indicator.id, indicator.metric, indicator.questionId)}
                  fieldLabels={{ optionIds: t.options, target: t.target, labelFa: t.labelFa }}
                  className="staff-form"
                  labels={labels}
                  aria-label={`${t.edit}: ${indicator.label}`}
                >
                  <div className="staff-fields">
                    <div className="staff-field">
                      <label htmlFor={`${indicator.id}-labelFa`}>{t.labelFa}</label>
                      <input id={`${indicator.id}-labelFa`} name="labelFa" required defaultValue={indicator.labelTranslations.fa} />
                    </div>
                    <div className="staff-field">
                      <label htmlFor={`${indicator.id}-labelEn`}>{t.labelEn}</label>
                      <input id={`${indicator.id}-labelEn`} name="labelEn" defaultValue={indicator.labelTranslations.en ?? ''} dir="ltr" />
                    </div>
                    <div className="staff-field">
                      <label htmlFor={`${indicator.id}-direction`}>{t.direction}</label>
                      <select id={`${indicator.id}-direction`} name="direction" defaultValue={indicator.direction}>
                        <option value="AT_LEAST">{t.directions.AT_LEAST}</option>
                        <option value="AT_MOST">{t.directions.AT_MOST}</option>
                      </select>
                    </div>
                    <div className="staff-field">
                      <label htmlFor={`${indicator.id}-target`}>{t.target}</label>
                      <input
                        id={`${indicator.id}-target`}
                        name="target"
                        inputMode="decimal"
                        required
                        defaultValue={targetField(indicator)}
                        dir="ltr"
                      />
                    </div>
                  </div>
                  {indicator.metric === 'OPTION_SHARE' && questionOf(indicator) && (
                    <>
                      <input type="hidden" name="optionsOf" value={indicator.questionId} />
                      <OptionChoices
                        question={questionOf(indicator)!}
                        legend={t.options}
                        checked={indicator.optionIds}
                        oneOption={t.oneOption}
                      />
                    </>
                  )}
                  <SubmitRow small row="staff-actions">
                    {t.updateIndicator}
                  </SubmitRow>
                </ActionForm>
                <ActionButton
                  action={removeIndicator.bind(null, id, indicator.id)}
                  variant="danger"
                  small
                  style={{ marginBlockStart: '0.5rem' }}
                >
                  {t.removeIndicator}
                </ActionButton>
              </details>
            </li>
          ))}
        </ul>

        <h3 style={{ marginBlockStart: '1.25rem' }}>{t.addIndicator}</h3>
        <form method="get" action={`${page}#indicators`} className="staff-fields" aria-label={t.choosePoll}>
          <Field id="indicator-poll" label={t.poll}>
            <select id="indicator-poll" name="poll" defaultValue={sources?.poll?.id ?? ''}>
              <option value="">—</option>
              {polls.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.title} ({pollsText[locale].status[node.status]})
                </option>
              ))}
            </select>
          </Field>
          <FilterSubmit label={t.choosePoll} />
        </form>
        {!sources?.poll ? (
          <p className="staff-muted staff-small">{t.pollFirst}</p>
        ) : (
          <ActionForm
            action={addIndicator.bind(null, id, sources.poll.id)}
            className="staff-form"
            labels={labels}
            fieldLabels={{ questionId: t.result, optionIds: t.options, target: t.target, labelFa: t.labelFa }}
            aria-label={t.addIndicator}
          >
            <div className="staff-fields">
              <Field id="indicator-source" label={t.result} wide>
                <select id="indicator-source" name="source" required>
                  {[...sources.poll.questions]
                    .sort((a, b) => a.position - b.position)
                    .map((q) =>
                      isChoice(q.kind) ? (
                        <option key={q.id} value={`${q.id}|OPTION_SHARE`}>
                          {`${t.metrics.OPTION_SHARE}: ${q.prompt}`}
                        </option>
                      ) : q.kind === 'RATING' || q.kind === 'NPS' ? (
                        <option key={q.id} value={`${q.id}|${q.kind === 'RATING' ? 'RATING_MEAN' : 'NPS_SCORE'}`}>
                          {`${t.metrics[q.kind === 'RATING' ? 'RATING_MEAN' : 'NPS_SCORE']}: ${q.prompt}`}
                        </option>
                      ) : null,
                    )}
                </select>
              </Field>
            </div>
            {sources.poll.questions.some((q) => isChoice(q.kind)) && (
              <fieldset className="staff-fieldset" aria-describedby="options-hint">
                <legend>{t.options}</legend>
                <p className="staff-field__hint" id="options-hint">
                  {t.optionsHint}
                </p>
                {[...sources.poll.questions]
                  .sort((a, b) => a.position - b.position)
                  .filter((q) => isChoice(q.kind))
                  .map((q) => (
                    <OptionChoices key={q.id} question={q} legend={q.prompt} oneOption={t.oneOption} />
                  ))}
              </fieldset>
            )}
            <div className="staff-fields">
              <Field id="indicator-labelFa" label={t.labelFa}>
                <input id="indicator-labelFa" name="labelFa" required maxLength={300} />
              </Field>
              <Field id="indicator-labelEn" label={t.labelEn} optional={locale}>
                <input id="indicator-labelEn" name="labelEn" maxLength={300} dir="ltr" />
              </Field>
              <Field id="indicator-direction" label={t.direction}>
                <select id="indicator-direction" name="direction" defaultValue="AT_LEAST">
                  <option value="AT_LEAST">{t.directions.AT_LEAST}</option>
                  <option value="AT_MOST">{t.directions.AT_MOST}</option>
                </select>
              </Field>
              <Field id="indicator-target" label={t.target}>
                <input id="indicator-target" name="target" required inputMode="decimal" dir="ltr" aria-describedby="target-hint" />
              </Field>
            </div>
            <p className="staff-field__hint" id="target-hint">
              {t.targetHint}
            </p>
            <SubmitRow>{t.addIndicator}</SubmitRow>
          </ActionForm>
        )}
      </StaffSection>

      <section className="staff-panel" aria-labelledby="danger-title">
        <h2 id="danger-title" className="visually-hidden">
          {t.delete}
        </h2>
        <ActionButton action={deleteGoal.bind(null, id)} variant="danger">
          {t.delete}
        </ActionButton>
      </section>
    </>
  );
}
