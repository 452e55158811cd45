/** The value type of an enum made by selfNamed or graphqlEnum: `export type Role = EnumValue<typeof Role>`. */
export type EnumValue<E> = E[keyof E];

/**
 * An enum of strings that are their own names, each written once: `export const PollState =
 * selfNamed('DRAFT', 'PUBLISHED', 'CLOSED')` with `export type PollState = EnumValue<typeof PollState>`
 * gives `PollState.DRAFT === 'DRAFT'`, `Object.values(PollState)` in that order, and TypeORM's
 * `{ type: 'enum', enum: PollState }`. For the stable codes and reasons partner apps switch on and
 * for stored kinds; a GraphQL enum is declared with its descriptions by graphqlEnum.
 */
export function selfNamed<const N extends string>(...names: N[]): { readonly [K in N]: K } {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [K in N]: K };
}
