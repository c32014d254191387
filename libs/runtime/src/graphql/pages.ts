import { Directive, Field, ObjectType } from '@nestjs/graphql';

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

export const keyOf = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

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
