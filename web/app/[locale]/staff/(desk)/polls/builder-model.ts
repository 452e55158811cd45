// The poll builder's form fields. The builder (a client component) names every input this way,
// so the server action reads the same form whether JavaScript sent it or the browser did.

import type { PollAssurance, QuestionKind, ResultsVisibility } from '@/lib/api/graphql.generated';

export type { QuestionKind };
export const QUESTION_KINDS: QuestionKind[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RATING', 'NPS', 'FREE_TEXT'];
export const VISIBILITIES: ResultsVisibility[] = ['PUBLIC', 'AFTER_RESPONSE', 'STAFF_ONLY'];

export interface BuilderOption {
  id: string | null;
  labelFa: string;
  labelEn: string;
}

export interface BuilderQuestion {
  id: string | null;
  kind: QuestionKind;
  promptFa: string;
  promptEn: string;
  required: boolean;
  maxChoices: string;
  maxLength: string;
  options: BuilderOption[];
}

export interface BuilderPoll {
  id: string | null;
  titleFa: string;
  titleEn: string;
  descriptionFa: string;
  descriptionEn: string;
  resultsVisibility: ResultsVisibility;
  asksDistrict: boolean;
  districtIds: string[];
  assurance: PollAssurance;
  /** RESIDENT_LIST: the eligibility list's id; "" for none. */
  eligibilityListId: string;
  /** As the day field shows it (Solar Hijri in Persian) and HH:MM in the city. */
  opensDay: string;
  opensTime: string;
  closesDay: string;
  closesTime: string;
  questions: BuilderQuestion[];
}

export const isChoice = (kind: QuestionKind) => kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';

export const questionField = (q: number, name: string) => `q.${q}.${name}`;
export const optionField = (q: number, o: number, name: string) => `q.${q}.o.${o}.${name}`;

export function blankQuestion(kind: QuestionKind = 'SINGLE_CHOICE'): BuilderQuestion {
  return {
    id: null,
    kind,
    promptFa: '',
    promptEn: '',
    required: true,
    maxChoices: '',
    maxLength: '',
    options: isChoice(kind) ? [blankOption(), blankOption()] : [],
  };
}

export function blankOption(): BuilderOption {
  return { id: null, labelFa: '', labelEn: '' };
}
