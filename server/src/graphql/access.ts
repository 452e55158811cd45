import { Authorized, Extensions } from 'type-graphql';
import { type GraphQLSchema } from 'graphql';
import { type Role } from '../modules/staff/role';

/**
 * Every query, mutation and subscription declares who may call it, with exactly one of these.
 * The declaration is recorded in the field's extensions, and `assertAccessDeclared` refuses to
 * build a schema in which a root field has none: public access is opted into, never forgotten.
 */
export type AccessDeclaration = { public: true } | { roles: Role[] };

/** Anyone, signed in or not, may call this. */
export function Public(): MethodDecorator {
  return Extensions({ access: { public: true } satisfies AccessDeclaration });
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
