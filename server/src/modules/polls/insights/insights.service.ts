import { type DataSource } from 'typeorm';
import { badInput, notFound } from '../../../common/errors';
import { decodeCursor, type Page, toPage } from '../../../common/pagination';
import { type District } from '../../districts/district.entity';
import { type DistrictService } from '../../districts/district.service';
import { Poll } from '../poll.entity';
import { QuestionKind } from '../poll.enums';
import { isChoice, type PollDefinition } from '../poll-definition';
import { buildQuestionResults } from '../poll-results.service';
import { discloseQuestion, discloseResults, oneWayCounts, oneWayDisclosure } from '../poll-disclosure';
import { type PollService } from '../poll.service';
import { type PollTallyService, type TallyRow } from '../poll-tally.service';
import { type QuestionResult } from '../poll.types';
import { MIN_CELL } from './cells';
import { type CrosstabRowData, districtBreakdown, districtCrosstab, type OneWay, questionCrosstab } from './crosstab';
import { type FreeTextAnswer, PollInsights, type QuestionWaves } from './insights.types';
import { questionTrend, type TrendDayData } from './trend';
import { matchQuestion, meanDifference, npsDifference, proportionDifference } from './waves';
import { weightedResult, type WeightedResultData } from './weighting';
import { isContentWord, type WordCountData } from './words';

type Question = PollDefinition['questions'][number];
interface WaveFigures {
  poll: Poll;
  result: QuestionResult | null;
  raw: QuestionResult | null;
}

export const MAX_TOP_WORDS = 100;
/** API keys see only words used by at least this many respondents: a rarer word may be a name. */
export const MIN_WORD_RESPONDENTS = 5;

/**
 * One request's reads of one poll, each made at most once and only when a field asks for it:
 * results, crosstabs by district and weighted results all come from the one district-keyed tally
 * read; trends from the day-keyed one.
 */
export class InsightsSource {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly definition: PollDefinition,
    private readonly tallies: PollTallyService,
    private readonly districtService: DistrictService,
  ) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) this.memo.set(key, (value = load()));
    return value;
  }

  get pollId(): string {
    return this.definition.poll.id;
  }

  answersByDistrict(): Promise<TallyRow[]> {
    return this.once('district', () => this.tallies.answers(this.pollId, 'district'));
  }

  answersByDay(): Promise<TallyRow[]> {
    return this.once('day', () => this.tallies.answers(this.pollId, 'day'));
  }

  responseCount(): Promise<number> {
    return this.once('responses', async () => (await this.tallies.responses(this.pollId)).reduce((s, r) => s + r.count, 0));
  }

  /** Results per question, every count (for breakdowns to start from; never returned as such). */
  rawResults(): Promise<QuestionResult[]> {
    return this.once('raw', async () => buildQuestionResults(this.definition, await this.answersByDistrict()));
  }

  /** A question's own counts and what of them is published: what each breakdown of it must respect. */
  async oneWay(question: Question): Promise<OneWay> {
    const raw = (await this.rawResults())[this.definition.questions.indexOf(question)];
    return {
      counts: oneWayCounts(raw),
      answered: raw.answeredCount,
      disclosure: oneWayDisclosure(question, raw, this.definition.poll.minResponses),
    };
  }

  /** Results per question, disclosure-controlled like the public results. */
  results(): Promise<QuestionResult[]> {
    return this.once('results', async () => {
      const raw = await this.rawResults();
      return Promise.all(
        this.definition.questions.map(async (q, i) =>
          discloseQuestion(q, raw[i], this.definition.poll.minResponses, (await this.oneWay(q)).disclosure),
        ),
      );
    });
  }

  /** The districts the poll covers (those it is limited to, or the whole city's in use), and any that have answers, by number. */
  districts(): Promise<District[]> {
    return this.once('districts', async () => {
      const [all, rows] = [await this.districtService.list(), await this.answersByDistrict()];
      const targeted = new Set(this.definition.poll.districtIds);
      const answered = new Set(rows.map((r) => r.districtId));
      // A whole-city poll covers the districts in use, and a retired one only where it has answers.
      if (!targeted.size) return all.filter((d) => !d.retiredAt || answered.has(d.id));
      return all.filter((d) => targeted.has(d.id) || answered.has(d.id));
    });
  }
}

/** Opinion insights for staff: breakdowns, trends, weighting, free text and waves of one poll. */
export class PollInsightsService {
  constructor(
    private readonly db: DataSource,
    private readonly polls: PollService,
    private readonly tallies: PollTallyService,
    private readonly districts: DistrictService,
    private readonly timeZone: string,
  ) {}

