import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { apiError } from '#libs/auth';
import { isUuid } from '#libs/contracts';

/** Relay page info, shared by every subgraph's connections. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** An opaque cursor for a keyset position (an id). */
export const cursorOf = (key: string): string => Buffer.from(key).toString('base64url');

/**
 * The key (an id) a cursor of cursorOf stands for. A cursor that is not one (not base64url, or
 * not an id once decoded) is BAD_USER_INPUT, never a query with a key that is not one.
 */
export function keyOf(cursor: string): string {
  const key = /^[A-Za-z0-9_-]+$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!isUuid(key)) throw apiError('BAD_USER_INPUT', 'after: the cursor is not valid');
  return key;
}

/**
 * A page from `first + 1` keyset rows: the first `first`, whether more follow, the end cursor.
 */
export function pageOf<T>(
  rows: readonly T[],
  first: number,
  keyOfRow: (row: T) => string,
): { rows: T[]; pageInfo: PageInfo } {
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return {
    rows: page,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last === undefined ? null : cursorOf(keyOfRow(last)),
    },
  };
}
