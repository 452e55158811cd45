import { call } from './server-process';
import { surveySubmission } from './survey-submission';

/** The seeded demo satisfaction survey of a server, and request bodies that answer it. */
export async function demoSurvey(graphqlUrl: string) {
  const data = await call<{
    polls: {
      edges: Array<{
        node: { id: string; asksDistrict: boolean; questions: Array<{ id: string; kind: string; options: Array<{ id: string }> }> };
      }>;
    };
    districts: Array<{ id: string }>;
  }>(graphqlUrl, '{ polls(first: 10) { edges { node { id asksDistrict questions { id kind options { id } } } } } districts { id } }');
  const survey = data.polls.edges.map((e) => e.node).find((p) => p.questions.length >= 5 && p.asksDistrict);
  if (!survey) throw new Error('the demo satisfaction survey is missing');
  const submit = surveySubmission(survey, data.districts[0].id);
  const publicRead = {
    query:
      'query ($id: ID!) { poll(id: $id) { id title questions { id prompt options { id label } } } pollResults(pollId: $id) { responseCount questions { options { count share } } } goals(first: 10) { edges { node { id title } } } }',
    variables: { id: survey.id },
  };
  const analystRead = (questionId: string) => ({
    query:
      'query ($id: ID!, $q: ID!) { pollInsights(pollId: $id) { responseCount crosstab(questionId: $q) { rows { district { id } cells { count share } } } } }',
    variables: { id: survey.id, q: questionId },
  });
  return { survey, submit, publicRead, analystRead: analystRead(survey.questions[0].id) };
}
