import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

/** What a partner API key may do. A key acts for no person: it never carries a staff role. */
export const ApiScope = graphqlEnum('ApiScope', 'What a partner API key may do.', {
  PUBLIC_READ: 'Every public query and subscription (goals, polls, results the public may see, events, news, site counters).',
  SUBMIT_RESPONSES: 'Public mutations made on behalf of citizens: submitPollResponse and trackPageview.',
  ANALYTICS_READ: 'The analysts\' read-only opinion and traffic data (fields that say "API keys with ANALYTICS_READ").',
});
export type ApiScope = EnumValue<typeof ApiScope>;

export const API_SCOPES = Object.values(ApiScope);
