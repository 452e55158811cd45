import { QuestionKind } from '../poll.enums';
import { ANSWERED, type TallyRow } from '../poll-tally.service';
import { choiceRows, oneWayOf, type Question, tallyRow } from './tally-rows.fixtures';
import { daysBetween, questionTrend } from './trend';

const trend = (question: Question, rows: TallyRow[]) => questionTrend(question, rows, oneWayOf(question, rows, 10));
const day = (d: string, optionId: string | null, count: number, number?: number | null, questionId = 'q') =>
  tallyRow({ day: d }, optionId, count, questionId, number);

describe('daysBetween', () => {
  it('lists calendar days across a month and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-03-20', '2026-03-20')).toEqual(['2026-03-20']);
  });
});

describe('questionTrend', () => {
  const choice = { id: 'q', kind: QuestionKind.SINGLE_CHOICE, options: [{ id: 'y' }, { id: 'n' }] } as unknown as Question;

  it("gives each option's share of the day's answers, fills days without answers with 0, and suppresses small cells with complements", () => {
    const days = trend(choice, [
      ...choiceRows({ day: '2026-03-03' }, { y: 6, n: 4 }),
      ...choiceRows({ day: '2026-03-01' }, { y: 5, n: 3 }),
      day('2026-03-01', null, 99, ANSWERED, 'other'),
    ]);
    // The 3 and the 4 are withheld; with the days' counts shown the 5 and the 6 would give them away.
    expect(days.map((d) => [d.day, d.answeredCount, d.suppressed, d.options.map((o) => o.count)])).toEqual([
      ['2026-03-01', 8, false, [null, null]],
      ['2026-03-02', 0, false, [0, 0]],
      ['2026-03-03', 10, false, [null, null]],
    ]);
  });

  it("gives a rating question's daily mean; a day under 5 answers is withheld, with another day so the total does not give it away", () => {
    const rating = { id: 'q', kind: QuestionKind.RATING, options: [] } as unknown as Question;
    const days = trend(rating, [
      day('2026-03-01', null, 10),
      day('2026-03-01', null, 5, 5),
      day('2026-03-01', null, 5, 2),
      day('2026-03-02', null, 5),
      day('2026-03-02', null, 5, 4),
      day('2026-03-03', null, 3),
      day('2026-03-03', null, 3, 5),
    ]);
    expect(days.map((d) => [d.answeredCount, d.mean])).toEqual([
      [10, 3.5],
      [null, null],
      [null, null],
    ]);
  });

  it('is empty without answers', () => {
    expect(trend(choice, [])).toEqual([]);
  });
});
