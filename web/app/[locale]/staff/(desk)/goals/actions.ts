'use server';

import { redirect } from 'next/navigation';
import { currentRoute } from '@/lib/i18n/request';
import { localePath } from '@/lib/i18n/routing';
import { isUuid, staffMutation } from '@/lib/staff/api';
import { decimal, integer, refusal, text, type FormState } from '@/lib/staff/forms';

const CREATE_GOAL = /* GraphQL */ `
  mutation StaffCreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) {
      goal {
        id
      }
    }
  }
`;

const UPDATE_GOAL = /* GraphQL */ `
  mutation StaffUpdateGoal($input: UpdateGoalInput!) {
    updateGoal(input: $input) {
      goal {
        id
      }
    }
  }
`;

const DELETE_GOAL = /* GraphQL */ `
  mutation StaffDeleteGoal($input: DeleteGoalInput!) {
    deleteGoal(input: $input) {
      deletedGoalId
    }
  }
`;

const ADD_INDICATOR = /* GraphQL */ `
  mutation StaffAddGoalIndicator($input: AddGoalIndicatorInput!) {
    addGoalIndicator(input: $input) {
      indicator {
        id
      }
    }
  }
`;

const UPDATE_INDICATOR = /* GraphQL */ `
  mutation StaffUpdateGoalIndicator($input: UpdateGoalIndicatorInput!) {
    updateGoalIndicator(input: $input) {
      indicator {
        id
      }
    }
  }
`;

const REMOVE_INDICATOR = /* GraphQL */ `
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
    category: text(form, 'category'),
    status: text(form, 'status'),
  };
}

export async function createGoal(previous: FormState, form: FormData): Promise<FormState> {
  const { locale } = await currentRoute();
  const position = integer(form, 'position');
  const result = await staffMutation<{ createGoal: { goal: { id: string } } }>(CREATE_GOAL, {
    input: { ...goalFields(form), ...(position != null ? { position } : {}) },
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

/** "questionId|optionId|METRIC" from the result select → the indicator's source. */
function readSource(form: FormData) {
  const [questionId, optionId, metric] = (text(form, 'source') ?? '').split('|');
  if (!isUuid(questionId ?? '') || !['OPTION_SHARE', 'RATING_MEAN', 'NPS_SCORE'].includes(metric ?? '')) return null;
  return { questionId, optionId: optionId && isUuid(optionId) ? optionId : null, metric };
}

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
  const result = await staffMutation(ADD_INDICATOR, {
    input: {
      goalId,
      pollId,
      ...source,
      labelFa: text(form, 'labelFa') ?? '',
      labelEn: text(form, 'labelEn'),
      target: readTarget(form, source.metric) ?? Number.NaN,
      direction: text(form, 'direction') ?? 'AT_LEAST',
    },
  });
  if (!result.ok) return refusal(locale, result.error, previous);
  redirect(`${localePath(locale, `/staff/goals/${goalId}`)}?done=added#indicators`);
}

export async function updateIndicator(
  goalId: string,
  indicatorId: string,
  metric: string,
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const { locale } = await currentRoute();
  const result = await staffMutation(UPDATE_INDICATOR, {
    input: {
      id: indicatorId,
      labelFa: text(form, 'labelFa') ?? '',
      labelEn: text(form, 'labelEn'),
      target: readTarget(form, metric),
      direction: text(form, 'direction') ?? 'AT_LEAST',
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
