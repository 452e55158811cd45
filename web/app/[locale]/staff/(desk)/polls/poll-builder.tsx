'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/staff/action-form';
import { DayField } from '@/components/staff/day-field';
import type { FormState } from '@/lib/staff/forms';
import { ASSURANCES, participationText, type Assurance } from '@/lib/staff/participation-text';
import {
  blankOption,
  blankQuestion,
  isChoice,
  optionField,
  QUESTION_KINDS,
  questionField,
  VISIBILITIES,
  type BuilderPoll,
  type BuilderQuestion,
  type QuestionKind,
} from './builder-model';
import { SubmitRow } from '@/components/staff/buttons';

export interface BuilderText {
  basics: string;
  titleFa: string;
  titleEn: string;
  descriptionFa: string;
  descriptionEn: string;
  visibility: string;
  schedule: string;
  scheduleHint: string;
  opens: string;
  closes: string;
  targeting: string;
  targetingHint: string;
  asksDistrict: string;
  questions: string;
  question: string;
  kind: string;
  promptFa: string;
  promptEn: string;
  required: string;
  maxChoices: string;
  maxLength: string;
  options: string;
  labelFa: string;
  labelEn: string;
  addOption: string;
  removeOption: string;
  addQuestion: string;
  removeQuestion: string;
  moveUp: string;
  moveDown: string;
  submit: string;
  day: string;
  dayHint: string;
  time: string;
  timeHint: string;
  optional: string;
  kinds: Record<QuestionKind, string>;
  visibilities: Record<(typeof VISIBILITIES)[number], string>;
  fieldLabel: string;
  apiSays: string;
}

interface PollBuilderProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  initial: BuilderPoll;
  districts: { id: string; name: string }[];
  locale: 'fa' | 'en';
  text: BuilderText;
  /** Numbers in the locale's digits, 1-based: ["۱", "۲", …]. */
  numbers: string[];
  hidden?: Record<string, string>;
  /** Eligibility lists a RESIDENT_LIST poll may use. */
  lists?: { id: string; name: string; entryCount: string }[];
  /** Where staff make eligibility lists. */
  listsHref: string;
  /**
   * The poll has answers: the API refuses removing a question or an option, changing a question's
   * kind and changing who may answer, so those controls are disabled (a disabled field is not sent,
   * so its value goes along hidden) rather than failing only on saving.
   */
  locked?: boolean;
}

/**
 * Builds and edits a poll: its texts in both languages, who sees the results, the schedule, the
 * districts it is for, and questions of every kind with their options. Every input has a plain
 * form name, so editing texts works without JavaScript too; adding, removing and reordering
 * questions and options need it.
 */
