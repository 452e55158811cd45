import { type District } from '../../districts/district.entity';
import { type PollOption } from '../poll.entity';
import { isChoice, type PollDefinition } from '../poll-definition';
import { NPS_RANGE, QuestionKind, RATING_RANGE } from '../poll.enums';
import { ANSWERED, type TallyRow } from '../poll-tally.service';
import { type Interval, mean, nps, wilson } from '../stats';
import { type QuestionResult } from '../poll.types';
import { type BreakdownDisclosure } from './breakdown-disclosure';

type Question = PollDefinition['questions'][number];
const Z95 = 1.959963984540054;

export interface WeightingInputData {
  district: District;
  population: number;
  populationSource: string | null;
  populationYear: number | null;
  populationAsOf: Date;
  populationShare: number | null;
  answeredCount: number | null;
  sampleShare: number | null;
  weight: number | null;
  suppressed: boolean;
}

export interface WeightedOptionData {
  option: PollOption;
  rawShare: number;
  rawConfidenceInterval: Interval | null;
  weightedShare: number | null;
  weightedConfidenceInterval: Interval | null;
  suppressed: boolean;
}

export interface WeightedResultData {
  question: Question;
  answeredCount: number;
  weightedBase: number;
  withoutDistrictCount: number;
  withoutDistrictSuppressed: boolean;
  smallDistrictCount: number;
  partlyWithheldDistrictCount: number;
  populationCoverage: number;
  effectiveSampleSize: number | null;
  options: WeightedOptionData[];
  rating: { rawMean: number | null; weightedMean: number | null; weightedConfidenceInterval: Interval | null } | null;
  nps: { rawScore: number | null; weightedScore: number | null } | null;
  districts: WeightingInputData[];
}

interface Stratum {
  district: District;
  n: number;
  options: Map<string, number>;
  values: Map<number, number>;
}

function sampleVariance(values: Map<number, number>, n: number): number {
  const m = mean(values) ?? 0;
  let squares = 0;
  for (const [v, c] of values) squares += c * (v - m) ** 2;
  return n > 1 ? squares / (n - 1) : 0;
}

/**
 * Post-stratification by district population. Districts whose row the district breakdown withholds
 * (fewer than the poll's minimum, or hidden as a complement) or shows with a withheld cell, and
 * respondents who gave no district, are left out; over the districts kept (d):
 *   π_d = population_d ÷ Σ population,  s_d = n_d ÷ N (N = Σ n_d),  w_d = π_d ÷ s_d,
 *   weighted share = Σ_d w_d·c_d ÷ Σ_d w_d·n_d = Σ_d π_d·(c_d ÷ n_d),
 *   effective sample size (Kish) = (Σ_i w_i)² ÷ Σ_i w_i² = N² ÷ Σ_d n_d·w_d²,
 * the share's interval is Wilson's at the effective sample size; the weighted mean's is
 * ± z·√(Σ_d π_d²·var_d ÷ n_d). `districts` are those the poll covers, in display order.
 */
