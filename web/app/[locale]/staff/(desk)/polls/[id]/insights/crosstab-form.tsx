'use client';

import { useState } from 'react';
import { breakdownsFor, type BreakdownQuestion as Question } from './breakdowns';

interface CrosstabFormProps {
  action: string;
  /** Questions that can be broken down: choice, RATING and NPS. */
  questions: Question[];
  questionId: string;
  byId: string | null;
  /** Whether the poll asks the district: if not, districts are not on offer. */
  asksDistrict: boolean;
  /** The page's other choices, kept when this form is sent. */
  hidden: Record<string, string | undefined>;
  text: { title: string; question: string; by: string; byDistrict: string; byQuestion: string; show: string };
}

/**
 * The crosstab's question and "break down by" lists. The second list follows the first as soon as
 * the question changes (it never offers the question itself, nor districts when the poll does not
 * ask them), so no crosstab of a question with itself can be asked for. Without JavaScript the page
 * renders the list for the question shown.
 */
export function CrosstabForm({ action, questions, questionId, byId, asksDistrict, hidden, text }: CrosstabFormProps) {
  const [selected, setSelected] = useState(questionId);
  const question = questions.find((q) => q.id === selected);
  const choices = breakdownsFor(question, questions);
  const [by, setBy] = useState(byId ?? 'district');
  const byValue = choices.some((q) => q.id === by) ? by : asksDistrict ? 'district' : (choices[0]?.id ?? '');
  return (
    <form method="get" action={action} className="staff-fields" aria-label={text.title}>
      {Object.entries(hidden).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <div className="staff-field">
        <label htmlFor="crosstab-q">{text.question}</label>
        <select id="crosstab-q" name="q" value={selected} onChange={(e) => setSelected(e.target.value)}>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.prompt}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field">
        <label htmlFor="crosstab-by">{text.by}</label>
        <select id="crosstab-by" name="by" value={byValue} onChange={(e) => setBy(e.target.value)}>
          {asksDistrict && <option value="district">{text.byDistrict}</option>}
          {choices.map((q) => (
            <option key={q.id} value={q.id}>
              {text.byQuestion.replace('{q}', q.prompt)}
            </option>
          ))}
        </select>
      </div>
      <div className="staff-field" style={{ justifyContent: 'end' }}>
        <button type="submit" className="staff-button">
          {text.show}
        </button>
      </div>
    </form>
  );
}
