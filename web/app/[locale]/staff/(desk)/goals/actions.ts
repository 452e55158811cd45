'use server';

import { redirect } from 'next/navigation';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffMutation } from '@/lib/staff/api';
import { decimal, integer, enumField, refusal, text, type FormState } from '@/lib/staff/forms';
import type {
  GoalCategory,
  GoalIndicatorDirection,
  GoalIndicatorMetric,
  GoalStatus,
  StaffAddGoalIndicatorMutation,
  StaffAddGoalIndicatorMutationVariables,
  StaffCreateGoalMutation,
  StaffCreateGoalMutationVariables,
  StaffDeleteGoalMutation,
  StaffDeleteGoalMutationVariables,
  StaffRemoveGoalIndicatorMutation,
  StaffRemoveGoalIndicatorMutationVariables,
  StaffUpdateGoalIndicatorMutation,
  StaffUpdateGoalIndicatorMutationVariables,
  StaffUpdateGoalMutation,
  StaffUpdateGoalMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const CREATE_GOAL: Operation<StaffCreateGoalMutation, StaffCreateGoalMutationVariables> = /* GraphQL */ `
  mutation StaffCreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) {
      goal {
        id
      }
    }
  }
`;

const UPDATE_GOAL: Operation<StaffUpdateGoalMutation, StaffUpdateGoalMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateGoal($input: UpdateGoalInput!) {
    updateGoal(input: $input) {
      goal {
        id
      }
    }
  }
`;

const DELETE_GOAL: Operation<StaffDeleteGoalMutation, StaffDeleteGoalMutationVariables> = /* GraphQL */ `
  mutation StaffDeleteGoal($input: DeleteGoalInput!) {
    deleteGoal(input: $input) {
      deletedGoalId
    }
  }
`;

const ADD_INDICATOR: Operation<StaffAddGoalIndicatorMutation, StaffAddGoalIndicatorMutationVariables> = /* GraphQL */ `
  mutation StaffAddGoalIndicator($input: AddGoalIndicatorInput!) {
    addGoalIndicator(input: $input) {
      indicator {
        id
      }
    }
  }
`;

const UPDATE_INDICATOR: Operation<StaffUpdateGoalIndicatorMutation, StaffUpdateGoalIndicatorMutationVariables> = /* GraphQL */ `
  mutation StaffUpdateGoalIndicator($input: UpdateGoalIndicatorInput!) {
    updateGoalIndicator(input: $input) {
      indicator {
        id
      }
    }
  }
`;

const REMOVE_INDICATOR: Operation<StaffRemoveGoalIndicatorMutation, StaffRemoveGoalIndicatorMutationVariables> = /* GraphQL */ `
  mutation StaffRemoveGoalIndicator($input: RemoveGoalIndicatorInput!) {
    removeGoalIndicator(input: $input) {
      removedIndicatorId
    }
  }
`;

function goalFields(form: FormData) {
  return {
    titleFa: text(form, 'titleFa') ?? '',
    titleEn: text(form, 'titleEn'),
    descriptionFa: text(form, 'descriptionFa'),
    descriptionEn: text(form, 'descriptionEn'),
    category: enumField<GoalCategory>(form, 'category'),
    status: enumField<GoalStatus>(form, 'status'),
  };
}

export async function createGoal(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const position = integer(form, 'position');
  const { category, ...fields } = goalFields(form);
  if (!category)
    return refusal(locale, { message: 'Choose a category.', extensions: { code: 'BAD_USER_INPUT', field: 'input.category' } }, previous);
  const result = await staffMutation(CREATE_GOAL, {
    input: { ...fields, category, ...(position != null ? { position } : {}) },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  redirect(`${localePath(locale, `/staff/goals/${result.data.createGoal.goal.id}`)}?done=created`);
}

export async function updateGoal(goalId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const position = integer(form, 'position');
  const result = await staffMutation(UPDATE_GOAL, {
    input: { id: goalId, ...goalFields(form), ...(position != null ? { position } : {}) },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  redirect(`${localePath(locale, `/staff/goals/${goalId}`)}?done=saved`);
}

export async function deleteGoal(goalId: string): Promise<void> {
  const { locale } = await currentRoute();
  const result = await staffMutation(DELETE_GOAL, { input: { id: goalId } });
  if (!result.ok) redirect(`${localePath(locale, `/staff/goals/${goalId}`)}?error=${result.error.extensions?.code ?? 'UNKNOWN'}`);
  redirect(`${localePath(locale, '/staff/goals')}?done=deleted`);
}

/** "questionId|METRIC" from the result select → the indicator's source. */
const METRICS: GoalIndicatorMetric[] = ['OPTION_SHARE', 'RATING_MEAN', 'NPS_SCORE'];

function readSource(form: FormData) {
  const [questionId, metric] = (text(form, 'source') ?? '').split('|');
  const known = METRICS.find((m) => m === metric);
  if (!isUuid(questionId ?? '') || !known) return null;
  return { questionId, metric: known };
}

/** The options ticked under a question (each question's boxes are named after it): the ones an OPTION_SHARE counts. */
function readOptions(form: FormData, questionId: string): string[] {
  return form.getAll(`option-${questionId}`).filter((v): v is string => typeof v === 'string' && isUuid(v));
}

/** A refusal made here, before the API is asked: worded by its reason (lib/staff/i18n.ts) like the API's own. */
const refused = (reason: string, field: string, message: string) => ({ message, extensions: { code: 'BAD_USER_INPUT', field, reason } });
const NO_OPTIONS = refused('OPTIONS_NOT_TICKED', 'input.optionIds', 'Tick the options to count.');

/**
 * Why no option of the chosen question is ticked: the form lists every choice question's options
 * (it works without JavaScript), so they may have been ticked under another one.
 */
function noOptions(form: FormData) {
  const elsewhere = [...form.keys()].some((name) => name.startsWith('option-'));
  return elsewhere
    ? refused('OPTIONS_OF_ANOTHER_QUESTION', 'input.optionIds', 'The ticked options belong to another question than the chosen result.')
    : NO_OPTIONS;
}

/** A share's target is typed in percent: 0 to 100. */
function shareTargetOutOfRange(form: FormData): boolean {
  const value = decimal(form, 'target');
  return value != null && (value < 0 || value > 100);
}
const SHARE_TARGET = refused('SHARE_TARGET_RANGE', 'input.target', 'A share target is a percentage from 0 to 100.');

/** Targets of shares are typed in percent and stored as fractions. */
function readTarget(form: FormData, metric: string | undefined): number | null {
  const value = decimal(form, 'target');
  if (value == null) return null;
  return metric === 'OPTION_SHARE' ? value / 100 : value;
}

export async function addIndicator(goalId: string, pollId: string, previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const source = readSource(form);
  if (!source)
    return refusal(
      locale,
      { message: 'Choose the result to read.', extensions: { code: 'BAD_USER_INPUT', field: 'input.questionId' } },
      previous,
    );
  const optionIds = source.metric === 'OPTION_SHARE' ? readOptions(form, source.questionId) : null;
  if (optionIds?.length === 0) return refusal(locale, noOptions(form), previous);
  if (source.metric === 'OPTION_SHARE' && shareTargetOutOfRange(form)) return refusal(locale, SHARE_TARGET, previous);
  const result = await staffMutation(ADD_INDICATOR, {
    input: {
      goalId,
      pollId,
      ...source,
      ...(optionIds ? { optionIds } : {}),
      labelFa: text(form, 'labelFa') ?? '',
      labelEn: text(form, 'labelEn'),
      target: readTarget(form, source.metric) ?? Number.NaN,
      direction: enumField<GoalIndicatorDirection>(form, 'direction') ?? 'AT_LEAST',
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  redirect(`${localePath(locale, `/staff/goals/${goalId}`)}?done=added#indicators`);
}

