import { registerEnumType } from 'type-graphql';
import { selfNamed } from './self-named';

export type { EnumValue } from './self-named';

/**
 * A GraphQL enum whose values are their own names, each written once with its description:
 * `export const Role = graphqlEnum('Role', 'What a staff member may do.', { ADMIN: 'Everything.', … })`.
 * It returns a frozen object that serves where a TypeScript string enum did (`Role.ADMIN`,
 * `@Field(() => Role)`, TypeORM's `{ type: 'enum', enum: Role }`, `Object.values(Role)`), registered
 * with type-graphql under `name`.
 */
export function graphqlEnum<const V extends Record<string, string>>(
  name: string,
  description: string,
  values: V,
): { readonly [K in keyof V & string]: K } {
  const keys = Object.keys(values);
  const object = selfNamed(...keys);
  registerEnumType(object, {
    name,
    description,
    valuesConfig: Object.fromEntries(keys.map((key) => [key, { description: values[key] }])),
  });
  return object as { readonly [K in keyof V & string]: K };
}
