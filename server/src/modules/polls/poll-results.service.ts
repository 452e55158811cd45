import { notFound } from '../../common/errors';
import { type PollDefinition, isChoice } from './poll-definition';
import { NPS_RANGE, QuestionKind, RATING_RANGE } from './poll.enums';
import { type PollService } from './poll.service';
import { ANSWERED, type PollTallyService, type TallyRow } from './poll-tally.service';
import { type PollResults, type QuestionResult, type ValueResult } from './poll.types';
import { mean, meanInterval, nps, wilson } from './stats';
import { discloseResults } from './poll-disclosure';

function distribution(rows: TallyRow[], range: { min: number; max: number }): Map<number, number> {
  const d = new Map<number, number>();
  for (let v = range.min; v <= range.max; v++) d.set(v, 0);
  for (const r of rows) if (r.number !== null && r.number >= range.min) d.set(r.number, (d.get(r.number) ?? 0) + r.count);
  return d;
}

function values(d: Map<number, number>, answered: number): ValueResult[] {
  return [...d].map(([value, count]) => ({ value, count, share: answered ? count / answered : 0, suppressed: false }));
}

/** Builds a poll's results from its tallies and its definition: every count, before disclosure control (discloseResults). */
export function buildQuestionResults(definition: PollDefinition, rows: TallyRow[]): QuestionResult[] {
  const byQuestion = new Map<string, TallyRow[]>();
  for (const row of rows) byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row]);
  return definition.questions.map((question) => {
    const qRows = byQuestion.get(question.id) ?? [];
    const answeredCount = qRows.filter((r) => r.number === ANSWERED).reduce((s, r) => s + r.count, 0);
    const result: QuestionResult = { question, answeredCount, options: [], rating: null, nps: null, withheld: false, responsesNeeded: 0 };
    if (isChoice(question.kind)) {
      result.options = question.options.map((option) => {
        const count = qRows.filter((r) => r.optionId === option.id).reduce((s, r) => s + r.count, 0);
        return {
          option,
          count,
          share: answeredCount ? count / answeredCount : 0,
          confidenceInterval: wilson(count, answeredCount),
          suppressed: false,
        };
      });
    } else if (question.kind === QuestionKind.RATING) {
      const d = distribution(qRows, RATING_RANGE);
      result.rating = { mean: mean(d), confidenceInterval: meanInterval(d), distribution: values(d, answeredCount), suppressed: false };
    } else if (question.kind === QuestionKind.NPS) {
      const d = distribution(qRows, NPS_RANGE);
      result.nps = { ...nps(d), distribution: values(d, answeredCount), suppressed: false };
    }
    return result;
  });
}

export class PollResultsService {
  constructor(
    private readonly polls: PollService,
    private readonly tallies: PollTallyService,
  ) {}

  async results(pollId: string): Promise<PollResults> {
    const definition = await this.polls.definition(pollId);
    if (!definition) throw notFound('Poll');
    const [rows, responses] = [await this.tallies.answers(pollId), await this.tallies.responses(pollId)];
    return {
      poll: definition.poll,
      responseCount: responses.reduce((s, r) => s + r.count, 0),
      // Disclosure control for every reader (the public, staff, partners, the live subscription, goal
      // indicators, the results CSV): an analyst who needs every answer exports the responses.
      questions: discloseResults(definition, buildQuestionResults(definition, rows)),
    };
  }
}