export async function updateIndicator(
  goalId: string,
  indicatorId: string,
  metric: string,
  questionId: string,
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const { locale } = await currentRoute();
  // The boxes are on the form only when the page could list the question's options; without them the options stay.
  const optionIds = metric === 'OPTION_SHARE' && text(form, 'optionsOf') === questionId ? readOptions(form, questionId) : null;
  if (optionIds?.length === 0) return refusal(locale, NO_OPTIONS, previous);
  if (metric === 'OPTION_SHARE' && shareTargetOutOfRange(form)) return refusal(locale, SHARE_TARGET, previous);
  const result = await staffMutation(UPDATE_INDICATOR, {
    input: {
      id: indicatorId,
      ...(optionIds ? { optionIds } : {}),
      labelFa: text(form, 'labelFa') ?? '',
      labelEn: text(form, 'labelEn'),
      target: readTarget(form, metric),
      direction: enumField<GoalIndicatorDirection>(form, 'direction') ?? 'AT_LEAST',
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  redirect(`${localePath(locale, `/staff/goals/${goalId}`)}?done=saved#indicators`);
}

export async function removeIndicator(goalId: string, indicatorId: string): Promise<void> {
  const { locale } = await currentRoute();
  const result = await staffMutation(REMOVE_INDICATOR, { input: { id: indicatorId } });
  const page = localePath(locale, `/staff/goals/${goalId}`);
  if (!result.ok) redirect(`${page}?error=${result.error.extensions?.code ?? 'UNKNOWN'}`);
  redirect(`${page}?done=removed#indicators`);
}
