import { QuestionKind } from '../poll.enums';
import { type PollDefinition } from '../poll-definition';
import { ANSWERED, type TallyRow } from '../poll-tally.service';
import { daysBetween, questionTrend } from './trend';

type Question = PollDefinition['questions'][number];
const day = (d: string, optionId: string | null, count: number, number: number | null = optionId ? null : ANSWERED, questionId = 'q'): TallyRow => ({
  questionId,
  optionId,
  number,
  districtId: null,
  day: d,
  count,
});

describe('daysBetween', () => {
  it('lists calendar days across a month and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-03-20', '2026-03-20')).toEqual(['2026-03-20']);
  });
});

describe('questionTrend', () => {
  const choice = { id: 'q', kind: QuestionKind.SINGLE_CHOICE, options: [{ id: 'y' }, { id: 'n' }] } as unknown as Question;

  it('gives each option\'s share of the day\'s answers, fills days without answers, and suppresses small days and cells', () => {
    const days = questionTrend(choice, [
      day('2026-03-03', null, 10), day('2026-03-03', 'y', 6), day('2026-03-03', 'n', 4),
      day('2026-03-01', null, 8), day('2026-03-01', 'y', 5), day('2026-03-01', 'n', 3),
      day('2026-03-01', null, 99, ANSWERED, 'other'),
    ]);
    expect(days.map((d) => [d.day, d.answeredCount, d.suppressed, d.options.map((o) => o.count)])).toEqual([
      ['2026-03-01', 8, false, [5, null]],
      ['2026-03-02', null, true, [null, null]],
      ['2026-03-03', 10, false, [6, null]],
    ]);
    expect(days[2].options[0].share).toBeCloseTo(0.6, 12);
  });

  it('gives a rating question\'s daily mean, withheld on a day with fewer than 5 answers', () => {
    const rating = { id: 'q', kind: QuestionKind.RATING, options: [] } as unknown as Question;
    const days = questionTrend(rating, [
      day('2026-03-01', null, 5), day('2026-03-01', null, 2, 5), day('2026-03-01', null, 3, 2),
      day('2026-03-02', null, 4), day('2026-03-02', null, 4, 5),
    ]);
    expect(days.map((d) => d.mean)).toEqual([(2 * 5 + 3 * 2) / 5, null]);
  });

  it('is empty without answers', () => {
    expect(questionTrend(choice, [])).toEqual([]);
  });
});
