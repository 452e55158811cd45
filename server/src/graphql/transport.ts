import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type Config } from '../config';

// graphql-js's "Did you mean …?" hints, in validation and in variable coercion messages.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** A client-facing error message without graphql-js's field, type and enum-value suggestions. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * Strips suggestions from every error of a response. Apollo's own hideSchemaDetailsFromClientErrors
 * covers validation only, while a wrong input field in variables ("Field "emial" is not defined by
 * type "SignInInput". Did you mean "email"?") would still spell out the schema to anonymous callers
 * that trusted documents otherwise keep from exploring it.
 */
function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? [])
            (error as { message: string }).message = withoutSuggestions(error.message);
        },
      };
    },
  };
}

/**
 * What the two GraphQL transports (HTTP POST/GET and the WebSocket) share, so that neither is a
 * way around the other's protections: the query limits and the bearer-token format.
 */
export function queryLimits(limits: Config['limits']) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // armor's token plugin turns every syntax error into a 500; graphql-js's own parser limit below does it right.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    /** Depth, alias, cost and directive limits, as graphql-js validation rules. */
    validationRules: armor.validationRules,
    /** Apollo Server plugins that go with the rules. */
    apolloPlugins: limits.suggestions ? armor.plugins : [...armor.plugins, hideSuggestionsPlugin()],
    parseOptions: { maxTokens: limits.maxTokens },
    /** What a client may read of an error message (suggestions removed unless they are shown). */
    clientMessage: limits.suggestions ? (message: string) => message : withoutSuggestions,
  };
}

/** Why an Authorization value that bearerToken() does not take was refused (HTTP, exports, WebSocket). */
export const MALFORMED_AUTHORIZATION =
  'The Authorization header must be "Bearer <token>" with a session token that signIn returned; this one is not one.';

/** The token of an `Authorization: Bearer <token>` value; undefined when it is not one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/i);
  return match?.[1];
}
