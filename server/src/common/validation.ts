import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';
import { Field, ID } from 'type-graphql';
import { badInput } from './errors';

// C0 controls other than tab, newline and carriage return; DEL; and lone surrogates are never text.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True for text without NUL bytes, control characters or broken UTF-16. */
export function isCleanText(value: string): boolean {
  return !FORBIDDEN.test(value);
}

// White space and the characters that show nothing: format characters (ZWNJ, ZWJ, the direction
// marks and overrides, soft hyphen, BOM) and the blank letters some scripts have.
const BLANK = /^[\s\p{Cf}\u115f\u1160\u2800\u3164\uffa0]*$/u;

/** True for text that shows nothing: empty, or only white space and invisible characters. */
export function isBlank(value: string): boolean {
  return BLANK.test(value);
}

/**
 * Checks a plain string argument (one that is not a field of an input type, which `IsCleanText`
 * covers): BAD_USER_INPUT on `field` when it holds a NUL byte, a control character or broken
 * UTF-16, so such text is refused as the caller's mistake and never reaches PostgreSQL (which
 * cannot store a NUL byte and would fail the statement).
 */
export function cleanTextArg(value: string, field: string): string {
  if (!isCleanText(value)) throw badInput(`${field} contains control characters.`, field);
  return value;
}

/**
 * A class-validator rule (`name`) for a string field: null and undefined pass (whether they may be
 * sent is for IsOptional and the GraphQL type to say); anything else must be a string `test`
 * accepts, or fails with the message `message` writes for the property.
 */
export function stringRule(name: string, message: (property: string) => string, test: (value: string) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: message(String(propertyName)), ...options },
        validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && test(value)) },
      });
}

/** Rejects NUL bytes, control characters and broken UTF-16 in free text. */
export const IsCleanText = stringRule('isCleanText', (property) => `${property} contains control characters`, isCleanText);

/** Rejects strings that show nothing: empty, or only white space and invisible characters (a title of a ZWNJ and a direction mark). */
export const IsNotBlank = stringRule(
  'isNotBlank',
  (property) => `${property} must not be blank`,
  (value) => !isBlank(value),
);

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

/**
 * A list-of-ids field of an input type: at most `max` ids (and at least `min`), each at most 64
 * characters. An `optional` one may be omitted or null; an `emptyByDefault` one is [] when omitted.
 */
export function IdsInput({
  description,
  max,
  min,
  optional = false,
  emptyByDefault = false,
}: {
  description: string;
  max: number;
  min?: number;
  optional?: boolean;
  emptyByDefault?: boolean;
}): PropertyDecorator {
  return stacked(
    Field(() => [ID], { description, ...(optional ? { nullable: true } : {}), ...(emptyByDefault ? { defaultValue: [] } : {}) }),
    ...(optional ? [IsOptional()] : []),
    ...(min === undefined ? [] : [ArrayMinSize(min)]),
    ArrayMaxSize(max),
    MaxLength(64, { each: true }),
  );
}

/** The decorators applied one after another, as one. */
function allOf(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyName) => decorators.forEach((decorate) => decorate(target, propertyName));
}

/**
 * The decorators as if written one above the other in this order: TypeScript applies the lowest
 * first, and the rules run in that order (the first failing rule's message is the one reported).
 */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return allOf([...decorators].reverse());
}
