import { type Locale, pick } from '../../common/locale';
import { QuestionKind } from '../polls/poll.enums';
import { type PollResults } from '../polls/poll.types';
import { wilson } from '../polls/stats';
import { type Cell } from './csv';

export const RESULTS_HEADER = [
  'question_position',
  'question_id',
  'question_kind',
  'question',
  'option_id',
  'value',
  'count',
  'answered',
  'share',
  'wilson_low',
  'wilson_high',
  'suppressed',
] as const;

/** Six decimals are finer than any poll can measure and keep the sheet readable. */
const round = (x: number | null | undefined) => (x == null ? null : Math.round(x * 1e6) / 1e6);

/**
 * One row per option of a choice question and per value of a RATING (1–5) or NPS (0–10) question,
 * with its count, its share of the responses that answered the question and the 95 % Wilson
 * interval of that share. FREE_TEXT questions have no counts: their answers are in responses.csv.
 * Disclosure control as everywhere (poll-disclosure.ts): a withheld count, share and interval are
 * empty with `suppressed` true (a question under the poll's minimum withholds every row).
 */
export function* resultRows(results: PollResults, locale: Locale): Generator<Cell[]> {
  yield [...RESULTS_HEADER];
  for (const q of results.questions) {
    const { question, answeredCount } = q;
    const head = [
      question.position,
      question.id,
      question.kind,
      pick({ fa: question.promptFa, en: question.promptEn }, locale) ?? question.promptFa,
    ];
    for (const o of q.options) {
      const label = pick({ fa: o.option.labelFa, en: o.option.labelEn }, locale) ?? o.option.labelFa;
      yield o.suppressed
        ? [...head, o.option.id, label, null, answeredCount, null, null, null, 'true']
        : [
            ...head,
            o.option.id,
            label,
            o.count,
            answeredCount,
            round(o.share),
            round(o.confidenceInterval?.low),
            round(o.confidenceInterval?.high),
            'false',
          ];
    }
    const distribution =
      question.kind === QuestionKind.RATING ? q.rating?.distribution : question.kind === QuestionKind.NPS ? q.nps?.distribution : undefined;
    for (const v of distribution ?? []) {
      if (v.suppressed) {
        yield [...head, null, v.value, null, answeredCount, null, null, null, 'true'];
        continue;
      }
      const interval = wilson(v.count, answeredCount);
      yield [...head, null, v.value, v.count, answeredCount, round(v.share), round(interval?.low), round(interval?.high), 'false'];
    }
  }
}