export function weightedResult(
  question: Question,
  raw: QuestionResult,
  rows: TallyRow[],
  districts: District[],
  breakdown: BreakdownDisclosure,
): WeightedResultData {
  const strata = new Map<string, Stratum>(
    districts.map((district) => [district.id, { district, n: 0, options: new Map(), values: new Map() }]),
  );
  let withoutDistrict = 0;
  for (const r of rows) {
    if (r.questionId !== question.id) continue;
    const stratum = r.districtId ? strata.get(r.districtId) : undefined;
    if (r.number === ANSWERED) {
      if (stratum) stratum.n += r.count;
      else withoutDistrict += r.count;
    } else if (!stratum) {
      continue;
    } else if (r.optionId) {
      stratum.options.set(r.optionId, (stratum.options.get(r.optionId) ?? 0) + r.count);
    } else if (r.number !== null) {
      stratum.values.set(r.number, (stratum.values.get(r.number) ?? 0) + r.count);
    }
  }

  // The breakdown's rows are `districts` in order, then those without a district when there are any.
  const rowOf = new Map(districts.map((d, i) => [d.id, i]));
  const isHidden = (s: Stratum) => breakdown.rowHidden[rowOf.get(s.district.id)!];
  const noDistrictHidden = withoutDistrict > 0 && (breakdown.rowHidden[districts.length] ?? true);
  // A weighted figure is a sum over its districts' cells with published weights: it would give a
  // withheld cell away, so only districts whose row, every cell and mean or score are shown are in it.
  const complete = (s: Stratum) => {
    const r = rowOf.get(s.district.id)!;
    return !breakdown.rowHidden[r] && !breakdown.rowSummaryHidden[r] && breakdown.cellHidden[r].every((h) => !h);
  };
  const kept = [...strata.values()].filter((s) => complete(s) && s.n > 0 && s.district.population > 0);
  const population = kept.reduce((sum, s) => sum + s.district.population, 0);
  const allPopulation = districts.reduce((sum, d) => sum + d.population, 0);
  const n = kept.reduce((sum, s) => sum + s.n, 0);
  const pi = (s: Stratum) => s.district.population / population;
  const weight = (s: Stratum) => pi(s) / (s.n / n);
  const effective = kept.length ? n ** 2 / kept.reduce((sum, s) => sum + s.n * weight(s) ** 2, 0) : null;
  const stratified = (f: (s: Stratum) => number) => (kept.length ? kept.reduce((sum, s) => sum + pi(s) * f(s), 0) : null);

  const options = isChoice(question.kind)
    ? question.options.map((option, i) => {
        const share = stratified((s) => (s.options.get(option.id) ?? 0) / s.n);
        return {
          option,
          rawShare: raw.options[i].share,
          rawConfidenceInterval: raw.options[i].confidenceInterval,
          weightedShare: share,
          weightedConfidenceInterval: share === null || effective === null ? null : wilson(share * effective, effective),
          suppressed: raw.options[i].suppressed,
        };
      })
    : [];

  const inRange = (s: Stratum, range: { min: number; max: number }) =>
    new Map([...s.values].filter(([v]) => v >= range.min && v <= range.max));
  let rating: WeightedResultData['rating'] = null;
  if (question.kind === QuestionKind.RATING) {
    const weightedMean = stratified((s) => mean(inRange(s, RATING_RANGE)) ?? 0);
    const variance = stratified((s) => (pi(s) * sampleVariance(inRange(s, RATING_RANGE), s.n)) / s.n);
    rating = {
      rawMean: raw.rating?.mean ?? null,
      weightedMean,
      weightedConfidenceInterval:
        weightedMean === null || variance === null
          ? null
          : { low: weightedMean - Z95 * Math.sqrt(variance), high: weightedMean + Z95 * Math.sqrt(variance) },
    };
  }
  let npsResult: WeightedResultData['nps'] = null;
  if (question.kind === QuestionKind.NPS) {
    npsResult = {
      rawScore: raw.nps?.score ?? null,
      weightedScore: stratified((s) => {
        const summary = nps(inRange(s, NPS_RANGE));
        return ((summary.promoters - summary.detractors) / s.n) * 100;
      }),
    };
  }

  const keptIds = new Set(kept.map((s) => s.district.id));
  return {
    question,
    answeredCount: raw.answeredCount,
    weightedBase: n,
    withoutDistrictCount: noDistrictHidden ? 0 : withoutDistrict,
    withoutDistrictSuppressed: noDistrictHidden,
    smallDistrictCount: [...strata.values()].filter(isHidden).length,
    partlyWithheldDistrictCount: [...strata.values()].filter((s) => !isHidden(s) && s.n > 0 && !complete(s)).length,
    populationCoverage: allPopulation ? population / allPopulation : 0,
    effectiveSampleSize: effective,
    options,
    rating,
    nps: npsResult,
    districts: [...strata.values()].map((s) => {
      const inFigure = keptIds.has(s.district.id);
      return {
        district: s.district,
        population: s.district.population,
        populationSource: s.district.populationSource,
        populationYear: s.district.populationYear,
        populationAsOf: s.district.populationAsOf,
        populationShare: inFigure ? pi(s) : null,
        answeredCount: isHidden(s) ? null : s.n,
        sampleShare: inFigure ? s.n / n : null,
        weight: inFigure ? weight(s) : null,
        suppressed: isHidden(s),
      };
    }),
  };
}
