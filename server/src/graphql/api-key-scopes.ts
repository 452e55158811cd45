import { type ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError, ErrorCode } from '../common/errors';
import { ApiScope } from '../modules/partners/api-key.enums';
import { type CallerKey } from '../modules/partners/api-key.service';
import { type AccessDeclaration } from './access';
import { type Context } from './context';

/** The scope an API key needs for a field, or null when keys may not call it at all. */
export function requiredScope(access: AccessDeclaration | undefined): ApiScope | null {
  if (!access) return null;
  if ('public' in access) return access.apiScope ?? ApiScope.PUBLIC_READ;
  return access.apiScope ?? null;
}

/** The access declaration of the field being resolved. */
export function accessOfField(info: GraphQLResolveInfo): AccessDeclaration | undefined {
  return info.parentType.getFields()[info.fieldName]?.extensions?.access as AccessDeclaration | undefined;
}

function rootFieldNames(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  names = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, fragments, names, seen);
    else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
      seen.add(selection.name.value);
      rootFieldNames(fragments[selection.name.value].selectionSet, fragments, names, seen);
    }
  }
  return names;
}

/**
 * Checks, before anything executes, that an operation made with an API key selects only root
 * fields the key's scopes allow: FORBIDDEN with `requiredScope` otherwise. Staff-only fields below
 * the root are checked as they resolve (the auth checker), the same way. Over HTTP through
 * apiKeyScopePlugin, over the WebSocket when a subscription starts.
 */
export function checkApiKeyScopes(key: CallerKey, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): void {
  const root: GraphQLObjectType | null | undefined =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  for (const name of rootFieldNames(operation.selectionSet, fragments)) {
    // __typename, __schema and __type: reading the schema is public.
    const scope = name.startsWith('__')
      ? ApiScope.PUBLIC_READ
      : requiredScope(root.getFields()[name]?.extensions?.access as AccessDeclaration | undefined);
    if (!scope) {
      throw new AppError(ErrorCode.FORBIDDEN, `API keys cannot call ${name}: it needs a staff session.`, { http: { status: 403 } });
    }
    if (!key.scopes.includes(scope)) {
      throw new AppError(ErrorCode.FORBIDDEN, `This API key lacks the ${scope} scope that ${name} needs.`, {
        requiredScope: scope,
        http: { status: 403 },
      });
    }
  }
}

/** checkApiKeyScopes for each request over HTTP made with an API key. */
export function apiKeyScopePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, schema, document }) {
          if (contextValue.apiKey && operation) checkApiKeyScopes(contextValue.apiKey, schema, document, operation);
        },
      };
    },
  };
}
