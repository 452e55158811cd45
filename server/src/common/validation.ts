import { registerDecorator, type ValidationOptions } from 'class-validator';

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
