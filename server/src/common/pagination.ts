import { type ClassType, Field, Int, ObjectType, ArgsType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './errors';

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

export function decodeCursor(cursor: string, shape: Array<'string' | 'number'>): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === shape.length && value.every((v, i) => typeof v === shape[i])) {
      return value;
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('The cursor is malformed: pass an endCursor exactly as it was returned.', 'after');
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
