import { Column } from 'typeorm';

/**
 * A text column PostgreSQL computes from `expression` and stores (GENERATED ALWAYS AS … STORED):
 * the site search's normalised text, or a key to match names by. Only SQL uses it: entities never
 * read or write it.
 */
export const GeneratedTextColumn = (name: string, expression: string) =>
  Column({
    name,
    type: 'text',
    nullable: true,
    generatedType: 'STORED',
    asExpression: expression,
    select: false,
    insert: false,
    update: false,
  });
