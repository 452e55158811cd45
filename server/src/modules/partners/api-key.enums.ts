import { registerEnumType } from 'type-graphql';

/** What a partner API key may do. A key acts for no person: it never carries a staff role. */
export enum ApiScope {
  PUBLIC_READ = 'PUBLIC_READ',
  SUBMIT_RESPONSES = 'SUBMIT_RESPONSES',
  ANALYTICS_READ = 'ANALYTICS_READ',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What a partner API key may do.',
  valuesConfig: {
    PUBLIC_READ: {
      description: 'Every public query and subscription (goals, polls, results the public may see, events, news, site counters).',
    },
    SUBMIT_RESPONSES: { description: 'Public mutations made on behalf of citizens: submitPollResponse and trackPageview.' },
    ANALYTICS_READ: { description: 'The analysts\' read-only opinion and traffic data (fields that say "API keys with ANALYTICS_READ").' },
  },
});

export const API_SCOPES = Object.values(ApiScope);
