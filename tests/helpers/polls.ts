import { type TestApp } from './app';

export const CREATE_POLL = `mutation ($input: CreatePollInput!) {
  createPoll(input: $input) { poll { id status wave seriesId questions { id kind position options { id position } } } }
}`;
export const PUBLISH_POLL = 'mutation ($input: PublishPollInput!) { publishPoll(input: $input) { poll { id status } } }';
export const SUBMIT = `mutation ($input: SubmitPollResponseInput!) {
  submitPollResponse(input: $input) { pollId respondentToken results { responseCount } }
}`;

export interface CreatedPoll {
  id: string;
  status: string;
  wave: number;
  seriesId: string;
  questions: Array<{ id: string; kind: string; position: number; options: Array<{ id: string; position: number }> }>;
}

/** A survey with one question of every kind; published unless told otherwise. */
export function surveyInput(overrides: Record<string, unknown> = {}) {
  return {
    titleFa: 'نظرسنجی رضایت از خدمات شهری',
    titleEn: 'Satisfaction with city services',
    questions: [
      {
        kind: 'SINGLE_CHOICE',
        promptFa: 'از خدمات شهرداری راضی هستید؟',
        promptEn: 'Are you satisfied?',
        options: [{ labelFa: 'بله', labelEn: 'Yes' }, { labelFa: 'تا حدی' }, { labelFa: 'خیر', labelEn: 'No' }],
      },
      {
        kind: 'MULTIPLE_CHOICE',
        promptFa: 'کدام خدمات را استفاده کرده‌اید؟',
        maxChoices: 2,
        required: false,
        options: [{ labelFa: 'حمل و نقل' }, { labelFa: 'فضای سبز' }, { labelFa: 'پسماند' }],
      },
      { kind: 'RATING', promptFa: 'به پاکیزگی شهر چه نمره‌ای می‌دهید؟' },
      { kind: 'NPS', promptFa: 'چقدر شهر را به دوستان توصیه می‌کنید؟', required: false },
      { kind: 'FREE_TEXT', promptFa: 'پیشنهاد شما چیست؟', required: false, maxLength: 200 },
    ],
    ...overrides,
  };
}

export async function createPoll(t: TestApp, token: string, input: Record<string, unknown>, publish = true): Promise<CreatedPoll> {
  const created = await t.gql<{ createPoll: { poll: CreatedPoll } }>(CREATE_POLL, { input }, { token });
  if (!created.body.data?.createPoll) throw new Error(`createPoll failed: ${JSON.stringify(created.body.errors)}`);
  const poll = created.body.data.createPoll.poll;
  if (publish) {
    const published = await t.gql(PUBLISH_POLL, { input: { id: poll.id } }, { token });
    if (published.body.errors) throw new Error(`publishPoll failed: ${JSON.stringify(published.body.errors)}`);
  }
  return poll;
}