  /** The poll's insights root; NOT_FOUND when there is no such poll. Nothing else is read yet. */
  async open(pollId: string): Promise<PollInsights> {
    const definition = await this.polls.definition(pollId);
    if (!definition) throw notFound('Poll');
    return Object.assign(new PollInsights(), {
      poll: definition.poll,
      minCellSize: MIN_CELL,
      definition,
    });
  }

  /** One request's reads of a poll's tallies, shared by the fields that need them (see the loaders). */
  source(definition: PollDefinition): InsightsSource {
    return new InsightsSource(definition, this.tallies, this.districts);
  }

  async crosstab(
    source: InsightsSource,
    questionId: string,
    byQuestionId: string | null,
  ): Promise<{ question: Question; byQuestion: Question | null; rows: CrosstabRowData[] }> {
    const minResponses = source.definition.poll.minResponses;
    if (byQuestionId === null) {
      const question = this.question(
        source,
        questionId,
        'questionId',
        (k) => k !== QuestionKind.FREE_TEXT,
        'a choice, RATING or NPS question',
      );
      const [rows, districts, oneWay] = [await source.answersByDistrict(), await source.districts(), await source.oneWay(question)];
      return { question, byQuestion: null, rows: districtCrosstab(question, rows, districts, oneWay, minResponses) };
    }
    const question = this.question(
      source,
      questionId,
      'questionId',
      isChoice,
      'a choice question (RATING and NPS break down by district only)',
    );
    if (byQuestionId === question.id)
      throw badInput(
        'A question cannot be broken down by itself: pass another question, or no byQuestionId for districts.',
        'byQuestionId',
      );
    const byQuestion = this.question(source, byQuestionId, 'byQuestionId', isChoice, 'a choice question');
    const rows = await this.tallies.pairs(source.pollId, question.id, byQuestion.id);
    return { question, byQuestion, rows: questionCrosstab(question, byQuestion, rows, await source.oneWay(question), minResponses) };
  }

  async trend(source: InsightsSource, questionId: string): Promise<{ question: Question; days: TrendDayData[] }> {
    const question = this.question(source, questionId, 'questionId');
    return { question, days: questionTrend(question, await source.answersByDay(), await source.oneWay(question)) };
  }

  async weighted(source: InsightsSource): Promise<WeightedResultData[]> {
    const [results, rows, districts] = [await source.results(), await source.answersByDistrict(), await source.districts()];
    const minResponses = source.definition.poll.minResponses;
    return Promise.all(
      source.definition.questions
        .map((question, i) => ({ question, raw: results[i] }))
        .filter(({ question }) => question.kind !== QuestionKind.FREE_TEXT)
        .map(async ({ question, raw }) => {
          // The district rows are withheld exactly as in the question's crosstab by district.
          const { disclosure } = districtBreakdown(question, rows, districts, await source.oneWay(question), minResponses);
          return weightedResult(question, raw, rows, districts, disclosure);
        }),
    );
  }

  /** A free-text question's answers, newest first (by the hour they arrived, then by id). */
  async freeTextAnswers(
    source: InsightsSource,
    questionId: string,
    page: { first: number; after?: string | null },
  ): Promise<Page<FreeTextAnswer>> {
    const question = this.question(source, questionId, 'questionId', (k) => k === QuestionKind.FREE_TEXT, 'a FREE_TEXT question');
    const params: unknown[] = [question.id, this.timeZone, page.first + 1];
    let after = '';
    if (page.after) {
      const [submittedAt, id] = decodeCursor(page.after, ['instant', 'uuid']) as [string, string];
      params.push(submittedAt, id);
      after = 'AND (r.submitted_at, a.response_id) < ($4::timestamptz, $5::uuid)';
    }
    const [rows, [{ total }]] = [
      (await this.db.query(
        `SELECT a.response_id AS id, a.text, r.submitted_at, (r.submitted_at AT TIME ZONE $2)::date::text AS day, r.district_id
         FROM poll_answer a JOIN poll_response r ON r.id = a.response_id
         WHERE a.question_id = $1 AND a.text IS NOT NULL AND NOT r.quarantined ${after}
         ORDER BY r.submitted_at DESC, a.response_id DESC LIMIT $3`,
        params,
      )) as Array<{ id: string; text: string; submitted_at: Date; day: string; district_id: string | null }>,
      (await this.db.query(
        'SELECT count(*)::int AS total FROM poll_answer a JOIN poll_response r ON r.id = a.response_id WHERE a.question_id = $1 AND a.text IS NOT NULL AND NOT r.quarantined',
        [question.id],
      )) as Array<{ total: number }>,
    ];
    return toPage(
      rows.map((r) => ({ id: r.id, text: r.text, day: r.day, districtId: r.district_id, submittedAt: r.submitted_at })),
      page.first,
      total,
      (r) => [r.submittedAt.toISOString(), r.id],
    );
  }