export function PollBuilder({
  action,
  initial,
  districts,
  locale,
  text: t,
  numbers,
  hidden = {},
  lists = [],
  listsHref,
  locked = false,
}: PollBuilderProps) {
  const pt = participationText[locale];
  const [assurance, setAssurance] = useState<Assurance>(initial.assurance);
  const [questions, setQuestions] = useState<BuilderQuestion[]>(initial.questions.length ? initial.questions : [blankQuestion()]);
  const n = (i: number) => numbers[i] ?? String(i + 1);

  const update = (index: number, change: Partial<BuilderQuestion>) =>
    setQuestions((qs) => qs.map((q, i) => (i === index ? { ...q, ...change } : q)));
  const move = (index: number, by: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });
  const setKind = (index: number, kind: QuestionKind) =>
    setQuestions((qs) =>
      qs.map((q, i) =>
        i === index ? { ...q, kind, options: isChoice(kind) ? (q.options.length ? q.options : [blankOption(), blankOption()]) : [] } : q,
      ),
    );

  const fieldLabels: Record<string, string> = {
    titleFa: t.titleFa,
    titleEn: t.titleEn,
    descriptionFa: t.descriptionFa,
    descriptionEn: t.descriptionEn,
    opensAt: t.opens,
    closesAt: t.closes,
    districtIds: t.targeting,
    questions: t.questions,
    assurance: pt.assurance,
    eligibilityListId: pt.list,
  };
  // "questions[3].options" → "Question 4 — Options": which question, and which part of it.
  const questionPart: Record<string, string> = {
    options: t.options,
    promptFa: t.promptFa,
    promptEn: t.promptEn,
    maxChoices: t.maxChoices,
    maxLength: t.maxLength,
    kind: t.kind,
  };
  const labelOf = (field: string) => {
    const match = /^questions\[(\d+)\](?:\.(\w+))?/.exec(field);
    if (!match) return undefined;
    const part = match[2] ? questionPart[match[2]] : undefined;
    return part ? `${t.question} ${n(Number(match[1]))} — ${part}` : `${t.question} ${n(Number(match[1]))}`;
  };
  // The API's opensAt and closesAt are typed here as a day and a time each.
  const inputsOf = (field: string) =>
    field === 'opensAt' ? ['opensDay', 'opensTime'] : field === 'closesAt' ? ['closesDay', 'closesTime'] : [field];
  const dayInput = (name: string, value: string, id: string, label: string) => (
    <div className="staff-field">
      <label htmlFor={id}>{`${label} — ${t.day}`}</label>
      <DayField id={id} name={name} locale={locale} label={label} defaultValue={value} aria-describedby={`${id}-hint`} />
      <span className="staff-field__hint" id={`${id}-hint`}>
        {t.dayHint}
      </span>
    </div>
  );
  const timeInput = (name: string, value: string, id: string, label: string) => (
    <div className="staff-field">
      <label htmlFor={id}>{`${label} — ${t.time}`}</label>
      <input id={id} name={name} type="time" defaultValue={value} aria-describedby={`${id}-hint`} />
      <span className="staff-field__hint" id={`${id}-hint`}>
        {t.timeHint}
      </span>
    </div>
  );

  return (
    <ActionForm
      action={action}
      className="staff-form"
      fieldLabels={fieldLabels}
      labelOf={labelOf}
      inputsOf={inputsOf}
      labels={{ fieldLabel: t.fieldLabel, apiSays: t.apiSays }}
      aria-label={t.basics}
    >
      <input type="hidden" name="q.count" value={questions.length} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}

      <fieldset className="staff-fieldset staff-panel">
        <legend>{t.basics}</legend>
        <div className="staff-fields">
          <div className="staff-field">
            <label htmlFor="titleFa">{t.titleFa}</label>
            <input id="titleFa" name="titleFa" required maxLength={300} defaultValue={initial.titleFa} lang="fa" dir="rtl" />
          </div>
          <div className="staff-field">
            <label htmlFor="titleEn">
              {t.titleEn} <span className="staff-muted">{t.optional}</span>
            </label>
            <input id="titleEn" name="titleEn" maxLength={300} defaultValue={initial.titleEn} lang="en" dir="ltr" />
          </div>
          <div className="staff-field">
            <label htmlFor="descriptionFa">
              {t.descriptionFa} <span className="staff-muted">{t.optional}</span>
            </label>
            <textarea id="descriptionFa" name="descriptionFa" maxLength={10000} defaultValue={initial.descriptionFa} lang="fa" dir="rtl" />
          </div>
          <div className="staff-field">
            <label htmlFor="descriptionEn">
              {t.descriptionEn} <span className="staff-muted">{t.optional}</span>
            </label>
            <textarea id="descriptionEn" name="descriptionEn" maxLength={10000} defaultValue={initial.descriptionEn} lang="en" dir="ltr" />
          </div>
          <div className="staff-field">
            <label htmlFor="resultsVisibility">{t.visibility}</label>
            <select id="resultsVisibility" name="resultsVisibility" defaultValue={initial.resultsVisibility}>
              {VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {t.visibilities[v]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset className="staff-fieldset staff-panel">
        <legend>{t.schedule}</legend>
        <p className="staff-field__hint">{t.scheduleHint}</p>
        <div className="staff-fields staff-fields--pairs">
          {dayInput('opensDay', initial.opensDay, 'opensDay', t.opens)}
          {timeInput('opensTime', initial.opensTime, 'opensTime', t.opens)}
          {dayInput('closesDay', initial.closesDay, 'closesDay', t.closes)}
          {timeInput('closesTime', initial.closesTime, 'closesTime', t.closes)}
        </div>
      </fieldset>

      <fieldset className="staff-fieldset staff-panel">
        <legend>{t.targeting}</legend>
        <p className="staff-field__hint">{t.targetingHint}</p>
        <div className="staff-checks">
          {districts.map((d) => (
            <label key={d.id} className="staff-check">
              <input type="checkbox" name="districtIds" value={d.id} defaultChecked={initial.districtIds.includes(d.id)} />
              {d.name}
            </label>
          ))}
        </div>
        <label className="staff-check">
          <input type="checkbox" name="asksDistrict" defaultChecked={initial.asksDistrict} />
          {t.asksDistrict}
        </label>
      </fieldset>

      <fieldset className="staff-fieldset staff-panel">
        <legend>{pt.legend}</legend>
        <div className="staff-fields staff-fields--pairs">
          <div className="staff-field">
            <label htmlFor="assurance">{pt.assurance}</label>
            {locked && <input type="hidden" name="assurance" value={assurance} />}
            <select
              id="assurance"
              name={locked ? undefined : 'assurance'}
              disabled={locked}
              value={assurance}
              onChange={(e) => setAssurance(e.target.value as Assurance)}
              aria-describedby="assurance-hint"
            >
              {ASSURANCES.map((a) => (
                <option key={a} value={a}>
                  {pt.assurances[a]}
                </option>
              ))}
            </select>
            <span className="staff-field__hint" id="assurance-hint">
              {pt.assuranceHints[assurance]}
            </span>
          </div>
          <div className="staff-field">
            <label htmlFor="eligibilityListId">{pt.list}</label>
            {locked && <input type="hidden" name="eligibilityListId" value={initial.eligibilityListId} />}
            <select
              id="eligibilityListId"
              name={locked ? undefined : 'eligibilityListId'}
              disabled={locked}
              defaultValue={initial.eligibilityListId}
              aria-describedby="eligibilityListId-hint"
            >
              <option value="">{pt.noList}</option>
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {`${l.name} (${l.entryCount})`}
                </option>
              ))}
            </select>
            <span className="staff-field__hint" id="eligibilityListId-hint">
              {pt.listHint} <a href={listsHref}>{pt.manageLists}</a>
            </span>
          </div>
        </div>
      </fieldset>

      <section className="staff-form" aria-labelledby="questions-title">
        <h2 id="questions-title">{t.questions}</h2>
        {questions.map((q, qi) => {
          const key = q.id ?? `new-${qi}`;
          const base = `q${qi}`;
          return (
            <fieldset key={key} className="staff-question" data-question-index={qi}>
              <legend className="visually-hidden">{`${t.question} ${n(qi)}`}</legend>
              <div className="staff-question__head">
                <h3 aria-hidden="true">{`${t.question} ${n(qi)}`}</h3>
                <div className="staff-actions">
                  <button
                    type="button"
                    className="staff-button staff-button--quiet staff-button--small"
                    disabled={qi === 0}
                    onClick={() => move(qi, -1)}
                    aria-label={`${t.moveUp}: ${t.question} ${n(qi)}`}
                  >
                    {t.moveUp}
                  </button>
                  <button
                    type="button"
                    className="staff-button staff-button--quiet staff-button--small"
                    disabled={qi === questions.length - 1}
                    onClick={() => move(qi, 1)}
                    aria-label={`${t.moveDown}: ${t.question} ${n(qi)}`}
                  >
                    {t.moveDown}
                  </button>
                  <button
                    type="button"
                    className="staff-button staff-button--danger staff-button--small"
                    disabled={questions.length === 1 || (locked && !!q.id)}
                    onClick={() => setQuestions((qs) => qs.filter((_, i) => i !== qi))}
                    aria-label={`${t.removeQuestion}: ${t.question} ${n(qi)}`}
                  >
                    {t.removeQuestion}
                  </button>
                </div>
              </div>
              {q.id && <input type="hidden" name={questionField(qi, 'id')} value={q.id} />}
              <div className="staff-fields">
                <div className="staff-field">
                  <label htmlFor={`${base}-kind`}>{t.kind}</label>
                  {locked && q.id && <input type="hidden" name={questionField(qi, 'kind')} value={q.kind} />}
                  <select
                    id={`${base}-kind`}
                    name={locked && q.id ? undefined : questionField(qi, 'kind')}
                    disabled={locked && !!q.id}
                    value={q.kind}
                    onChange={(e) => setKind(qi, e.target.value as QuestionKind)}
                  >
                    {QUESTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.kinds[k]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="staff-field">
                  <label htmlFor={`${base}-promptFa`}>{t.promptFa}</label>
                  <input
                    id={`${base}-promptFa`}
                    name={questionField(qi, 'promptFa')}
                    required
                    maxLength={500}
                    value={q.promptFa}
                    onChange={(e) => update(qi, { promptFa: e.target.value })}
                    lang="fa"
                    dir="rtl"
                  />
                </div>
                <div className="staff-field">
                  <label htmlFor={`${base}-promptEn`}>
                    {t.promptEn} <span className="staff-muted">{t.optional}</span>
                  </label>
                  <input
                    id={`${base}-promptEn`}
                    name={questionField(qi, 'promptEn')}
                    maxLength={500}
                    value={q.promptEn}
                    onChange={(e) => update(qi, { promptEn: e.target.value })}
                    lang="en"
                    dir="ltr"
                  />
                </div>
                {q.kind === 'MULTIPLE_CHOICE' && (
                  <div className="staff-field">
                    <label htmlFor={`${base}-maxChoices`}>
                      {t.maxChoices} <span className="staff-muted">{t.optional}</span>
                    </label>
                    <input
                      id={`${base}-maxChoices`}
                      name={questionField(qi, 'maxChoices')}
                      type="number"
                      min={1}
                      max={30}
                      value={q.maxChoices}
                      onChange={(e) => update(qi, { maxChoices: e.target.value })}
                    />
                  </div>
                )}
                {q.kind === 'FREE_TEXT' && (
                  <div className="staff-field">
                    <label htmlFor={`${base}-maxLength`}>
                      {t.maxLength} <span className="staff-muted">{t.optional}</span>
                    </label>
                    <input
                      id={`${base}-maxLength`}
                      name={questionField(qi, 'maxLength')}
                      type="number"
                      min={1}
                      max={5000}
                      value={q.maxLength}
                      onChange={(e) => update(qi, { maxLength: e.target.value })}
                    />
                  </div>
                )}
              </div>
              <label className="staff-check">
                <input
                  type="checkbox"
                  name={questionField(qi, 'required')}
                  checked={q.required}
                  onChange={(e) => update(qi, { required: e.target.checked })}
                />
                {t.required}
              </label>
              {isChoice(q.kind) && (
                <fieldset className="staff-fieldset">
                  <legend>{t.options}</legend>
                  <input type="hidden" name={questionField(qi, 'o.count')} value={q.options.length} />
                  {q.options.map((o, oi) => (
                    <div className="staff-option" key={o.id ?? `new-${oi}`}>
                      <div className="staff-field">
                        {/* Inside the field, not before it: on a phone the option's grid places its children by position. */}
                        {o.id && <input type="hidden" name={optionField(qi, oi, 'id')} value={o.id} />}
                        <label htmlFor={`${base}-o${oi}-fa`}>{`${t.labelFa} ${n(oi)}`}</label>
                        <input
                          id={`${base}-o${oi}-fa`}
                          name={optionField(qi, oi, 'labelFa')}
                          maxLength={300}
                          value={o.labelFa}
                          onChange={(e) =>
                            update(qi, { options: q.options.map((x, i) => (i === oi ? { ...x, labelFa: e.target.value } : x)) })
                          }
                          lang="fa"
                          dir="rtl"
                        />
                      </div>
                      <div className="staff-field">
                        <label htmlFor={`${base}-o${oi}-en`}>{`${t.labelEn} ${n(oi)}`}</label>
                        <input
                          id={`${base}-o${oi}-en`}
                          name={optionField(qi, oi, 'labelEn')}
                          maxLength={300}
                          value={o.labelEn}
                          onChange={(e) =>
                            update(qi, { options: q.options.map((x, i) => (i === oi ? { ...x, labelEn: e.target.value } : x)) })
                          }
                          lang="en"
                          dir="ltr"
                        />
                      </div>
                      <button
                        type="button"
                        className="staff-button staff-button--danger staff-button--small"
                        disabled={q.options.length <= 2 || (locked && !!o.id)}
                        onClick={() => update(qi, { options: q.options.filter((_, i) => i !== oi) })}
                        aria-label={`${t.removeOption} ${n(oi)}`}
                      >
                        {t.removeOption}
                      </button>
                    </div>
                  ))}
                  <div>
                    <button
                      type="button"
                      className="staff-button staff-button--quiet staff-button--small"
                      onClick={() => update(qi, { options: [...q.options, blankOption()] })}
                      disabled={q.options.length >= 30}
                    >
                      {t.addOption}
                    </button>
                  </div>
                </fieldset>
              )}
            </fieldset>
          );
        })}
        <div>
          <button
            type="button"
            className="staff-button staff-button--quiet"
            onClick={() => setQuestions((qs) => [...qs, blankQuestion()])}
            disabled={questions.length >= 50}
          >
            {t.addQuestion}
          </button>
        </div>
      </section>

      <SubmitRow row="staff-actions">{t.submit}</SubmitRow>
    </ActionForm>
  );
}
