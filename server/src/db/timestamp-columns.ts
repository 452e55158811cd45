import { Field } from 'type-graphql';
import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// Most tables keep when a row was inserted (created_at) and last updated (updated_at), set by
// TypeORM; given a description, the column is also a GraphQL field.

const withField = (column: PropertyDecorator, description?: string): PropertyDecorator =>
  description === undefined
    ? column
    : (target, propertyName) => {
        Field(() => Date, { description })(target, propertyName);
        column(target, propertyName);
      };

/** The created_at column (timestamptz). */
export const CreatedAtColumn = (description?: string) =>
  withField(CreateDateColumn({ name: 'created_at', type: 'timestamptz' }), description);

/** The updated_at column (timestamptz), renewed by every update through TypeORM. */
export const UpdatedAtColumn = (description?: string) =>
  withField(UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }), description);