  /**
   * The most frequent words of a free-text question, from the word tally (folded with the other
   * tallies; never a scan of the answers). API keys (`forPartner`) see only words that at least
   * MIN_WORD_RESPONDENTS respondents used: a rarer word may be a name or a street number.
   */
  async wordFrequency(
    source: InsightsSource,
    questionId: string,
    top: number,
    forPartner: boolean,
  ): Promise<{ question: Question; answerCount: number; words: WordCountData[] }> {
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP_WORDS) throw badInput(`top must be 1 to ${MAX_TOP_WORDS}.`, 'top');
    const question = this.question(source, questionId, 'questionId', (k) => k === QuestionKind.FREE_TEXT, 'a FREE_TEXT question');
    const [rows, results] = [await this.tallies.words(source.pollId, question.id), await source.rawResults()];
    const words = rows
      .filter((r) => isContentWord(r.word) && (!forPartner || r.answers >= MIN_WORD_RESPONDENTS))
      .map((r) => ({ word: r.word, count: r.occurrences, answerCount: r.answers }))
      .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, top);
    return { question, answerCount: results[source.definition.questions.indexOf(question)].answeredCount, words };
  }

  /**
   * Each question of the poll across every wave of its series (each wave's results disclosed like
   * its own), and its change between the last two waves with answers: computed from the counts, and
   * only from figures both waves publish (an option withheld in either has no change; a mean or an
   * NPS only when both waves show it).
   */
  async waves(source: InsightsSource): Promise<QuestionWaves[]> {
    const series = await this.db.getRepository(Poll).find({ where: { seriesId: source.definition.poll.seriesId }, order: { wave: 'ASC' } });
    const waves: Array<{ definition: PollDefinition; results: QuestionResult[]; raw: QuestionResult[] }> = [];
    for (const poll of series) {
      if (poll.id === source.pollId) {
        waves.push({ definition: source.definition, results: await source.results(), raw: await source.rawResults() });
        continue;
      }
      const definition = await this.polls.definition(poll.id);
      if (!definition) continue;
      const raw = buildQuestionResults(definition, await this.tallies.answers(poll.id));
      waves.push({ definition, raw, results: discloseResults(definition, raw) });
    }
    return source.definition.questions.map((question) => {
      const perWave = waves.map(({ definition, results, raw }) => {
        const copy = matchQuestion(question, definition);
        const i = copy ? definition.questions.indexOf(copy) : -1;
        return { poll: definition.poll, result: copy ? results[i] : null, raw: copy ? raw[i] : null };
      });
      const answered = perWave.filter((w) => w.result && !w.result.withheld && w.result.answeredCount > 0);
      const [before, after] = answered.slice(-2);
      return { question, waves: perWave.map(({ poll, result }) => ({ poll, result })), change: after ? this.change(before, after) : null };
    });
  }

  private change(before: WaveFigures, after: WaveFigures): QuestionWaves['change'] {
    const [from, to, fromShown, toShown] = [before.raw!, after.raw!, before.result!, after.result!];
    const options = to.options.flatMap((o, i) => {
      const k = from.options.findIndex((e) => e.option.position === o.option.position);
      if (k < 0 || fromShown.options[k].suppressed || toShown.options[i].suppressed) return [];
      const earlier = from.options[k];
      const change = proportionDifference(earlier.count, from.answeredCount, o.count, to.answeredCount);
      return change ? [{ option: o.option, fromShare: earlier.share, toShare: o.share, change }] : [];
    });
    return {
      from: before.poll,
      to: after.poll,
      options,
      mean:
        from.rating && to.rating && !fromShown.rating!.suppressed && !toShown.rating!.suppressed
          ? meanDifference(from.rating.distribution, to.rating.distribution)
          : null,
      npsScore:
        from.nps && to.nps && !fromShown.nps!.suppressed && !toShown.nps!.suppressed
          ? npsDifference(from.nps.distribution, to.nps.distribution)
          : null,
    };
  }

  /** A question of this poll, or BAD_USER_INPUT naming the argument. */
  private question(
    source: InsightsSource,
    id: string,
    field: string,
    accepts: (kind: QuestionKind) => boolean = () => true,
    what = '',
  ): Question {
    const question = source.definition.questions.find((q) => q.id === id);
    if (!question) throw badInput('No such question in this poll.', field);
    if (!accepts(question.kind)) throw badInput(`This needs ${what}; the question is ${question.kind}.`, field);
    return question;
  }
}
