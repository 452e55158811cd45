import { Authorized, createParameterDecorator, Extensions } from 'type-graphql';
import { unauthenticated } from '../common/errors';
import { type Actor } from '../modules/staff/staff.policy';
import { type Context } from './context';
import { type GraphQLSchema } from 'graphql';
import { type ApiScope } from '../modules/partners/api-key.enums';
import { type Role } from '../modules/staff/role';

/**
 * Every query, mutation and subscription declares who may call it, with exactly one of these.
 * The declaration is recorded in the field's extensions, and `assertAccessDeclared` refuses to
 * build a schema in which a root field has none: public access is opted into, never forgotten.
 */
export type AccessDeclaration = ({ public: true } | { roles: Role[] }) & {
  /**
   * The scope a partner API key needs for it. Public fields default to PUBLIC_READ; staff fields
   * without one are closed to API keys (a key never acts as a staff member).
   */
  apiScope?: ApiScope;
};

/** Anyone, signed in or not, may call this; an API key needs `apiScope` (PUBLIC_READ by default). */
export function Public(options: { apiScope?: ApiScope } = {}): MethodDecorator {
  return Extensions({ access: { public: true, ...options } satisfies AccessDeclaration });
}

/** Signed-in staff with one of these roles, or a partner API key holding `scope` (read-only data only). */
export function StaffOrApiKey(scope: ApiScope, ...roles: Role[]): MethodDecorator {
  const authorized = Authorized(...roles) as MethodDecorator;
  const extensions = Extensions({ access: { roles, apiScope: scope } satisfies AccessDeclaration });
  return (target, key, descriptor) => {
    authorized(target, key, descriptor);
    extensions(target, key, descriptor);
  };
}

/** Signed-in staff with one of these roles (any staff role when none is given). */
export function StaffOnly(...roles: Role[]): MethodDecorator {
  const authorized = Authorized(...roles) as MethodDecorator;
  const extensions = Extensions({ access: { roles } satisfies AccessDeclaration });
  return (target, key, descriptor) => {
    authorized(target, key, descriptor);
    extensions(target, key, descriptor);
  };
}

export function accessOf(schema: GraphQLSchema): Record<string, AccessDeclaration | undefined> {
  const table: Record<string, AccessDeclaration | undefined> = {};
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      table[`${root.name}.${field.name}`] = field.extensions?.access as AccessDeclaration | undefined;
    }
  }
  return table;
}

export function assertAccessDeclared(schema: GraphQLSchema): void {
  const missing = Object.entries(accessOf(schema))
    .filter(([, access]) => !access)
    .map(([name]) => name);
  if (missing.length) {
    throw new Error(`These operations declare no access (use @Public() or @StaffOnly()): ${missing.join(', ')}`);
  }
}

/**
 * The signed-in staff member acting in this request, typed, for the resolvers of staff-only
 * operations (the access check has run before, so there is one; a call without one is refused).
 */
export function CurrentActor() {
  return createParameterDecorator<Context>(({ context }) => {
    if (!context.viewer) throw unauthenticated();
    const actor: Actor = { ...context.viewer, requestId: context.requestId };
    return actor;
  });
}
