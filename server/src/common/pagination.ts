import { type ClassType, Field, Int, ObjectType, ArgsType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './errors';
import { isUuid } from './ids';
import { isCleanText } from './validation';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

@ObjectType({ description: 'Where a page of a connection stands.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page; null on an empty page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items to return: 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'An `endCursor` from a previous page: return the items after it.' })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;
}

/**
 * Builds the `XEdge` and `XConnection` types for a node type, following the connection shape in
 * docs/api.md: `edges { cursor node }`, `pageInfo`, `totalCount`.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item; pass as `after` to continue after it.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page, in order.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and where to continue.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Cursors are opaque to clients: base64url of a small JSON tuple the service understands. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** PostgreSQL's `integer`: a cursor's number outside it (or not whole) would fail the statement. */
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * What one element of a cursor must be: an `int` is a whole number in PostgreSQL's integer range,
 * a `string` is clean text (no NUL byte, which PostgreSQL refuses), a `uuid` an id, an `instant`
 * a moment as `toISOString` writes it (isCursorInstant). A cursor is the caller's input and may be
 * edited: anything the statement could not take is refused here as BAD_USER_INPUT.
 */
export type CursorPart = 'int' | 'string' | 'uuid' | 'instant';

const fits = (value: unknown, part: CursorPart): boolean => {
  if (part === 'int') return Number.isInteger(value) && (value as number) >= INT_MIN && (value as number) <= INT_MAX;
  if (typeof value !== 'string') return false;
  if (part === 'uuid') return isUuid(value);
  if (part === 'instant') return isCursorInstant(value);
  return isCleanText(value);
};

export function decodeCursor(cursor: string, shape: CursorPart[]): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === shape.length && value.every((v, i) => fits(v, shape[i]))) {
      return value;
    }
  } catch {
    // fall through to the error below
  }
  throw malformedCursor();
}

export const malformedCursor = () => badInput('The cursor is malformed: pass an endCursor exactly as it was returned.', 'after');

const ISO_INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * True for an instant exactly as `Date.prototype.toISOString` writes it for years 1 to 9999 — the
 * form cursors carry — and a real one: `Date.parse` alone takes "1" or 30 February, which
 * PostgreSQL refuses.
 */
export function isCursorInstant(value: string): boolean {
  if (!ISO_INSTANT.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

/** Given `first + 1` rows, builds the page (the extra row only says whether more follow). */
export function toPage<T>(rows: T[], first: number, totalCount: number, keyOf: (row: T) => unknown[]): Page<T> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
