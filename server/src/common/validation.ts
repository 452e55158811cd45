import { IsOptional, MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';
import { Field, ID } from 'type-graphql';

// C0 controls other than tab, newline and carriage return; DEL; and lone surrogates are never text.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True for text without NUL bytes, control characters or broken UTF-16. */
export function isCleanText(value: string): boolean {
  return !FORBIDDEN.test(value);
}

/** Rejects NUL bytes, control characters and broken UTF-16 in free text. */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} contains control characters`, ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && isCleanText(value)) },
    });
}

/** Rejects strings that are empty once trimmed. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must not be blank`, ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && value.trim().length > 0) },
    });
}

/**
 * A text field of an input type, with its rules: the GraphQL field, a length limit, clean text and
 * (unless `allowBlank`) not blank; an `optional` one may be omitted or null.
 */
export function TextInput({
  description,
  max,
  optional = false,
  allowBlank = false,
}: {
  description: string;
  max: number;
  optional?: boolean;
  allowBlank?: boolean;
}): PropertyDecorator {
  return allOf([
    Field(() => String, optional ? { nullable: true, description } : { description }),
    ...(optional ? [IsOptional()] : []),
    MaxLength(max),
    ...(allowBlank ? [] : [IsNotBlank()]),
    IsCleanText(),
  ]);
}

/**
 * An id field of an input type: a GraphQL ID of at most 64 characters (a longer one names nothing);
 * an `optional` one may be omitted or null.
 */
export function IdInput({ description, optional = false }: { description: string; optional?: boolean }): PropertyDecorator {
  return allOf([
    Field(() => ID, optional ? { nullable: true, description } : { description }),
    ...(optional ? [IsOptional()] : []),
    MaxLength(64),
  ]);
}

/** The decorators applied one after another, as one. */
function allOf(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyName) => decorators.forEach((decorate) => decorate(target, propertyName));
}
