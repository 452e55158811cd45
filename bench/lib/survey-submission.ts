/** The mutation every submission benchmark sends (only `pollId` selected: every accepted answer has the same body). */
export const SUBMIT_MUTATION = 'mutation ($input: SubmitPollResponseInput!) { submitPollResponse(input: $input) { pollId } }';

interface SurveyQuestion {
  id: string;
  options: Array<{ id: string }>;
}

/**
 * A complete answer to the demo satisfaction survey (DEMO_SATISFACTION_SURVEY: two choices, a
 * rating, an NPS and a suggestion), as the benchmarks send it; `extra` adds a challenge or a token.
 */
export function surveySubmission(
  poll: { id: string; questions: SurveyQuestion[] },
  districtId: string,
  extra: Record<string, unknown> = {},
): { query: string; variables: { input: { pollId: string; districtId: string; answers: Array<Record<string, unknown>> } } } {
  const [satisfaction, priority, cleanliness, nps, suggestion] = poll.questions;
  return {
    query: SUBMIT_MUTATION,
    variables: {
      input: {
        pollId: poll.id,
        districtId,
        ...extra,
        answers: [
          { questionId: satisfaction.id, optionIds: [satisfaction.options[1].id] },
          { questionId: priority.id, optionIds: [priority.options[0].id] },
          { questionId: cleanliness.id, number: 4 },
          { questionId: nps.id, number: 8 },
          { questionId: suggestion.id, text: 'ایستگاه دوچرخه نزدیک پارک محله' },
        ],
      },
    },
  };
}
